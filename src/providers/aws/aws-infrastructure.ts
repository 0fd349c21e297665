import { resolvePoolZones } from './availability-zones';
import { ignitionBucketNodeProfiles, renderAwsCluster } from './aws-cluster';
import { AwsIdentity } from './aws-identity';
import { renderAwsMachinePool, renderKubeadmConfig } from './aws-machine-pool';
import { DEFAULT_INSTANCE_PROFILES, renderAwsMachineTemplate, renderWorkerMachineTemplate } from './aws-machine-template';
import { AwsNetwork } from './aws-network';
import { BastionOptions } from './bastion';
import { IgnitionBucketOptions } from './ignition';
import { ControlPlaneLoadBalancerOptions } from './load-balancer';
import { AwsBootstrapPlan, planAwsBootstrap } from './private/ignition';
import { NodeBootstrapOptions } from '../../bootstrap/node-bootstrap';
import { ClusterInfrastructure } from '../../cluster/infrastructure';
import type { ManagedCluster } from '../../cluster/managed-cluster';
import { AWS_REGION } from '../../core/aws';
import { validateKubernetesVersion } from '../../core/kubernetes-version';
import { ValidationError } from '../../core/validation-error';
import { MachineImageLookupOptions } from '../../machines/machine-image';
import { MachineOptions } from '../../machines/machine-options';
import { NodePool, NodePoolKind } from '../../nodes/node-pool';
import { placeNodeLabels } from '../../nodes/private/node-labels';
import { renderCluster } from '../capi/cluster';
import { renderMachineDeployments } from '../capi/machine-deployment';
import { renderMachinePool } from '../capi/machine-pool';
import { renderKubeadmConfigTemplate } from '../kubeadm/kubeadm-config-template';
import { renderKubeadmControlPlane } from '../kubeadm/kubeadm-control-plane';
import { ManagedNodeRegistration } from '../kubeadm/node-registration';

/**
 * Settings of the AWS (self-managed kubeadm) infrastructure that a blueprint, a site or a cluster
 * can set (everything but the region, which is a fact of the site).
 */
export interface AwsInfrastructureOptions {
  /**
   * EC2 key pair for SSH to the machines.
   * `''` means no key pair at all (CAPA's "do not use SSH keys").
   * @default - not set: CAPA uses its default key pair name, `default`, which must exist in the region
   */
  readonly sshKeyName?: string;
  /**
   * Identity CAPA uses for this cluster's AWS resources.
   * @default AwsIdentity.controller()
   */
  readonly identity?: AwsIdentity;
  /**
   * The VPC: CAPA-managed or existing.
   * @default AwsNetwork.managed() - 10.0.0.0/16 over 3 zones
   */
  readonly network?: AwsNetwork;
  /**
   * API server load balancer.
   * @default - internet-facing NLB
   */
  readonly controlPlaneLoadBalancer?: ControlPlaneLoadBalancerOptions;
  /**
   * Bastion host; none unless set.
   * @default - no bastion
   */
  readonly bastion?: BastionOptions;
  /**
   * Cluster-wide AMI lookup settings (machines without an explicit image use them).
   * @default - CAPA's defaults
   */
  readonly imageLookup?: MachineImageLookupOptions;
  /**
   * Tags on every AWS resource CAPA creates for the cluster.
   * @default - none
   */
  readonly additionalTags?: Record<string, string>;
  /**
   * The S3 bucket CAPA stores Ignition user data in (`AWSCluster.spec.s3Bucket`); needed when a
   * control plane or pool uses `BootstrapFormat.IGNITION` (Flatcar) with the default storage.
   * @default - no bucket
   */
  readonly ignitionBucket?: IgnitionBucketOptions;
}

/** Props of the AWS (self-managed kubeadm) infrastructure. */
export interface AwsInfrastructureProps extends AwsInfrastructureOptions {
  /** AWS region, e.g. `ap-northeast-2`. */
  readonly region: string;
}

