/**
 * The GitOps engine's root objects of a management cluster: an Argo CD app-of-apps (sync waves
 * order the management folder before the clusters), or a Flux GitRepository with Kustomizations
 * (`dependsOn` orders management → cluster → its addons).
 */
import type { ManagedCluster } from '../../cluster/managed-cluster';
import { fitName } from '../../core/names';
import type * as ArgoCd from '../../imports/argocd/argoproj.io';
import type * as FluxKustomize from '../../imports/flux-kustomize/kustomize.toolkit.fluxcd.io';
import type * as FluxSource from '../../imports/flux-source/source.toolkit.fluxcd.io';
import { GitOps, GitOpsEngine } from '../../management/gitops';
import { hasExternallyManagedReplicas, machinePoolName } from '../../providers/capi/machine-pool';

/** Where a cluster's files go. */
export interface ClusterFolder {
  readonly cluster: ManagedCluster;
  readonly management: string;
  /** `clusters/<management>/<namespace>/<cluster>` */
  readonly folder: string;
  /** Whether addon objects target the cluster (an `addons/` folder exists). */
  hasAddons: boolean;
}

/** A bootstrap file. */
export interface BootstrapFile {
  readonly path: string;
  readonly objects: any[];
}

const IN_CLUSTER = 'https://kubernetes.default.svc';

/** The bootstrap files of one management cluster. */
export function bootstrapFiles(management: string, gitOps: GitOps, clusters: ClusterFolder[], hasManagementFolder: boolean): BootstrapFile[] {
  const ordered = [...clusters].sort((a, b) => a.folder.localeCompare(b.folder));
  return gitOps.engine === GitOpsEngine.ARGO_CD
    ? argoCdFiles(management, gitOps, ordered, hasManagementFolder)
    : fluxFiles(management, gitOps, ordered, hasManagementFolder);
}

/**
 * Application / Kustomization name of a cluster folder: `<cluster>.<namespace>` (unique; dots cannot
 * occur in either). Argo CD (label tracking) and kustomize-controller copy these names into a label
 * value of every object they apply (at most 63 characters): a longer one is cut and ends in a hash
 * of the whole name; names that fit are kept. The Flux addons Kustomization is `<name>.addons`,
 * cut the same way, so that adding a cluster's first addon never renames its cluster Kustomization.
 */
function clusterAppName(f: ClusterFolder): string {
  return fitName(`${f.cluster.clusterName}.${f.cluster.clusterNamespace}`);
}
const ADDONS_SUFFIX = '.addons';

/** The Application / Kustomization of a management cluster's own folder (a label value too). */
function managementAppName(management: string, kind: 'management' | 'root'): string {
  return fitName(`${management}-${kind}`);
}

/* eslint-disable @typescript-eslint/no-require-imports */
// The bindings are large (the Argo CD one is 3.5 MB): loaded by the engine that is used, when it is.
function argoCdBindings(): typeof ArgoCd {
  return require('../../imports/argocd/argoproj.io');
}
function fluxBindings(): { fluxKustomize: typeof FluxKustomize; fluxSource: typeof FluxSource } {
  return { fluxKustomize: require('../../imports/flux-kustomize/kustomize.toolkit.fluxcd.io'), fluxSource: require('../../imports/flux-source/source.toolkit.fluxcd.io') };
}
/* eslint-enable @typescript-eslint/no-require-imports */

