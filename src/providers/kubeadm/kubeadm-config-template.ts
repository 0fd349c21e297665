import { ManagedNodeRegistration, renderNodeRegistration } from './node-registration';
import { renderKubeadmBootstrap } from '../../bootstrap/private/render';
import { BootstrapSupport, KUBEADM_CLOUD_INIT } from '../../bootstrap/private/validate';
import { hashedName } from '../../core/names';
import * as bootstrap from '../../imports/capi/bootstrap.cluster.x-k8s.io';
import { NodePool } from '../../nodes/node-pool';
import { placeNodeLabels } from '../../nodes/private/node-labels';
import { API_GROUPS, ContractRef } from '../capi/contract-ref';

/** Extra bootstrap content an infrastructure adds to worker nodes. */
export interface WorkerBootstrapExtras {
  /** Commands run before `kubeadm join`. */
  readonly preKubeadmCommands?: string[];
  /** Which bootstrap options the infrastructure supports (default: all of cloud-init, no Ignition). */
  readonly bootstrapSupport?: BootstrapSupport;
  /** The Container Linux Config used with Ignition when the user gives none. */
  readonly defaultIgnitionConfig?: string;
}

/**
 * The pool's bootstrap options (validated for the infrastructure) in the kubeadm shape, after the
 * infrastructure's own commands. Shared by KubeadmConfigTemplate and KubeadmConfig.
 */
export function renderWorkerBootstrap(pool: NodePool, extras: WorkerBootstrapExtras = {}): Record<string, unknown> {
  return { ...renderKubeadmBootstrap(pool, 'bootstrap.', pool.options.bootstrap, extras.bootstrapSupport ?? KUBEADM_CLOUD_INIT, extras) };
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
    ...renderWorkerBootstrap(pool, extras),
  };
  const name = hashedName(`${pool.cluster.clusterName}-${pool.poolName}`, spec);
  new bootstrap.KubeadmConfigTemplate(pool, 'KubeadmConfigTemplate', {
    metadata: { name, namespace: pool.cluster.clusterNamespace },
    spec: { template: { spec } },
  });
  return { apiGroup: API_GROUPS.bootstrap, kind: 'KubeadmConfigTemplate', name };
}
