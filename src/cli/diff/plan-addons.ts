import { diffFields, FieldChange, sameValue } from './field-diff';
import { AddonPlan, PlanError } from './plan-types';
import { AddonModel } from '../private/platform-model';

/** Addons of a cluster keyed by name (name@bundle when one cluster gets an addon twice). */
function byKey(addons: AddonModel[]): Map<string, AddonModel> {
  const counts = new Map<string, number>();
  for (const a of addons) counts.set(a.addon, (counts.get(a.addon) ?? 0) + 1);
  return new Map(addons.map((a) => [(counts.get(a.addon) ?? 0) > 1 ? `${a.addon}@${a.bundle ?? a.object.id}` : a.addon, a]));
}

function ref(a: AddonModel): string {
  return `${a.object.obj.kind}/${a.object.obj.metadata?.name}`;
}

/** Where the version and values of each delivery object live (not compared again as "other"). */
const VALUE_PATHS: Record<string, string[]> = {
  'HelmChartProxy': ['spec.valuesTemplate', 'spec.version'],
  'Argo CD Application': ['spec.source.helm.valuesObject', 'spec.source.helm.values', 'spec.source.targetRevision'],
  'Argo CD ApplicationSet': ['spec.template.spec.source.helm.valuesObject', 'spec.template.spec.source.helm.values', 'spec.template.spec.source.targetRevision'],
  'Flux HelmRelease': ['spec.values', 'spec.chart.spec.version'],
  'ClusterResourceSet': [],
};

function otherChanges(a: AddonModel, b: AddonModel): FieldChange[] {
  const skip = VALUE_PATHS[b.delivery] ?? [];
  const strip = (o: any) => ({ metadata: { labels: o.metadata?.labels, annotations: o.metadata?.annotations }, spec: o.spec });
  return diffFields(strip(a.object.obj), strip(b.object.obj))
    .filter((c) => !skip.some((p) => c.path === p || c.path.startsWith(p + '.') || c.path.startsWith(p + '[')));
}

function removalNote(a: AddonModel): string {
  switch (a.delivery) {
    case 'ClusterResourceSet': return 'removing a ClusterResourceSet does not delete what it applied from the cluster';
    case 'HelmChartProxy': return 'CAAPH uninstalls the Helm release from the cluster';
    case 'Flux HelmRelease': return 'Flux uninstalls the Helm release from the cluster';
    default: return 'Argo CD deletes the application\'s resources from the cluster (resources finalizer)';
  }
}

/**
 * Values given as a Go template that is not YAML before rendering (HelmChartProxy
 * `valuesTemplate` with `{{ … }}`): the lines removed and added.
 */
function textChanges(a: unknown, b: unknown): FieldChange[] {
  if (sameValue(a, b)) return [];
  const lines = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v ?? '')).split('\n').filter((l) => l.trim() !== '');
  const before = lines(a); const after = lines(b);
  return [
    ...before.filter((l) => !after.includes(l)).map((l) => ({ path: 'values template line', old: l.trim() })),
    ...after.filter((l) => !before.includes(l)).map((l) => ({ path: 'values template line', new: l.trim() })),
  ];
}

/** What happens to each addon of a cluster present in both trees. */
export function planAddons(olds: AddonModel[], news: AddonModel[], clusterKey: string, errors: PlanError[]): AddonPlan[] {
  const a = byKey(olds); const b = byKey(news);
  const plans: AddonPlan[] = [];
  for (const key of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const o = a.get(key); const n = b.get(key);
    if (!o && n) {
      plans.push({ addon: n.addon, bundle: n.bundle, delivery: n.delivery, object: ref(n), action: 'added', chart: n.chart, toVersion: n.version, values: [], other: [], notes: [] });
      continue;
    }
    if (o && !n) {
      plans.push({ addon: o.addon, bundle: o.bundle, delivery: o.delivery, object: ref(o), action: 'removed', chart: o.chart, fromVersion: o.version, values: [], other: [], notes: [removalNote(o)] });
      continue;
    }
    if (!o || !n) continue;
    const base = {
      addon: n.addon, bundle: n.bundle, delivery: n.delivery, object: ref(n), chart: n.chart, fromVersion: o.version, toVersion: n.version,
    };
    if (o.delivery !== n.delivery) {
      plans.push({ ...base, action: 'delivery', values: [], other: [], notes: [`delivered by ${o.delivery} ${ref(o)} before: the old delivery object is removed (${removalNote(o)}) and the new one installs the release again`] });
      continue;
    }
    const values = typeof o.values === 'string' || typeof n.values === 'string'
      ? textChanges(o.values, n.values)
      : diffFields(o.values ?? {}, n.values ?? {});
    const other = otherChanges(o, n);
    const notes: string[] = [];
    if (o.chart !== n.chart || o.repository !== n.repository) notes.push(`chart ${o.repository ?? ''} ${o.chart ?? ''} → ${n.repository ?? ''} ${n.chart ?? ''}`.replace(/\s+/g, ' '));
    if (n.delivery === 'ClusterResourceSet') {
      for (const field of ['clusterSelector', 'strategy']) {
        const ch = other.filter((c) => c.path === `spec.${field}` || c.path.startsWith(`spec.${field}.`) || c.path.startsWith(`spec.${field}[`));
        if (ch.length > 0) {
          errors.push({ cluster: clusterKey, object: n.object.id, field: `spec.${field}`, message: `ClusterResourceSet spec.${field} is immutable (Cluster API webhook). Give the ClusterResourceSet a new name to change it.` });
        }
      }
      if (values.length > 0 && (n.object.obj.spec?.strategy ?? 'ApplyOnce') === 'ApplyOnce') {
        notes.push('strategy ApplyOnce: changed resources are not applied again to clusters that already got them (use strategy Reconcile)');
      }
    }
    if (o.version === n.version && values.length === 0 && other.length === 0 && notes.length === 0) continue;
    const action = o.version !== n.version ? 'upgrade' : values.length > 0 ? 'values' : 'changed';
    plans.push({ ...base, action, values, other, notes });
  }
  return plans;
}
