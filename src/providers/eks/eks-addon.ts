/** What EKS does when an addon's settings conflict with changes made in the cluster. */
export enum EksAddonConflictResolution {
  /** Overwrite the in-cluster changes (CAPA's default). */
  OVERWRITE = 'overwrite',
  /** Leave the addon unchanged and report the conflict. */
  NONE = 'none',
  /** Keep the in-cluster values (updates only). */
  PRESERVE = 'preserve',
}

/**
 * An EKS managed addon (the chart's `cluster.eksAddons[]`), e.g. `vpc-cni`, `kube-proxy`,
 * `coredns`, `aws-ebs-csi-driver`.
 */
export interface EksAddon {
  /** Addon name as EKS knows it, e.g. `aws-ebs-csi-driver`. */
  readonly name: string;
  /** Addon version, e.g. `v1.45.0-eksbuild.2` (`aws eks describe-addon-versions`). */
  readonly version: string;
  /**
   * Addon configuration values, as the JSON (or YAML) string EKS expects.
   * @default - the addon's defaults
   */
  readonly configuration?: string;
  /**
   * What to do when the addon's settings conflict with in-cluster changes.
   * @default EksAddonConflictResolution.OVERWRITE
   */
  readonly conflictResolution?: EksAddonConflictResolution;
  /**
   * IAM role (IRSA) the addon's service account assumes, e.g. the EBS CSI driver role. Needs
   * `associateOidcProvider`.
   * @default - the node role
   */
  readonly serviceAccountRoleArn?: string;
  /**
   * Keep the addon's resources in the cluster when the addon is removed.
   * @default false
   */
  readonly preserveOnDelete?: boolean;
}
