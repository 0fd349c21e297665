import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { literalValuesOrReport } from './cluster-values';
import { BundleRenderInfo, releaseNameOn, goDuration, objectId, objectLabels, objectName } from './common';
import { ClusterFacts, ResolvedAddon } from './types';
import { AddonTarget } from '../../addons/addon';
import { hashedName, MAX_LABEL_VALUE_LENGTH } from '../../core/names';
import type * as FluxHelm from '../../imports/flux-helm/helm.toolkit.fluxcd.io';
import type * as FluxSource from '../../imports/flux-source/source.toolkit.fluxcd.io';

let fluxBindings: { helm: typeof FluxHelm; source: typeof FluxSource } | undefined;
/** The Flux bindings, loaded only when a bundle is delivered by Flux. */
function fluxModules(): { helm: typeof FluxHelm; source: typeof FluxSource } {
  return fluxBindings ??= {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    helm: require('../../imports/flux-helm/helm.toolkit.fluxcd.io'),
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    source: require('../../imports/flux-source/source.toolkit.fluxcd.io'),
  };
}

/** Media type of a Helm chart layer in an OCI artifact. */
const HELM_CHART_LAYER = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';

/** A DNS label from free text, hashed when it would be too long. */
function dnsName(text: string, hashOf: string): string {
  const base = text.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').replace(/-+/g, '-');
  return base.length <= MAX_LABEL_VALUE_LENGTH ? base : hashedName(base, hashOf);
}

/** The chart source of an addon: per repository (HelmRepository) or per chart version (OCIRepository). */
interface ChartSource {
  readonly kind: 'HelmRepository' | 'OCIRepository';
  readonly name: string;
  readonly url: string;
  /** What the source serves (repository URL, or OCI chart URL and tag): one name per identity. */
  readonly identity: string;
}

