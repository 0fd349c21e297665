import { Construct } from 'constructs';
import { AutoscalingOptions } from './autoscaling';
import { HealthCheckOptions } from './health-check';
import { DeletionOptions, DeletionOrder, RolloutOptions, RolloutStrategy } from './rollout';
import { Taint, TaintEffect } from './taint';
import type { NodeBootstrapOptions } from '../bootstrap/node-bootstrap';
import type { ManagedCluster } from '../cluster/managed-cluster';
import { checkUnique } from '../core/collections';
import { wholeSeconds } from '../core/durations';
import { validateLabels } from '../core/labels';
import { checkNotSynthesized } from '../core/lifecycle';
import { isLabelValue, isDnsLabel, isQualifiedName } from '../core/names';
import { checkInteger, checkOptionalInteger, RANGES } from '../core/ranges';
import { ValidationError } from '../core/validation-error';
import { MachineOptions } from '../machines/machine-options';
import { resolveHealthCheck } from './private/resolve-health-check';
import type { AwsMachinePoolOptions } from '../providers/aws/aws-machine-pool-options';
import type { EksNodeGroupOptions } from '../providers/eks/eks-node-group-options';

const TAINT_EFFECTS: string[] = Object.values(TaintEffect);

/**
 * The Cluster API object behind a node pool. Each infrastructure has a default and rejects the
 * kinds it cannot render.
 */
export enum NodePoolKind {
  /**
   * MachineDeployments (one per availability zone), with a MachineHealthCheck. The default on
   * AWS (kubeadm); self-managed workers on EKS.
   */
  MACHINE_DEPLOYMENT = 'MachineDeployment',
  /**
   * One MachinePool over a list of zones, backed by a cloud instance group (an AWSMachinePool
   * auto scaling group on AWS). Autoscaler bounds apply to the whole pool; MachineHealthCheck
   * does not remediate MachinePool machines, so there is none.
   */
  MACHINE_POOL = 'MachinePool',
  /**
   * An EKS managed node group (a MachinePool with an AWSManagedMachinePool): EKS creates,
   * updates and drains the nodes. The default on EKS.
   */
  MANAGED_NODE_GROUP = 'ManagedNodeGroup',
}

/**
 * The settings of a node pool other than its autoscaler bounds: shared by `NodePoolOptions` and
 * the platform layer's `NodePoolOverrides` (where the bounds may be given one at a time).
 */
export interface NodePoolSettings extends MachineOptions {
  /**
   * Which Cluster API object renders the pool.
   * @default - the infrastructure's default: `MACHINE_DEPLOYMENT` on AWS (kubeadm),
   * `MANAGED_NODE_GROUP` on EKS
   */
  readonly kind?: NodePoolKind;
  /**
   * Instance types the pool may use, in order of preference. More than one type is only
   * honoured by `MACHINE_POOL` (an auto scaling group mixed-instances policy); not with
   * `machineType`.
   * @default - `[machineType]`
   */
  readonly instanceTypes?: string[];
  /**
   * Settings only a `MACHINE_POOL` pool on AWS or EKS honours (mixed instances, instance
   * refresh, …).
   * @default - none
   */
  readonly machinePool?: AwsMachinePoolOptions;
  /**
   * Settings only an EKS `MANAGED_NODE_GROUP` pool honours (AMI type, update config, remote
   * access, launch template, node role, …).
   * @default - none
   */
  readonly managedNodeGroup?: EksNodeGroupOptions;
  /**
   * Pool name, part of every object name (`<cluster>-<pool>-<az>`).
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Fixed number of machines (per availability zone). Not with `autoscaling`.
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Explicit availability zones; one MachineDeployment per zone.
   * @default - see `availabilityZoneCount`
   */
  readonly availabilityZones?: string[];
  /**
   * Spread the pool over the region's first N availability zones (`<region>a`, `<region>b`, …),
   * one MachineDeployment per zone.
   * @default - one MachineDeployment, zone chosen by the infrastructure
   */
  readonly availabilityZoneCount?: number;
  /**
   * Labels that must reach the pool's Nodes. Keys with a prefix CAPI propagates
   * (`node-role.kubernetes.io/`, `node-restriction.kubernetes.io/`, `node.cluster.x-k8s.io/`)
   * go on the Machines; all others through the kubelet's `node-labels` flag.
   * @default - none
   */
  readonly nodeLabels?: Record<string, string>;
  /**
   * Labels on the pool's Machine objects in the management cluster (for tools and selectors that
   * work on Machines). Only keys with a prefix CAPI propagates reach the Nodes; use `nodeLabels`
   * for Node labels.
   * @default - none (beyond the labels capi-blueprints sets)
   */
  readonly machineLabels?: Record<string, string>;
  /**
   * Taints registered by the kubelet when the node joins.
   * @default - none
   */
  readonly taints?: Taint[];
  /**
   * Extra kubelet flags, merged after the ones the infrastructure sets (which cannot be changed).
   * @default - none
   */
  readonly kubeletExtraArgs?: Record<string, string>;
  /**
   * Rolling update settings.
   * @default - rolling update, maxSurge 1, maxUnavailable 0
   */
  readonly rollout?: RolloutOptions;
  /**
   * Scale-down order and drain/detach/deletion timeouts.
   * @default - CAPI's defaults
   */
  readonly deletion?: DeletionOptions;
  /**
   * MachineHealthCheck of the pool.
   * @default - enabled: startup 10 min, Ready=False/Unknown 5 min, at most 40% unhealthy
   */
  readonly healthCheck?: HealthCheckOptions;
  /**
   * Bootstrap of the pool's machines: files, commands, users, NTP, disks, Ignition (rejected on
   * EKS managed node groups, partly on BYOH).
   * @default - only what the infrastructure needs
   */
  readonly bootstrap?: NodeBootstrapOptions;
}

