import { Construct, IConstruct } from 'constructs';
import { EffectiveBundle } from './layering';
import { modelState } from './state';
import { ManagedCluster } from '../../cluster/managed-cluster';
import { AddonDelivery, DeliveryKind } from '../../delivery/addon-delivery';
import { renderApplication, renderApplicationSet } from '../../delivery/private/argocd';
import { renderHelmChartProxy } from '../../delivery/private/caaph';
import { BundleRenderInfo } from '../../delivery/private/common';
import { renderResourceSet } from '../../delivery/private/crs';
import { FluxSources, planFluxSources, renderHelmRelease } from '../../delivery/private/flux';
import { CLUSTER_NAME_SELECTOR_LABEL, ClusterFacts, RenderReport, ResolvedAddon } from '../../delivery/private/types';
import { AddonKind, AddonTarget } from '../addon';
import type { AddonBundle } from '../addon-bundle';

const RENDERED_ID = 'Rendered';
const registries = new WeakMap<IConstruct, AddonRegistry>();

interface Entry {
  readonly bundle: AddonBundle;
  readonly mode: 'attached' | 'selected';
  readonly order: number;
}

interface Owner {
  readonly bundle: AddonBundle;
  readonly mode: 'attached' | 'selected';
  readonly addon: ResolvedAddon;
}

function factsOf(cluster: ManagedCluster): ClusterFacts {
  return {
    name: cluster.clusterName,
    namespace: cluster.clusterNamespace,
    labels: cluster.clusterLabels,
    podCidrs: [...cluster.podCidrs],
    path: cluster.node.path,
  };
}

function matches(labels: Record<string, string>, matchLabels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(matchLabels)) if (labels[k] !== v) return false;
  return true;
}

/** Whether the delivery renders one object per addon for a label-selected fleet. */
function rendersFleet(delivery: AddonDelivery, addon: ResolvedAddon): boolean {
  if (addon.config.kind === AddonKind.MANIFESTS) return true;
  switch (delivery.kind) {
    case DeliveryKind.HELM_CHART_PROXY: return true;
    case DeliveryKind.ARGO_CD: return delivery.argoCdOptions?.applicationSets ?? true;
    default: return false;
  }
}

/**
 * The addon bundles of one cdk8s App, rendered together at synthesis (once per model change):
 * which bundle delivers which addon to which cluster (each addon once per cluster), then each
 * bundle's delivery objects. Work is linear in clusters × addons: addons are indexed by name,
 * each bundle is layered and ordered once.
 */
export class AddonRegistry {
  /** The registry of the App that holds `scope`. */
  public static of(scope: IConstruct): AddonRegistry {
    const root = scope.node.root;
    let registry = registries.get(root);
    if (!registry) {
      registry = new AddonRegistry(root);
      registries.set(root, registry);
    }
    return registry;
  }

  private readonly bundles: AddonBundle[] = [];
  private renderedGeneration = '';
  private lastResult = new Map<AddonBundle, string[]>();

  private constructor(private readonly root: IConstruct) {}

  public register(bundle: AddonBundle): void {
    this.bundles.push(bundle);
  }