function sourceFor(addon: ResolvedAddon): ChartSource {
  const helm = addon.config.helm!;
  if (helm.repository.startsWith('oci://')) {
    const url = `${helm.repository}/${helm.chart}`;
    const identity = `${url}:${addon.version}`;
    return { kind: 'OCIRepository', name: dnsName(`${helm.chart}-${addon.version}`, url + addon.version), url, identity };
  }
  const url = helm.repository;
  return { kind: 'HelmRepository', name: dnsName(url.replace(/^https:\/\//, ''), url), url, identity: url };
}

/** The chart sources of one render pass: emitted ones (namespace/kind/name → what they serve) and readable names that several repositories share. */
export interface FluxSources {
  readonly emitted: Map<string, string>;
  readonly colliding: Set<string>;
}

/**
 * The sources of a render pass, before anything is rendered: readable names (`charts-example-com-stable`)
 * that two repositories would share in one namespace (`charts.example.com/stable` and
 * `charts-example.com/stable`) are marked, so that each of them takes a name with a hash of its URL
 * — whatever order bundles and clusters are rendered in.
 */
export function planFluxSources(uses: Iterable<{ readonly namespace: string; readonly addon: ResolvedAddon }>): FluxSources {
  const identities = new Map<string, Set<string>>();
  for (const { namespace, addon } of uses) {
    const s = sourceFor(addon);
    const key = `${namespace}/${s.kind}/${s.name}`;
    let set = identities.get(key);
    if (!set) identities.set(key, (set = new Set()));
    set.add(s.identity);
  }
  const colliding = new Set([...identities].filter(([, ids]) => ids.size > 1).map(([key]) => key));
  return { emitted: new Map(), colliding };
}

/** The source of `addon` in `namespace` (hashed when its readable name is shared), and whether it is emitted yet. */
function uniqueSource(addon: ResolvedAddon, namespace: string, sources: FluxSources): { source: ChartSource; isNew: boolean } {
  let source = sourceFor(addon);
  if (sources.colliding.has(`${namespace}/${source.kind}/${source.name}`)) {
    source = { ...source, name: hashedName(source.name, source.identity) };
  }
  const key = `${namespace}/${source.kind}/${source.name}`;
  const isNew = !sources.emitted.has(key);
  sources.emitted.set(key, source.identity);
  return { source, isNew };
}

/**
 * The Flux objects for an addon on one cluster, in the cluster's namespace of the management
 * cluster: a HelmRelease `<cluster>-<addon>` using the CAPI-generated `<cluster>-kubeconfig`
 * Secret (key `value`) to reach the workload cluster, ordered by `dependsOn`, plus its chart
 * source (HelmRepository per repository URL, OCIRepository per OCI chart version), emitted once
 * per namespace across all bundles (`sources`).
 */
export function renderHelmRelease(
  scope: Construct, info: BundleRenderInfo, addon: ResolvedAddon, cluster: ClusterFacts, sources: FluxSources,
): void {
  const helm = addon.config.helm!;
  const { helm: fluxHelm, source: fluxSource } = fluxModules();
  const flux = info.delivery.fluxOptions ?? {};
  const interval = (flux.interval ?? Duration.minutes(10)).toSeconds();
  const sourceInterval = (flux.sourceInterval ?? Duration.hours(1)).toSeconds();
  const name = objectName(info, cluster.name, addon.name);
  const literal = literalValuesOrReport(info, addon, cluster);
  if (!literal) return;
  const values = literal.values;

  const { source, isNew } = uniqueSource(addon, cluster.namespace, sources);
  if (isNew) {
    const metadata = { name: source.name, namespace: cluster.namespace };
    if (source.kind === 'HelmRepository') {
      new fluxSource.HelmRepository(scope, `${cluster.namespace}-${source.name}`, { metadata, spec: { url: source.url, interval: goDuration(sourceInterval) } });
    } else {
      new fluxSource.OciRepository(scope, `${cluster.namespace}-${source.name}`, {
        metadata,
        spec: {
          url: source.url,
          interval: goDuration(sourceInterval),
          // OCI tags have no '+': Helm pushes a chart version's build metadata with '_' (1.0.0+b1 → tag 1.0.0_b1)
          ref: { tag: addon.version?.replace(/\+/g, '_') },
          layerSelector: { mediaType: HELM_CHART_LAYER, operation: fluxSource.OciRepositorySpecLayerSelectorOperation.COPY },
        },
      });
    }
  }

  const management = addon.config.target === AddonTarget.MANAGEMENT_CLUSTER;
  const targetNamespace = management ? cluster.namespace : addon.config.namespace;
  // Manifest addons go through ClusterResourceSets, which Flux cannot wait for: only HelmRelease dependencies are listed.
  const dependsOn = addon.dependsOn
    .filter((dep) => info.addonsByName.get(dep)?.config.helm !== undefined)
    .map((dep) => ({ name: `${cluster.name}-${dep}` }));
  const remediation = helm.install.atomic
    ? { upgrade: { retries: 3, strategy: fluxHelm.HelmReleaseSpecUpgradeRemediationStrategy.ROLLBACK, remediateLastFailure: true } }
    : { upgrade: { retries: 3 } };
  new fluxHelm.HelmRelease(scope, objectId(scope, name, cluster.namespace), {
    metadata: { name, namespace: cluster.namespace, labels: objectLabels(info, addon, cluster) },
    spec: {
      interval: goDuration(interval),
      timeout: goDuration(helm.install.timeoutSeconds),
      releaseName: releaseNameOn(info, addon, cluster, management),
      targetNamespace,
      storageNamespace: targetNamespace,
      kubeConfig: management ? undefined : { secretRef: { name: `${cluster.name}-kubeconfig`, key: 'value' } },
      dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
      chart: source.kind === 'HelmRepository'
        ? {
          spec: {
            chart: helm.chart,
            version: addon.version,
            sourceRef: { kind: fluxHelm.HelmReleaseSpecChartSpecSourceRefKind.HELM_REPOSITORY, name: source.name },
          },
        }
        : undefined,
      chartRef: source.kind === 'OCIRepository'
        ? { kind: fluxHelm.HelmReleaseSpecChartRefKind.OCI_REPOSITORY, name: source.name }
        : undefined,
      install: {
        createNamespace: addon.config.createNamespace,
        disableWait: helm.install.wait ? undefined : true,
        disableWaitForJobs: helm.install.waitForJobs ? undefined : true,
        remediation: { retries: 3 },
      },
      upgrade: {
        cleanupOnFail: true,
        disableWait: helm.install.wait ? undefined : true,
        disableWaitForJobs: helm.install.waitForJobs ? undefined : true,
        remediation: remediation.upgrade,
      },
      values: Object.keys(values).length > 0 ? values : undefined,
    },
  });
}
