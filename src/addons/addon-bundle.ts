import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { IAddon } from './addon';
import { EffectiveBundle, LayerInput, OverrideRecord, layerBundles } from './private/layering';
import { AddonRegistry } from './private/registry';
import { modelState, touchAttachments, touchModel } from './private/state';
import { cloneValues, validateValuesData } from './private/values';
import { ManagedCluster } from '../cluster/managed-cluster';
import { wholeSeconds } from '../core/durations';
import { INFRASTRUCTURE_LABEL, validateLabels } from '../core/labels';
import { checkNotSynthesized } from '../core/lifecycle';
import { isDnsLabel, isDnsSubdomain } from '../core/names';
import { RANGES } from '../core/ranges';
import { isRegistryPath } from '../core/registry';
import { ValidationError } from '../core/validation-error';
import { addWarning } from '../core/warnings';
import { AddonDelivery, ClusterResourceSetDeliveryOptions } from '../delivery/addon-delivery';
import { CLUSTER_NAME_SELECTOR_LABEL } from '../delivery/private/types';
import { guardPlainApp } from '../output/private/synth-checks';

/** Selects CAPI Clusters by their labels. */
export interface ClusterSelector {
  /** Labels a cluster must all carry (at least one). */
  readonly matchLabels: Record<string, string>;
}

/** Input of `AddonBundle.overrideAddon`. */
export interface AddonOverrideOptions {
  /**
   * Values deep-merged over the addon's values: maps merge per key (this layer wins), arrays and
   * scalars replace.
   * @default - values unchanged
   */
  readonly values?: Record<string, any>;
  /**
   * Exact chart version replacing the addon's.
   * @default - version unchanged
   */
  readonly version?: string;
  /**
   * Allow `values` to add keys the addon's values do not have. Without it such a key is a
   * warning (an error in a strict bundle), so that typos do not pass silently.
   * @default false
   */
  readonly addNew?: boolean;
}

/** Props of an `AddonBundle`. */
export interface AddonBundleProps {
  /**
   * Bundle name: prefix of fleet object names and value of the `capi-blueprints.io/addon-bundle` label.
   * @default - the construct id
   */
  readonly bundleName?: string;
  /**
   * Initial addons.
   * @default - none
   */
  readonly addons?: IAddon[];
  /**
   * How the Helm addons reach the clusters.
   * @default AddonDelivery.helmChartProxy()
   */
  readonly delivery?: AddonDelivery;
  /**
   * Registry prefix all images are pulled from (air-gapped mirror), e.g. `harbor.example.com/mirror`:
   * `quay.io/cilium/cilium` becomes `harbor.example.com/mirror/cilium/cilium`.
   * @default - the upstream registries (or the nearest base bundle's setting)
   */
  readonly imageRegistry?: string;
  /**
   * Treat overrides that add keys absent from the base values as errors instead of warnings.
   * @default false
   */
  readonly strictValues?: boolean;
  /**
   * Management-cluster namespace of the fleet objects of `selectClusters` (HelmChartProxy and
   * ClusterResourceSet select only clusters of their own namespace).
   * @default 'default'
   */
  readonly namespace?: string;
  /**
   * How manifest addons are delivered (always with ClusterResourceSets).
   * @default - a Secret per addon, strategy ApplyOnce
   */
  readonly resourceSet?: ClusterResourceSetDeliveryOptions;
}

let attachSequence = 0;

/**
 * A named, reusable set of addons delivered to workload clusters.
 *
 * ```ts
 * const base = new AddonBundle(app, 'base', { addons: [Catalog.certManager(), Catalog.metricsServer()] });
 * const seoul = AddonBundle.compose(app, 'seoul', [base], { delivery: AddonDelivery.argoCd() });
 * seoul.overrideAddon(certManager, { values: { replicaCount: 2 } });
 * seoul.attachTo(cluster);                                            // one cluster
 * base.selectClusters({ matchLabels: { 'capi-blueprints.io/infrastructure': 'aws' } }); // a fleet
 * ```
 *
 * The bundle is a chart: its delivery objects (HelmChartProxies, Applications, HelmReleases,
 * ClusterResourceSets) are rendered into it at synthesis, once all bundles and clusters are known.
 * A cluster gets each addon (by name) once, even when several bundles reach it; two different
 * definitions of one addon for one cluster are an error.
 */
