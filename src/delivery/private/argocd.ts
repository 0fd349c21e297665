import { Construct } from 'constructs';
import { ClusterValueError, literalValuesOrReport, renderTemplate } from './cluster-values';
import { BundleRenderInfo, releaseNameOn, objectId, objectLabels, objectName } from './common';
import { CLUSTER_NAME_SELECTOR_LABEL, ClusterFacts, ResolvedAddon, Selector } from './types';
import { AddonTarget } from '../../addons/addon';
import type * as ArgoCd from '../../imports/argocd/argoproj.io';

let argocdBindings: typeof ArgoCd | undefined;
/** The Argo CD bindings (3.5 MB of generated code), loaded only when a bundle is delivered by Argo CD. */
function argocdModule(): typeof ArgoCd {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return argocdBindings ??= require('../../imports/argocd/argoproj.io');
}

/** The annotation Argo CD orders resources of one sync by (lower waves first). */
export const SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';
/**
 * Whether the addon asks for Helm install behaviour Argo CD cannot give (it renders charts with
 * `helm template` and applies them; it has no Helm wait, wait-for-jobs, timeout or atomic
 * rollback), recording the error with the fix; the defaults pass (Argo CD waits for health).
 */
function installUnsupported(info: BundleRenderInfo, addon: ResolvedAddon): boolean {
  const install = addon.config.helm!.install;
  const asked = [
    install.wait === false ? 'wait: false' : undefined,
    install.waitForJobs ? 'waitForJobs: true' : undefined,
    install.timeoutSeconds !== 300 ? `timeout (${install.timeoutSeconds}s)` : undefined,
    install.atomic ? 'atomic: true' : undefined,
  ].filter((x): x is string => x !== undefined);
  if (asked.length === 0) return false;
  info.report.errors.push(`${info.path}: addon '${addon.name}' sets install ${asked.join(', ')}, which Argo CD cannot honour: it renders the chart and applies it, without Helm's install wait, timeout or rollback. Remove install from the addon, or deliver it with AddonDelivery.caaph() or AddonDelivery.flux().`);
  return true;
}

/** Argo CD's name for the cluster it runs in. */
const IN_CLUSTER_SERVER = 'https://kubernetes.default.svc';

function argoOptions(info: BundleRenderInfo) {
  const o = info.delivery.argoCdOptions ?? {};
  return { namespace: o.namespace ?? 'argocd', project: o.project ?? 'default', automated: o.automated ?? true };
}

/** Argo CD takes OCI Helm repositories without the scheme (`ghcr.io/org/charts`, registered with enableOCI). */
function argoRepoUrl(repository: string): string {
  return repository.startsWith('oci://') ? repository.slice('oci://'.length) : repository;
}

function syncPolicy(info: BundleRenderInfo, addon: ResolvedAddon): any {
  const { automated } = argoOptions(info);
  const options: string[] = [];
  if (addon.config.createNamespace) options.push('CreateNamespace=true');
  if (info.delivery.argoCdOptions?.serverSideApply) options.push('ServerSideApply=true');
  const syncOptions = options.length > 0 ? options : undefined;
  return {
    automated: automated ? { prune: true, selfHeal: true } : undefined,
    syncOptions,
    // Retries cover a dependency that is not ready yet when waves are not enforced (ApplicationSets).
    retry: { limit: 10, backoff: { duration: '10s', factor: 2, maxDuration: '5m' } },
  };
}

/**
 * One Argo CD Application for an addon on one cluster: `<cluster>-<addon>` in Argo CD's namespace,
 * destination name = the cluster name (the workload cluster must be registered in Argo CD under
 * its CAPI name), values resolved for the cluster, sync wave = the addon's dependency depth.
 * Management-cluster addons go to Argo CD's own cluster, in the cluster's namespace.
 */
export function renderApplication(scope: Construct, info: BundleRenderInfo, addon: ResolvedAddon, cluster: ClusterFacts): void {
  const helm = addon.config.helm!;
  if (installUnsupported(info, addon)) return;
  const opts = argoOptions(info);
  const name = objectName(info, cluster.name, addon.name);
  const literal = literalValuesOrReport(info, addon, cluster);
  if (!literal) return;
  const values = literal.values;
  const management = addon.config.target === AddonTarget.MANAGEMENT_CLUSTER;
  new (argocdModule().Application)(scope, objectId(scope, name, cluster.namespace), {
    metadata: {
      name,
      namespace: opts.namespace,
      labels: objectLabels(info, addon, cluster),
      annotations: { [SYNC_WAVE_ANNOTATION]: String(addon.wave) },
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
    },
    spec: {
      project: opts.project,
      destination: management
        ? { server: IN_CLUSTER_SERVER, namespace: cluster.namespace }
        : { name: cluster.name, namespace: addon.config.namespace },
      source: {
        repoUrl: argoRepoUrl(helm.repository),
        chart: helm.chart,
        targetRevision: addon.version,
        helm: {
          releaseName: releaseNameOn(info, addon, cluster, management),
          valuesObject: Object.keys(values).length > 0 ? values : undefined,
        },
      },
      syncPolicy: syncPolicy(info, addon),
    },
  });
}

/**
 * One ApplicationSet for an addon on a fleet: a cluster generator selecting Argo CD cluster
 * Secrets by the bundle's labels (register workload clusters with the CAPI Cluster's labels),
 * goTemplate values from the generator's `name` and `metadata.labels`.
 */
export function renderApplicationSet(scope: Construct, info: BundleRenderInfo, addon: ResolvedAddon, selector: Selector): void {
  const helm = addon.config.helm!;
  if (installUnsupported(info, addon)) return;
  const opts = argoOptions(info);
  const name = objectName(info, info.bundleName, addon.name);
  if (addon.config.target === AddonTarget.MANAGEMENT_CLUSTER) {
    info.report.errors.push(`${info.path}: addon '${addon.name}' runs on the management cluster, in each workload cluster's namespace, which Argo CD's cluster generator does not know. Attach the bundle to clusters (bundle.attachTo) or set AddonDelivery.argoCd({ applicationSets: false }).`);
    return;
  }
  let values: string;
  try {
    values = renderTemplate(addon.values, 'appset');
  } catch (e) {
    if (e instanceof ClusterValueError) {
      info.report.errors.push(`${info.path}: addon '${addon.name}': ${e.message}`);
      return;
    }
    throw e;
  }
  new (argocdModule().ApplicationSet)(scope, name, {
    metadata: { name, namespace: opts.namespace, labels: objectLabels(info, addon) },
    spec: {
      goTemplate: true,
      goTemplateOptions: ['missingkey=error'],
      generators: [{
        clusters: {
          selector: {
            matchLabels: selector.matchLabels,
            matchExpressions: selector.excludeClusters.length > 0
              ? [{ key: CLUSTER_NAME_SELECTOR_LABEL, operator: 'NotIn', values: [...selector.excludeClusters].sort() }]
              : undefined,
          },
        },
      }],
      template: {
        metadata: {
          name: `{{ .name }}-${addon.name}`,
          labels: objectLabels(info, addon),
          annotations: { [SYNC_WAVE_ANNOTATION]: String(addon.wave) },
          finalizers: ['resources-finalizer.argocd.argoproj.io'],
        },
        spec: {
          project: opts.project,
          destination: { name: '{{ .name }}', namespace: addon.config.namespace },
          source: {
            repoUrl: argoRepoUrl(helm.repository),
            chart: helm.chart,
            targetRevision: addon.version,
            helm: { releaseName: helm.releaseName, values: values === '' ? undefined : values },
          },
          syncPolicy: syncPolicy(info, addon),
        },
      },
    },
  });
}
