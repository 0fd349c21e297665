import { Duration } from 'cdk8s';

/** The MachineHealthCheck of a node pool. */
export interface HealthCheckOptions {
  /**
   * Whether to create a MachineHealthCheck for the pool.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * How long a new machine may take to become a Ready node (0 disables, else ≥ 30 s).
   * @default Duration.minutes(10)
   */
  readonly nodeStartupTimeout?: Duration;
  /**
   * How long a node may be `Ready=False` or `Ready=Unknown` before its machine is remediated.
   * @default Duration.minutes(5)
   */
  readonly unhealthyTimeout?: Duration;
  /**
   * Remediate only while at most this percentage of the pool's machines is unhealthy.
   * @default 40
   */
  readonly maxUnhealthyPercent?: number;
}
