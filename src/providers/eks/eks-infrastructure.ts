import { EksAddon } from './eks-addon';
import { renderEksControlPlane } from './eks-control-plane';
import { renderManagedNodeGroup } from './eks-managed-node-group';
import { EksAccessOptions, EksEndpointAccessOptions, EksLoggingOptions, EksOidcIdentityProviderOptions, EksSecretsEncryptionOptions, EksUpgradePolicy } from './eks-options';
import { bindEksMachineDeployment, bindEksMachinePool } from './eks-self-managed';
import { ClusterInfrastructure } from '../../cluster/infrastructure';
import type { ManagedCluster } from '../../cluster/managed-cluster';
import { ValidationError } from '../../core/validation-error';
import { checkImageVersion } from '../../machines/private/image-version';
import { NodePool, NodePoolKind } from '../../nodes/node-pool';
import { AwsIdentity } from '../aws/aws-identity';
import { AwsNetwork } from '../aws/aws-network';
import { BastionOptions } from '../aws/bastion';

/**
 * Settings of the EKS infrastructure that a blueprint, a site or a cluster can set (everything but
 * the region, which is a fact of the site).
 */
export interface EksInfrastructureOptions {
  /**
   * Name of the EKS cluster in AWS (1–100 letters, digits, '-' and '_'); immutable.
   * @default - the cluster name
   */
  readonly eksClusterName?: string;
  /**
   * EC2 key pair for the bastion and self-managed workers (managed node groups use
   * `managedNodeGroup.remoteAccess`).
   * `''` means no key pair at all (CAPA's "do not use SSH keys").
   * @default - not set: CAPA uses its default key pair name, `default`, which must exist in the region
   */
  readonly sshKeyName?: string;
  /**
   * Identity CAPA uses for this cluster's AWS resources (the chart's `multitenancyId`).
   * @default AwsIdentity.controller()
   */
  readonly identity?: AwsIdentity;
  /**
   * The VPC: CAPA-managed or existing.
   * @default AwsNetwork.managed() - 10.0.0.0/16 over 3 zones
   */
  readonly network?: AwsNetwork;
  /**
   * Public/private API endpoint and the CIDRs allowed to reach the public one.
   * @default - public endpoint open to any source, no private endpoint (EKS's defaults)
   */
  readonly endpointAccess?: EksEndpointAccessOptions;
  /**
   * Control-plane logs sent to CloudWatch.
   * @default - none
   */
  readonly logging?: EksLoggingOptions;
  /**
   * Envelope encryption of Kubernetes secrets with a KMS key.
   * @default - no envelope encryption (EKS still encrypts etcd volumes)
   */
  readonly secretsEncryption?: EksSecretsEncryptionOptions;
  /**
   * Authentication mode and access entries.
   * @default - CAPA's defaults (aws-auth ConfigMap, creator is admin)
   */
  readonly access?: EksAccessOptions;
  /**
   * Create the IAM OIDC provider of the cluster, for IAM roles for service accounts (IRSA).
   * @default false
   */
  readonly associateOidcProvider?: boolean;
  /**
   * An OIDC identity provider for user authentication.
   * @default - none
   */
  readonly oidcIdentityProvider?: EksOidcIdentityProviderOptions;
  /**
   * EKS managed addons (the chart's `eksAddons`). More with `addAddon`.
   * @default - none (EKS installs its self-managed vpc-cni, kube-proxy and coredns)
   */
  readonly addons?: EksAddon[];
  /**
   * Delete the VPC CNI EKS installs (to run another CNI). Not with a `vpc-cni` managed addon.
   * @default false
   */
  readonly disableVpcCni?: boolean;
  /**
   * Delete the kube-proxy EKS installs (for a CNI that replaces it). Not with a `kube-proxy`
   * managed addon.
   * @default false
   */
  readonly disableKubeProxy?: boolean;
  /**
   * IAM role of the EKS control plane.
   * @default - clusterawsadm's `eks-controlplane.cluster-api-provider-aws.sigs.k8s.io`
   */
  readonly roleName?: string;
  /**
   * Extra IAM policy ARNs attached to the control-plane role CAPA creates. Needs the CAPA
   * feature gate `EKSAllowAddRoles` (off by default): set `allowAddRoles: true` once it is on.
   * @default - none
   */
  readonly roleAdditionalPolicies?: string[];
  /**
   * Acknowledge that the CAPA controller runs with `--feature-gates=EKSAllowAddRoles=true`,
   * which `roleAdditionalPolicies` (cluster and managed node groups) need; without the gate
   * CAPA ignores them.
   * @default false
   */
  readonly allowAddRoles?: boolean;
  /**
   * What happens at the end of standard support.
   * @default - AWS's default (extended support)
   */
  readonly upgradePolicy?: EksUpgradePolicy;
  /**
   * Bastion host; none unless set.
   * @default - no bastion
   */
  readonly bastion?: BastionOptions;
  /**
   * Tags on every AWS resource CAPA creates for the cluster.
   * @default - none
   */
  readonly additionalTags?: Record<string, string>;
}

/** Props of the EKS infrastructure. */
export interface EksInfrastructureProps extends EksInfrastructureOptions {
  /** AWS region, e.g. `ap-northeast-2`. */
  readonly region: string;
}

/**
 * Amazon EKS with CAPA: an AWSManagedControlPlane (the EKS cluster, its addons and access
 * configuration) and an AWSManagedCluster, with node pools as EKS managed node groups (the
 * default), self-managed MachineDeployments (EKSConfigTemplate + AWSMachineTemplate) or
 * MachinePools (AWSMachinePool).
 */
