/** EKS-optimized AMI families of a managed node group (`amiType`). */
export enum EksAmiType {
  /** Amazon Linux 2023, x86_64 (the default; AL2 images end with Kubernetes 1.32). */
  AL2023_X86_64_STANDARD = 'AL2023_x86_64_STANDARD',
  /** Amazon Linux 2023, arm64 (Graviton). */
  AL2023_ARM_64_STANDARD = 'AL2023_ARM_64_STANDARD',
  /** Amazon Linux 2023 with NVIDIA drivers, x86_64. */
  AL2023_X86_64_NVIDIA = 'AL2023_x86_64_NVIDIA',
  /** Amazon Linux 2023 with NVIDIA drivers, arm64. */
  AL2023_ARM_64_NVIDIA = 'AL2023_ARM_64_NVIDIA',
  /** Amazon Linux 2023 with AWS Neuron, x86_64. */
  AL2023_X86_64_NEURON = 'AL2023_x86_64_NEURON',
  /** Bottlerocket, x86_64. */
  BOTTLEROCKET_X86_64 = 'BOTTLEROCKET_x86_64',
  /** Bottlerocket, arm64. */
  BOTTLEROCKET_ARM_64 = 'BOTTLEROCKET_ARM_64',
  /** Bottlerocket with NVIDIA drivers, x86_64. */
  BOTTLEROCKET_X86_64_NVIDIA = 'BOTTLEROCKET_x86_64_NVIDIA',
  /** Bottlerocket with NVIDIA drivers, arm64. */
  BOTTLEROCKET_ARM_64_NVIDIA = 'BOTTLEROCKET_ARM_64_NVIDIA',
  /** Bottlerocket FIPS, x86_64. */
  BOTTLEROCKET_X86_64_FIPS = 'BOTTLEROCKET_x86_64_FIPS',
  /** Bottlerocket FIPS, arm64. */
  BOTTLEROCKET_ARM_64_FIPS = 'BOTTLEROCKET_ARM_64_FIPS',
  /** Amazon Linux 2, x86_64 (Kubernetes ≤ 1.32 only). */
  AL2_X86_64 = 'AL2_x86_64',
  /** Amazon Linux 2 with GPU drivers, x86_64 (Kubernetes ≤ 1.32 only). */
  AL2_X86_64_GPU = 'AL2_x86_64_GPU',
  /** Amazon Linux 2, arm64 (Kubernetes ≤ 1.32 only). */
  AL2_ARM_64 = 'AL2_ARM_64',
  /** Windows Server 2022 Core. */
  WINDOWS_CORE_2022_X86_64 = 'WINDOWS_CORE_2022_x86_64',
  /** Windows Server 2022 Full. */
  WINDOWS_FULL_2022_X86_64 = 'WINDOWS_FULL_2022_x86_64',
}

/** How many nodes a managed node group updates at once (one of the two fields). */
export interface EksNodeGroupUpdateOptions {
  /**
   * Nodes unavailable at once during an update (1–100).
   * @default - 1 (CAPA's default) unless `maxUnavailablePercentage` is set
   */
  readonly maxUnavailable?: number;
  /**
   * Percentage of nodes unavailable at once during an update (1–100).
   * @default - not used
   */
  readonly maxUnavailablePercentage?: number;
}

/** SSH access to the nodes of a managed node group (not with a launch template). */
export interface EksNodeGroupRemoteAccessOptions {
  /**
   * EC2 key pair for SSH.
   * @default - the infrastructure's `sshKeyName`
   */
  readonly sshKeyName?: string;
  /**
   * Security groups allowed to SSH to the nodes; not with `public`.
   * @default - none
   */
  readonly sourceSecurityGroups?: string[];
  /**
   * Open SSH to the internet (0.0.0.0/0). Not recommended.
   * @default false
   */
  readonly public?: boolean;
}

/**
 * Settings of an EKS `NodePoolKind.MANAGED_NODE_GROUP` pool (AWSManagedMachinePool). The
 * pool's `machineType`, `capacity`, `rootVolume.sizeGiB`, `nodeLabels`, `taints`,
 * `availabilityZones` and `subnet` apply as well.
 */
export interface EksNodeGroupOptions {
  /**
   * EKS node group name.
   * @default - `<cluster>-<pool>`
   */
  readonly nodeGroupName?: string;
  /**
   * Subnet ids of the node group (the chart's `machinePool[].subnets`); not with the pool's
   * `subnet` or availability zones.
   * @default - the cluster's private subnets in the pool's zones
   */
  readonly subnetIds?: string[];
  /**
   * AMI family EKS boots the nodes from (without a launch template).
   * @default EksAmiType.AL2023_X86_64_STANDARD
   */
  readonly amiType?: EksAmiType;
  /**
   * AMI release version within the family, e.g. `1.33.0-20250620`.
   * @default - the latest release for the Kubernetes version
   */
  readonly amiVersion?: string;
  /**
   * Render the machine settings (root volume type/encryption/IOPS, custom image, security
   * groups, IMDSv2 with the hop limit, the infrastructure's SSH key) in a launch template CAPA
   * manages, so managed nodes get the same secure defaults as every other pool (IMDSv2 required,
   * encrypted gp3 root volume). `false` leaves IMDS and root-volume encryption to EKS and the
   * account's EBS encryption-by-default setting (needed only for `remoteAccess`).
   * @default true
   */
  readonly launchTemplate?: boolean;
  /**
   * How many nodes are replaced at once on updates.
   * @default - one node at a time (CAPA's default)
   */
  readonly updateConfig?: EksNodeGroupUpdateOptions;
  /**
   * SSH access to the nodes.
   * @default - no SSH access
   */
  readonly remoteAccess?: EksNodeGroupRemoteAccessOptions;
  /**
   * IAM role of the nodes.
   * @default - clusterawsadm's `eks-nodegroup.cluster-api-provider-aws.sigs.k8s.io`
   */
  readonly roleName?: string;
  /**
   * Extra IAM policy ARNs attached to the node role CAPA creates (the chart's
   * `machinePool[].roleAdditionalPolicies`). Needs the CAPA feature gate `EKSAllowAddRoles`:
   * set `EksInfrastructureProps.allowAddRoles` to acknowledge it.
   * @default - none
   */
  readonly roleAdditionalPolicies?: string[];
  /**
   * Let EKS repair (replace) unhealthy nodes; the managed-node-group counterpart of a
   * MachineHealthCheck.
   * @default false
   */
  readonly nodeRepair?: boolean;
}
