/** Operator of a host selector requirement. */
export enum HostSelectorOperator {
  /** The label value is one of `values`. */
  IN = 'In',
  /** The label value is none of `values` (or the label is missing). */
  NOT_IN = 'NotIn',
  /** The label is present, whatever its value. */
  EXISTS = 'Exists',
  /** The label is absent. */
  DOES_NOT_EXIST = 'DoesNotExist',
}

/** One requirement on a host label (a Kubernetes label selector requirement). */
export interface HostSelectorRequirement {
  /** Label key of the ByoHost, e.g. `site`. */
  readonly key: string;
  /** How the label is compared with `values`. */
  readonly operator: HostSelectorOperator;
  /**
   * Values for `In` and `NotIn` (at least one); must be unset for `Exists` and `DoesNotExist`.
   * @default - none
   */
  readonly values?: string[];
}

/**
 * Which registered hosts (ByoHost objects, created by the host agents) a pool or the control
 * plane may claim, by their labels. All conditions are ANDed; at least one is required so a
 * selector never claims every host of the management cluster.
 */
export interface ByohHostSelector {
  /**
   * Labels a host must carry, e.g. `{ role: 'worker' }`.
   * @default - none
   */
  readonly matchLabels?: Record<string, string>;
  /**
   * Further requirements on host labels.
   * @default - none
   */
  readonly matchExpressions?: HostSelectorRequirement[];
}
