/**
 * The fully defaulted configuration the policy builders read (the equivalent of clusterawsadm's
 * `AWSIAMConfigurationSpec` after defaulting). Internal: users configure `CapaIamProps`.
 */
export interface ResolvedCapaIamConfig {
  /** Prepended to every managed name. */
  readonly namePrefix: string;
  /** Appended to every managed name. */
  readonly nameSuffix: string;
  /** AWS partition used where clusterawsadm writes one (AWS managed policy ARNs, Fargate SLR). */
  readonly partition: string;
  /** Secret backends in the order given: `secrets-manager` and/or `ssm-parameter-store`. */
  readonly secretBackends: string[];
  /** Controllers may `sts:AssumeRole` into the allowed roles. */
  readonly allowAssumeRole: boolean;
  /** Controllers may manage S3 buckets named `<s3BucketNamePrefix>*`. */
  readonly s3BucketAccess: boolean;
  /** Prefix of the S3 buckets controllers may manage. */
  readonly s3BucketNamePrefix: string;
  /** Controllers may consume EC2 events through EventBridge and SQS. */
  readonly eventBridge: boolean;
  /** Role names (or patterns) controllers may pass to EC2 instances. */
  readonly allowedEc2InstanceProfiles: string[];
  /** EKS permissions on or off. */
  readonly eksEnabled: boolean;
  /** KMS alias pattern (without `alias/`) EKS controllers may use. */
  readonly eksKmsAliasPrefix: string;
  /** EKS controllers may create IAM roles and OIDC providers per cluster. */
  readonly eksAllowIamRoleCreation: boolean;
}

/** clusterawsadm's name for the Secrets Manager backend. */
export const SECRETS_MANAGER = 'secrets-manager';
/** clusterawsadm's name for the SSM Parameter Store backend. */
export const SSM_PARAMETER_STORE = 'ssm-parameter-store';
