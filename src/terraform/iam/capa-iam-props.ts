import { PolicyStatement } from './policy-document';
import { SecretBackend } from './secret-backend';

/** Options common to the roles CapaIam creates (clusterawsadm `AWSIAMRoleSpec`). */
export interface CapaIamRoleOptions {
  /**
   * Extra statements, put in an inline policy of the role (named `inlinePolicyName`).
   * @default - no inline policy
   */
  readonly extraStatements?: PolicyStatement[];
  /**
   * Extra trust statements, appended to the role's assume-role policy.
   * @default - only the EC2 service may assume the role
   */
  readonly trustStatements?: PolicyStatement[];
  /**
   * ARNs of extra managed policies to attach to the role (clusterawsadm `extraPolicyAttachments`).
   * @default - none
   */
  readonly extraPolicyArns?: string[];
  /**
   * Tags of the role.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** Options of the control-plane role (clusterawsadm `controlPlane`). */
export interface CapaControlPlaneRoleOptions extends CapaIamRoleOptions {
  /**
   * Do not attach the controllers policies to the control-plane role (clusterawsadm
   * `disableClusterAPIControllerPolicyAttachment`); set it when the controllers run elsewhere.
   * @default false
   */
  readonly disableControllersPolicyAttachment?: boolean;
  /**
   * Do not create the `control-plane` cloud provider policy.
   * @default false
   */
  readonly disableCloudProviderPolicy?: boolean;
}

/** Options of the controllers role (clusterawsadm `clusterAPIControllers`). */
export interface CapaControllersRoleOptions extends CapaIamRoleOptions {
  /**
   * Role names (or patterns) the controllers may pass to EC2 instances (`iam:PassRole`) and, with
   * `allowAssumeRole`, assume (clusterawsadm `allowedEC2InstanceProfiles`).
   * @default - `<prefix>*<suffix>`, i.e. every role CapaIam creates
   */
  readonly allowedEc2InstanceProfiles?: string[];
}

/** Options of the nodes role (clusterawsadm `nodes`). */
export interface CapaNodesRoleOptions extends CapaIamRoleOptions {
  /**
   * Do not create the `nodes` cloud provider policy.
   * @default false
   */
  readonly disableCloudProviderPolicy?: boolean;
  /**
   * Attach `AmazonEC2ContainerRegistryReadOnly` to the nodes role (clusterawsadm
   * `ec2ContainerRegistryReadOnly`).
   * @default false
   */
  readonly ec2ContainerRegistryReadOnly?: boolean;
}

/** EKS options (clusterawsadm `eks`). */
export interface CapaEksOptions {
  /**
   * Grant EKS permissions (the `controllers-eks` policy, EKS default roles, EKS policies on the
   * nodes role). `false` is clusterawsadm `eks.disable: true`.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Create the default EKS control-plane role `eks-controlplane.cluster-api-provider-aws.sigs.k8s.io`.
   * @default true
   */
  readonly defaultControlPlaneRole?: boolean;
  /**
   * Create the default EKS managed node group role `eks-nodegroup.cluster-api-provider-aws.sigs.k8s.io`
   * (clusterawsadm `eks.managedMachinePool.disable: false`).
   * @default false
   */
  readonly managedMachinePoolRole?: boolean;
  /**
   * Create the default EKS Fargate role `eks-fargate.cluster-api-provider-aws.sigs.k8s.io`
   * (clusterawsadm `eks.fargate.disable: false`).
   * @default false
   */
  readonly fargateRole?: boolean;
  /**
   * Create the `eks-console` policy that lets users view EKS nodes and workloads (clusterawsadm
   * `eks.enableUserEKSConsolePolicy`). It is created unattached.
   * @default false
   */
  readonly consolePolicy?: boolean;
  /**
   * KMS alias pattern (without `alias/`) of the keys EKS controllers may use for secrets encryption.
   * @default 'cluster-api-provider-aws-*'
   */
  readonly kmsAliasPrefix?: string;
  /**
   * Let the EKS controllers create IAM roles and OIDC providers per cluster (clusterawsadm
   * `eks.iamRoleCreation`).
   * @default false
   */
  readonly allowIamRoleCreation?: boolean;
}

/** The bootstrap IAM user and group (clusterawsadm `bootstrapUser`). */
export interface CapaBootstrapUserOptions {
  /**
   * User name (not affected by name prefix/suffix, as in clusterawsadm).
   * @default 'bootstrapper.cluster-api-provider-aws.sigs.k8s.io'
   */
  readonly userName?: string;
  /**
   * Group name; the controllers policies are attached to the group.
   * @default 'bootstrapper.cluster-api-provider-aws.sigs.k8s.io'
   */
  readonly groupName?: string;
  /**
   * Names of other existing groups to add the user to.
   * @default - none
   */
  readonly extraGroups?: string[];
  /**
   * ARNs of extra managed policies to attach to the user.
   * @default - none
   */
  readonly extraPolicyArns?: string[];
  /**
   * Extra statements, put in an inline policy of the user.
   * @default - none
   */
  readonly extraStatements?: PolicyStatement[];
  /**
   * Tags of the user.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** Input of `CapaIam`: the options of `clusterawsadm bootstrap iam` (its `AWSIAMConfiguration`). */
export interface CapaIamProps {
  /**
   * Prepended to the name of every role, instance profile and policy.
   * @default ''
   */
  readonly namePrefix?: string;
  /**
   * Appended to the name of every role, instance profile and policy (clusterawsadm `nameSuffix`).
   * @default '.cluster-api-provider-aws.sigs.k8s.io'
   */
  readonly nameSuffix?: string;
  /**
   * AWS partition, used where clusterawsadm writes one (AWS managed policy ARNs, the Fargate
   * service-linked role). Other ARNs use `arn:*:` exactly as clusterawsadm does.
   * @default 'aws'
   */
  readonly partition?: string;
  /**
   * Name of the inline policies that hold extra statements (clusterawsadm uses its stack name).
   * @default 'cluster-api-provider-aws-sigs-k8s-io'
   */
  readonly inlinePolicyName?: string;
  /**
   * EKS options.
   * @default - EKS enabled with the default control-plane role only
   */
  readonly eks?: CapaEksOptions;
  /**
   * Where CAPA stores machine bootstrap data; one or both backends, no duplicates.
   * @default [SecretBackend.secretsManager()]
   */
  readonly secretBackends?: SecretBackend[];
  /**
   * Let the controllers manage S3 buckets for bootstrap data (clusterawsadm `s3Buckets.enable`).
   * @default false
   */
  readonly s3BucketAccess?: boolean;
  /**
   * Prefix of those S3 buckets (clusterawsadm `s3Buckets.namePrefix`); needs `s3BucketAccess`.
   * @default 'cluster-api-provider-aws-'
   */
  readonly s3BucketNamePrefix?: string;
  /**
   * Let the controllers assume the allowed roles (clusterawsadm `allowAssumeRole`), needed for
   * multi-tenancy with `AWSClusterRoleIdentity`.
   * @default false
   */
  readonly allowAssumeRole?: boolean;
  /**
   * Let the controllers consume EC2 events through EventBridge and SQS (clusterawsadm `eventBridge.enable`).
   * @default false
   */
  readonly eventBridge?: boolean;
  /**
   * Create the bootstrap IAM user and group. Present = enabled.
   * @default - no bootstrap user
   */
  readonly bootstrapUser?: CapaBootstrapUserOptions;
  /**
   * Control-plane role options.
   * @default - clusterawsadm defaults
   */
  readonly controlPlane?: CapaControlPlaneRoleOptions;
  /**
   * Controllers role options.
   * @default - clusterawsadm defaults
   */
  readonly controllers?: CapaControllersRoleOptions;
  /**
   * Nodes role options.
   * @default - clusterawsadm defaults
   */
  readonly nodes?: CapaNodesRoleOptions;
  /**
   * ARN of a permissions boundary for every role and the bootstrap user. clusterawsadm has no such
   * option; many organisations require one.
   * @default - no permissions boundary
   */
  readonly permissionsBoundary?: string;
}
