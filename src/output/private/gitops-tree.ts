/**
 * The GitOps repository layout: which file every object goes to, the namespaces of the clusters,
 * and the sync-wave annotations that order clusters before their addon objects under Argo CD.
 */
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { bootstrapFiles, ClusterFolder } from './bootstrap';
import { indexReadme } from './index-readme';
import { ChartUnit } from './units';
import { AddonBundle } from '../../addons/addon-bundle';
import { ManagedCluster } from '../../cluster/managed-cluster';
import { ValidationError } from '../../core/validation-error';
import { CLUSTER_NAME_SELECTOR_LABEL } from '../../delivery/private/types';
import { GitOpsEngine } from '../../management/gitops';
import { ManagementCluster } from '../../management/management-cluster';

/** Management-cluster folder name when a program has no `ManagementCluster`. */
const DEFAULT_MANAGEMENT = 'management';
const ARGO_WAVE = 'argocd.argoproj.io/sync-wave';
const ARGO_SYNC_OPTIONS = 'argocd.argoproj.io/sync-options';
const FLUX_PRUNE = 'kustomize.toolkit.fluxcd.io/prune';

/** A file of the tree: its path relative to the output directory and its objects. */
export interface TreeFile {
  readonly path: string;
  /** ApiObjects (rendered by the writer) or generated JSON. */
  readonly objects: Array<ApiObject | any>;
  /** What renders each object (a construct, or a path), for duplicate messages. */
  readonly owners: Array<IConstruct | string>;
  /** The management cluster the objects are applied to. */
  readonly management: string;
}

/** The whole tree: manifest files, and text files (the README index, engine values). */
export interface Tree {
  readonly files: TreeFile[];
  readonly texts: Array<[string, string]>;
}

class TreeBuilder {
  private readonly files = new Map<string, TreeFile>();

  add(path: string, management: string, object: ApiObject | any, owner: IConstruct | string): void {
    let file = this.files.get(path);
    if (!file) {
      file = { path, objects: [], owners: [], management };
      this.files.set(path, file);
    }
    file.objects.push(object);
    file.owners.push(owner);
  }

  build(): TreeFile[] {
    return [...this.files.values()];
  }
}

