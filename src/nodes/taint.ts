/** Effect of a node taint. */
export enum TaintEffect {
  /** Pods that do not tolerate the taint are not scheduled. */
  NO_SCHEDULE = 'NoSchedule',
  /** The scheduler tries not to place pods that do not tolerate the taint. */
  PREFER_NO_SCHEDULE = 'PreferNoSchedule',
  /** Pods that do not tolerate the taint are evicted. */
  NO_EXECUTE = 'NoExecute',
}

/** A taint registered on a pool's nodes when they join. */
export interface Taint {
  /** Taint key, e.g. `dedicated`. */
  readonly key: string;
  /**
   * Taint value.
   * @default - no value
   */
  readonly value?: string;
  /** Taint effect. */
  readonly effect: TaintEffect;
}