export class AddonBundle extends Chart {
  /** A new bundle made of `layers` (bases first), e.g. `AddonBundle.compose(app, 'site', [base, site])`. */
  public static compose(scope: Construct, id: string, layers: AddonBundle[], props: AddonBundleProps = {}): AddonBundle {
    const bundle = new AddonBundle(scope, id, props);
    for (const layer of layers) bundle.extend(layer);
    return bundle;
  }

  /** Bundle name. */
  public readonly bundleName: string;
  /** How the Helm addons reach the clusters. */
  public readonly delivery: AddonDelivery;
  /** Registry prefix set on this bundle (base bundles may set one too). */
  public readonly imageRegistry?: string;
  /** Whether overrides adding keys are errors. */
  public readonly strictValues: boolean;
  /** Namespace of fleet objects. */
  public readonly fleetNamespace: string;
  /** ClusterResourceSet options for manifest addons. */
  public readonly resourceSet: ClusterResourceSetDeliveryOptions;

  private readonly _addons: IAddon[] = [];
  private readonly _bases: AddonBundle[] = [];
  private readonly _overrides: OverrideRecord[] = [];
  private readonly _attached: Array<{ cluster: ManagedCluster; seq: number }> = [];
  private readonly _attachedSet = new Set<ManagedCluster>();
  private _selector?: ClusterSelector;
  private _memo?: { generation: number; effective: EffectiveBundle };
  private readonly _warnings = new Set<string>();

  constructor(scope: Construct, id: string, props: AddonBundleProps = {}) {
    super(scope, id, { disableResourceNameHashes: true });
    guardPlainApp(this); // a plain cdk8s App runs the Platform's checks before writing
    this.bundleName = props.bundleName ?? id;
    if (!isDnsLabel(this.bundleName) || this.bundleName.length > 40) {
      throw new ValidationError(this, `bundle name '${this.bundleName}' is not a DNS label of at most 40 characters. Use lower-case letters, digits and '-'.`);
    }
    this.delivery = props.delivery ?? AddonDelivery.helmChartProxy();
    this.imageRegistry = props.imageRegistry?.replace(/\/+$/, '');
    if (this.imageRegistry !== undefined && !isRegistryPath(this.imageRegistry)) {
      throw new ValidationError(this, `imageRegistry '${props.imageRegistry}' is not a registry host with an optional path. Use e.g. 'harbor.example.com/mirror'.`);
    }
    this.strictValues = props.strictValues ?? false;
    this.fleetNamespace = props.namespace ?? 'default';
    if (!isDnsLabel(this.fleetNamespace)) {
      throw new ValidationError(this, `namespace '${this.fleetNamespace}' is not a DNS label. Use at most 63 lower-case letters, digits and '-', e.g. 'capi-addons'.`);
    }
    validateDelivery(this, this.delivery);
    if (props.resourceSet !== undefined && this.delivery.clusterResourceSetOptions !== undefined
      && Object.values(this.delivery.clusterResourceSetOptions).some((v) => v !== undefined)) {
      throw new ValidationError(this, 'resourceSet and the ClusterResourceSet delivery\'s own options are both set, so the delivery\'s options would be ignored. Set the options once: in AddonDelivery.clusterResourceSet({...}) or in resourceSet.');
    }
    this.resourceSet = props.resourceSet ?? this.delivery.clusterResourceSetOptions ?? {};
    this.addAddon(...(props.addons ?? []));
    AddonRegistry.of(this).register(this);
    this.node.addValidation({
      // messages start with the construct path, which cdk8s puts in front again: drop ours
      validate: () => (AddonRegistry.of(this).render().get(this) ?? []).map((m) => m.startsWith(`${this.node.path}: `) ? m.slice(this.node.path.length + 2) : m),
    });
  }

