/**
 * Test helper: compares the objects-mode output of a cluster with its class-mode output (the
 * topology Cluster expanded with its ClusterClass), field by field for the fields both carry.
 * Object names of templates differ (content-hashed per class vs per cluster) and are compared
 * through the references instead.
 */
import { expandTopology } from './clusterclass-expand';
import { canonicalJson } from '../../src/core/names';

const NODE_POOL_LABEL = 'capi-blueprints.io/node-pool';

function withoutCapiLabels(labels: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).filter(([k]) => !k.startsWith('cluster.x-k8s.io/')));
}

function byRef(objects: any[], ref: any): any {
  const found = objects.find((o) => o.kind === ref.kind && o.metadata.name === ref.name);
  if (!found) throw new Error(`${ref.kind} ${ref.name} not found`);
  return found;
}

/** One line per compared field: `<what>: <json>`, for `expect(classLines).toEqual(objectLines)`. */
export interface Comparison {
  readonly objects: string[];
  readonly classes: string[];
}

function fields(objects: any[], clusterName: string): string[] {
  const lines: string[] = [];
  const line = (what: string, value: any) => lines.push(`${what}: ${canonicalJson(value)}`);
  const cluster = objects.find((o) => o.kind === 'Cluster');
  const infra = objects.find((o) => o.kind === 'AWSCluster' || o.kind === 'DevCluster');
  const kcp = objects.find((o) => o.kind === 'KubeadmControlPlane');
  line('Cluster labels', cluster?.metadata.labels);
  line('Cluster clusterNetwork', cluster?.spec.clusterNetwork);
  line(`${infra.kind} ${infra.metadata.name}`, infra.spec);
  const { machineTemplate, ...kcpSpec } = kcp.spec;
  const { infrastructureRef, ...mtSpec } = machineTemplate.spec;
  line(`KubeadmControlPlane ${kcp.metadata.name}`, { ...kcpSpec, machineTemplate: { ...machineTemplate, spec: mtSpec } });
  line('control-plane machine template', { kind: infrastructureRef.kind, spec: byRef(objects, infrastructureRef).spec });
  const mds = objects.filter((o) => o.kind === 'MachineDeployment').sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  for (const md of mds) {
    const s = md.spec;
    const t = s.template.spec;
    line(`MachineDeployment ${md.metadata.name}`, {
      annotations: Object.fromEntries(Object.entries(md.metadata.annotations ?? {}).filter(([k]) => !k.startsWith('argocd.') && !k.startsWith('kustomize.'))),
      clusterName: s.clusterName,
      replicas: s.replicas,
      rollout: s.rollout,
      deletion: s.deletion,
      labels: withoutCapiLabels(s.template.metadata.labels),
      template: { ...t, bootstrap: undefined, infrastructureRef: undefined },
      bootstrap: { kind: t.bootstrap.configRef.kind, spec: byRef(objects, t.bootstrap.configRef).spec },
      infrastructure: { kind: t.infrastructureRef.kind, spec: byRef(objects, t.infrastructureRef).spec },
    });
  }
  const checks = new Map<string, any>();
  for (const o of objects.filter((x) => x.kind === 'MachineHealthCheck')) {
    const pool = o.pool ?? o.spec.selector?.matchLabels?.[NODE_POOL_LABEL] ?? 'control-plane';
    checks.set(pool, { checks: o.spec.checks, remediation: o.spec.remediation, clusterName: o.spec.clusterName });
  }
  for (const [pool, check] of [...checks].sort(([a], [b]) => a.localeCompare(b))) line(`MachineHealthCheck ${pool}`, check);
  void clusterName;
  return lines;
}

/**
 * The compared fields of cluster `name`: from `objectsMode` (its objects) and from `classMode`
 * (its topology Cluster, expanded with the ClusterClass and templates found in `classMode`).
 */
export function compareModes(name: string, objectsMode: any[], classMode: any[]): Comparison {
  const own = objectsMode.filter((o) => o.metadata?.name?.startsWith(name) || o.spec?.clusterName === name);
  const topology = classMode.find((o) => o.kind === 'Cluster' && o.metadata.name === name && o.spec?.topology);
  if (!topology) throw new Error(`no topology Cluster ${name}`);
  const expanded = expandTopology(topology, classMode);
  return { objects: fields(own, name), classes: fields([topology, ...expanded], name) };
}