function argoCdFiles(management: string, gitOps: GitOps, clusters: ClusterFolder[], hasManagementFolder: boolean): BootstrapFile[] {
  const argocd = argoCdBindings();
  const application = (name: string, path: string, wave: number | undefined, ignoreReplicasOf: string[] = []) => argocd.Application.manifest({
    metadata: {
      name,
      namespace: gitOps.namespace,
      ...(wave !== undefined ? { annotations: { 'argocd.argoproj.io/sync-wave': String(wave) } } : {}),
      labels: { 'capi-blueprints.io/management-cluster': management },
    },
    spec: {
      project: gitOps.project!,
      source: { repoUrl: gitOps.repoUrl, targetRevision: gitOps.revision, path: gitOps.repoPath(path), directory: { recurse: true } },
      destination: { server: IN_CLUSTER },
      // Never prune: a folder removed from Git must not delete a cluster by itself.
      syncPolicy: {
        automated: { prune: false, selfHeal: true },
        ...(ignoreReplicasOf.length > 0 ? { syncOptions: ['RespectIgnoreDifferences=true'] } : {}),
      },
      // MachinePools resized by an external autoscaler: their replicas are the initial size only
      ...(ignoreReplicasOf.length > 0 ? {
        ignoreDifferences: ignoreReplicasOf.map((poolName) => ({ group: 'cluster.x-k8s.io', kind: 'MachinePool', name: poolName, jsonPointers: ['/spec/replicas'] })),
      } : {}),
    },
  });
  const apps: any[] = [];
  if (hasManagementFolder) apps.push(application(managementAppName(management, 'management'), `management/${management}`, -1));
  for (const f of clusters) {
    const externallyScaled = f.cluster.nodePools.filter(hasExternallyManagedReplicas).map(machinePoolName);
    apps.push(application(clusterAppName(f), f.folder, 0, externallyScaled));
  }
  const root = application(managementAppName(management, 'root'), `bootstrap/${management}/apps`, undefined);
  return [
    { path: `bootstrap/${management}/root.yaml`, objects: [root] },
    ...(apps.length > 0 ? [{ path: `bootstrap/${management}/apps/applications.yaml`, objects: apps }] : []),
  ];
}

function fluxFiles(management: string, gitOps: GitOps, clusters: ClusterFolder[], hasManagementFolder: boolean): BootstrapFile[] {
  const { fluxKustomize, fluxSource } = fluxBindings();
  const source = 'platform';
  const interval = `${gitOps.intervalSeconds}s`;
  const kustomization = (name: string, path: string, prune: boolean, dependsOn: string[], wait?: boolean) => fluxKustomize.Kustomization.manifest({
    metadata: { name, namespace: gitOps.namespace, labels: { 'capi-blueprints.io/management-cluster': management } },
    spec: {
      interval,
      path: `./${gitOps.repoPath(path)}`,
      prune,
      sourceRef: { kind: fluxKustomize.KustomizationSpecSourceRefKind.GIT_REPOSITORY, name: source },
      ...(dependsOn.length > 0 ? { dependsOn: dependsOn.map((d) => ({ name: d })) } : {}),
      ...(wait ? {
        wait: true,
        timeout: `${gitOps.clusterReadyTimeoutSeconds}s`,
        // kstatus knows no Cluster API conditions: the cluster is ready when it is Available (v1beta2)
        healthCheckExprs: [{
          apiVersion: 'cluster.x-k8s.io/v1beta2',
          kind: 'Cluster',
          current: "has(status.conditions) && status.conditions.exists(c, c.type == 'Available' && c.status == 'True')",
        }],
      } : {}),
    },
  });
  const objects: any[] = [fluxSource.GitRepository.manifest({
    metadata: { name: source, namespace: gitOps.namespace },
    spec: {
      url: gitOps.repoUrl,
      interval,
      ref: { branch: gitOps.revision },
      ...(gitOps.secretName ? { secretRef: { name: gitOps.secretName } } : {}),
    },
  })];
  const managementName = managementAppName(management, 'management');
  // Namespaces and identities may hold clusters: never pruned.
  if (hasManagementFolder) objects.push(kustomization(managementName, `management/${management}`, false, []));
  for (const f of clusters) {
    const name = clusterAppName(f);
    // Clusters are never pruned; their Kustomization is ready once the cluster is.
    objects.push(kustomization(name, `${f.folder}/cluster`, false, hasManagementFolder ? [managementName] : [], true));
    if (f.hasAddons) objects.push(kustomization(fitName(`${name}${ADDONS_SUFFIX}`), `${f.folder}/addons`, true, [name]));
  }
  return [{ path: `bootstrap/${management}/flux.yaml`, objects }];
}
