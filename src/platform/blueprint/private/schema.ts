/**
 * The shape of `ClusterOverrides`, as data: which merge rule each field follows, and which keys
 * exist (so that overrides from JavaScript or from a fleet table with an unknown key are errors).
 *
 * `Fields<T>` lists every key of `T` — the compiler fails here when a field is added to an option
 * struct and not to its schema.
 */
import type { IgnitionOptions, NodeBootstrapOptions, NtpOptions } from '../../../bootstrap/node-bootstrap';
import type { ClusterNetworkOptions } from '../../../cluster/cluster-network';
import type { ControlPlaneOptions, ControlPlaneRemediationOptions } from '../../../cluster/control-plane';
import type { ApiServerOptions, ComponentOptions, EtcdOptions } from '../../../cluster/kubernetes-components';
import type { InstanceMetadataOptions } from '../../../machines/instance-metadata';
import type { MachineOptions } from '../../../machines/machine-options';
import type { RootVolumeOptions } from '../../../machines/root-volume';
import type { HealthCheckOptions } from '../../../nodes/health-check';
import type { DeletionOptions, RolloutOptions } from '../../../nodes/rollout';
import type { AwsInfrastructureOptions } from '../../../providers/aws/aws-infrastructure';
import type { BastionOptions } from '../../../providers/aws/bastion';
import type { ControlPlaneLoadBalancerOptions } from '../../../providers/aws/load-balancer';
import type { ByohInfrastructureOptions } from '../../../providers/byoh/byoh-infrastructure';
import type { KubeVipOptions } from '../../../providers/byoh/kube-vip';
import type { DockerInfrastructureProps, DockerLoadBalancerOptions } from '../../../providers/docker/docker-infrastructure';
import type { EksInfrastructureOptions } from '../../../providers/eks/eks-infrastructure';
import type { OpenStackInfrastructureOptions } from '../../../providers/openstack/openstack-infrastructure';
import type { AutoscalingOverrides, ByohPoolOverrides, ClusterOverrides, NodePoolOverrides } from '../overrides';

/** How a field merges over the lower layers. */
export type Field =
  /** A string, number or boolean: replaces. */
  | { readonly kind: 'scalar'; readonly type: 'string' | 'number' | 'boolean' }
  /** A map of strings: merges by key; `Override.REMOVE` removes a key. */
  | { readonly kind: 'map' }
  /** A list: replaces. */
  | { readonly kind: 'list' }
  /** A value object (`Capacity.spot()`, `Duration.minutes(5)`, …): replaces; code only. */
  | { readonly kind: 'value'; readonly example: string }
  /** A struct whose fields belong together (`oidc`, `hosts`): replaces as a whole. */
  | { readonly kind: 'atomic' }
  /** A struct: merges field by field. */
  | { readonly kind: 'struct'; readonly fields: Fields<any> }
  /** Node pools by name: merge by name, `addNew`/`remove`. */
  | { readonly kind: 'pools'; readonly fields: Fields<NodePoolOverrides> };

/** A schema entry for every key of `T`. */
export type Fields<T> = { readonly [K in keyof Required<T>]: Field };

const string: Field = { kind: 'scalar', type: 'string' };
const number: Field = { kind: 'scalar', type: 'number' };
const boolean: Field = { kind: 'scalar', type: 'boolean' };
const map: Field = { kind: 'map' };
const list: Field = { kind: 'list' };
const atomic: Field = { kind: 'atomic' };
const value = (example: string): Field => ({ kind: 'value', example });
const struct = <T>(fields: Fields<T>): Field => ({ kind: 'struct', fields });
const duration = value('Duration.minutes(5)');

const HEALTH_CHECK: Fields<HealthCheckOptions> = {
  enabled: boolean, nodeStartupTimeout: duration, unhealthyTimeout: duration, maxUnhealthyPercent: number,
};

const ROOT_VOLUME: Fields<RootVolumeOptions> = {
  sizeGiB: number, type: string, encrypted: boolean, encryptionKey: string, iops: number, throughput: number,
};

const MACHINE: Fields<MachineOptions> = {
  machineType: string,
  rootVolume: struct(ROOT_VOLUME),
  image: value("MachineImage.fromId('ami-…')"),
  additionalSecurityGroups: list,
  capacity: value('Capacity.spot()'),
  subnet: value("SubnetSelection.fromId('subnet-…')"),
  iamInstanceProfile: string,
  additionalTags: map,
  instanceMetadata: struct<InstanceMetadataOptions>({ hopLimit: number, instanceTags: boolean }),
};

/**
 * Node bootstrap: lists (files, commands, users, mounts) replace, `ntp` and `ignition` merge by
 * field, `diskSetup` replaces as a whole.
 */
const BOOTSTRAP: Fields<NodeBootstrapOptions> = {
  files: list,
  preKubeadmCommands: list,
  postKubeadmCommands: list,
  users: list,
  ntp: struct<NtpOptions>({ servers: list, enabled: boolean }),
  diskSetup: atomic,
  mounts: list,
  verbosity: number,
  format: string,
  ignition: struct<IgnitionOptions>({ additionalConfig: string, strict: boolean, storage: string }),
  bootDownloads: string,
};

const COMPONENT: Fields<ComponentOptions> = { extraArgs: map, extraVolumes: list };
const API_SERVER: Fields<ApiServerOptions> = { ...COMPONENT, certSans: list, oidc: atomic };
const ETCD: Fields<EtcdOptions> = { extraArgs: map, imageRepository: string, imageTag: string };
const REMEDIATION: Fields<ControlPlaneRemediationOptions> = { maxRetry: number, retryPeriod: duration, minHealthyPeriod: duration };