/** Kubelet node name on AWS: the EC2 private DNS name, a cloud-init template emitted literally. */
export const AWS_NODE_NAME = '{{ ds.meta_data.local_hostname }}';

/**
 * Self-managed Kubernetes on AWS with CAPA: AWSCluster, a KubeadmControlPlane on
 * AWSMachineTemplates, and MachineDeployment node pools, wired for the external AWS cloud
 * provider (install the AWS cloud controller manager and EBS CSI driver as addons).
 */
export class AwsInfrastructure extends ClusterInfrastructure {
  /** Provider name: `aws`. */
  public readonly provider = 'aws';
  /** AWS region. */
  public readonly region: string;
  /** SSH key pair name. */
  public readonly sshKeyName: string | undefined;
  /** The cluster identity. */
  public readonly identity: AwsIdentity;
  /** The network. */
  public readonly network: AwsNetwork;
  /** API load balancer settings. */
  public readonly controlPlaneLoadBalancer: ControlPlaneLoadBalancerOptions;
  /** Bastion settings, if a bastion is wanted. */
  public readonly bastion: BastionOptions | undefined;
  /** AMI lookup settings. */
  public readonly imageLookup: MachineImageLookupOptions | undefined;
  /** Extra AWS tags. */
  public readonly additionalTags: Record<string, string> | undefined;
  /** The Ignition user-data bucket, if any. */
  public readonly ignitionBucket: IgnitionBucketOptions | undefined;

  constructor(props: AwsInfrastructureProps) {
    super();
    this.region = props.region;
    this.sshKeyName = props.sshKeyName;
    this.identity = props.identity ?? AwsIdentity.controller();
    this.network = props.network ?? AwsNetwork.managed();
    this.controlPlaneLoadBalancer = props.controlPlaneLoadBalancer ?? {};
    this.bastion = props.bastion;
    this.imageLookup = props.imageLookup;
    this.additionalTags = props.additionalTags;
    this.ignitionBucket = props.ignitionBucket;
  }

  /** @internal */
  public _bindCluster(cluster: ManagedCluster): void {
    this.validate(cluster);
    validateKubernetesVersion(cluster, 'version', cluster.version);
    const infrastructure = renderAwsCluster(cluster, this);
    const controlPlaneProfile = cluster.controlPlane.iamInstanceProfile ?? DEFAULT_INSTANCE_PROFILES.controlPlane;
    const plan = this.bootstrapPlan(cluster, 'controlPlane.', cluster.controlPlane, controlPlaneProfile, [controlPlaneProfile]);
    const machineTemplate = renderAwsMachineTemplate({
      scope: cluster,
      field: 'controlPlane.',
      baseName: `${cluster.clusterName}-control-plane`,
      namespace: cluster.clusterNamespace,
      defaultInstanceProfile: DEFAULT_INSTANCE_PROFILES.controlPlane,
      sshKeyName: this.sshKeyName,
      ignition: plan.machineIgnition,
    }, cluster.controlPlane);
    const controlPlane = renderKubeadmControlPlane(cluster, {
      machineTemplate,
      nodeRegistration: this.nodeRegistration(plan),
      componentArgs: { controllerManager: { 'cloud-provider': 'external' } },
      preKubeadmCommands: plan.preKubeadmCommands,
      defaultIgnitionConfig: plan.defaultIgnitionConfig,
      bootstrapSupport: plan.bootstrapSupport,
    });
    renderCluster(cluster, { infrastructure, controlPlane });
  }