  /** Renders all bundles when the model changed; returns the errors of each bundle. */
  public render(): Map<AddonBundle, string[]> {
    const generation = `${modelState.generation}/${modelState.attachments}`;
    if (this.renderedGeneration === generation) return this.lastResult;
    const result = new Map<AddonBundle, string[]>();
    const reports = new Map<AddonBundle, RenderReport>();
    for (const b of this.bundles) {
      b.node.tryRemoveChild(RENDERED_ID);
      reports.set(b, { errors: [], warnings: [] });
    }

    // 1. Layer each bundle once.
    const effective = new Map<AddonBundle, EffectiveBundle>();
    for (const b of this.bundles) {
      const e = b._effective();
      effective.set(b, e);
      reports.get(b)!.errors.push(...e.errors);
      reports.get(b)!.warnings.push(...e.warnings);
    }
    const usable = this.bundles.filter((b) => effective.get(b)!.errors.length === 0);

    // 2. Which bundles reach which cluster: attached (in attach order) before selected (bundle order).
    const clusters = this.root.node.findAll().filter((c): c is ManagedCluster => ManagedCluster.prototype.isPrototypeOf(c));
    const entries = new Map<ManagedCluster, Entry[]>();
    const add = (c: ManagedCluster, e: Entry) => {
      let list = entries.get(c);
      if (!list) entries.set(c, list = []);
      list.push(e);
    };
    for (const b of usable) for (const a of b._attachedEntries()) add(a.cluster, { bundle: b, mode: 'attached', order: a.seq });
    const facts = new Map<ManagedCluster, ClusterFacts>();
    for (const c of clusters) facts.set(c, factsOf(c));
    usable.forEach((b, i) => {
      const sel = b.clusterSelector;
      if (!sel) return;
      for (const c of clusters) {
        if (matches(facts.get(c)!.labels, sel.matchLabels)) add(c, { bundle: b, mode: 'selected', order: Number.MAX_SAFE_INTEGER / 2 + i });
      }
    });

    // 3. Owner of each addon on each cluster: the first entry; identical duplicates are dropped.
    const owners = new Map<ManagedCluster, Map<string, Owner>>();
    for (const [cluster, list] of entries) owners.set(cluster, this.ownersOn(cluster, list, effective, reports));

    // 4. Render each bundle.
    // Flux chart sources, named before rendering so that no name depends on the rendering order
    const fluxUses: Array<{ namespace: string; addon: ResolvedAddon }> = [];
    for (const [cluster, owned] of owners) {
      for (const o of owned.values()) {
        const flux = o.bundle.delivery.kind === DeliveryKind.FLUX && o.addon.config.helm !== undefined;
        if (flux) fluxUses.push({ namespace: cluster.clusterNamespace, addon: o.addon });
      }
    }
    const emittedSources = planFluxSources(fluxUses);
    for (const b of usable) {
      const report = reports.get(b)!;
      const e = effective.get(b)!;
      const scope = new Construct(b, RENDERED_ID);
      const hasDependents = new Set<string>();
      for (const a of e.addons) for (const d of a.dependsOn) hasDependents.add(d);
      const info: BundleRenderInfo = {
        bundleName: b.bundleName,
        path: b.node.path,
        namespace: b.fleetNamespace,
        delivery: b.delivery,
        resourceSet: b.resourceSet,
        addonsByName: e.byName,
        hasDependents,
        report,
      };
      // A bundle used only as a layer of others delivers nothing: its delivery is not checked.
      if (b._attachedEntries().length === 0 && !b.clusterSelector) continue;
      this.checkDelivery(b, e, info);
      if (report.errors.length > 0) continue;

      const renderFor = (cluster: ManagedCluster, mode: 'attached' | 'selected') => this.renderOn(cluster, mode, b, e, owners.get(cluster)!, scope, info, emittedSources);
      for (const a of b._attachedEntries()) renderFor(a.cluster, 'attached');

      const sel = b.clusterSelector;
      if (sel) {
        const matched = clusters.filter((c) => matches(facts.get(c)!.labels, sel.matchLabels));
        for (const addon of e.addons) {
          if (!rendersFleet(b.delivery, addon)) continue;
          const exclude: string[] = [];
          for (const c of matched) {
            const owner = owners.get(c)?.get(addon.name);
            if (owner && (owner.bundle !== b || owner.mode !== 'selected')) {
              exclude.push(c.clusterName);
              if (c.clusterLabels[CLUSTER_NAME_SELECTOR_LABEL] !== c.clusterName) c.addLabel(CLUSTER_NAME_SELECTOR_LABEL, c.clusterName);
            }
          }
          checkSelectedNamespaces(info, b, addon, matched, owners);
          const selector = { matchLabels: sel.matchLabels, excludeClusters: exclude };
          if (addon.config.kind === AddonKind.MANIFESTS) renderResourceSet(scope, info, addon, undefined, selector);
          else if (b.delivery.kind === DeliveryKind.ARGO_CD) renderApplicationSet(scope, info, addon, selector);
          else renderHelmChartProxy(scope, info, addon, undefined, selector);
        }
        for (const c of matched) renderFor(c, 'selected');
      }
    }

    for (const b of this.bundles) {
      const report = reports.get(b)!;
      for (const w of report.warnings) b._addWarning(w);
      result.set(b, [...new Set(report.errors)]);
    }
    this.renderedGeneration = generation;
    this.lastResult = result;
    return result;
  }

