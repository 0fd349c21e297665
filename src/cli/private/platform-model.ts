import { parse } from 'yaml';
import { Tree, TreeObject } from './tree';

/** Labels capi-blueprints puts on Clusters and on addon delivery objects. */
export const SITE_LABEL = 'capi-blueprints.io/site';
export const BLUEPRINT_LABEL = 'capi-blueprints.io/blueprint';
export const INFRASTRUCTURE_LABEL = 'capi-blueprints.io/infrastructure';
export const CLUSTER_NAME_LABEL = 'capi-blueprints.io/cluster-name';
export const BUNDLE_LABEL = 'capi-blueprints.io/addon-bundle';
export const ADDON_LABEL = 'capi-blueprints.io/addon';
export const NODE_POOL_LABEL = 'capi-blueprints.io/node-pool';

/** How an addon reaches its cluster. */
export type DeliveryKind = 'HelmChartProxy' | 'Argo CD Application' | 'Argo CD ApplicationSet' | 'Flux HelmRelease' | 'ClusterResourceSet';

/** A pool of worker machines: one MachineDeployment or MachinePool and what it references. */
export interface PoolModel {
  readonly kind: string;
  readonly name: string;
  /** The node pool it belongs to (`capi-blueprints.io/node-pool`), else its own name. */
  readonly pool: string;
  readonly object: TreeObject;
  /** The infrastructure template (MachineDeployment) or machine pool object (MachinePool). */
  readonly infrastructure?: TreeObject;
  /** The bootstrap config template. */
  readonly bootstrap?: TreeObject;
}

/** One addon delivered to a cluster. */
export interface AddonModel {
  /** The addon's name (`capi-blueprints.io/addon`), else the object's kind/name. */
  readonly addon: string;
  readonly bundle?: string;
  readonly delivery: DeliveryKind;
  readonly object: TreeObject;
  readonly chart?: string;
  readonly repository?: string;
  readonly version?: string;
  /** Helm values (parsed when given as a YAML string that parses), or the CRS resources' data. */
  readonly values?: unknown;
  /** True when the object selects clusters by labels (one object for many clusters). */
  readonly fleetWide: boolean;
}

/** A workload cluster and its objects. */
export interface ClusterModel {
  /** `<mgmt>/<namespace>/<name>` (GitOps layout) or `<namespace>/<name>`. */
  readonly key: string;
  readonly name: string;
  readonly namespace: string;
  readonly managementCluster: string;
  readonly labels: Record<string, string>;
  readonly cluster: TreeObject;
  readonly infrastructureCluster?: TreeObject;
  readonly controlPlane?: TreeObject;
  readonly controlPlaneTemplate?: TreeObject;
  readonly pools: PoolModel[];
  readonly addons: AddonModel[];
  /** Everything else that belongs to it (MachineHealthChecks, CRS resources, …). */
  readonly others: TreeObject[];
}

/** A synthesized tree read as a platform: clusters with their objects, and the rest. */
export interface PlatformModel {
  readonly layout: 'gitops' | 'flat';
  readonly clusters: ClusterModel[];
  readonly managementClusters: string[];
  /** Objects that belong to no single cluster (management, bootstrap, identities, fleet-wide addons). */
  readonly shared: TreeObject[];
  /** Fleet-wide addon objects (selector based), with the clusters they select. */
  readonly fleetAddons: Array<{ readonly addon: AddonModel; readonly clusters: string[] }>;
  readonly byId: Map<string, TreeObject>;
}

