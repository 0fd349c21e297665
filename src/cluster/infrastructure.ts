import type { ManagedCluster } from './managed-cluster';
import { NodePoolKind } from '../nodes/node-pool';
import type { NodePool } from '../nodes/node-pool';

/**
 * Where a cluster's machines come from and how its provider objects look: AWS (kubeadm), EKS,
 * BYOH, … Create one with the factories of `Infrastructure` (e.g. `Infrastructure.aws({...})`).
 *
 * A provider module subclasses this and renders the provider's objects for the model
 * constructs bound to it; the model (`ManagedCluster`, `NodePool`) does not change when a
 * provider is added.
 */
export abstract class ClusterInfrastructure {
  /**
   * Short provider name (`aws`, `eks`, `byoh`), the value of the
   * `capi-blueprints.io/infrastructure` cluster label that addon bundles select on.
   */
  public abstract readonly provider: string;

  /**
   * The kind of node pool used when `NodePoolOptions.kind` is unset.
   */
  public get defaultNodePoolKind(): NodePoolKind {
    return NodePoolKind.MACHINE_DEPLOYMENT;
  }

  /**
   * Feature gates of the infrastructure provider's manager that this cluster's settings need
   * (e.g. `EKSAllowAddRoles`); the management cluster enables them.
   */
  public get requiredFeatureGates(): string[] {
    return [];
  }

  /**
   * Validates the cluster's intent for this provider and renders its objects (Cluster,
   * control plane, infrastructure cluster) into the cluster construct.
   * @internal
   */
  public abstract _bindCluster(cluster: ManagedCluster): void;

  /**
   * Validates a node pool's intent for this provider and renders its objects into the pool.
   * @internal
   */
  public abstract _bindNodePool(pool: NodePool): void;
}
