import { Duration } from 'cdk8s';
import { AutoscalingOptions } from '../../nodes/autoscaling';

/** How an auto scaling group picks spot instances among its instance types. */
export enum SpotAllocationStrategy {
  /** The cheapest pools (AWS's default for mixed-instances policies). */
  LOWEST_PRICE = 'lowest-price',
  /** The pools with the most spare capacity (fewer interruptions). */
  CAPACITY_OPTIMIZED = 'capacity-optimized',
  /** Spare capacity first, in the order of `instanceTypes`. */
  CAPACITY_OPTIMIZED_PRIORITIZED = 'capacity-optimized-prioritized',
  /** Low price and low interruption risk (recommended by AWS). */
  PRICE_CAPACITY_OPTIMIZED = 'price-capacity-optimized',
}

/** How an auto scaling group picks on-demand instances among its instance types. */
export enum OnDemandAllocationStrategy {
  /** In the order of `instanceTypes` (the default). */
  PRIORITIZED = 'prioritized',
  /** The cheapest type. */
  LOWEST_PRICE = 'lowest-price',
}

/**
 * A mixed-instances policy: several instance types and a split between on-demand and spot
 * capacity. Not combined with `capacity: Capacity.spot({ maxPrice })` (CAPA rejects launch
 * template spot options together with a mixed-instances policy).
 */
export interface MixedInstancesOptions {
  /**
   * On-demand instances always kept, before any spot.
   * @default 0
   */
  readonly onDemandBaseCapacity?: number;
  /**
   * Percentage of on-demand instances above the base (the rest is spot).
   * @default - 0 with `capacity: Capacity.spot()`, else 100
   */
  readonly onDemandPercentageAboveBaseCapacity?: number;
  /**
   * Spot allocation strategy.
   * @default SpotAllocationStrategy.PRICE_CAPACITY_OPTIMIZED
   */
  readonly spotAllocationStrategy?: SpotAllocationStrategy;
  /**
   * On-demand allocation strategy.
   * @default OnDemandAllocationStrategy.PRIORITIZED
   */
  readonly onDemandAllocationStrategy?: OnDemandAllocationStrategy;
}

/** How an auto scaling group replaces instances when its launch template changes. */
export interface InstanceRefreshOptions {
  /**
   * Refresh instances when the launch template changes.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Refresh strategy (`Rolling`).
   * @default - CAPA's default ('Rolling')
   */
  readonly strategy?: string;
  /**
   * Time a new instance needs before it counts as healthy.
   * @default - the group's health check grace period
   */
  readonly instanceWarmup?: Duration;
  /**
   * Percentage of the group that must stay healthy during a refresh (0–100).
   * @default 90
   */
  readonly minHealthyPercentage?: number;
  /**
   * Percentage of the group that may run during a refresh (100–200; above 100 replaces
   * before terminating).
   * @default - AWS's default (100)
   */
  readonly maxHealthyPercentage?: number;
}

/**
 * Settings of a `NodePoolKind.MACHINE_POOL` pool on AWS and EKS (an AWSMachinePool: one auto
 * scaling group over the pool's zones).
 */
export interface AwsMachinePoolOptions {
  /**
   * Use a mixed-instances policy (needed for several `instanceTypes`, or a spot/on-demand
   * split).
   * @default - a mixed-instances policy only when `instanceTypes` lists several types
   */
  readonly mixedInstances?: MixedInstancesOptions;
  /**
   * Subnet ids of the auto scaling group (the chart's `machinePool[].subnets`); not with the
   * pool's `subnet` or availability zones.
   * @default - the cluster's private subnets in the pool's zones
   */
  readonly subnetIds?: string[];
  /**
   * Instance refresh on launch template changes.
   * @default - enabled, CAPA's defaults
   */
  readonly instanceRefresh?: InstanceRefreshOptions;
  /**
   * Let the group replace spot instances at elevated interruption risk proactively.
   * @default false
   */
  readonly capacityRebalance?: boolean;
  /**
   * Bounds of the auto scaling group when something outside Cluster API resizes it: AWS scaling
   * policies, or the cluster-autoscaler's `aws` provider. The pool's `replicas` are then the
   * group's initial size (between the bounds); the MachinePool is marked
   * `cluster.x-k8s.io/replicas-managed-by: external-autoscaler`, so CAPA never resets the group's
   * desired capacity and copies it back into `replicas`, and the group carries the autoscaler's
   * auto-discovery tags. Under Argo CD the cluster's Application ignores the MachinePool's
   * `replicas`. Not with the pool's `autoscaling` (the clusterapi autoscaler owns the size then).
   * @default - the group's bounds are the pool's `replicas` (or its `autoscaling` bounds)
   */
  readonly externalAutoscaling?: AutoscalingOptions;
}
