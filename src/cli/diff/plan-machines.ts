import { describeChange, diffFields, FieldChange, show } from './field-diff';
import { PlanError, PlanItem } from './plan-types';
import { ClusterModel, PoolModel } from '../private/platform-model';
import { TreeObject } from '../private/tree';

const ROLL_EXCLUDED = [
  // propagated to Machines in place (CAPI v1beta2)
  'spec.template.spec.deletion', 'spec.template.spec.minReadySeconds', 'spec.template.spec.readinessGates',
];

/** `spec` + metadata labels and annotations: what a plan compares. */
function comparable(o: any): unknown {
  return { metadata: { labels: o?.metadata?.labels, annotations: o?.metadata?.annotations }, spec: o?.spec };
}

function minor(version: unknown): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(String(version ?? ''));
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

function objectRef(t: TreeObject): string {
  return `${t.obj.kind}/${t.obj.metadata?.namespace ?? 'default'}/${t.obj.metadata?.name}`;
}

/** Why a template reference change rolls machines: the referenced templates' differing fields. */
function templateWhy(label: string, oldT: TreeObject | undefined, newT: TreeObject | undefined, oldName: string, newName: string): string[] {
  const head = `${label} ${oldName} → ${newName}`;
  if (!oldT || !newT) return [`${head} (template content not in both trees)`];
  const changes = diffFields(oldT.obj.spec, newT.obj.spec, 'spec');
  if (oldT.obj.kind !== newT.obj.kind) return [`${head} (${oldT.obj.kind} → ${newT.obj.kind})`];
  if (changes.length === 0) return [`${head} (same content, new name)`];
  return [head, ...changes.map((c) => `  ${describeChange(c)}`)];
}

/** A version change; an error when it moves more than one minor version up. */
function checkVersion(from: unknown, to: unknown, t: TreeObject, field: string, cluster: string, errors: PlanError[], who: string): void {
  const a = minor(from); const b = minor(to);
  if (!a || !b || a[0] !== b[0]) return;
  if (b[1] > a[1] + 1) {
    errors.push({ cluster, object: objectRef(t), field, message: `${who} refuses a version change of more than one minor version (${from} → ${to}): upgrade one minor version at a time (${from} → v${a[0]}.${a[1] + 1}.x first).` });
  } else if (b[1] < a[1]) {
    errors.push({ cluster, object: objectRef(t), field, message: `${field} moves down a minor version (${from} → ${to}): Kubernetes does not support downgrades.` });
  }
}

function within(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix + '.') || path.startsWith(prefix + '[');
}

/** The control plane of a cluster present in both trees. */
export function planControlPlane(o: ClusterModel, n: ClusterModel, errors: PlanError[]): PlanItem | undefined {
  const a = o.controlPlane; const b = n.controlPlane;
  if (!a && !b) return undefined;
  if (!a || !b || a.obj.kind !== b.obj.kind || a.obj.metadata?.name !== b.obj.metadata?.name) {
    const from = a ? `${a.obj.kind}/${a.obj.metadata?.name}` : '(none)';
    const to = b ? `${b.obj.kind}/${b.obj.metadata?.name}` : '(none)';
    return { kind: b?.obj.kind ?? a!.obj.kind, name: b?.obj.metadata?.name ?? a!.obj.metadata?.name, action: 'rolls', why: [`control plane replaced: ${from} → ${to} (a new control plane: the cluster is rebuilt)`], inPlace: [], changes: [] };
  }
  const changes = diffFields(comparable(a.obj), comparable(b.obj));
  if (changes.length === 0) return undefined; // a template changed under its name is an error reported for the template
  const templateChanges = o.controlPlaneTemplate?.obj.metadata?.name !== n.controlPlaneTemplate?.obj.metadata?.name
    ? diffFields(o.controlPlaneTemplate?.obj.spec, n.controlPlaneTemplate?.obj.spec, 'spec') : [];
  const why: string[] = [];
  const inPlace: string[] = [];
  const kind = b.obj.kind;
  const va = a.obj.spec?.version; const vb = b.obj.spec?.version;
  if (kind === 'KubeadmControlPlane') {
    const tplPath = b.obj.spec?.machineTemplate?.spec ? 'spec.machineTemplate.spec.infrastructureRef' : 'spec.machineTemplate.infrastructureRef';
    for (const c of changes) {
      if (c.path === 'spec.version') why.push(`version ${show(va)} → ${show(vb)}`);
      else if (c.path === `${tplPath}.name`) why.push(...templateWhy('machine template', o.controlPlaneTemplate, n.controlPlaneTemplate, String(c.old), String(c.new)));
      else if (within(c.path, tplPath)) why.push(describeChange(c));
      else if (within(c.path, 'spec.kubeadmConfigSpec')) why.push(`kubeadm configuration: ${describeChange(c)}`);
      else inPlace.push(describeChange(c));
    }
    if (va !== vb) checkVersion(va, vb, b, 'spec.version', n.key, errors, 'The KubeadmControlPlane webhook');
  } else {
    for (const c of changes) {
      if (c.path === 'spec.version') why.push(`${kind === 'AWSManagedControlPlane' ? 'EKS ' : ''}control plane upgrade ${show(va)} → ${show(vb)}`);
      else inPlace.push(describeChange(c));
    }
    if (va !== vb && kind === 'AWSManagedControlPlane') checkVersion(va, vb, b, 'spec.version', n.key, errors, 'EKS');
  }
  const action = why.length === 0 ? 'in-place' : kind === 'KubeadmControlPlane' ? 'rolls' : 'upgrades';
  return { kind, name: b.obj.metadata?.name, action, why, inPlace, changes: [...changes, ...templateChanges.map((c) => ({ ...c, path: `(template) ${c.path}` }))] };
}

