import { Duration } from 'cdk8s';

/** How machines of a pool are replaced. */
export enum RolloutStrategy {
  /** Replace machines in a rolling update (the default). */
  ROLLING_UPDATE = 'RollingUpdate',
  /** Replace a machine only when it is deleted. */
  ON_DELETE = 'OnDelete',
}

/** Rolling update settings of a pool (per MachineDeployment). */
export interface RolloutOptions {
  /**
   * Replacement strategy.
   * @default RolloutStrategy.ROLLING_UPDATE
   */
  readonly strategy?: RolloutStrategy;
  /**
   * Machines created above the desired count during a rollout.
   * @default 1
   */
  readonly maxSurge?: number;
  /**
   * Machines that may be unavailable during a rollout (not 0 together with maxSurge 0).
   * @default 0
   */
  readonly maxUnavailable?: number;
}

/** Which machines go first when a pool scales down. */
export enum DeletionOrder {
  /** Random machines (CAPI's default). */
  RANDOM = 'Random',
  /** The newest machines. */
  NEWEST = 'Newest',
  /** The oldest machines. */
  OLDEST = 'Oldest',
}

/** How a pool's machines are deleted. */
export interface DeletionOptions {
  /**
   * Which machines are deleted first on scale-down.
   * @default DeletionOrder.RANDOM
   */
  readonly order?: DeletionOrder;
  /**
   * How long to try draining a node before deleting the machine anyway.
   * @default - wait for the drain forever (CAPI's default)
   */
  readonly nodeDrainTimeout?: Duration;
  /**
   * How long to wait for volumes to detach.
   * @default - wait forever (CAPI's default)
   */
  readonly nodeVolumeDetachTimeout?: Duration;
  /**
   * How long to retry deleting the Node object once the machine is gone.
   * @default - CAPI's default (10 s)
   */
  readonly nodeDeletionTimeout?: Duration;
}