/** Options of a node pool, for `ManagedCluster.addNodePool`. */
export interface NodePoolOptions extends NodePoolSettings {
  /**
   * Let the cluster autoscaler size the pool between these bounds (per AZ); replicas are then
   * left to the autoscaler.
   * @default - fixed `replicas`
   */
  readonly autoscaling?: AutoscalingOptions;
}

/** Props of a `NodePool`. */
export interface NodePoolProps extends NodePoolOptions {
  /** The cluster the pool joins. */
  readonly cluster: ManagedCluster;
}

/**
 * A group of worker machines of one shape, rendered by the cluster's infrastructure (for
 * kubeadm on AWS: MachineDeployments, an AWSMachineTemplate, a KubeadmConfigTemplate and a
 * MachineHealthCheck).
 */
export class NodePool extends Construct {
  /** The cluster the pool belongs to. */
  public readonly cluster: ManagedCluster;
  /** Pool name. */
  public readonly poolName: string;
  /** Fixed replicas per MachineDeployment, when not autoscaled. */
  public readonly replicas: number | undefined;
  /** Autoscaler bounds, when autoscaled. */
  public readonly autoscaling: AutoscalingOptions | undefined;
  /** Rollout settings with defaults applied. */
  public readonly rollout: RolloutOptions;
  /** Health check settings with defaults applied. */
  public readonly healthCheck: HealthCheckOptions;
  /** The options as given. */
  public readonly options: NodePoolOptions;
  /** The kind of Cluster API object rendering the pool (the infrastructure's default if unset). */
  public readonly kind: NodePoolKind;

  constructor(scope: Construct, id: string, props: NodePoolProps) {
    super(scope, id);
    checkNotSynthesized(props.cluster, `adding node pool '${id}'`);
    this.cluster = props.cluster;
    this.options = props;
    this.poolName = props.name ?? id;
    this.autoscaling = props.autoscaling;
    this.replicas = props.autoscaling ? undefined : props.replicas ?? 1;
    this.rollout = {
      strategy: props.rollout?.strategy ?? RolloutStrategy.ROLLING_UPDATE,
      maxSurge: props.rollout?.maxSurge ?? 1,
      maxUnavailable: props.rollout?.maxUnavailable ?? 0,
    };
    this.kind = props.kind ?? props.cluster.infrastructure.defaultNodePoolKind;
    this.validateKind(props);
    this.healthCheck = this.kind === NodePoolKind.MACHINE_DEPLOYMENT
      ? resolveHealthCheck(this, 'healthCheck', props.healthCheck)
      : resolveHealthCheck(this, 'healthCheck', { enabled: false });

    this.validate(props);
    this.cluster._registerNodePool(this);
    this.cluster.infrastructure._bindNodePool(this);
  }

