import { splitApiVersion } from './core-kinds';
import { Issue } from './issue';
import { get } from './util';

/** An issue about the object at position `at` of the set. */
export interface LocatedIssue {
  readonly at: number;
  readonly issue: Issue;
}

/** Contract references by kind: field path of each `{apiGroup, kind, name}` (v1beta2) or `{apiVersion, kind, name}` (v1beta1) ref. */
const CONTRACT_REFS: Record<string, string[]> = {
  'cluster.x-k8s.io/Cluster': ['spec.infrastructureRef', 'spec.controlPlaneRef'],
  'cluster.x-k8s.io/MachineDeployment': ['spec.template.spec.bootstrap.configRef', 'spec.template.spec.infrastructureRef'],
  'cluster.x-k8s.io/MachineSet': ['spec.template.spec.bootstrap.configRef', 'spec.template.spec.infrastructureRef'],
  'cluster.x-k8s.io/MachinePool': ['spec.template.spec.bootstrap.configRef', 'spec.template.spec.infrastructureRef'],
  'cluster.x-k8s.io/Machine': ['spec.bootstrap.configRef', 'spec.infrastructureRef'],
  'controlplane.cluster.x-k8s.io/KubeadmControlPlane': ['spec.machineTemplate.spec.infrastructureRef', 'spec.machineTemplate.infrastructureRef'],
};

/** Kinds whose `spec.clusterName` names a Cluster of the same namespace. */
const CLUSTER_NAME_KINDS = new Set([
  'cluster.x-k8s.io/MachineDeployment', 'cluster.x-k8s.io/MachineSet', 'cluster.x-k8s.io/MachinePool',
  'cluster.x-k8s.io/Machine', 'cluster.x-k8s.io/MachineHealthCheck',
]);

const CRS_SECRET_TYPE = 'addons.cluster.x-k8s.io/resource-set';

/**
 * Cross-object checks over a set: duplicates, contract references, cluster names and
 * ClusterResourceSet resources must resolve within the set.
 */
export function referenceIssues(objects: any[]): LocatedIssue[] {
  const out: LocatedIssue[] = [];
  const byKey = new Map<string, number>();
  objects.forEach((o, at) => {
    const key = keyOf(o);
    if (!key) return;
    const first = byKey.get(key);
    if (first !== undefined) {
      out.push({ at, issue: { path: 'metadata.name', message: `Duplicate value: another ${o.kind} "${o.metadata.name}" of the same API group and namespace is already in the set (object #${first + 1})`, rule: 'reference' } });
    } else {
      byKey.set(key, at);
    }
  });
  const find = (group: string, kind: string, ns: string, name: string): any => {
    const at = byKey.get(`${group}|${kind}|${ns}|${name}`);
    return at === undefined ? undefined : objects[at];
  };
  objects.forEach((o, at) => {
    if (!o || typeof o.apiVersion !== 'string' || typeof o.kind !== 'string') return;
    const [group] = splitApiVersion(o.apiVersion);
    const gk = `${group}/${o.kind}`;
    const ns = namespaceOf(o);
    const add = (path: string, message: string): void => { out.push({ at, issue: { path, message, rule: 'reference' } }); };
    for (const path of CONTRACT_REFS[gk] ?? []) {
      const ref = get(o, path);
      if (!ref || typeof ref !== 'object' || typeof ref.kind !== 'string' || typeof ref.name !== 'string') continue;
      const refGroup = typeof ref.apiGroup === 'string' ? ref.apiGroup : typeof ref.apiVersion === 'string' ? splitApiVersion(ref.apiVersion)[0] : undefined;
      if (refGroup === undefined) continue;
      const refNs = typeof ref.namespace === 'string' && ref.namespace !== '' ? ref.namespace : ns;
      if (!find(refGroup, ref.kind, refNs, ref.name)) {
        add(path, `Not found: ${ref.kind} "${ref.name}" (API group ${refGroup}) in namespace "${refNs}" is not in the set of objects`);
      }
    }
    if (CLUSTER_NAME_KINDS.has(gk)) {
      const cluster = get(o, 'spec.clusterName');
      if (typeof cluster === 'string' && cluster !== '' && !find('cluster.x-k8s.io', 'Cluster', ns, cluster)) {
        add('spec.clusterName', `Not found: Cluster "${cluster}" in namespace "${ns}" is not in the set of objects`);
      }
    }
    if (gk === 'addons.cluster.x-k8s.io/ClusterResourceSet' && Array.isArray(get(o, 'spec.resources'))) {
      o.spec.resources.forEach((r: any, i: number) => {
        if (!r || typeof r.name !== 'string' || (r.kind !== 'Secret' && r.kind !== 'ConfigMap')) return;
        const target = find('', r.kind, ns, r.name);
        if (!target) {
          add(`spec.resources[${i}]`, `Not found: ${r.kind} "${r.name}" in namespace "${ns}" is not in the set of objects`);
        } else if (r.kind === 'Secret' && target.type !== CRS_SECRET_TYPE) {
          add(`spec.resources[${i}]`, `Invalid value: Secret "${r.name}" has type ${JSON.stringify(target.type ?? 'Opaque')}: Secrets used by a ClusterResourceSet must have type ${CRS_SECRET_TYPE}`);
        }
      });
    }
  });
  return out;
}

function namespaceOf(o: any): string {
  const ns = o?.metadata?.namespace;
  return typeof ns === 'string' && ns !== '' ? ns : 'default';
}

function keyOf(o: any): string | undefined {
  if (!o || typeof o.apiVersion !== 'string' || typeof o.kind !== 'string' || typeof o.metadata?.name !== 'string') return undefined;
  const [group] = splitApiVersion(o.apiVersion);
  return `${group}|${o.kind}|${namespaceOf(o)}|${o.metadata.name}`;
}
