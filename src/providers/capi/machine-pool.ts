import { AUTOSCALER_MAX_ANNOTATION, AUTOSCALER_MIN_ANNOTATION } from './autoscaler-annotations';
import { ContractRef } from './contract-ref';
import { NODE_POOL_LABEL } from './machine-deployment';
import { nonEmptyMap, nonEmptyObject } from '../../core/collections';
import { CLUSTER_NAME_LABEL } from '../../core/labels';
import { MAX_LABEL_VALUE_LENGTH } from '../../core/names';
import { ValidationError } from '../../core/validation-error';
import * as capi from '../../imports/capi/cluster.x-k8s.io';
import { NodePool } from '../../nodes/node-pool';

/** What an infrastructure contributes to a pool's MachinePool. */
export interface MachinePoolInput {
  /** The bootstrap config; none for managed node groups (EKS bootstraps the nodes). */
  readonly bootstrap?: ContractRef;
  /** The infrastructure machine pool (AWSMachinePool, AWSManagedMachinePool). */
  readonly infrastructure: ContractRef;
  /** `v` + semver Kubernetes version of the machines. */
  readonly version: string;
  /** Labels on the MachinePool's machine template (CAPI propagates some to Nodes). */
  readonly machineLabels?: Record<string, string>;
}

/**
 * Renders the pool's single MachinePool. Autoscaled pools carry the cluster-autoscaler's
 * `clusterapi` node-group bounds (the min/max annotations the catalog's autoscaler acts on) and
 * omit `replicas` (CAPI defaults it to the minimum and the autoscaler owns it; CAPA copies it to
 * the instance group's desired size); the instance group's own bounds match them. There is no
 * MachineHealthCheck: it does not remediate MachinePool machines.
 */
export function renderMachinePool(pool: NodePool, input: MachinePoolInput): capi.MachinePool {
  const cluster = pool.cluster;
  const name = machinePoolName(pool);
  const deletion = pool.options.deletion;
  return new capi.MachinePool(pool, 'MachinePool', {
    metadata: {
      name,
      namespace: cluster.clusterNamespace,
      annotations: pool.autoscaling ? {
        [AUTOSCALER_MIN_ANNOTATION]: String(pool.autoscaling.minSize),
        [AUTOSCALER_MAX_ANNOTATION]: String(pool.autoscaling.maxSize),
      } : hasExternallyManagedReplicas(pool) ? { [REPLICAS_MANAGED_BY_ANNOTATION]: 'external-autoscaler' } : undefined,
    },
    spec: {
      clusterName: cluster.clusterName,
      replicas: pool.replicas,
      template: {
        metadata: {
          labels: nonEmptyMap({
            ...pool.options.machineLabels, ...input.machineLabels, [CLUSTER_NAME_LABEL]: cluster.clusterName, [NODE_POOL_LABEL]: pool.poolName,
          }),
        },
        spec: {
          clusterName: cluster.clusterName,
          version: input.version,
          bootstrap: input.bootstrap ? { configRef: input.bootstrap } : { dataSecretName: '' },
          infrastructureRef: input.infrastructure,
          deletion: nonEmptyObject({
            nodeDrainTimeoutSeconds: deletion?.nodeDrainTimeout?.toSeconds(),
            nodeVolumeDetachTimeoutSeconds: deletion?.nodeVolumeDetachTimeout?.toSeconds(),
            nodeDeletionTimeoutSeconds: deletion?.nodeDeletionTimeout?.toSeconds(),
          }),
        },
      },
    },
  });
}

/** Marks a MachinePool whose size an autoscaler outside Cluster API changes (CAPA then copies it back). */
const REPLICAS_MANAGED_BY_ANNOTATION = 'cluster.x-k8s.io/replicas-managed-by';

/** Whether the pool's group is resized outside Cluster API (`machinePool.externalAutoscaling`). */
export function hasExternallyManagedReplicas(pool: NodePool): boolean {
  return pool.options.machinePool?.externalAutoscaling !== undefined;
}

/** `<cluster>-<pool>`: the name of a pool's MachinePool and of its infrastructure object. */
export function machinePoolName(pool: NodePool): string {
  const name = `${pool.cluster.clusterName}-${pool.poolName}`;
  if (name.length > MAX_LABEL_VALUE_LENGTH) {
    throw new ValidationError(pool, `MachinePool name '${name}' has ${name.length} characters; CAPI copies it into a label value (at most ${MAX_LABEL_VALUE_LENGTH}). Shorten the cluster or pool name.`);
  }
  return name;
}

/** The `[min, max]` size of an instance group: the autoscaler bounds, or the fixed replicas. */
export function instanceGroupBounds(pool: NodePool): { min: number; max: number } {
  if (pool.autoscaling) return { min: pool.autoscaling.minSize, max: pool.autoscaling.maxSize };
  const replicas = pool.replicas ?? 1;
  return { min: replicas, max: Math.max(replicas, 1) };
}
