import { SpotAllocationStrategy } from './aws-machine-pool-options';
import { awsMachineSpec, DEFAULT_INSTANCE_PROFILES } from './aws-machine-template';
import { checkUnique, nonEmptyMap } from '../../core/collections';
import { wholeSeconds } from '../../core/durations';
import { hashedName } from '../../core/names';
import { checkInteger, checkOptionalInteger, RANGES } from '../../core/ranges';
import { ValidationError } from '../../core/validation-error';
import * as capa from '../../imports/capa/infrastructure.cluster.x-k8s.io';
import * as bootstrap from '../../imports/capi/bootstrap.cluster.x-k8s.io';
import { NodePool } from '../../nodes/node-pool';
import { placeNodeLabels } from '../../nodes/private/node-labels';
import { API_GROUPS, ContractRef } from '../capi/contract-ref';
import { instanceGroupBounds, machinePoolName } from '../capi/machine-pool';
import { renderWorkerBootstrap, WorkerBootstrapExtras } from '../kubeadm/kubeadm-config-template';
import { ManagedNodeRegistration, renderNodeRegistration } from '../kubeadm/node-registration';

/** Where an AWSMachinePool is rendered and what it defaults to. */
export interface AwsMachinePoolTarget {
  /** Failure domains (AZ names) of the pool; `[undefined]` for CAPA's choice. */
  readonly zones: Array<string | undefined>;
  /** EC2 key pair of the instances. */
  readonly sshKeyName?: string;
  /** The cluster name in AWS (for the cluster-autoscaler auto-discovery tags). */
  readonly autoscalerClusterName: string;
  /** Ignition settings of the instances (Flatcar). */
  readonly ignition?: { version: string; storageType: string };
}

/**
 * Renders the pool's AWSMachinePool (one auto scaling group over the pool's zones): the
 * launch template from the pool's machine settings (IMDSv2, encrypted root volume), spot via
 * the launch template or a mixed-instances policy (never both), instance refresh, and the
 * group bounds. Autoscaled groups carry the cluster-autoscaler auto-discovery tags.
 */
export function renderAwsMachinePool(pool: NodePool, target: AwsMachinePoolTarget): ContractRef {
  const o = pool.options;
  const mp = o.machinePool ?? {};
  const instanceTypes = o.instanceTypes ?? [o.machineType ?? 't3.large'];
  const capacity = o.capacity;
  const mixed = mp.mixedInstances !== undefined || instanceTypes.length > 1;
  if (mixed && capacity?.isSpot && capacity.maxPrice !== undefined) {
    throw new ValidationError(pool, `capacity is Capacity.spot({ maxPrice: '${capacity.maxPrice}' }) with a mixed-instances policy, but a spot price cap needs launch template spot options, which CAPA rejects together with mixedInstancesPolicy. Drop maxPrice, or use a single instance type without machinePool.mixedInstances.`);
  }
  const subnetIds = validateSubnetIds(pool, 'machinePool.subnetIds', mp.subnetIds);
  if ((o.subnet || subnetIds) && target.zones[0] !== undefined) {
    throw new ValidationError(pool, 'subnets and availability zones are both set for a MachinePool; the group would use the subnets only. Set one of them.');
  }
  if (o.subnet && subnetIds) {
    throw new ValidationError(pool, 'subnet and machinePool.subnetIds are both set. List every subnet in machinePool.subnetIds.');
  }
  const machine = awsMachineSpec({
    scope: pool,
    field: '',
    baseName: machinePoolName(pool),
    namespace: pool.cluster.clusterNamespace,
    defaultInstanceProfile: DEFAULT_INSTANCE_PROFILES.nodes,
    sshKeyName: target.sshKeyName,
  }, { ...o, machineType: instanceTypes[0], capacity: mixed ? undefined : capacity, subnet: undefined, additionalTags: undefined });
  for (const type of instanceTypes.slice(1)) {
    awsMachineSpec({ scope: pool, field: '', baseName: '', namespace: '', defaultInstanceProfile: '' }, { machineType: type });
  }

  const bounds = externalBounds(pool) ?? instanceGroupBounds(pool);
  const tags: Record<string, string> = { ...o.additionalTags };
  if (pool.autoscaling || mp.externalAutoscaling) {
    tags['k8s.io/cluster-autoscaler/enabled'] = 'true';
    tags[`k8s.io/cluster-autoscaler/${target.autoscalerClusterName}`] = 'owned';
  }
  const spec: capa.AwsMachinePoolSpec = {
    minSize: bounds.min,
    maxSize: bounds.max,
    availabilityZones: target.zones[0] === undefined ? undefined : target.zones as string[],
    subnets: subnetIds ? subnetIds.map((id) => ({ id })) : o.subnet ? [o.subnet.subnetId
      ? { id: o.subnet.subnetId }
      : { filters: o.subnet.filters!.map((f) => ({ name: f.name, values: [...f.values] })) }] : undefined,
    additionalTags: nonEmptyMap(tags),
    awsLaunchTemplate: {
      instanceType: machine.instanceType,
      iamInstanceProfile: machine.iamInstanceProfile,
      sshKeyName: machine.sshKeyName,
      ami: machine.ami ? { id: machine.ami.id } : undefined,
      imageLookupBaseOs: machine.imageLookupBaseOs,
      imageLookupOrg: machine.imageLookupOrg,
      imageLookupFormat: machine.imageLookupFormat,
      rootVolume: machine.rootVolume as capa.AwsMachinePoolSpecAwsLaunchTemplateRootVolume,
      additionalSecurityGroups: machine.additionalSecurityGroups,
      spotMarketOptions: machine.spotMarketOptions,
      instanceMetadataOptions: machine.instanceMetadataOptions as capa.AwsMachinePoolSpecAwsLaunchTemplateInstanceMetadataOptions,
    },
    mixedInstancesPolicy: mixed ? mixedInstancesPolicy(pool, instanceTypes) : undefined,
    ignition: target.ignition as capa.AwsMachinePoolSpecIgnition | undefined,
    capacityRebalance: mp.capacityRebalance,
    refreshPreferences: refreshPreferences(pool),
  };
  const name = machinePoolName(pool);
  new capa.AwsMachinePool(pool, 'AWSMachinePool', {
    metadata: { name, namespace: pool.cluster.clusterNamespace },
    spec,
  });
  return { apiGroup: API_GROUPS.infrastructure, kind: 'AWSMachinePool', name };
}