  /**
   * Which bundle delivers each addon to `cluster`: the first of its entries (in order); identical
   * duplicates are dropped, conflicting ones reported. Adds the labels the delivered addons declare.
   */
  private ownersOn(
    cluster: ManagedCluster, list: Entry[], effective: Map<AddonBundle, EffectiveBundle>, reports: Map<AddonBundle, RenderReport>,
  ): Map<string, Owner> {
    list.sort((x, y) => x.order - y.order);
    const owned = new Map<string, Owner>();
    const labelFrom = new Map<string, { value: string; addon: string }>();
    for (const entry of list) {
      for (const addon of effective.get(entry.bundle)!.addons) {
        const existing = owned.get(addon.name);
        if (!existing) {
          owned.set(addon.name, { bundle: entry.bundle, mode: entry.mode, addon });
          for (const [k, v] of Object.entries(addon.config.clusterLabels)) {
            const prev = labelFrom.get(k);
            if (prev && prev.value !== v) {
              reports.get(entry.bundle)!.errors.push(`${entry.bundle.node.path}: cluster '${cluster.clusterName}' gets label '${k}' = '${prev.value}' from addon '${prev.addon}' and '${v}' from addon '${addon.name}'. Deliver only one of them to the cluster (e.g. one CNI).`);
            } else {
              labelFrom.set(k, { value: v, addon: addon.name });
            }
          }
        } else if (existing.addon.fingerprint !== addon.fingerprint && existing.bundle !== entry.bundle) {
          reports.get(entry.bundle)!.errors.push(`${entry.bundle.node.path}: cluster '${cluster.clusterName}' gets addon '${addon.name}' from bundle '${existing.bundle.bundleName}' and from bundle '${entry.bundle.bundleName}' with different definitions (version ${existing.addon.version ?? '-'} vs ${addon.version ?? '-'}, or values). Make the definitions identical or deliver the addon from one bundle only.`);
        }
      }
    }
    checkReleases(cluster, owned, reports);
    // Labels the delivered addons declare (e.g. the CNI), for other bundles' selectors.
    for (const [k, { value }] of labelFrom) {
      if (cluster.clusterLabels[k] === undefined) cluster.addLabel(k, value);
    }
    return owned;
  }

  /** Renders the addons bundle `b` delivers to `cluster` (as attached or as selected). */
  private renderOn(
    cluster: ManagedCluster, mode: 'attached' | 'selected', b: AddonBundle, e: EffectiveBundle, owned: Map<string, Owner>,
    scope: Construct, info: BundleRenderInfo, emittedSources: FluxSources,
  ): void {
    const f = factsOf(cluster);
    for (const addon of e.addons) {
      const owner = owned.get(addon.name);
      if (!owner || owner.bundle !== b || owner.mode !== mode) continue;
      if (mode === 'selected' && rendersFleet(b.delivery, addon)) continue;
      this.renderOne(scope, info, addon, f, emittedSources);
    }
  }

  private checkDelivery(b: AddonBundle, e: EffectiveBundle, info: BundleRenderInfo): void {
    const kind = b.delivery.kind;
    for (const addon of e.addons) {
      if (addon.config.kind === AddonKind.MANIFESTS) continue;
      if (kind === DeliveryKind.CLUSTER_RESOURCE_SET) {
        info.report.errors.push(`${info.path}: addon '${addon.name}' is a Helm chart, which a ClusterResourceSet cannot install. Use AddonDelivery.helmChartProxy(), .argoCd() or .flux() for this bundle.`);
      } else if (kind === DeliveryKind.HELM_CHART_PROXY && addon.config.target === AddonTarget.MANAGEMENT_CLUSTER) {
        info.report.errors.push(`${info.path}: addon '${addon.name}' runs on the management cluster, but HelmChartProxy installs only into workload clusters. Put it in a bundle delivered with AddonDelivery.argoCd() or AddonDelivery.flux().`);
      } else if (kind === DeliveryKind.HELM_CHART_PROXY) {
        const helmDeps = addon.dependsOn.filter((d) => e.byName.get(d)?.config.kind === AddonKind.HELM_CHART);
        if (helmDeps.length === 0) continue;
        if (b.delivery.helmChartProxyOptions?.rejectDependencies) {
          info.report.errors.push(`${info.path}: addon '${addon.name}' depends on ${helmDeps.map((d) => `'${d}'`).join(', ')}, but HelmChartProxy (CAAPH) cannot order installs. Deliver this bundle with AddonDelivery.argoCd() or .flux(), or remove the dependency.`);
        } else {
          info.report.warnings.push(`${info.path}: addon '${addon.name}' depends on ${helmDeps.map((d) => `'${d}'`).join(', ')}; HelmChartProxy (CAAPH) cannot order installs, so '${addon.name}' is installed atomically and retried by CAAPH until its dependencies are ready (they wait for readiness).`);
        }
      }
    }
  }