/** AWSManagedMachinePool fields CAPA's webhook refuses to change (capi-notes §3). */
const EKS_POOL_IMMUTABLE = ['capacityType', 'amiType', 'subnetIDs', 'diskSize', 'remoteAccess', 'roleName'];
/** AWSManagedMachinePool fields that replace the node group's nodes. */
const EKS_POOL_ROLLS = ['instanceType', 'amiVersion', 'awsLaunchTemplate', 'launchTemplate', 'instanceTypes'];

function planPoolInfrastructure(a: TreeObject, b: TreeObject, cluster: string, errors: PlanError[], why: string[], inPlace: string[]): FieldChange[] {
  const changes = diffFields(comparable(a.obj), comparable(b.obj));
  for (const c of changes) {
    const field = c.path.replace(/^spec\./, '').split(/[.[]/)[0];
    const line = `${b.obj.kind} ${describeChange(c)}`;
    if (b.obj.kind === 'AWSManagedMachinePool' && c.path.startsWith('spec.') && EKS_POOL_IMMUTABLE.includes(field)) {
      errors.push({ cluster, object: objectRef(b), field: `spec.${field}`, message: `AWSManagedMachinePool spec.${field} is immutable (CAPA webhook): ${describeChange(c)}. Add a new pool with the new value and remove this one.` });
    } else if (c.path.startsWith('spec.') && (b.obj.kind === 'AWSManagedMachinePool' ? EKS_POOL_ROLLS.includes(field) : field === 'awsLaunchTemplate' || field === 'mixedInstancesPolicy')) {
      why.push(line);
    } else {
      inPlace.push(line);
    }
  }
  return changes;
}

/** One MachineDeployment or MachinePool present in both trees. */
export function planPool(a: PoolModel, b: PoolModel, clusterKey: string, errors: PlanError[]): PlanItem | undefined {
  const changes = diffFields(comparable(a.object.obj), comparable(b.object.obj));
  const why: string[] = [];
  const inPlace: string[] = [];
  const tspec = 'spec.template.spec';
  for (const c of changes) {
    if (c.path === 'spec.clusterName' || c.path === `${tspec}.clusterName`) {
      errors.push({ cluster: clusterKey, object: objectRef(b.object), field: c.path, message: `${b.kind} ${c.path} is immutable (Cluster API webhook): ${describeChange(c)}. A pool cannot move to another cluster; create a new one.` });
    } else if (c.path === `${tspec}.version`) {
      why.push(`version ${show(c.old)} → ${show(c.new)}`);
    } else if (c.path === `${tspec}.infrastructureRef.name`) {
      if (b.kind === 'MachineDeployment') why.push(...templateWhy('infrastructure template', a.infrastructure, b.infrastructure, String(c.old), String(c.new)));
      else why.push(`machine pool ${show(c.old)} → ${show(c.new)} (a new ${b.infrastructure?.obj.kind ?? 'infrastructure pool'}: its nodes replace the old pool's)`);
    } else if (c.path === `${tspec}.bootstrap.configRef.name`) {
      why.push(...templateWhy('bootstrap template', a.bootstrap, b.bootstrap, String(c.old), String(c.new)));
    } else if (within(c.path, tspec) && !ROLL_EXCLUDED.some((p) => within(c.path, p))) {
      why.push(describeChange(c));
    } else {
      inPlace.push(describeChange(c));
    }
  }
  const infraChanges = b.kind === 'MachinePool' && a.infrastructure && b.infrastructure && a.infrastructure.obj.metadata?.name === b.infrastructure.obj.metadata?.name
    ? planPoolInfrastructure(a.infrastructure, b.infrastructure, clusterKey, errors, why, inPlace) : [];
  if (changes.length === 0 && infraChanges.length === 0) return undefined;
  return { kind: b.kind, name: b.name, pool: b.pool, action: why.length > 0 ? 'rolls' : 'in-place', why, inPlace, changes: [...changes, ...infraChanges.map((c) => ({ ...c, path: `(${b.infrastructure!.obj.kind}) ${c.path}` }))] };
}

/** The machine type of a machine template or machine pool: AWS instance type, OpenStack flavor. */
export function machineType(o: any): string | undefined {
  const spec = o?.spec?.template?.spec ?? o?.spec;
  return spec?.instanceType ?? spec?.flavor ?? spec?.awsLaunchTemplate?.instanceType;
}

/** A short description of a pool, for created and deleted pools and clusters. */
export function describePool(p: PoolModel): string {
  const o = p.object.obj;
  const ann = o.metadata?.annotations ?? {};
  const min = ann['cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size'];
  const max = ann['cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size'];
  const infra = p.infrastructure?.obj.spec;
  const type = machineType(p.infrastructure?.obj);
  const scaling = infra?.scaling;
  const size = min !== undefined && max !== undefined ? `autoscaled ${min}–${max}`
    : scaling ? `autoscaled ${scaling.minSize ?? 0}–${scaling.maxSize ?? '?'}`
      : o.spec?.replicas !== undefined ? `${o.spec.replicas} replica(s)` : 'replicas unset';
  return [`${p.kind} ${p.name}`, type, size, o.spec?.template?.spec?.version].filter((s) => s).join(', ');
}

/** Other objects of a cluster (health checks, CRS resources, infrastructure) compared by id. */
export function planObjects(olds: TreeObject[], news: TreeObject[], classify: (t: TreeObject) => boolean = () => true): PlanItem[] {
  const oldById = new Map(olds.filter(classify).map((t) => [t.id, t]));
  const newById = new Map(news.filter(classify).map((t) => [t.id, t]));
  const items: PlanItem[] = [];
  for (const id of [...new Set([...oldById.keys(), ...newById.keys()])].sort()) {
    const a = oldById.get(id); const b = newById.get(id);
    const t = (b ?? a)!;
    const base = { kind: t.obj.kind, name: t.obj.metadata?.name ?? '', why: [] as string[] };
    if (!a) {
      items.push({ ...base, action: 'created', inPlace: [], changes: [] });
      continue;
    }
    if (!b) {
      items.push({ ...base, action: 'deleted', inPlace: [], changes: [] });
      continue;
    }
    const changes = diffFields(withoutStatus(a.obj), withoutStatus(b.obj));
    if (changes.length > 0) items.push({ ...base, action: 'in-place', inPlace: changes.map(describeChange), changes });
  }
  return items;
}

/** What `planObjects` compares: metadata labels and annotations, apiVersion and the rest of the body. */
function withoutStatus(o: any): Record<string, unknown> {
  const { metadata, kind: _k, status: _s, ...rest } = o ?? {};
  return { metadata: { labels: metadata?.labels, annotations: metadata?.annotations }, ...rest };
}