/**
 * The group bounds of `machinePool.externalAutoscaling`, checked: integers in the replicas range,
 * minSize ≤ replicas ≤ maxSize, not with the pool's `autoscaling`.
 */
function externalBounds(pool: NodePool): { min: number; max: number } | undefined {
  const bounds = pool.options.machinePool?.externalAutoscaling;
  if (bounds === undefined) return undefined;
  if (pool.autoscaling) {
    throw new ValidationError(pool, 'machinePool.externalAutoscaling and autoscaling are both set. Use autoscaling for the cluster-autoscaler\'s clusterapi provider (it owns replicas), or externalAutoscaling with replicas as the initial size for an autoscaler that resizes the group itself.');
  }
  checkInteger(pool, 'machinePool.externalAutoscaling.minSize', bounds.minSize, RANGES.autoscalerMinSize);
  checkInteger(pool, 'machinePool.externalAutoscaling.maxSize', bounds.maxSize, RANGES.autoscalerMaxSize);
  if (bounds.minSize > bounds.maxSize) {
    throw new ValidationError(pool, `machinePool.externalAutoscaling.minSize (${bounds.minSize}) is greater than maxSize (${bounds.maxSize}). Set minSize ≤ maxSize.`);
  }
  const replicas = pool.replicas ?? 1;
  if (bounds.minSize > replicas || replicas > bounds.maxSize) {
    throw new ValidationError(pool, `replicas (${replicas}) is the group's initial size and must lie within machinePool.externalAutoscaling (${bounds.minSize}–${bounds.maxSize}). Set minSize ≤ replicas ≤ maxSize.`);
  }
  return { min: bounds.minSize, max: bounds.maxSize };
}

/** Checks a list of subnet ids (non-empty, `subnet-…`, no duplicates); `undefined` when unset. */
export function validateSubnetIds(pool: NodePool, field: string, ids: string[] | undefined): string[] | undefined {
  if (ids === undefined) return undefined;
  if (ids.length === 0) throw new ValidationError(pool, `${field} is empty. List subnet ids, or leave it unset.`);
  for (const id of ids) {
    if (!/^subnet-[0-9a-f]{8,17}$/.test(id)) throw new ValidationError(pool, `${field} has '${id}', which is not a subnet id. Use 'subnet-' followed by hex digits.`);
  }
  checkUnique(pool, field, ids, 'subnet');
  return [...ids];
}

