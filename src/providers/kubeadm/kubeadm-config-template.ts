import { ManagedNodeRegistration, renderNodeRegistration } from './node-registration';
import { hashedName } from '../../core/names';
import * as bootstrap from '../../imports/capi/bootstrap.cluster.x-k8s.io';
import { NodePool } from '../../nodes/node-pool';
import { placeNodeLabels } from '../../nodes/private/node-labels';
import { API_GROUPS, ContractRef } from '../capi/contract-ref';

/** Extra bootstrap content an infrastructure adds to worker nodes. */
export interface WorkerBootstrapExtras {
  /** Commands run before `kubeadm join`. */
  readonly preKubeadmCommands?: string[];
}

/**
 * Renders the pool's KubeadmConfigTemplate (never with an empty spec: the join node
 * registration is always set) under a content-hashed name, and returns its reference.
 * Node labels that CAPI does not propagate go to the kubelet's `node-labels` flag.
 */
export function renderKubeadmConfigTemplate(pool: NodePool, managed: ManagedNodeRegistration, extras: WorkerBootstrapExtras = {}): ContractRef {
  const labels = placeNodeLabels(pool, 'nodeLabels', pool.options.nodeLabels);
  const extraArgs: Record<string, string> = labels.kubeletNodeLabels ? { 'node-labels': labels.kubeletNodeLabels } : {};
  const spec: bootstrap.KubeadmConfigTemplateSpecTemplateSpec = {
    joinConfiguration: {
      nodeRegistration: renderNodeRegistration(pool, 'kubeletExtraArgs', managed, pool.options.kubeletExtraArgs, extraArgs, pool.options.taints) as bootstrap.KubeadmConfigTemplateSpecTemplateSpecJoinConfigurationNodeRegistration,
    },
    preKubeadmCommands: extras.preKubeadmCommands && extras.preKubeadmCommands.length > 0 ? extras.preKubeadmCommands : undefined,
  };
  const name = hashedName(`${pool.cluster.clusterName}-${pool.poolName}`, spec);
  new bootstrap.KubeadmConfigTemplate(pool, 'KubeadmConfigTemplate', {
    metadata: { name, namespace: pool.cluster.clusterNamespace },
    spec: { template: { spec } },
  });
  return { apiGroup: API_GROUPS.bootstrap, kind: 'KubeadmConfigTemplate', name };
}
