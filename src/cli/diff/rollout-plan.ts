import { describeChange, diffFields } from './field-diff';
import { planAddons } from './plan-addons';
import { classChanges, classWarning, topologySwitches } from './plan-classes';
import { describePool, machineType, planControlPlane, planObjects, planPool } from './plan-machines';
import { ClusterPlan, PlanError, PlanItem, RolloutPlan } from './plan-types';
import { AddonModel, buildPlatformModel, ClusterModel, PlatformModel, SITE_LABEL } from '../private/platform-model';
import { Tree, TreeObject } from '../private/tree';

/** Kinds whose spec the API server (or Cluster API's contract) treats as immutable: change = new name. */
const IMMUTABLE_TEMPLATE = /(MachineTemplate|ConfigTemplate|InstallerConfigTemplate)$/;

function describeAddon(a: AddonModel): string {
  return `${a.addon}${a.version ? ' ' + a.version : ''} (${a.delivery}${a.bundle ? `, bundle ${a.bundle}` : ''})`;
}

function contentsOf(c: ClusterModel): string[] {
  const lines: string[] = [];
  const cp = c.controlPlane?.obj;
  if (cp) {
    const type = machineType(c.controlPlaneTemplate?.obj);
    lines.push(`control plane ${cp.kind} ${cp.metadata?.name}: ${[cp.spec?.replicas !== undefined ? `${cp.spec.replicas} replica(s)` : undefined, type, cp.spec?.version].filter((s) => s).join(', ')}`);
  }
  for (const p of c.pools) lines.push(`pool ${p.pool}: ${describePool(p)}`);
  for (const a of c.addons) lines.push(`addon ${describeAddon(a)}`);
  return lines;
}

function clusterPlanBase(c: ClusterModel) {
  return { key: c.key, name: c.name, namespace: c.namespace, managementCluster: c.managementCluster || undefined, site: c.labels[SITE_LABEL] };
}

function planCluster(o: ClusterModel, n: ClusterModel, errors: PlanError[]): ClusterPlan {
  const controlPlane = planControlPlane(o, n, errors);
  const infrastructure = planObjects(
    [o.cluster, ...(o.infrastructureCluster ? [o.infrastructureCluster] : [])],
    [n.cluster, ...(n.infrastructureCluster ? [n.infrastructureCluster] : [])]);
  const pools: PlanItem[] = [];
  const oldPools = new Map(o.pools.map((p) => [`${p.kind}/${p.name}`, p]));
  const newPools = new Map(n.pools.map((p) => [`${p.kind}/${p.name}`, p]));
  for (const key of [...new Set([...oldPools.keys(), ...newPools.keys()])].sort()) {
    const a = oldPools.get(key); const b = newPools.get(key);
    if (!a && b) {pools.push({ kind: b.kind, name: b.name, pool: b.pool, action: 'created', why: [], inPlace: [describePool(b)], changes: [] });} else if (a && !b) {pools.push({ kind: a.kind, name: a.name, pool: a.pool, action: 'deleted', why: [], inPlace: [`${describePool(a)}: its machines are drained and deleted`], changes: [] });} else if (a && b) {
      const item = planPool(a, b, n.key, errors);
      if (item) pools.push(item);
    }
  }
  const addons = planAddons(o.addons, n.addons, n.key, errors);
  const others = planObjects(o.others, n.others);
  const changed = controlPlane !== undefined || infrastructure.length > 0 || pools.length > 0 || addons.length > 0 || others.length > 0;
  return {
    ...clusterPlanBase(n),
    status: changed ? 'changed' : 'unchanged',
    destructive: pools.some((p) => p.action === 'deleted'),
    controlPlane,
    infrastructure,
    pools,
    addons,
    others,
    contents: [],
    warnings: [],
  };
}

function immutableTemplateErrors(oldTree: Tree, newTree: Tree, owner: Map<TreeObject, string>): PlanError[] {
  const olds = new Map(oldTree.objects.filter((t) => IMMUTABLE_TEMPLATE.test(t.obj.kind)).map((t) => [`${t.managementCluster}|${t.id}`, t]));
  const errors: PlanError[] = [];
  for (const t of newTree.objects.filter((x) => IMMUTABLE_TEMPLATE.test(x.obj.kind))) {
    const a = olds.get(`${t.managementCluster}|${t.id}`);
    if (!a) continue;
    const changes = diffFields(a.obj.spec, t.obj.spec, 'spec');
    if (changes.length === 0) continue;
    const capa = t.obj.kind.startsWith('AWS');
    errors.push({
      cluster: owner.get(t),
      object: t.id,
      field: 'spec',
      message: `${t.obj.kind} ${t.obj.metadata?.name} changes under the same name (${changes.map(describeChange).join('; ')}): ${capa ? 'CAPA refuses updates to its spec, and ' : ''}machines only roll when the referenced template name changes. Give the new content a new name (capi-blueprints content-hashes template names).`,
    });
  }
  return errors;
}

