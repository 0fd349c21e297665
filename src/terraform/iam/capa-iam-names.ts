/**
 * Names of the IAM objects clusterawsadm (and so `CapaIam`) creates, computable without cdktf so
 * that the manifest side (AWSCluster, AWSMachineTemplate, AWSManagedControlPlane) can refer to them.
 */
export class CapaIamNames {
  /** clusterawsadm's default name suffix. */
  public static readonly DEFAULT_NAME_SUFFIX = '.cluster-api-provider-aws.sigs.k8s.io';
  /** Default name of the EKS control-plane role (fixed in CAPA, not affected by prefix/suffix). */
  public static readonly EKS_CONTROL_PLANE_ROLE = 'eks-controlplane.cluster-api-provider-aws.sigs.k8s.io';
  /** Default name of the EKS managed node group role (fixed in CAPA). */
  public static readonly EKS_NODEGROUP_ROLE = 'eks-nodegroup.cluster-api-provider-aws.sigs.k8s.io';
  /** Default name of the EKS Fargate pod execution role (fixed in CAPA). */
  public static readonly EKS_FARGATE_ROLE = 'eks-fargate.cluster-api-provider-aws.sigs.k8s.io';
  /** Default bootstrap user name (not affected by prefix/suffix). */
  public static readonly DEFAULT_BOOTSTRAP_USER_NAME = 'bootstrapper.cluster-api-provider-aws.sigs.k8s.io';
  /** Default bootstrap group name (not affected by prefix/suffix). */
  public static readonly DEFAULT_BOOTSTRAP_GROUP_NAME = 'bootstrapper.cluster-api-provider-aws.sigs.k8s.io';
  /** Name of the inline policies holding extra statements (clusterawsadm's default stack name). */
  public static readonly DEFAULT_INLINE_POLICY_NAME = 'cluster-api-provider-aws-sigs-k8s-io';
  /** Default prefix of the S3 buckets CAPA may create for bootstrap data. */
  public static readonly DEFAULT_S3_BUCKET_NAME_PREFIX = 'cluster-api-provider-aws-';
  /** Default KMS alias pattern (without `alias/`) for EKS secrets encryption keys. */
  public static readonly DEFAULT_EKS_KMS_ALIAS_PREFIX = 'cluster-api-provider-aws-*';

  /**
   * A managed name: `<prefix><name><suffix>`, e.g. `control-plane.cluster-api-provider-aws.sigs.k8s.io`.
   *
   * @param name the component (`control-plane`, `nodes`, `controllers`, `controllers-eks`, …)
   * @param prefix the name prefix (default empty)
   * @param suffix the name suffix (default `.cluster-api-provider-aws.sigs.k8s.io`)
   */
  public static managedName(name: string, prefix?: string, suffix?: string): string {
    return `${prefix ?? ''}${name}${suffix ?? CapaIamNames.DEFAULT_NAME_SUFFIX}`;
  }

  /** The control-plane instance profile (and role) name for the given prefix/suffix. */
  public static controlPlaneInstanceProfile(prefix?: string, suffix?: string): string {
    return CapaIamNames.managedName('control-plane', prefix, suffix);
  }

  /** The nodes instance profile (and role) name for the given prefix/suffix. */
  public static nodesInstanceProfile(prefix?: string, suffix?: string): string {
    return CapaIamNames.managedName('nodes', prefix, suffix);
  }

  /** The controllers role (and instance profile) name for the given prefix/suffix. */
  public static controllersRole(prefix?: string, suffix?: string): string {
    return CapaIamNames.managedName('controllers', prefix, suffix);
  }

  private constructor() {}
}