  /** Adds addons. An addon name already in this bundle (not its bases) is an error. */
  public addAddon(...addons: IAddon[]): void {
    checkNotSynthesized(this, 'addAddon');
    for (const addon of addons) {
      if (addon === undefined || addon === null || typeof (addon as any).toAddonConfig !== 'function') {
        throw new ValidationError(this, 'addAddon takes addon objects (HelmAddon, ManifestAddon, Catalog.*()).');
      }
      const clash = this._addons.find((a) => a.addonName === addon.addonName);
      if (clash === addon) continue;
      if (clash) {
        throw new ValidationError(this, `addon name '${addon.addonName}' is already used in bundle '${this.bundleName}'. Give each addon a unique name, or change the existing one with overrideAddon().`);
      }
      this._addons.push(addon);
    }
    touchModel();
  }

  /** Layers `base` under this bundle: its addons and overrides come first, this bundle's win. */
  public extend(base: AddonBundle): void {
    checkNotSynthesized(this, 'extend');
    if (base === this || base._layers().includes(this)) {
      throw new ValidationError(this, `bundle '${this.bundleName}' cannot extend '${base.bundleName}': that would make a bundle its own base.`);
    }
    if (!this._bases.includes(base)) this._bases.push(base);
    touchModel();
  }

  /**
   * Overrides an addon of this bundle or its bases, in this layer: values deep-merged (this layer
   * wins per key, arrays replace), optionally another exact version.
   */
  public overrideAddon(addon: IAddon, options: AddonOverrideOptions): void {
    checkNotSynthesized(this, 'overrideAddon');
    if (options.values !== undefined && (options.values === null || typeof options.values !== 'object' || Array.isArray(options.values))) {
      throw new ValidationError(this, `overrideAddon('${addon.addonName}'): values must be an object.`);
    }
    validateValuesData(this, `overrideAddon('${addon.addonName}'): values`, options.values ?? {});
    const values = options.values ? cloneValues(options.values) : undefined;
    this._overrides.push({ addon, values, version: options.version, addNew: options.addNew ?? false });
    touchModel();
  }

  /**
   * Delivers the bundle to clusters of this program. Each cluster gets the label
   * `capi-blueprints.io/cluster-name` (per-cluster selectors) and the labels its addons declare.
   */
  public attachTo(...clusters: ManagedCluster[]): void {
    checkNotSynthesized(this, 'attachTo');
    for (const cluster of clusters) {
      if (!ManagedCluster.prototype.isPrototypeOf(cluster)) {
        throw new ValidationError(this, 'attachTo takes ManagedCluster objects.');
      }
      if (this._attachedSet.has(cluster)) continue;
      this._attachedSet.add(cluster);
      this._attached.push({ cluster, seq: attachSequence++ });
      if (cluster.clusterLabels[CLUSTER_NAME_SELECTOR_LABEL] !== cluster.clusterName) {
        cluster.addLabel(CLUSTER_NAME_SELECTOR_LABEL, cluster.clusterName);
      }
      const effective = this._effective();
      if (effective.errors.length === 0) {
        for (const addon of effective.addons) {
          for (const [k, v] of Object.entries(addon.config.clusterLabels)) {
            if (cluster.clusterLabels[k] === undefined) cluster.addLabel(k, v);
          }
        }
      }
    }
    touchAttachments();
  }

  /**
   * Delivers the bundle to every cluster whose labels match, including clusters outside this
   * program where the delivery supports it (HelmChartProxy, ApplicationSet, ClusterResourceSet).
   */
  public selectClusters(selector: ClusterSelector): void {
    checkNotSynthesized(this, 'selectClusters');
    if (this._selector) {
      throw new ValidationError(this, `bundle '${this.bundleName}' already selects clusters (${JSON.stringify(this._selector.matchLabels)}). Use one selector per bundle; compose another bundle for another selector.`);
    }
    if (!selector.matchLabels || Object.keys(selector.matchLabels).length === 0) {
      throw new ValidationError(this, `selectClusters needs at least one label in matchLabels (an empty selector would match every cluster and is rejected by ClusterResourceSet). Use e.g. { '${INFRASTRUCTURE_LABEL}': 'aws' }.`);
    }
    validateLabels(this, 'selectClusters.matchLabels', selector.matchLabels);
    this._selector = { matchLabels: { ...selector.matchLabels } };
    touchAttachments();
  }