const CONTROL_PLANE: Fields<ControlPlaneOptions> = {
  ...MACHINE,
  replicas: number,
  apiServer: struct(API_SERVER),
  controllerManager: struct(COMPONENT),
  scheduler: struct(COMPONENT),
  etcd: struct(ETCD),
  kubeletExtraArgs: map,
  imageRepository: string,
  certificatesExpiryDays: number,
  remediation: struct(REMEDIATION),
  healthCheck: struct(HEALTH_CHECK),
  bootstrap: struct(BOOTSTRAP),
};

const ROLLOUT: Fields<RolloutOptions> = { strategy: string, maxSurge: number, maxUnavailable: number };
const DELETION: Fields<DeletionOptions> = {
  order: string, nodeDrainTimeout: duration, nodeVolumeDetachTimeout: duration, nodeDeletionTimeout: duration,
};
const AUTOSCALING: Fields<AutoscalingOverrides> = { minSize: number, maxSize: number };
const BYOH_POOL: Fields<ByohPoolOverrides> = { hosts: atomic, install: value('ByohInstall.preinstalled()') };

/** Exported for tests. */
export const NODE_POOL: Fields<NodePoolOverrides> = {
  ...MACHINE,
  kind: string,
  instanceTypes: list,
  machinePool: atomic,
  managedNodeGroup: atomic,
  name: string,
  replicas: number,
  autoscaling: struct(AUTOSCALING),
  availabilityZones: list,
  availabilityZoneCount: number,
  nodeLabels: map,
  machineLabels: map,
  taints: list,
  kubeletExtraArgs: map,
  rollout: struct(ROLLOUT),
  deletion: struct(DELETION),
  healthCheck: struct(HEALTH_CHECK),
  bootstrap: struct(BOOTSTRAP),
  byoh: struct(BYOH_POOL),
  openstack: atomic,
  addNew: boolean,
  remove: boolean,
};

const NETWORK: Fields<ClusterNetworkOptions> = { podCidrs: list, serviceCidrs: list, serviceDomain: string, apiServerPort: number };

const LOAD_BALANCER: Fields<ControlPlaneLoadBalancerOptions> = { type: string, scheme: string, allowedCidrs: list, healthCheck: atomic };
const BASTION: Fields<BastionOptions> = { instanceType: string, allowedCidrs: list, disableIngressRules: boolean, amiId: string };

const AWS: Fields<AwsInfrastructureOptions> = {
  sshKeyName: string,
  identity: value('AwsIdentity.role(name)'),
  network: value('AwsNetwork.managed({...})'),
  controlPlaneLoadBalancer: struct(LOAD_BALANCER),
  bastion: struct(BASTION),
  imageLookup: atomic,
  additionalTags: map,
  ignitionBucket: atomic,
};

const EKS: Fields<EksInfrastructureOptions> = {
  eksClusterName: string,
  sshKeyName: string,
  identity: value('AwsIdentity.role(name)'),
  network: value('AwsNetwork.managed({...})'),
  endpointAccess: atomic,
  logging: atomic,
  secretsEncryption: atomic,
  access: atomic,
  associateOidcProvider: boolean,
  oidcIdentityProvider: atomic,
  addons: list,
  disableVpcCni: boolean,
  disableKubeProxy: boolean,
  roleName: string,
  roleAdditionalPolicies: list,
  allowAddRoles: boolean,
  upgradePolicy: string,
  bastion: struct(BASTION),
  additionalTags: map,
};

const KUBE_VIP: Fields<KubeVipOptions> = { networkInterface: string, image: string };
const BYOH: Fields<ByohInfrastructureOptions> = {
  controlPlaneInstall: value('ByohInstall.preinstalled()'),
  kubeVip: struct(KUBE_VIP),
  bundleLookupBaseRegistry: string,
};

const OPENSTACK: Fields<OpenStackInfrastructureOptions> = {
  network: value('OpenStackNetwork.managed()'),
  externalNetwork: value("OpenStackResource.byName('public')"),
  disableExternalNetwork: boolean,
  apiServer: value('OpenStackApiServer.loadBalancer()'),
  securityGroups: atomic,
  disablePortSecurity: boolean,
  bastion: atomic,
  availabilityZones: list,
  machine: atomic,
  controlPlaneMachine: atomic,
  networkMtu: number,
  tags: list,
};

const DOCKER_LOAD_BALANCER: Fields<DockerLoadBalancerOptions> = { imageRepository: string, imageTag: string };
const DOCKER: Fields<DockerInfrastructureProps> = {
  failureDomains: list, loadBalancer: struct(DOCKER_LOAD_BALANCER), nodeImage: string, preLoadImages: list, mountDockerSocket: boolean,
};

/** The schema of a whole layer. */
export const CLUSTER_OVERRIDES: Fields<ClusterOverrides> = {
  version: string,
  namespace: string,
  network: struct(NETWORK),
  controlPlane: struct(CONTROL_PLANE),
  labels: map,
  nodePools: { kind: 'pools', fields: NODE_POOL },
  workerHealthCheck: struct(HEALTH_CHECK),
  workerRollout: struct(ROLLOUT),
  nodeBootstrap: struct(BOOTSTRAP),
  addons: list,
  teams: list,
  lma: value('new LmaStack(...)'),
  aws: struct(AWS),
  eks: struct(EKS),
  byoh: struct(BYOH),
  openstack: struct(OPENSTACK),
  docker: struct(DOCKER),
};

/** Fields of the control plane that only machine-creating infrastructures use. */
export const MACHINE_FIELDS: ReadonlyArray<string> = Object.keys(MACHINE);
