import { describePool, machineType } from '../diff/plan-machines';
import { ADDON_LABEL, BLUEPRINT_LABEL, ClusterModel, INFRASTRUCTURE_LABEL, PlatformModel, SITE_LABEL } from '../private/platform-model';

/** A node of the platform graph. */
export interface GraphNode {
  readonly id: string;
  readonly kind: 'management' | 'cluster' | 'pool' | 'bundle';
  /** Lines of the label. */
  readonly label: string[];
  /** The site subgraph a cluster or pool is drawn in. */
  readonly group?: string;
}

/** An edge of the platform graph. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  readonly dashed?: boolean;
}

/** The platform as nodes and edges, independent of the diagram language. */
export interface PlatformGraph {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
}

const LMA_HUB_ADDONS = ['lma-grafana', 'lma-thanos', 'lma-loki'];

function clusterLabel(c: ClusterModel): string[] {
  const cp = c.controlPlane?.obj;
  const infra = c.labels[INFRASTRUCTURE_LABEL] ?? c.infrastructureCluster?.obj.kind;
  const type = machineType(c.controlPlaneTemplate?.obj);
  const cpText = cp ? [cp.kind, cp.spec?.replicas !== undefined ? `${cp.spec.replicas} ×` : undefined, type].filter((s) => s).join(' ') : undefined;
  return [
    `${c.name} (${c.namespace})`,
    [infra, cp?.spec?.version].filter((s) => s).join(' · '),
    cpText,
    c.labels[BLUEPRINT_LABEL] ? `blueprint ${c.labels[BLUEPRINT_LABEL]}` : undefined,
  ].filter((s): s is string => !!s);
}

/**
 * The platform of a synthesized tree: management clusters → clusters (grouped by site) → pools;
 * addon bundles → clusters labelled with their delivery; LMA edges → their hub.
 */
export function buildPlatformGraph(model: PlatformModel): PlatformGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const mgmtIds = new Map<string, string>();
  model.managementClusters.forEach((m, i) => {
    mgmtIds.set(m, `m${i}`);
    nodes.push({ id: `m${i}`, kind: 'management', label: [`management cluster ${m}`] });
  });
  const clusterIds = new Map<string, string>();
  const bundles = new Map<string, { id: string; addons: Set<string> }>();
  const bundleEdges = new Map<string, Set<string>>();
  model.clusters.forEach((c, i) => {
    const id = `c${i}`;
    clusterIds.set(c.key, id);
    const group = c.labels[SITE_LABEL] ? `site ${c.labels[SITE_LABEL]}` : c.managementCluster ? `namespace ${c.namespace}` : undefined;
    nodes.push({ id, kind: 'cluster', label: clusterLabel(c), group });
    const mgmt = mgmtIds.get(c.managementCluster);
    if (mgmt) edges.push({ from: mgmt, to: id });
    const pools = new Map<string, typeof c.pools>();
    for (const p of c.pools) pools.set(p.pool, [...(pools.get(p.pool) ?? []), p]);
    [...pools.entries()].forEach(([pool, items], j) => {
      const pid = `${id}p${j}`;
      // describePool: "<Kind> <name>, [instance type, ]<size>[, version]"
      const facts = describePool(items[0]).split(', ').slice(1);
      const sized = facts.findIndex((f) => /^autoscaled|replica/.test(f));
      const type = sized > 0 ? facts.slice(0, sized) : [];
      const rest = sized >= 0 ? facts.slice(sized) : facts;
      nodes.push({ id: pid, kind: 'pool', label: [`pool ${pool}`, [`${items.length} × ${items[0].kind}`, ...type].join(' · '), rest.join(' · ')].filter((l) => l), group });
      edges.push({ from: id, to: pid });
    });
    for (const a of c.addons) {
      const name = a.bundle ?? `(${a.delivery})`;
      if (!bundles.has(name)) bundles.set(name, { id: `b${bundles.size}`, addons: new Set() });
      bundles.get(name)!.addons.add(`${a.addon}${a.version ? ' ' + a.version : ''}`);
      const key = `${bundles.get(name)!.id}|${id}`;
      bundleEdges.set(key, new Set([...(bundleEdges.get(key) ?? []), a.delivery]));
    }
  });
  for (const [name, b] of [...bundles.entries()].sort((x, y) => x[1].id.localeCompare(y[1].id))) {
    const addons = [...b.addons].sort();
    nodes.push({ id: b.id, kind: 'bundle', label: [`bundle ${name}`, ...(addons.length > 6 ? [...addons.slice(0, 5), `… ${addons.length - 5} more`] : addons)] });
  }
  for (const [key, deliveries] of bundleEdges) {
    const [from, to] = key.split('|');
    edges.push({ from, to, label: [...deliveries].sort().join(', '), dashed: true });
  }
  // LMA: edge clusters ship to the hub cluster(s) of their management cluster.
  const addonsOf = (c: ClusterModel) => new Set(c.addons.map((a) => a.object.obj.metadata?.labels?.[ADDON_LABEL] ?? a.addon));
  const hubs = model.clusters.filter((c) => LMA_HUB_ADDONS.some((a) => addonsOf(c).has(a)));
  for (const c of model.clusters) {
    if (hubs.includes(c) || !addonsOf(c).has('lma-prometheus')) continue;
    for (const h of hubs.filter((x) => x.managementCluster === c.managementCluster)) {
      edges.push({ from: clusterIds.get(c.key)!, to: clusterIds.get(h.key)!, label: 'LMA: metrics, logs, alerts', dashed: true });
    }
  }
  return { nodes, edges };
}
