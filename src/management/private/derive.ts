/**
 * Which providers and feature gates a management cluster needs, derived from its clusters and the
 * addon bundles that reach them.
 */
import { AddonKind } from '../../addons/addon';
import type { AddonBundle } from '../../addons/addon-bundle';
import { usesIgnition } from '../../bootstrap/private/render';
import type { ManagedCluster } from '../../cluster/managed-cluster';
import { isClassBased } from '../../clusterclass/private/registry';
import { CAPA_IGNITION_GATE, IGNITION_GATE } from '../../core/feature-gates';
import { DeliveryKind } from '../../delivery/addon-delivery';
import { NodePoolKind } from '../../nodes/node-pool';
import { ManagementProvidersOptions, PROVIDERS, ProviderOptions, ProviderSpec } from '../providers';

/** A provider to install, with its resolved settings. */
export interface ResolvedProvider {
  readonly spec: ProviderSpec;
  readonly namespace: string;
  readonly version: string;
  readonly options: ProviderOptions;
  /** Gates after derivation and user settings. */
  readonly featureGates: Record<string, boolean>;
  /** Why it is installed (for messages and the runbook). */
  readonly reasons: string[];
}


/** Infrastructure name of a cluster → provider key. */
const INFRASTRUCTURE_PROVIDER: Record<string, keyof ManagementProvidersOptions> = {
  aws: 'aws', eks: 'aws', byoh: 'byoh', openstack: 'openstack', docker: 'docker',
};

/**
 * The providers of a management cluster: the core, plus what its clusters and bundles use, plus
 * every provider configured explicitly. Errors: a gate a cluster needs that the user turned off.
 */
export function deriveProviders(
  managementName: string, clusters: ManagedCluster[], bundles: AddonBundle[], explicit: ManagementProvidersOptions,
): { providers: ResolvedProvider[]; errors: string[] } {
  const reasons = new Map<keyof ManagementProvidersOptions, string[]>([['core', ['Cluster API core']]]);
  const gates = new Map<keyof ManagementProvidersOptions, Map<string, string>>(); // gate -> first cluster needing it
  const need = (key: keyof ManagementProvidersOptions, why: string) => reasons.set(key, [...(reasons.get(key) ?? []), why]);
  const gate = (key: keyof ManagementProvidersOptions, name: string, cluster: string) => {
    const m = gates.get(key) ?? new Map<string, string>();
    if (!m.has(name)) m.set(name, cluster);
    gates.set(key, m);
  };
  for (const cluster of clusters) {
    const provider = cluster.infrastructure.provider;
    const key = INFRASTRUCTURE_PROVIDER[provider];
    if (key) need(key, `cluster '${cluster.clusterName}' (${provider})`);
    if (provider !== 'eks') {
      need('kubeadmBootstrap', `cluster '${cluster.clusterName}'`);
      need('kubeadmControlPlane', `cluster '${cluster.clusterName}'`);
    }
    if (cluster.nodePools.some((p) => p.kind !== NodePoolKind.MACHINE_DEPLOYMENT)) {
      gate('core', 'MachinePool', cluster.clusterName);
      if (key) gate(key, 'MachinePool', cluster.clusterName);
    }
    for (const g of cluster.infrastructure.requiredFeatureGates) if (key) gate(key, g, cluster.clusterName);
    if (isClassBased(cluster)) {
      // ClusterClass / spec.topology (core), KubeadmControlPlaneTemplate (control plane), CAPD's Dev*Templates
      for (const k of ['core', 'kubeadmBootstrap', 'kubeadmControlPlane'] as const) gate(k, 'ClusterTopology', cluster.clusterName);
      if (key === 'docker') gate(key, 'ClusterTopology', cluster.clusterName);
    }
    if (usesIgnition(cluster.controlPlane.bootstrap) || cluster.nodePools.some((p) => usesIgnition(p.options.bootstrap))) {
      gate('kubeadmBootstrap', IGNITION_GATE, cluster.clusterName);
      gate('kubeadmControlPlane', IGNITION_GATE, cluster.clusterName);
      if (key === 'aws') gate('aws', CAPA_IGNITION_GATE, cluster.clusterName);
    }
  }
  for (const bundle of bundles) {
    if (bundle.delivery.kind === DeliveryKind.HELM_CHART_PROXY && bundle.addons.some((a) => a.toAddonConfig().kind === AddonKind.HELM_CHART)) {
      need('helm', `bundle '${bundle.bundleName}' (HelmChartProxy delivery)`);
    }
  }
  for (const spec of PROVIDERS) if (explicit[spec.key] !== undefined && !reasons.has(spec.key)) need(spec.key, 'configured explicitly');

  const errors: string[] = [];
  const providers: ResolvedProvider[] = [];
  for (const spec of PROVIDERS) {
    const why = reasons.get(spec.key);
    if (!why) continue;
    const options = explicit[spec.key] ?? {};
    const featureGates: Record<string, boolean> = {};
    for (const [name, cluster] of gates.get(spec.key) ?? []) {
      if (options.featureGates?.[name] === false) {
        errors.push(`cluster '${cluster}' needs feature gate ${name} of provider '${spec.name}', which management cluster '${managementName}' turns off (providers.${spec.key}.featureGates.${name}: false). Remove that setting, or change the cluster.`);
      }
      featureGates[name] = true;
    }
    Object.assign(featureGates, options.featureGates);
    const namespace = options.namespace ?? spec.namespace;
    providers.push({ spec, namespace, version: options.version ?? spec.version, options, featureGates, reasons: why });
  }
  return { providers, errors };
}