interface LabelSelector {
  readonly matchLabels?: Record<string, string>;
  readonly matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/** Whether a Kubernetes label selector selects `labels`. An empty selector selects nothing here. */
export function selectorMatches(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return false;
  const ml = Object.entries(selector.matchLabels ?? {});
  const me = selector.matchExpressions ?? [];
  if (ml.length === 0 && me.length === 0) return false;
  for (const [k, v] of ml) if (labels[k] !== v) return false;
  for (const e of me) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const values = e.values ?? [];
    switch (e.operator) {
      case 'In': if (!has || !values.includes(labels[e.key])) return false; break;
      case 'NotIn': if (has && values.includes(labels[e.key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false;
    }
  }
  return true;
}

function parseValues(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    const v = parse(text);
    return v ?? {};
  } catch {
    return text; // a Go template that is not YAML before rendering: compared as text
  }
}

/** The delivery facts of an addon object, or undefined when it is not one. */
export function addonOf(t: TreeObject, resources: (ns: string, refs: any[]) => TreeObject[]): AddonModel | undefined {
  const o = t.obj;
  const labels: Record<string, string> = o.metadata?.labels ?? {};
  const addonName = labels[ADDON_LABEL] ?? `${o.kind}/${o.metadata?.name}`;
  const base = { addon: addonName, bundle: labels[BUNDLE_LABEL], object: t };
  const spec = o.spec ?? {};
  switch (o.kind) {
    case 'HelmChartProxy':
      return { ...base, delivery: 'HelmChartProxy', chart: spec.chartName, repository: spec.repoURL, version: spec.version, values: parseValues(spec.valuesTemplate), fleetWide: !labels[CLUSTER_NAME_LABEL] };
    case 'Application': {
      const src = spec.source ?? {};
      if (!src.chart) return undefined; // GitOps engine Applications (folders of the tree) are not addons
      return { ...base, delivery: 'Argo CD Application', chart: src.chart, repository: src.repoURL, version: src.targetRevision, values: src.helm?.valuesObject ?? parseValues(src.helm?.values), fleetWide: false };
    }
    case 'ApplicationSet': {
      const src = spec.template?.spec?.source ?? {};
      return { ...base, delivery: 'Argo CD ApplicationSet', chart: src.chart, repository: src.repoURL ?? src.repoUrl, version: src.targetRevision, values: src.helm?.valuesObject ?? parseValues(src.helm?.values), fleetWide: true };
    }
    case 'HelmRelease': {
      const chart = spec.chart?.spec ?? {};
      return { ...base, delivery: 'Flux HelmRelease', chart: chart.chart, repository: chart.sourceRef?.name, version: chart.version, values: spec.values, fleetWide: false };
    }
    case 'ClusterResourceSet': {
      const data: Record<string, unknown> = {};
      for (const r of resources(o.metadata?.namespace ?? 'default', spec.resources ?? [])) {
        data[`${r.obj.kind}/${r.obj.metadata?.name}`] = { ...(r.obj.data ?? {}), ...(r.obj.stringData ?? {}) };
      }
      return { ...base, delivery: 'ClusterResourceSet', values: data, fleetWide: !labels[CLUSTER_NAME_LABEL] };
    }
    default:
      return undefined;
  }
}

/** The clusters a fleet-wide addon object selects. */
function fleetSelector(o: any): LabelSelector | undefined {
  if (o.kind === 'ApplicationSet') {
    const gen = (o.spec?.generators ?? []).find((g: any) => g.clusters);
    return gen?.clusters?.selector;
  }
  return o.spec?.clusterSelector;
}

function refName(ref: any): string | undefined {
  return typeof ref?.name === 'string' ? ref.name : undefined;
}

/** Reads a tree as clusters, pools and addons. */
export function buildPlatformModel(tree: Tree): PlatformModel {
  const byId = new Map<string, TreeObject>();
  for (const t of tree.objects) byId.set(`${t.managementCluster}|${t.id}`, t);
  const find = (mgmt: string, kind: string | undefined, ns: string, name: string | undefined): TreeObject | undefined =>
    kind && name ? byId.get(`${mgmt}|${kind}/${ns}/${name}`) : undefined;
  const used = new Set<TreeObject>();
  const take = (t: TreeObject | undefined): TreeObject | undefined => { if (t) used.add(t); return t; };

  const clusters: ClusterModel[] = [];
  const clusterByName = new Map<string, ClusterModel[]>();
  for (const t of tree.objects.filter((o) => o.obj.kind === 'Cluster' && String(o.obj.apiVersion ?? '').startsWith('cluster.x-k8s.io/'))) {
    const o = t.obj;
    const ns = o.metadata?.namespace ?? 'default';
    const mgmt = t.managementCluster;
    used.add(t);
    const cp = take(find(mgmt, o.spec?.controlPlaneRef?.kind, ns, refName(o.spec?.controlPlaneRef)));
    const cpTemplateRef = cp?.obj.spec?.machineTemplate?.spec?.infrastructureRef ?? cp?.obj.spec?.machineTemplate?.infrastructureRef;
    const model: ClusterModel = {
      key: `${mgmt ? mgmt + '/' : ''}${ns}/${o.metadata?.name}`,
      name: o.metadata?.name,
      namespace: ns,
      managementCluster: mgmt,
      labels: o.metadata?.labels ?? {},
      cluster: t,
      infrastructureCluster: take(find(mgmt, o.spec?.infrastructureRef?.kind, ns, refName(o.spec?.infrastructureRef))),
      controlPlane: cp,
      controlPlaneTemplate: take(find(mgmt, cpTemplateRef?.kind, ns, refName(cpTemplateRef))),
      pools: [],
      addons: [],
      others: [],
    };
    clusters.push(model);
    clusterByName.set(model.name, [...(clusterByName.get(model.name) ?? []), model]);
  }
  const clusterOf = (mgmt: string, ns: string | undefined, name: string | undefined): ClusterModel | undefined => {
    const candidates = (clusterByName.get(name ?? '') ?? []).filter((c) => c.managementCluster === mgmt);
    return candidates.length === 1 ? candidates[0] : candidates.find((c) => c.namespace === ns);
  };

  // Pools
  for (const t of tree.objects.filter((o) => (o.obj.kind === 'MachineDeployment' || o.obj.kind === 'MachinePool') && !used.has(o))) {
    const o = t.obj;
    const ns = o.metadata?.namespace ?? 'default';
    // By spec.clusterName, else by the template's cluster label (an edited clusterName is an error the plan reports).
    const c = clusterOf(t.managementCluster, ns, o.spec?.clusterName)
      ?? clusterOf(t.managementCluster, ns, o.spec?.template?.metadata?.labels?.['cluster.x-k8s.io/cluster-name']);
    if (!c) continue;
    used.add(t);
    const tspec = o.spec?.template?.spec ?? {};
    c.pools.push({
      kind: o.kind,
      name: o.metadata?.name,
      pool: o.spec?.template?.metadata?.labels?.[NODE_POOL_LABEL] ?? o.metadata?.name,
      object: t,
      infrastructure: take(find(t.managementCluster, tspec.infrastructureRef?.kind, ns, refName(tspec.infrastructureRef))),
      bootstrap: take(find(t.managementCluster, tspec.bootstrap?.configRef?.kind, ns, refName(tspec.bootstrap?.configRef))),
    });
  }
  for (const c of clusters) c.pools.sort((a, b) => a.name.localeCompare(b.name));

  // Addons
  const resources = (mgmt: string) => (ns: string, refs: any[]) => refs
    .map((r) => take(find(mgmt, r.kind, ns, r.name)))
    .filter((r): r is TreeObject => r !== undefined);
  const fleetAddons: Array<{ addon: AddonModel; clusters: string[] }> = [];
  for (const t of tree.objects.filter((o) => !used.has(o))) {
    const addon = addonOf(t, resources(t.managementCluster));
    if (!addon) continue;
    used.add(t);
    if (addon.fleetWide) {
      const sel = fleetSelector(t.obj);
      const selected = clusters.filter((c) => c.managementCluster === t.managementCluster && selectorMatches(sel, c.labels));
      for (const c of selected) c.addons.push(addon);
      fleetAddons.push({ addon, clusters: selected.map((c) => c.key) });
      continue;
    }
    const folder = /^clusters\/[^/]+\/([^/]+)\/([^/]+)\//.exec(t.file);
    const target = folder
      ? clusterOf(t.managementCluster, folder[1], folder[2])
      : clusterOf(t.managementCluster, t.obj.metadata?.namespace, t.obj.metadata?.labels?.[CLUSTER_NAME_LABEL]);
    if (target) target.addons.push(addon);
    else fleetAddons.push({ addon, clusters: [] });
  }

  // Everything else in a cluster's folder, or naming the cluster
  const shared: TreeObject[] = [];
  for (const t of tree.objects.filter((o) => !used.has(o))) {
    const folder = /^clusters\/[^/]+\/([^/]+)\/([^/]+)\//.exec(t.file);
    const o = t.obj;
    const named = o.spec?.clusterName ?? o.metadata?.labels?.[CLUSTER_NAME_LABEL] ?? o.metadata?.labels?.['cluster.x-k8s.io/cluster-name'];
    const target = folder ? clusterOf(t.managementCluster, folder[1], folder[2]) : (named ? clusterOf(t.managementCluster, o.metadata?.namespace ?? 'default', named) : undefined);
    if (target) target.others.push(t);
    else shared.push(t);
  }
  clusters.sort((a, b) => a.key.localeCompare(b.key));
  const managementClusters = [...new Set(tree.objects.map((t) => t.managementCluster).filter((m) => m))].sort();
  return { layout: tree.layout, clusters, managementClusters, shared, fleetAddons, byId };
}
