import { Construct } from 'constructs';
import { CLUSTER_NAME_LABEL } from '../../core/labels';
import * as capi from '../../imports/capi/cluster.x-k8s.io';
import { HealthCheckOptions } from '../../nodes/health-check';

/** What a MachineHealthCheck watches. */
export interface HealthCheckTarget {
  readonly clusterName: string;
  readonly namespace: string;
  readonly name: string;
  /** Labels selecting the machines (besides the cluster name). */
  readonly matchLabels: Record<string, string>;
  /** Whether to cap remediation by the unhealthy percentage (not for the control plane). */
  readonly capRemediation: boolean;
}

/**
 * Renders a MachineHealthCheck with the recommended checks: node startup timeout and
 * Ready=Unknown / Ready=False conditions, remediation capped at `maxUnhealthyPercent`.
 */
export function renderMachineHealthCheck(
  scope: Construct,
  target: HealthCheckTarget,
  options: HealthCheckOptions,
): capi.MachineHealthCheck | undefined {
  if (options.enabled === false) return undefined;
  const unhealthySeconds = options.unhealthyTimeout!.toSeconds();
  return new capi.MachineHealthCheck(scope, 'MachineHealthCheck', {
    metadata: { name: target.name, namespace: target.namespace },
    spec: {
      clusterName: target.clusterName,
      selector: { matchLabels: { [CLUSTER_NAME_LABEL]: target.clusterName, ...target.matchLabels } },
      checks: {
        nodeStartupTimeoutSeconds: options.nodeStartupTimeout!.toSeconds(),
        unhealthyNodeConditions: [
          { type: 'Ready', status: 'Unknown', timeoutSeconds: unhealthySeconds },
          { type: 'Ready', status: 'False', timeoutSeconds: unhealthySeconds },
        ],
      },
      remediation: target.capRemediation ? {
        triggerIf: {
          unhealthyLessThanOrEqualTo: capi.MachineHealthCheckSpecRemediationTriggerIfUnhealthyLessThanOrEqualTo.fromString(`${options.maxUnhealthyPercent}%`),
        },
      } : undefined,
    },
  });
}