export class EksInfrastructure extends ClusterInfrastructure {
  /** Provider name: `eks`. */
  public readonly provider = 'eks';

  /** `EKSAllowAddRoles` when `allowAddRoles` is set. */
  public override get requiredFeatureGates(): string[] {
    return this.props.allowAddRoles ? ['EKSAllowAddRoles'] : [];
  }
  /** AWS region. */
  public readonly region: string;
  /** EKS cluster name, if set explicitly. */
  public readonly eksClusterName: string | undefined;
  /** SSH key pair name. */
  public readonly sshKeyName: string | undefined;
  /** The cluster identity. */
  public readonly identity: AwsIdentity;
  /** The network. */
  public readonly network: AwsNetwork;
  /** The props as given. */
  public readonly props: EksInfrastructureProps;

  private readonly _addons: EksAddon[] = [];

  constructor(props: EksInfrastructureProps) {
    super();
    this.props = props;
    this.region = props.region;
    this.eksClusterName = props.eksClusterName;
    this.sshKeyName = props.sshKeyName;
    this.identity = props.identity ?? AwsIdentity.controller();
    this.network = props.network ?? AwsNetwork.managed();
    for (const addon of props.addons ?? []) this.addAddon(addon);
  }

  /** Node pools default to EKS managed node groups. */
  public get defaultNodePoolKind(): NodePoolKind {
    return NodePoolKind.MANAGED_NODE_GROUP;
  }

  /** The EKS managed addons, in the order they were added. */
  public get addons(): EksAddon[] {
    return [...this._addons];
  }

  /**
   * Adds an EKS managed addon. Rejects a second addon of the same name, and `vpc-cni` /
   * `kube-proxy` when the infrastructure disables them.
   */
  public addAddon(addon: EksAddon): void {
    const where = 'EksInfrastructure';
    if (!/^[a-z0-9][a-z0-9-]*[a-z0-9]$/.test(addon.name)) {
      throw new ValidationError(where, `addon name '${addon.name}' is not an EKS addon name. Use the name EKS lists, e.g. 'aws-ebs-csi-driver'.`);
    }
    if (!addon.version || addon.version.trim() === '') {
      throw new ValidationError(where, `addon '${addon.name}' has no version. Set the version EKS lists for it, e.g. 'v1.45.0-eksbuild.2'.`);
    }
    if (this._addons.some((a) => a.name === addon.name)) {
      throw new ValidationError(where, `addon '${addon.name}' is added twice. Add each addon once.`);
    }
    if (addon.name === 'vpc-cni' && this.props.disableVpcCni) {
      throw new ValidationError(where, "addon 'vpc-cni' conflicts with disableVpcCni: CAPA cannot delete the VPC CNI and manage it as an addon. Remove the addon or disableVpcCni.");
    }
    if (addon.name === 'kube-proxy' && this.props.disableKubeProxy) {
      throw new ValidationError(where, "addon 'kube-proxy' conflicts with disableKubeProxy: CAPA cannot delete kube-proxy and manage it as an addon. Remove the addon or disableKubeProxy.");
    }
    if (addon.serviceAccountRoleArn !== undefined && !/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/.test(addon.serviceAccountRoleArn)) {
      throw new ValidationError(where, `addon '${addon.name}' serviceAccountRoleArn '${addon.serviceAccountRoleArn}' is not an IAM role ARN. Use 'arn:aws:iam::<account>:role/<name>'.`);
    }
    if (addon.configuration !== undefined && !isConfigurationObject(addon.configuration)) {
      throw new ValidationError(where, `addon '${addon.name}' configuration is not valid JSON or YAML describing an object (got '${addon.configuration.slice(0, 60)}'). Give the configuration values as a JSON object, e.g. '{"replicaCount": 2}'.`);
    }
    if (addon.serviceAccountRoleArn !== undefined && !this.props.associateOidcProvider) {
      throw new ValidationError(where, `addon '${addon.name}' has a serviceAccountRoleArn (IRSA), which needs the cluster's OIDC provider. Set associateOidcProvider: true.`);
    }
    this._addons.push(addon);
  }

  /** @internal */
  public _bindCluster(cluster: ManagedCluster): void {
    renderEksControlPlane(cluster, this);
  }

  /** @internal */
  public _bindNodePool(pool: NodePool): void {
    switch (pool.kind) {
      case NodePoolKind.MANAGED_NODE_GROUP:
        if (pool.options.bootstrap !== undefined) {
          throw new ValidationError(pool, 'bootstrap is set, but an EKS managed node group (AWSManagedMachinePool) has no bootstrap config: EKS writes the nodes\' user data. Use kind NodePoolKind.MACHINE_DEPLOYMENT or MACHINE_POOL (EKSConfig carries files, commands, users, NTP, disks and mounts), or bake the settings into the node group\'s AMI (managedNodeGroup launch template).');
        }
        checkImageVersion(pool, '', pool.options.image, pool.cluster.version);
        renderManagedNodeGroup(pool, this);
        break;
      case NodePoolKind.MACHINE_POOL:
        checkImageVersion(pool, '', pool.options.image, pool.cluster.version);
        bindEksMachinePool(pool, this);
        break;
      default:
        checkImageVersion(pool, '', pool.options.image, pool.cluster.version);
        bindEksMachineDeployment(pool, this);
    }
  }
}

/** Whether an addon configuration string parses (as JSON or YAML) to an object, which EKS requires. */
function isConfigurationObject(configuration: string): boolean {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const value = (require('yaml') as typeof import('yaml')).parse(configuration); // loaded only for EKS addon configurations
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}