function mixedInstancesPolicy(pool: NodePool, instanceTypes: string[]): capa.AwsMachinePoolSpecMixedInstancesPolicy {
  const m = pool.options.machinePool?.mixedInstances ?? {};
  const base = m.onDemandBaseCapacity ?? 0;
  const above = m.onDemandPercentageAboveBaseCapacity ?? (pool.options.capacity?.isSpot ? 0 : 100);
  checkInteger(pool, 'machinePool.mixedInstances.onDemandBaseCapacity', base, RANGES.count);
  checkInteger(pool, 'machinePool.mixedInstances.onDemandPercentageAboveBaseCapacity', above, RANGES.percent);
  type OnDemand = capa.AwsMachinePoolSpecMixedInstancesPolicyInstancesDistributionOnDemandAllocationStrategy;
  type Spot = capa.AwsMachinePoolSpecMixedInstancesPolicyInstancesDistributionSpotAllocationStrategy;
  return {
    instancesDistribution: {
      onDemandAllocationStrategy: m.onDemandAllocationStrategy as string as OnDemand | undefined,
      spotAllocationStrategy: (m.spotAllocationStrategy ?? SpotAllocationStrategy.PRICE_CAPACITY_OPTIMIZED) as string as Spot,
      onDemandBaseCapacity: base,
      onDemandPercentageAboveBaseCapacity: above,
    },
    overrides: instanceTypes.map((instanceType) => ({ instanceType })),
  };
}

function refreshPreferences(pool: NodePool): capa.AwsMachinePoolSpecRefreshPreferences | undefined {
  const r = pool.options.machinePool?.instanceRefresh;
  if (!r) return undefined;
  checkOptionalInteger(pool, 'machinePool.instanceRefresh.minHealthyPercentage', r.minHealthyPercentage, RANGES.percent);
  checkOptionalInteger(pool, 'machinePool.instanceRefresh.maxHealthyPercentage', r.maxHealthyPercentage, { min: 100, max: 200 });
  const tuned = [r.strategy, r.instanceWarmup, r.minHealthyPercentage, r.maxHealthyPercentage].some((v) => v !== undefined);
  if (r.enabled === false && tuned) {
    throw new ValidationError(pool, 'machinePool.instanceRefresh is disabled but also tuned (strategy, instanceWarmup or health percentages). Remove the tuning or enable the refresh.');
  }
  const prefs: capa.AwsMachinePoolSpecRefreshPreferences = {
    disable: r.enabled === false ? true : undefined,
    strategy: r.strategy,
    instanceWarmup: wholeSeconds(pool, 'machinePool.instanceRefresh.instanceWarmup', r.instanceWarmup),
    minHealthyPercentage: r.minHealthyPercentage,
    maxHealthyPercentage: r.maxHealthyPercentage,
  };
  return Object.values(prefs).some((v) => v !== undefined) ? prefs : undefined;
}

/**
 * Renders the KubeadmConfig a MachinePool's instances join with (content-hashed name, so that
 * a change rolls the group), and returns its reference.
 */
export function renderKubeadmConfig(pool: NodePool, managed: ManagedNodeRegistration, extras: WorkerBootstrapExtras = {}): ContractRef {
  const labels = placeNodeLabels(pool, 'nodeLabels', pool.options.nodeLabels);
  const extraArgs: Record<string, string> = labels.kubeletNodeLabels ? { 'node-labels': labels.kubeletNodeLabels } : {};
  const spec: bootstrap.KubeadmConfigSpec = {
    joinConfiguration: {
      nodeRegistration: renderNodeRegistration(pool, 'kubeletExtraArgs', managed, pool.options.kubeletExtraArgs, extraArgs, pool.options.taints) as bootstrap.KubeadmConfigSpecJoinConfigurationNodeRegistration,
    },
    ...renderWorkerBootstrap(pool, extras),
  };
  const name = hashedName(machinePoolName(pool), spec);
  new bootstrap.KubeadmConfig(pool, 'KubeadmConfig', {
    metadata: { name, namespace: pool.cluster.clusterNamespace },
    spec,
  });
  return { apiGroup: API_GROUPS.bootstrap, kind: 'KubeadmConfig', name };
}
