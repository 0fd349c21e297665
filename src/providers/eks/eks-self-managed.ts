import { ApiObject } from 'cdk8s';
import { eksClusterName } from './eks-control-plane';
import type { EksInfrastructure } from './eks-infrastructure';
import { eksMachineVersion } from './eks-version';
import { renderEksBootstrap } from '../../bootstrap/private/render';
import { nonEmptyMap } from '../../core/collections';
import { mergeArgs } from '../../core/kubeadm-args';
import { hashedName } from '../../core/names';
import { ValidationError } from '../../core/validation-error';
import * as eksBootstrap from '../../imports/capa/bootstrap.cluster.x-k8s.io';
import { isFlatcar } from '../../machines/private/image-version';
import { NodePool } from '../../nodes/node-pool';
import { placeNodeLabels } from '../../nodes/private/node-labels';
import { resolvePoolZones } from '../aws/availability-zones';
import { renderAwsMachinePool } from '../aws/aws-machine-pool';
import { renderWorkerMachineTemplate } from '../aws/aws-machine-template';
import { API_GROUPS, ContractRef } from '../capi/contract-ref';
import { renderMachineDeployments } from '../capi/machine-deployment';
import { machinePoolName, renderMachinePool } from '../capi/machine-pool';

/**
 * Self-managed EKS workers as MachineDeployments: an AWSMachineTemplate (EKS-optimized AMI
 * lookup unless an image is given) and an EKSConfigTemplate (`bootstrap.cluster.x-k8s.io/v1beta2`,
 * the version CAPA v2.11 serves), both under content-hashed names.
 */
export function bindEksMachineDeployment(pool: NodePool, infra: EksInfrastructure): void {
  const cluster = pool.cluster;
  const zones = resolvePoolZones(pool, infra.region, infra.network);
  const infrastructure = renderWorkerMachineTemplate(pool, infra.sshKeyName);
  const spec = eksConfigSpec(pool);
  const name = hashedName(`${cluster.clusterName}-${pool.poolName}`, spec ?? {});
  new eksBootstrap.EksConfigTemplate(pool, 'EKSConfigTemplate', {
    metadata: { name, namespace: cluster.clusterNamespace },
    spec: { template: spec ? { spec } : {} },
  });
  const bootstrap: ContractRef = { apiGroup: API_GROUPS.bootstrap, kind: 'EKSConfigTemplate', name };
  renderMachineDeployments(pool, { failureDomains: zones, bootstrap, infrastructure, version: eksMachineVersion(cluster.version) });
}

/**
 * Self-managed EKS workers as a MachinePool: an AWSMachinePool and an EKSConfig (no generated
 * binding exists for EKSConfig; its spec is the EKSConfigTemplate's template spec).
 */
export function bindEksMachinePool(pool: NodePool, infra: EksInfrastructure): void {
  const cluster = pool.cluster;
  const infrastructure = renderAwsMachinePool(pool, {
    zones: resolvePoolZones(pool, infra.region, infra.network),
    sshKeyName: infra.sshKeyName,
    autoscalerClusterName: eksClusterName(cluster, infra),
  });
  const spec = eksConfigSpec(pool);
  const name = hashedName(machinePoolName(pool), spec ?? {});
  new ApiObject(pool, 'EKSConfig', {
    apiVersion: eksBootstrap.EksConfigTemplate.GVK.apiVersion,
    kind: 'EKSConfig',
    metadata: { name, namespace: cluster.clusterNamespace },
    spec: spec ? eksBootstrap.toJson_EksConfigTemplateSpecTemplateSpec(spec) : undefined,
  });
  renderMachinePool(pool, {
    bootstrap: { apiGroup: API_GROUPS.bootstrap, kind: 'EKSConfig', name },
    infrastructure,
    version: eksMachineVersion(cluster.version),
    machineLabels: placeNodeLabels(pool, 'nodeLabels', pool.options.nodeLabels).machineLabels,
  });
}

/** The EKSConfig spec of a pool's nodes: kubelet flags, node labels and taints for bootstrap.sh. */
function eksConfigSpec(pool: NodePool): eksBootstrap.EksConfigTemplateSpecTemplateSpec | undefined {
  const labels = placeNodeLabels(pool, 'nodeLabels', pool.options.nodeLabels);
  const managed: Record<string, string> = {};
  if (labels.kubeletNodeLabels) managed['node-labels'] = labels.kubeletNodeLabels;
  const taints = pool.options.taints ?? [];
  if (taints.length > 0) {
    managed['register-with-taints'] = taints.map((t) => `${t.key}${t.value !== undefined ? `=${t.value}` : ''}:${t.effect}`).join(',');
  }
  for (const key of Object.keys(pool.options.kubeletExtraArgs ?? {})) {
    if (key.startsWith('--')) throw new ValidationError(pool, `kubeletExtraArgs key '${key}' starts with dashes. Use the flag name without them, e.g. 'max-pods'.`);
  }
  const args = nonEmptyMap(mergeArgs(pool, 'kubeletExtraArgs', managed, pool.options.kubeletExtraArgs));
  const image = pool.options.image;
  if (isFlatcar(image?.os)) {
    const what = image?.amiId ? `image '${image.amiId}' (os '${image.os}')` : `the image lookup (base OS '${image?.os}')`;
    throw new ValidationError(pool, `${what} is Flatcar, but EKS self-managed nodes bootstrap with EKSConfig (cloud-init only). Use an EKS-optimized AMI (the default lookup) or your own AL2023/Ubuntu EKS image.`);
  }
  const boot = renderEksBootstrap(pool, 'bootstrap.', pool.options.bootstrap) as Partial<eksBootstrap.EksConfigTemplateSpecTemplateSpec>;
  const spec: eksBootstrap.EksConfigTemplateSpecTemplateSpec = { kubeletExtraArgs: args, ...boot };
  return Object.values(spec).some((v) => v !== undefined) ? spec : undefined;
}