  /** The cluster selector, if any. */
  public get clusterSelector(): ClusterSelector | undefined {
    return this._selector ? { matchLabels: { ...this._selector.matchLabels } } : undefined;
  }

  /** The clusters the bundle is attached to, in attach order. */
  public get attachedClusters(): ManagedCluster[] {
    return this._attached.map((a) => a.cluster);
  }

  /** The addons of this bundle and its bases, dependencies first. Throws on a layering error. */
  public get addons(): IAddon[] {
    const effective = this._checkedEffective();
    return effective.addons.map((a) => effective.objects.get(a.name)!);
  }

  /**
   * The values of `addon` after all layers' overrides and the registry prefix (ClusterValues
   * are kept). Throws on a layering error.
   */
  public valuesOf(addon: IAddon): Record<string, any> {
    const resolved = this._checkedEffective().byName.get(addon.addonName);
    if (!resolved) {
      throw new ValidationError(this, `addon '${addon.addonName}' is not in bundle '${this.bundleName}' or its bases.`);
    }
    return cloneValues(resolved.values);
  }

  /** The install wave of `addon` (0 without dependencies, else 1 + the highest wave of its dependencies). */
  public waveOf(addon: IAddon): number {
    const resolved = this._checkedEffective().byName.get(addon.addonName);
    if (!resolved) throw new ValidationError(this, `addon '${addon.addonName}' is not in bundle '${this.bundleName}' or its bases.`);
    return resolved.wave;
  }

  /** Warnings so far (overrides adding keys, unordered dependencies, …), also recorded as node metadata. */
  public get warnings(): string[] {
    const effective = this._effective();
    for (const w of effective.warnings) this._addWarning(w);
    return [...this._warnings];
  }

  /** @internal */
  public _addWarning(message: string): void {
    if (this._warnings.has(message)) return;
    this._warnings.add(message);
    addWarning(this, message);
  }

  /** The bundle's layers, bases first (each once), this bundle last. @internal */
  public _layers(): AddonBundle[] {
    const out: AddonBundle[] = [];
    const visit = (b: AddonBundle) => {
      for (const base of b._bases) visit(base);
      if (!out.includes(b)) out.push(b);
    };
    visit(this);
    return out;
  }

  /** @internal */
  public _attachedEntries(): Array<{ cluster: ManagedCluster; seq: number }> {
    return [...this._attached];
  }

  /** Layering result, memoized until the model changes. @internal */
  public _effective(): EffectiveBundle {
    if (this._memo && this._memo.generation === modelState.generation) return this._memo.effective;
    const layers: LayerInput[] = this._layers().map((b) => ({
      name: b.bundleName, path: b.node.path, addons: b._addons, overrides: b._overrides, strict: b.strictValues, imageRegistry: b.imageRegistry,
    }));
    const effective = layerBundles(layers, this.strictValues);
    this._memo = { generation: modelState.generation, effective };
    return effective;
  }

  private _checkedEffective(): EffectiveBundle {
    const effective = this._effective();
    if (effective.errors.length > 0) throw new ValidationError(this, effective.errors[0].replace(/^[^:]*: /, ''));
    return effective;
  }
}

/** Checks the options of a bundle's delivery (props only, so at construction). */
function validateDelivery(bundle: AddonBundle, delivery: AddonDelivery): void {
  const argo = delivery.argoCdOptions;
  if (argo?.namespace !== undefined && !isDnsLabel(argo.namespace)) {
    throw new ValidationError(bundle, `delivery.namespace '${argo.namespace}' is not a DNS label. Use the namespace Argo CD runs in, e.g. 'argocd'.`);
  }
  if (argo?.project !== undefined && !isDnsSubdomain(argo.project)) {
    throw new ValidationError(bundle, `delivery.project '${argo.project}' is not an Argo CD project name. Use the name of an AppProject, e.g. 'default'.`);
  }
  const flux = delivery.fluxOptions;
  for (const [field, d] of [['interval', flux?.interval], ['sourceInterval', flux?.sourceInterval]] as const) {
    wholeSeconds(bundle, `delivery.${field}`, d, { ...RANGES.goDurationSeconds, min: 1 });
  }
}