function owners(model: PlatformModel): Map<TreeObject, string> {
  const m = new Map<TreeObject, string>();
  for (const c of model.clusters) {
    for (const t of [c.cluster, c.controlPlane, c.controlPlaneTemplate, c.infrastructureCluster, ...c.others]) if (t) m.set(t, c.key);
    for (const p of c.pools) for (const t of [p.object, p.infrastructure, p.bootstrap]) if (t) m.set(t, c.key);
  }
  return m;
}

/**
 * The rollout plan from `oldTree` to `newTree`: clusters created and deleted, control planes and
 * pools that roll or change in place (and why), addon upgrades and values changes per delivery,
 * and the updates the API server would refuse.
 */
export function buildRolloutPlan(oldTree: Tree, newTree: Tree, labels: { old: string; new: string }): RolloutPlan {
  const oldModel = buildPlatformModel(oldTree);
  const newModel = buildPlatformModel(newTree);
  const errors: PlanError[] = immutableTemplateErrors(oldTree, newTree, owners(newModel));
  // Trees of different layouts (flat → GitOps migration) match clusters by namespace and name.
  const keyOf = oldModel.layout === newModel.layout ? (c: ClusterModel) => c.key : (c: ClusterModel) => `${c.namespace}/${c.name}`;
  const oldClusters = new Map(oldModel.clusters.map((c) => [keyOf(c), c]));
  const newClusters = new Map(newModel.clusters.map((c) => [keyOf(c), c]));
  const clusters: ClusterPlan[] = [];
  for (const key of [...new Set([...oldClusters.keys(), ...newClusters.keys()])].sort()) {
    const o = oldClusters.get(key); const n = newClusters.get(key);
    const empty = { infrastructure: [], pools: [], addons: [], others: [], warnings: [] };
    if (!o && n) {clusters.push({ ...clusterPlanBase(n), ...empty, status: 'created', destructive: false, contents: contentsOf(n) });} else if (o && !n) {
      clusters.push({
        ...clusterPlanBase(o),
        ...empty,
        status: 'deleted',
        destructive: true,
        contents: contentsOf(o),
        warnings: ['deleting the Cluster deletes its control plane, every machine and its cloud infrastructure'],
      });
    } else if (o && n) {clusters.push(planCluster(o, n, errors));}
  }
  const switches = topologySwitches(oldTree, newTree);
  const planByCluster = new Map<string, ClusterPlan>();
  if (switches.length > 0) for (const c of clusters) if (!planByCluster.has(`${c.namespace}/${c.name}`)) planByCluster.set(`${c.namespace}/${c.name}`, c);
  for (const s of switches) {
    const plan = planByCluster.get(s.cluster);
    errors.push({ cluster: plan?.key, object: s.object, field: 'spec.topology', message: s.message });
  }
  // A changed ClusterClass reaches every cluster of the class (the topology controller applies it).
  for (const change of classChanges(oldTree, newTree)) {
    const members = new Set(change.clusters);
    clusters.forEach((c, i) => {
      if (c.status === 'deleted' || !members.has(`${c.namespace}/${c.name}`) || (c.managementCluster ?? '') !== change.managementCluster) return;
      clusters[i] = { ...c, status: c.status === 'unchanged' ? 'changed' : c.status, warnings: [...c.warnings, classWarning(change)] };
    });
  }
  const inAnyCluster = (m: PlatformModel) => m.shared;
  const shared = planObjects(inAnyCluster(oldModel).map(withMgmt), inAnyCluster(newModel).map(withMgmt));
  const seen = new Set<string>();
  const uniqueErrors = errors.filter((e) => { const k = `${e.cluster}|${e.object}|${e.message}`; if (seen.has(k)) return false; seen.add(k); return true; });
  const count = (f: (c: ClusterPlan) => number) => clusters.reduce((s, c) => s + f(c), 0);
  return {
    old: labels.old,
    new: labels.new,
    summary: {
      clusters: clusters.length,
      created: clusters.filter((c) => c.status === 'created').length,
      deleted: clusters.filter((c) => c.status === 'deleted').length,
      changed: clusters.filter((c) => c.status === 'changed').length,
      unchanged: clusters.filter((c) => c.status === 'unchanged').length,
      controlPlaneRolls: clusters.filter((c) => c.controlPlane?.action === 'rolls').length,
      poolRolls: count((c) => c.pools.filter((p) => p.action === 'rolls').length),
      poolsInPlace: count((c) => c.pools.filter((p) => p.action === 'in-place').length),
      addonUpgrades: count((c) => c.addons.filter((a) => a.action === 'upgrade').length),
      addonChanges: count((c) => c.addons.filter((a) => a.action !== 'upgrade').length),
      errors: uniqueErrors.length,
    },
    destructive: clusters.some((c) => c.destructive),
    clusters,
    shared,
    errors: uniqueErrors,
  };
}

/** Shared objects are compared per management cluster (the id carries it) and named with their namespace. */
function withMgmt(t: TreeObject): TreeObject {
  const ns = t.id.split('/')[1];
  const obj = ns ? { ...t.obj, metadata: { ...t.obj.metadata, name: `${ns}/${t.obj.metadata?.name}` } } : t.obj;
  return { ...t, obj, id: t.managementCluster ? `${t.managementCluster}:${t.id}` : t.id };
}
