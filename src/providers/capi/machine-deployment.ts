import { AUTOSCALER_MAX_ANNOTATION, AUTOSCALER_MIN_ANNOTATION } from './autoscaler-annotations';
import { ContractRef } from './contract-ref';
import { renderMachineHealthCheck } from './machine-health-check';
import { nonEmptyObject } from '../../core/collections';
import { CLUSTER_NAME_LABEL, LABEL_PREFIX } from '../../core/labels';
import { MAX_LABEL_VALUE_LENGTH } from '../../core/names';
import { ValidationError } from '../../core/validation-error';
import * as capi from '../../imports/capi/cluster.x-k8s.io';
import { NodePool } from '../../nodes/node-pool';
import { placeNodeLabels } from '../../nodes/private/node-labels';
import { RolloutStrategy } from '../../nodes/rollout';

/** Label on every machine of a pool (all its MachineDeployments), selected by its health check. */
export const NODE_POOL_LABEL = `${LABEL_PREFIX}/node-pool`;
const DEPLOYMENT_NAME_LABEL = 'cluster.x-k8s.io/deployment-name';

/** What an infrastructure contributes to a pool's MachineDeployments. */
export interface MachineDeploymentInput {
  /** One MachineDeployment per entry: a failure domain (AZ) name, or undefined for none. */
  readonly failureDomains: Array<string | undefined>;
  /** The bootstrap config template. */
  readonly bootstrap: ContractRef;
  /** The infrastructure machine template. */
  readonly infrastructure: ContractRef;
  /**
   * The part of each MachineDeployment's name that stands for its failure domain, when the
   * failure domain's own name cannot be part of an object name (e.g. OpenStack's `rack_13`).
   * @default - the failure domains themselves
   */
  readonly nameSuffixes?: Array<string | undefined>;
  /** `v` + semver version of the machines, when it differs from the cluster's (EKS: `v1.33` → `v1.33.0`). */
  readonly version?: string;
}

/**
 * Renders one MachineDeployment per failure domain (all replicas of one MachineDeployment
 * land in one failure domain; autoscaler bounds apply per MachineDeployment), plus the pool's
 * MachineHealthCheck.
 */
export function renderMachineDeployments(pool: NodePool, input: MachineDeploymentInput): capi.MachineDeployment[] {
  const cluster = pool.cluster;
  const labels = placeNodeLabels(pool, 'nodeLabels', pool.options.nodeLabels);
  const deployments = input.failureDomains.map((az, i) => {
    const suffix = input.nameSuffixes ? input.nameSuffixes[i] : az;
    const name = [cluster.clusterName, pool.poolName, suffix].filter((p) => p !== undefined).join('-');
    if (name.length > MAX_LABEL_VALUE_LENGTH) {
      throw new ValidationError(pool, `MachineDeployment name '${name}' has ${name.length} characters; CAPI copies it into a label value (at most ${MAX_LABEL_VALUE_LENGTH}). Shorten the cluster or pool name.`);
    }
    const selectorLabels = { [CLUSTER_NAME_LABEL]: cluster.clusterName, [DEPLOYMENT_NAME_LABEL]: name };
    const autoscaling = pool.autoscaling;
    return new capi.MachineDeployment(pool, az ?? 'MachineDeployment', {
      metadata: {
        name,
        namespace: cluster.clusterNamespace,
        annotations: autoscaling ? {
          [AUTOSCALER_MAX_ANNOTATION]: String(autoscaling.maxSize),
          [AUTOSCALER_MIN_ANNOTATION]: String(autoscaling.minSize),
        } : undefined,
      },
      spec: {
        clusterName: cluster.clusterName,
        replicas: pool.replicas,
        selector: { matchLabels: selectorLabels },
        template: {
          metadata: { labels: { ...pool.options.machineLabels, ...labels.machineLabels, ...selectorLabels, [NODE_POOL_LABEL]: pool.poolName } },
          spec: {
            clusterName: cluster.clusterName,
            version: input.version ?? cluster.version,
            bootstrap: { configRef: input.bootstrap },
            infrastructureRef: input.infrastructure,
            failureDomain: az,
            deletion: nonEmptyObject({
              nodeDrainTimeoutSeconds: pool.options.deletion?.nodeDrainTimeout?.toSeconds(),
              nodeVolumeDetachTimeoutSeconds: pool.options.deletion?.nodeVolumeDetachTimeout?.toSeconds(),
              nodeDeletionTimeoutSeconds: pool.options.deletion?.nodeDeletionTimeout?.toSeconds(),
            }),
          },
        },
        rollout: { strategy: renderStrategy(pool) },
        deletion: pool.options.deletion?.order
          ? { order: pool.options.deletion.order as string as capi.MachineDeploymentSpecDeletionOrder }
          : undefined,
      },
    });
  });

  renderMachineHealthCheck(pool, {
    clusterName: cluster.clusterName,
    namespace: cluster.clusterNamespace,
    name: `${cluster.clusterName}-${pool.poolName}`,
    matchLabels: { [NODE_POOL_LABEL]: pool.poolName },
    capRemediation: true,
  }, pool.healthCheck);
  return deployments;
}

function renderStrategy(pool: NodePool): capi.MachineDeploymentSpecRolloutStrategy {
  if (pool.rollout.strategy === RolloutStrategy.ON_DELETE) return { type: capi.MachineDeploymentSpecRolloutStrategyType.ON_DELETE };
  return {
    type: capi.MachineDeploymentSpecRolloutStrategyType.ROLLING_UPDATE,
    rollingUpdate: {
      maxSurge: capi.MachineDeploymentSpecRolloutStrategyRollingUpdateMaxSurge.fromNumber(pool.rollout.maxSurge!),
      maxUnavailable: capi.MachineDeploymentSpecRolloutStrategyRollingUpdateMaxUnavailable.fromNumber(pool.rollout.maxUnavailable!),
    },
  };
}
