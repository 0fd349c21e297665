/** Who can reach the EKS API endpoint. */
export interface EksEndpointAccessOptions {
  /**
   * Public endpoint.
   * @default true (EKS's default)
   */
  readonly public?: boolean;
  /**
   * Private endpoint inside the VPC (nodes reach the API without leaving the VPC).
   * @default false (EKS's default)
   */
  readonly private?: boolean;
  /**
   * CIDR blocks allowed to reach the public endpoint.
   * @default - any source (0.0.0.0/0)
   */
  readonly publicCidrs?: string[];
}

/** Control-plane log types sent to CloudWatch. All off unless set. */
export interface EksLoggingOptions {
  /**
   * kube-apiserver logs.
   * @default false
   */
  readonly apiServer?: boolean;
  /**
   * Audit logs.
   * @default false
   */
  readonly audit?: boolean;
  /**
   * Authenticator logs.
   * @default false
   */
  readonly authenticator?: boolean;
  /**
   * kube-controller-manager logs.
   * @default false
   */
  readonly controllerManager?: boolean;
  /**
   * kube-scheduler logs.
   * @default false
   */
  readonly scheduler?: boolean;
}

/** Envelope encryption of Kubernetes secrets with a KMS key. Cannot be removed once set. */
export interface EksSecretsEncryptionOptions {
  /** ARN or alias of the KMS key, e.g. `arn:aws:kms:ap-northeast-2:111122223333:key/…`. */
  readonly kmsKey: string;
}

/** How principals authenticate to the cluster. */
export enum EksAuthenticationMode {
  /** The `aws-auth` ConfigMap only (EKS's historic default). */
  CONFIG_MAP = 'config_map',
  /** EKS access entries only. */
  API = 'api',
  /** Access entries and the `aws-auth` ConfigMap. */
  API_AND_CONFIG_MAP = 'api_and_config_map',
}

/** Type of an EKS access entry. */
export enum EksAccessEntryType {
  /** Users and roles (the default). */
  STANDARD = 'standard',
  /** Linux nodes' instance role. */
  EC2_LINUX = 'ec2_linux',
  /** Windows nodes' instance role. */
  EC2_WINDOWS = 'ec2_windows',
  /** Fargate pod execution role. */
  FARGATE_LINUX = 'fargate_linux',
}

/** An EKS access policy associated with an access entry. */
export interface EksAccessPolicy {
  /** Policy ARN, e.g. `arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy`. */
  readonly policyArn: string;
  /**
   * Limit the policy to these namespaces.
   * @default - the whole cluster
   */
  readonly namespaces?: string[];
}

/** An IAM principal granted access to the cluster. */
export interface EksAccessEntry {
  /** IAM role or user ARN. */
  readonly principalArn: string;
  /**
   * Entry type.
   * @default EksAccessEntryType.STANDARD
   */
  readonly type?: EksAccessEntryType;
  /**
   * Kubernetes user name.
   * @default - EKS derives it from the principal
   */
  readonly username?: string;
  /**
   * Kubernetes groups (standard entries only).
   * @default - none
   */
  readonly kubernetesGroups?: string[];
  /**
   * Access policies (standard entries only).
   * @default - none
   */
  readonly policies?: EksAccessPolicy[];
}

/** Access configuration of the cluster. */
export interface EksAccessOptions {
  /**
   * Authentication mode; access entries need `API` or `API_AND_CONFIG_MAP`. Can only move
   * towards `API` once set.
   * @default - EksAuthenticationMode.API_AND_CONFIG_MAP when `entries` are given, else CAPA's
   * default (CONFIG_MAP)
   */
  readonly authenticationMode?: EksAuthenticationMode;
  /**
   * Give the identity creating the cluster (CAPA's) cluster-admin; must stay true with
   * CONFIG_MAP.
   * @default true
   */
  readonly bootstrapClusterCreatorAdminPermissions?: boolean;
  /**
   * Access entries.
   * @default - none
   */
  readonly entries?: EksAccessEntry[];
}

/** What happens when the cluster's version leaves EKS standard support. */
export enum EksUpgradePolicy {
  /** Stay on the version in (paid) extended support. */
  EXTENDED = 'extended',
  /** Upgrade automatically at the end of standard support. */
  STANDARD = 'standard',
}

/** An OIDC identity provider users authenticate with (not IRSA: see `associateOidcProvider`). */
export interface EksOidcIdentityProviderOptions {
  /** Name of the identity provider configuration in EKS. */
  readonly name: string;
  /** Issuer URL (`https://…`). */
  readonly issuerUrl: string;
  /** Client id (audience). */
  readonly clientId: string;
  /**
   * JWT claim used as the user name.
   * @default 'sub'
   */
  readonly usernameClaim?: string;
  /**
   * Prefix added to user names.
   * @default - none
   */
  readonly usernamePrefix?: string;
  /**
   * JWT claim used as the user's groups.
   * @default - no groups
   */
  readonly groupsClaim?: string;
  /**
   * Prefix added to group names.
   * @default - none
   */
  readonly groupsPrefix?: string;
}