  /** Rejects options the pool's kind cannot honour (provider-specific checks are the provider's). */
  private validateKind(props: NodePoolProps): void {
    const kind = this.kind;
    if (!(Object.values(NodePoolKind) as string[]).includes(kind)) {
      throw new ValidationError(this, `kind '${kind}' is not a node pool kind. Use NodePoolKind.MACHINE_DEPLOYMENT, MACHINE_POOL or MANAGED_NODE_GROUP.`);
    }
    if (kind !== NodePoolKind.MACHINE_DEPLOYMENT) {
      if (props.healthCheck && props.healthCheck.enabled !== false) {
        throw new ValidationError(this, `healthCheck is set, but MachineHealthCheck does not remediate MachinePool machines (kind ${kind}). Remove healthCheck (the default is off for this kind) or use NodePoolKind.MACHINE_DEPLOYMENT.`);
      }
      if (props.rollout) {
        throw new ValidationError(this, `rollout applies to MachineDeployments only, not to kind ${kind}. Use ${kind === NodePoolKind.MACHINE_POOL ? 'machinePool.instanceRefresh' : 'managedNodeGroup.updateConfig'} instead.`);
      }
      if (props.deletion?.order !== undefined) {
        throw new ValidationError(this, `deletion.order ('${props.deletion.order}') applies to MachineDeployments only, not to kind ${kind}: the instance group picks the instances to remove. Remove deletion.order.`);
      }
    }
    if (props.machinePool && kind !== NodePoolKind.MACHINE_POOL) {
      throw new ValidationError(this, `machinePool options are set, but the pool's kind is ${kind}. Set kind: NodePoolKind.MACHINE_POOL or remove machinePool.`);
    }
    if (props.managedNodeGroup && kind !== NodePoolKind.MANAGED_NODE_GROUP) {
      throw new ValidationError(this, `managedNodeGroup options are set, but the pool's kind is ${kind}. Set kind: NodePoolKind.MANAGED_NODE_GROUP (EKS only) or remove managedNodeGroup.`);
    }
    if (props.instanceTypes !== undefined) {
      if (props.machineType !== undefined) {
        throw new ValidationError(this, `machineType ('${props.machineType}') and instanceTypes are both set. Use one of them.`);
      }
      if (props.instanceTypes.length === 0) {
        throw new ValidationError(this, 'instanceTypes is empty. List at least one instance type, or leave it unset.');
      }
      checkUnique(this, 'instanceTypes', props.instanceTypes, 'type');
      if (props.instanceTypes.length > 1 && kind !== NodePoolKind.MACHINE_POOL) {
        throw new ValidationError(this, `instanceTypes lists ${props.instanceTypes.length} types (${props.instanceTypes.join(', ')}), but kind ${kind} runs a single instance type. List one type, or use NodePoolKind.MACHINE_POOL (mixed-instances policy).`);
      }
    }
  }

