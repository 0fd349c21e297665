/** Cluster-autoscaler bounds of a pool (per availability zone when the pool spans several). */
export interface AutoscalingOptions {
  /** Fewest machines (per AZ). 0 allows scale-from-zero. */
  readonly minSize: number;
  /** Most machines (per AZ). */
  readonly maxSize: number;
}
