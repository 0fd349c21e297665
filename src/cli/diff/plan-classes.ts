/**
 * ClusterClass changes in a rollout plan: a class whose templates (or variables and patches)
 * change is applied by the topology controller to every cluster of the class, so each of those
 * clusters gets the change in its plan, with the other clusters of the class named.
 */
import { describeChange, diffFields } from './field-diff';
import { Tree, TreeObject } from '../private/tree';

/** One changed class and the clusters (`namespace/name`) it rolls. */
export interface ClassChange {
  /** `namespace/name` of the ClusterClass. */
  readonly clusterClass: string;
  readonly managementCluster: string;
  /** What changes, one line each (e.g. `control plane machines roll: template a → b`). */
  readonly lines: string[];
  /** `namespace/name` of every topology Cluster of the class in the new tree. */
  readonly clusters: string[];
}

function ns(o: any): string {
  return o?.metadata?.namespace || 'default';
}

/** `role → template name` of a class. */
function templateNames(cc: any): Map<string, string> {
  const out = new Map<string, string>();
  const put = (role: string, ref: any) => { if (ref?.name) out.set(role, `${ref.kind} ${ref.name}`); };
  put('infrastructure cluster', cc.spec?.infrastructure?.templateRef);
  put('control plane', cc.spec?.controlPlane?.templateRef);
  put('control plane machines', cc.spec?.controlPlane?.machineInfrastructure?.templateRef);
  for (const md of cc.spec?.workers?.machineDeployments ?? []) {
    put(`MachineDeployment class ${md.class} machines`, md.infrastructure?.templateRef);
    put(`MachineDeployment class ${md.class} bootstrap`, md.bootstrap?.templateRef);
  }
  return out;
}

function classes(tree: Tree): Map<string, TreeObject> {
  return new Map(tree.objects.filter((t) => t.obj?.kind === 'ClusterClass').map((t) => [`${t.managementCluster}|${ns(t.obj)}/${t.obj.metadata?.name}`, t]));
}

/** The ClusterClasses that change from `oldTree` to `newTree`, with the clusters they roll. */
export function classChanges(oldTree: Tree, newTree: Tree): ClassChange[] {
  const olds = classes(oldTree);
  const out: ClassChange[] = [];
  for (const [key, t] of classes(newTree)) {
    const a = olds.get(key);
    if (!a) continue;
    const lines: string[] = [];
    const before = templateNames(a.obj);
    const after = templateNames(t.obj);
    for (const role of [...new Set([...before.keys(), ...after.keys()])]) {
      const x = before.get(role); const y = after.get(role);
      if (x === y) continue;
      const rolls = role.endsWith('machines') || role.endsWith('bootstrap') || role === 'control plane';
      lines.push(`${role}${rolls ? ' ROLL' : ' changes'}: ${x ?? 'none'} → ${y ?? 'none'}`);
    }
    for (const field of ['variables', 'patches']) {
      const changes = diffFields(a.obj.spec?.[field], t.obj.spec?.[field], `spec.${field}`);
      if (changes.length > 0) lines.push(`${field} change (${changes.length} field(s), e.g. ${describeChange(changes[0])}): every cluster's templates are recomputed`);
    }
    if (lines.length === 0) continue;
    const [, id] = key.split('|');
    const members = newTree.objects
      .filter((c) => c.obj?.kind === 'Cluster' && c.obj.spec?.topology?.classRef?.name === t.obj.metadata?.name
        && (c.obj.spec.topology.classRef.namespace || ns(c.obj)) === ns(t.obj) && c.managementCluster === t.managementCluster)
      .map((c) => `${ns(c.obj)}/${c.obj.metadata?.name}`)
      .sort();
    out.push({ clusterClass: id, managementCluster: t.managementCluster, lines, clusters: members });
  }
  return out;
}

/**
 * The Cluster webhook refuses to add `spec.topology` to an existing Cluster ("classRef cannot be set
 * on an existing Cluster") and to remove it ("cannot be removed from an existing Cluster"): switching
 * a live cluster between objects and ClusterClass output is refused by the API server.
 * @returns one message per cluster (`namespace/name` → message)
 */
export function topologySwitches(oldTree: Tree, newTree: Tree): Array<{ cluster: string; object: string; message: string }> {
  const key = (t: TreeObject) => `${t.managementCluster}|${ns(t.obj)}/${t.obj.metadata?.name}`;
  const clusters = (tree: Tree) => new Map(tree.objects.filter((t) => t.obj?.kind === 'Cluster' && t.obj.apiVersion?.startsWith('cluster.x-k8s.io/')).map((t) => [key(t), t]));
  const olds = clusters(oldTree);
  const out: Array<{ cluster: string; object: string; message: string }> = [];
  for (const [k, t] of clusters(newTree)) {
    const a = olds.get(k);
    if (!a) continue;
    const had = a.obj.spec?.topology !== undefined;
    const has = t.obj.spec?.topology !== undefined;
    if (had === has) continue;
    const name = `${ns(t.obj)}/${t.obj.metadata?.name}`;
    out.push({
      cluster: name,
      object: t.id,
      message: has
        ? `Cluster ${name} gains spec.topology: the Cluster webhook refuses it ("classRef cannot be set on an existing Cluster"). An existing cluster keeps objects output: set outputMode: OutputMode.objects() on its site (or blueprint), and use ClusterClass output for new clusters.`
        : `Cluster ${name} loses spec.topology: the Cluster webhook refuses it ("cannot be removed from an existing Cluster"). A cluster created from a ClusterClass keeps ClusterClass output: set outputMode: OutputMode.clusterClass() back on its site (or blueprint).`,
    });
  }
  return out;
}

/** The warning a cluster of a changed class gets in the plan. */
export function classWarning(change: ClassChange): string {
  return `ClusterClass ${change.clusterClass} changes, which affects all ${change.clusters.length} cluster(s) of the class (${change.clusters.join(', ')}): ${change.lines.join('; ')}`;
}