/** Lays out `units` (the program's charts) as a GitOps repository. */
export function gitOpsTree(root: IConstruct, units: ChartUnit[]): Tree {
  const managements = root.node.findAll().filter(ManagementCluster.isManagementCluster);
  const names = new Map<string, ManagementCluster>();
  for (const m of managements) {
    const clash = names.get(m.clusterName);
    if (clash) throw new ValidationError(m, `management cluster name '${m.clusterName}' is also used by '${clash.node.path}'. Give each management cluster its own name (it names folders).`);
    names.set(m.clusterName, m);
  }
  const only = managements.length === 1 ? managements[0] : undefined;
  const managementOf = (c: IConstruct, what: string): string => {
    const m = ManagementCluster.of(c) ?? only;
    if (m) return m.clusterName;
    if (managements.length === 0) return DEFAULT_MANAGEMENT;
    throw new ValidationError(c, `${what} belongs to no management cluster, and the platform has ${managements.length} (${managements.map((x) => x.clusterName).join(', ')}). Add it with managementCluster.addCluster(), give its site a managementCluster, or create it inside the ManagementCluster construct.`);
  };

  const clusters = root.node.findAll().filter(isCluster);
  const folders = new Map<ManagedCluster, ClusterFolder>();
  for (const cluster of clusters) {
    const management = managementOf(cluster, `cluster '${cluster.clusterName}'`);
    folders.set(cluster, { cluster, management, folder: `clusters/${management}/${cluster.clusterNamespace}/${cluster.clusterName}`, hasAddons: false });
  }
  const byName = new Map<string, ClusterFolder[]>();
  for (const f of folders.values()) byName.set(f.cluster.clusterName, [...(byName.get(f.cluster.clusterName) ?? []), f]);
  const engineOf = (management: string) => names.get(management)?.gitOps?.engine;
  const protectedBy = (management: string) => names.get(management)?.deletionProtection === true;

  const tree = new TreeBuilder();
  for (const unit of units) {
    const chart: IConstruct = unit.chart;
    const objects = unit.objects;
    if (isCluster(chart)) {
      const f = folders.get(chart)!;
      const engine = engineOf(f.management);
      const annotations: Record<string, string> = {};
      if (engine === GitOpsEngine.ARGO_CD) annotations[ARGO_WAVE] = '-1';
      if (protectedBy(f.management)) {
        // a folder removed from Git, or a deleted Application, must not delete the cluster
        if (engine === GitOpsEngine.ARGO_CD) annotations[ARGO_SYNC_OPTIONS] = 'Delete=false,Prune=false';
        if (engine === GitOpsEngine.FLUX) annotations[FLUX_PRUNE] = 'disabled';
      }
      for (const o of objects) {
        for (const [key, value] of Object.entries(annotations)) o.metadata.addAnnotation(key, value);
        tree.add(`${f.folder}/cluster/${chart.clusterName}.yaml`, f.management, o, o);
      }
    } else if (isBundle(chart)) {
      for (const o of objects) {
        const target = targetCluster(o, byName);
        if (target) {
          target.hasAddons = true;
          tree.add(`${target.folder}/addons/${chart.bundleName}.yaml`, target.management, o, o);
        } else {
          const management = bundleManagement(chart, folders) ?? managementOf(chart, `bundle '${chart.bundleName}'`);
          tree.add(`management/${management}/addons/${chart.bundleName}.yaml`, management, o, o);
        }
      }
    } else {
      const management = managementOf(chart, `chart '${chart.node.path}'`);
      for (const o of objects) tree.add(`management/${management}/${chart.node.id}.yaml`, management, o, o);
    }
  }

  // Namespaces of the clusters (other than `default`), applied before the clusters.
  const namespaces = new Map<string, Set<string>>();
  for (const f of folders.values()) {
    if (f.cluster.clusterNamespace === 'default') continue;
    namespaces.set(f.management, (namespaces.get(f.management) ?? new Set()).add(f.cluster.clusterNamespace));
  }
  for (const [management, set] of [...namespaces].sort(([a], [b]) => a.localeCompare(b))) {
    for (const ns of [...set].sort()) {
      tree.add(`management/${management}/namespaces.yaml`, management, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }, `${management}/namespaces/${ns}`);
    }
  }

  for (const m of managements) {
    for (const [file, objects] of m._manifests()) {
      for (const json of objects) tree.add(`management/${m.clusterName}/${file}`, m.clusterName, json, `${m.node.path}/${file}`);
    }
  }

  const managementFolders = new Set(tree.build().filter((f) => f.path.startsWith('management/')).map((f) => f.management));
  for (const m of managements) {
    if (!m.gitOps) continue;
    const own = [...folders.values()].filter((f) => f.management === m.clusterName);
    for (const file of bootstrapFiles(m.clusterName, m.gitOps, own, managementFolders.has(m.clusterName))) {
      for (const json of file.objects) tree.add(file.path, m.clusterName, json, `${m.node.path}/bootstrap`);
    }
  }
  const files = tree.build().sort((a, b) => a.path.localeCompare(b.path));
  const texts: Array<[string, string]> = [['README.md', indexReadme([...folders.values()], managements, root)]];
  for (const m of managements) {
    if (m.gitOps?.engine === GitOpsEngine.ARGO_CD) texts.push([`bootstrap/${m.clusterName}/argo-cd-values.json`, `${JSON.stringify(m.argoCdValues(), undefined, 2)}\n`]);
  }
  return { files, texts };
}

function isCluster(c: IConstruct): c is ManagedCluster {
  return ManagedCluster.prototype.isPrototypeOf(c); // not instanceof: Chart overrides Symbol.hasInstance
}

function isBundle(c: IConstruct): c is AddonBundle {
  return AddonBundle.prototype.isPrototypeOf(c);
}

/** The cluster folder an addon object targets (per-cluster objects carry the cluster-name label). */
function targetCluster(o: ApiObject, byName: Map<string, ClusterFolder[]>): ClusterFolder | undefined {
  const name = o.metadata.getLabel(CLUSTER_NAME_SELECTOR_LABEL);
  const candidates = name ? byName.get(name) ?? [] : [];
  if (candidates.length <= 1) return candidates[0];
  return candidates.find((c) => c.cluster.clusterNamespace === o.metadata.namespace) ?? candidates[0];
}

/** The management cluster of all clusters a bundle is attached to, when they agree. */
function bundleManagement(bundle: AddonBundle, folders: Map<ManagedCluster, ClusterFolder>): string | undefined {
  const set = new Set(bundle.attachedClusters.map((c) => folders.get(c)?.management).filter((m): m is string => m !== undefined));
  return set.size === 1 ? [...set][0] : undefined;
}