  private renderOne(scope: Construct, info: BundleRenderInfo, addon: ResolvedAddon, cluster: ClusterFacts, emitted: FluxSources): void {
    if (addon.config.kind === AddonKind.MANIFESTS) return renderResourceSet(scope, info, addon, cluster, undefined);
    switch (info.delivery.kind) {
      case DeliveryKind.HELM_CHART_PROXY: return renderHelmChartProxy(scope, info, addon, cluster, undefined);
      case DeliveryKind.ARGO_CD: return renderApplication(scope, info, addon, cluster);
      case DeliveryKind.FLUX: return renderHelmRelease(scope, info, addon, cluster, emitted);
      default: return;
    }
  }
}

/**
 * Two Helm addons on one workload cluster must not share a release (name and namespace): the
 * second install would upgrade the first's release (CAAPH, Argo CD and Flux all address releases
 * by name), and the two would overwrite each other forever.
 */
function checkReleases(cluster: ManagedCluster, owned: Map<string, Owner>, reports: Map<AddonBundle, RenderReport>): void {
  const releases = new Map<string, Owner>();
  for (const owner of owned.values()) {
    const helm = owner.addon.config.helm;
    if (!helm || owner.addon.config.target === AddonTarget.MANAGEMENT_CLUSTER) continue;
    const release = `${owner.addon.config.namespace}/${helm.releaseName}`;
    const first = releases.get(release);
    if (!first) {
      releases.set(release, owner);
      continue;
    }
    reports.get(owner.bundle)!.errors.push(`${owner.bundle.node.path}: cluster '${cluster.clusterName}' gets addons '${first.addon.name}' (bundle '${first.bundle.bundleName}') and '${owner.addon.name}' (bundle '${owner.bundle.bundleName}') that both install Helm release '${release}'; each install would upgrade the other's release. Give one of them another releaseName or namespace, or deliver only one.`);
  }
}

/**
 * HelmChartProxy and ClusterResourceSet select clusters of their own namespace only: a cluster of
 * another namespace that matches the bundle's selector would silently get nothing.
 */
function checkSelectedNamespaces(
  info: BundleRenderInfo, b: AddonBundle, addon: ResolvedAddon, matched: ManagedCluster[], owners: Map<ManagedCluster, Map<string, Owner>>,
): void {
  const kind = addon.config.kind === AddonKind.MANIFESTS ? 'ClusterResourceSet' : b.delivery.kind === DeliveryKind.HELM_CHART_PROXY ? 'HelmChartProxy' : undefined;
  if (!kind) return; // an ApplicationSet selects registered clusters by label, in any namespace
  for (const c of matched) {
    const owner = owners.get(c)?.get(addon.name);
    if (owner?.bundle !== b || owner.mode !== 'selected' || c.clusterNamespace === info.namespace) continue;
    info.report.errors.push(`${info.path}: cluster '${c.clusterName}' (namespace '${c.clusterNamespace}') matches the bundle's selector, but the ${kind} of addon '${addon.name}' lives in namespace '${info.namespace}' and selects clusters of that namespace only: nothing would be installed. Set the namespace of the selecting objects to '${c.clusterNamespace}' (AddonBundle namespace, Team fleetNamespace), or attach to the cluster instead (attachTo renders into the cluster's namespace).`);
  }
}