  private validate(props: NodePoolProps): void {
    if (!isDnsLabel(this.poolName)) {
      throw new ValidationError(this, `pool name '${this.poolName}' is not a DNS label. Use lower-case letters, digits and '-'.`);
    }
    if (props.autoscaling && props.replicas !== undefined) {
      throw new ValidationError(this, `replicas (${props.replicas}) and autoscaling are both set. Set only autoscaling (the autoscaler owns replicas) or only replicas.`);
    }
    checkOptionalInteger(this, 'replicas', this.replicas, RANGES.replicas);
    if (this.autoscaling) {
      const { minSize, maxSize } = this.autoscaling;
      checkInteger(this, 'autoscaling.minSize', minSize, RANGES.autoscalerMinSize);
      checkInteger(this, 'autoscaling.maxSize', maxSize, RANGES.autoscalerMaxSize);
      if (minSize > maxSize) {
        throw new ValidationError(this, `autoscaling.minSize (${minSize}) is greater than maxSize (${maxSize}). Set minSize ≤ maxSize.`);
      }
    }
    if (props.availabilityZones && props.availabilityZoneCount !== undefined) {
      throw new ValidationError(this, 'availabilityZones and availabilityZoneCount are both set. Use one of them.');
    }
    const azCount = props.availabilityZoneCount;
    checkOptionalInteger(this, 'availabilityZoneCount', azCount, { min: 1, max: 6 });
    if (props.availabilityZones) {
      if (props.availabilityZones.length === 0) {
        throw new ValidationError(this, 'availabilityZones is empty. List at least one zone, or leave it unset.');
      }
      checkUnique(this, 'availabilityZones', props.availabilityZones, 'zone');
    }
    if (!(Object.values(RolloutStrategy) as string[]).includes(this.rollout.strategy!)) {
      throw new ValidationError(this, `rollout.strategy '${this.rollout.strategy}' is not a rollout strategy. Use RolloutStrategy.ROLLING_UPDATE (the default) or ON_DELETE.`);
    }
    if (props.deletion?.order !== undefined && !(Object.values(DeletionOrder) as string[]).includes(props.deletion.order)) {
      throw new ValidationError(this, `deletion.order '${props.deletion.order}' is not a deletion order. Use DeletionOrder.RANDOM, NEWEST or OLDEST.`);
    }
    const { maxSurge, maxUnavailable } = this.rollout;
    for (const [field, v] of [['rollout.maxSurge', maxSurge], ['rollout.maxUnavailable', maxUnavailable]] as const) {
      checkInteger(this, field, v!, RANGES.count);
    }
    if (maxSurge === 0 && maxUnavailable === 0) {
      throw new ValidationError(this, 'rollout.maxSurge and rollout.maxUnavailable are both 0, so a rollout could never progress. Set maxSurge ≥ 1 or maxUnavailable ≥ 1.');
    }
    const taintsSeen = new Set<string>();
    for (const taint of props.taints ?? []) {
      if (!isQualifiedName(taint.key)) {
        throw new ValidationError(this, `taint key '${taint.key}' is not a valid key. Use '[prefix/]name' like 'dedicated' or 'example.com/gpu'.`);
      }
      if (taint.key === 'node-role.kubernetes.io/control-plane') {
        throw new ValidationError(this, `taint '${taint.key}' is reserved for control-plane nodes and rejected on workers. Use another key, e.g. 'dedicated'.`);
      }
      if (taint.value !== undefined && !isLabelValue(taint.value)) {
        throw new ValidationError(this, `taint '${taint.key}' has an invalid value '${taint.value}'. Use at most 63 alphanumerics, '-', '_' or '.'.`);
      }
      if (!TAINT_EFFECTS.includes(taint.effect)) {
        throw new ValidationError(this, `taint '${taint.key}' has effect '${taint.effect}', which is not a taint effect. Use TaintEffect.NO_SCHEDULE, PREFER_NO_SCHEDULE or NO_EXECUTE.`);
      }
      const id = `${taint.key}:${taint.effect}`;
      if (taintsSeen.has(id)) {
        throw new ValidationError(this, `taints list '${id}' twice. Give each key and effect one taint.`);
      }
      taintsSeen.add(id);
    }
    for (const field of ['nodeDrainTimeout', 'nodeVolumeDetachTimeout', 'nodeDeletionTimeout'] as const) {
      wholeSeconds(this, `deletion.${field}`, props.deletion?.[field]);
    }
    validateLabels(this, 'machineLabels', props.machineLabels);
    for (const key of Object.keys(props.machineLabels ?? {})) {
      if (key.startsWith('cluster.x-k8s.io/') || key.startsWith('capi-blueprints.io/')) {
        throw new ValidationError(this, `machineLabels['${key}'] is set by Cluster API or capi-blueprints (selectors depend on it). Use a key of your own prefix.`);
      }
    }
    const args = props.kubeletExtraArgs ?? {};
    if ('node-labels' in args) {
      throw new ValidationError(this, "kubeletExtraArgs['node-labels'] is generated from nodeLabels. Put the labels in nodeLabels instead.");
    }
    if ('register-with-taints' in args) {
      throw new ValidationError(this, "kubeletExtraArgs['register-with-taints'] is generated from taints. Put them in taints instead.");
    }
  }
}