  /** @internal */
  public _bindNodePool(pool: NodePool): void {
    if (pool.kind === NodePoolKind.MANAGED_NODE_GROUP) {
      throw new ValidationError(pool, 'kind MANAGED_NODE_GROUP needs an EKS cluster (Infrastructure.eks), but this cluster is AWS kubeadm. Use NodePoolKind.MACHINE_DEPLOYMENT or NodePoolKind.MACHINE_POOL.');
    }
    if (pool.kind === NodePoolKind.MACHINE_POOL) {
      this.bindMachinePool(pool);
      return;
    }
    const zones = resolvePoolZones(pool, this.region, this.network);
    const plan = this.poolBootstrapPlan(pool);
    const infrastructure = renderWorkerMachineTemplate(pool, this.sshKeyName, plan.machineIgnition);
    const bootstrap = renderKubeadmConfigTemplate(pool, this.nodeRegistration(plan), plan);
    renderMachineDeployments(pool, { failureDomains: zones, bootstrap, infrastructure });
  }

  /** A MachinePool with an AWSMachinePool (one auto scaling group over the zones) and a KubeadmConfig. */
  private bindMachinePool(pool: NodePool): void {
    const cluster = pool.cluster;
    const plan = this.poolBootstrapPlan(pool);
    const infrastructure = renderAwsMachinePool(pool, {
      zones: resolvePoolZones(pool, this.region, this.network),
      sshKeyName: this.sshKeyName,
      autoscalerClusterName: cluster.clusterName,
      ignition: plan.machineIgnition,
    });
    const bootstrap = renderKubeadmConfig(pool, this.nodeRegistration(plan), plan);
    renderMachinePool(pool, {
      bootstrap,
      infrastructure,
      version: cluster.version,
      machineLabels: placeNodeLabels(pool, 'nodeLabels', pool.options.nodeLabels).machineLabels,
    });
  }

  private nodeRegistration(plan: AwsBootstrapPlan): ManagedNodeRegistration {
    return { name: plan.nodeName, kubeletArgs: { 'cloud-provider': 'external' } };
  }

  private poolBootstrapPlan(pool: NodePool): AwsBootstrapPlan {
    const profile = pool.options.iamInstanceProfile ?? DEFAULT_INSTANCE_PROFILES.nodes;
    const bucketProfiles = this.ignitionBucket ? ignitionBucketNodeProfiles(this.ignitionBucket) : [];
    return this.bootstrapPlan(pool, '', pool.options, profile, bucketProfiles);
  }

  private bootstrapPlan(
    scope: ManagedCluster | NodePool, field: string, machine: MachineOptions & { bootstrap?: NodeBootstrapOptions },
    profile: string, bucketProfiles: string[],
  ): AwsBootstrapPlan {
    const cluster = NodePool.prototype.isPrototypeOf(scope) ? (scope as NodePool).cluster : scope as ManagedCluster;
    return planAwsBootstrap({
      scope,
      field,
      image: machine.image,
      bootstrap: machine.bootstrap,
      clusterVersion: cluster.version,
      clusterImageLookup: this.imageLookup,
      ignitionBucket: this.ignitionBucket,
      instanceProfile: profile,
      bucketProfiles,
      cloudInitNodeName: AWS_NODE_NAME,
    });
  }

  private validate(cluster: ManagedCluster): void {
    if (!AWS_REGION.test(this.region)) {
      throw new ValidationError(cluster, `region '${this.region}' is not an AWS region. Use e.g. 'ap-northeast-2'.`);
    }
    if (this.sshKeyName !== undefined && this.sshKeyName !== '' && this.sshKeyName.trim() === '') {
      throw new ValidationError(cluster, `sshKeyName '${this.sshKeyName}' is only whitespace. Name an EC2 key pair, use '' for no key pair (CAPA: no SSH key), or leave it unset for CAPA's default key pair name ('default').`);
    }
    if (this.identity.kind === 'AWSClusterControllerIdentity' && this.identity.name !== 'default') {
      throw new ValidationError(cluster, `the controller identity must be named 'default', not '${this.identity.name}'. Use AwsIdentity.controller().`);
    }
    if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(this.identity.name)) {
      throw new ValidationError(cluster, `identity name '${this.identity.name}' is not a valid object name. Use lower-case letters, digits, '-' and '.'.`);
    }
  }
}
