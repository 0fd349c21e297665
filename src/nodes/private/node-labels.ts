import { IConstruct } from 'constructs';
import { validateLabels } from '../../core/labels';
import { ValidationError } from '../../core/validation-error';

/** Label key prefixes CAPI copies from Machines to Nodes. */
export const PROPAGATED_LABEL_PREFIXES = ['node-role.kubernetes.io/', 'node-restriction.kubernetes.io/', 'node.cluster.x-k8s.io/'];

/** Labels in kubernetes.io / k8s.io namespaces that the kubelet may set on its own Node. */
const KUBELET_ALLOWED = new Set([
  'kubernetes.io/hostname', 'kubernetes.io/arch', 'kubernetes.io/os',
  'beta.kubernetes.io/instance-type', 'node.kubernetes.io/instance-type',
  'failure-domain.beta.kubernetes.io/region', 'failure-domain.beta.kubernetes.io/zone',
  'topology.kubernetes.io/region', 'topology.kubernetes.io/zone',
]);

/** Where each node label goes so that it really reaches the Node. */
export interface NodeLabelPlacement {
  /** Labels on the Machine template: CAPI copies them to the Node. */
  readonly machineLabels: Record<string, string>;
  /** The kubelet `node-labels` value (`k=v,k=v`, sorted), if any label needs it. */
  readonly kubeletNodeLabels?: string;
}

/**
 * Splits node labels: propagating prefixes go on the Machine template (CAPI syncs them), all
 * others go to the kubelet's `node-labels` flag. Labels the kubelet may not set on itself
 * (NodeRestriction) and that CAPI does not propagate are rejected with the fix.
 */
export function placeNodeLabels(scope: IConstruct, field: string, labels: Record<string, string> | undefined): NodeLabelPlacement {
  validateLabels(scope, field, labels);
  const machineLabels: Record<string, string> = {};
  const kubelet: string[] = [];
  for (const key of Object.keys(labels ?? {}).sort()) {
    const value = labels![key];
    if (PROPAGATED_LABEL_PREFIXES.some((p) => key.startsWith(p))) {
      machineLabels[key] = value;
      continue;
    }
    const prefix = key.includes('/') ? key.split('/')[0] : '';
    const restricted = /(^|\.)(kubernetes\.io|k8s\.io)$/.test(prefix);
    const kubeletMaySet = KUBELET_ALLOWED.has(key) || /(^|\.)kubelet\.kubernetes\.io$/.test(prefix) || /(^|\.)node\.kubernetes\.io$/.test(prefix);
    if (restricted && !kubeletMaySet) {
      throw new ValidationError(scope, `${field}['${key}']: the kubelet may not set labels in the '${prefix}' namespace and CAPI does not propagate it, so it would never reach the Node. Use the 'node.cluster.x-k8s.io/' or 'node-role.kubernetes.io/' prefix instead.`);
    }
    kubelet.push(`${key}=${value}`);
  }
  return { machineLabels, kubeletNodeLabels: kubelet.length > 0 ? kubelet.join(',') : undefined };
}
