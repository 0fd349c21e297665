import { Duration } from 'cdk8s';
import { AddonConfig, AddonKind, AddonTarget, HelmInstallConfig, HelmInstallOptions, IAddon, ImageValue } from './addon';
import { touchModel } from './private/state';
import { validateAddonName, validateChart, validateNamespace } from './private/validate';
import { wholeSeconds } from '../core/durations';
import { validateLabels } from '../core/labels';
import { MAX_HELM_RELEASE_NAME_LENGTH } from '../core/names';
import { RANGES } from '../core/ranges';
import { ValidationError } from '../core/validation-error';
import { validateValuesData } from './private/values';

/** Common props of every addon. */
export interface AddonOptions {
  /**
   * Addons this one must be installed after (references, never names).
   * @default - no dependencies
   */
  readonly dependsOn?: IAddon[];
  /**
   * Labels put on every CAPI Cluster the addon is delivered to, so that other bundles can select
   * on them (e.g. `capi-blueprints.io/cni: cilium`).
   * @default - no labels
   */
  readonly clusterLabels?: Record<string, string>;
}

/** Props of a `HelmAddon`. */
export interface HelmAddonProps extends AddonOptions {
  /** Addon name: its identity in bundles and on clusters (a DNS label, at most 40 characters). */
  readonly name: string;
  /** Chart repository URL: `https://…` or `oci://…`. */
  readonly repository: string;
  /** Chart name in the repository. */
  readonly chart: string;
  /** Exact chart version (no ranges, no `latest`). */
  readonly version: string;
  /**
   * Helm release name.
   * @default - the addon name
   */
  readonly releaseName?: string;
  /**
   * Namespace of the release in the workload cluster.
   * @default - the addon name
   */
  readonly namespace?: string;
  /**
   * Create the namespace when it does not exist.
   * @default true
   */
  readonly createNamespace?: boolean;
  /**
   * Chart values. May contain `ClusterValue`s for per-cluster values.
   * @default - the chart's defaults
   */
  readonly values?: Record<string, any>;
  /**
   * Install and upgrade behaviour.
   * @default - wait for readiness, 5 minute timeout, no rollback
   */
  readonly install?: HelmInstallOptions;
  /**
   * Where the values name image registries, so that a bundle's `imageRegistry` can rewrite them.
   * @default - none (images are not rewritten)
   */
  readonly images?: ImageValue[];
  /**
   * Where the addon runs.
   * @default AddonTarget.WORKLOAD_CLUSTER
   */
  readonly target?: AddonTarget;
}

/**
 * An addon installed from a Helm chart.
 *
 * ```ts
 * const certManager = new HelmAddon({ name: 'cert-manager', repository: 'https://charts.jetstack.io',
 *   chart: 'cert-manager', version: 'v1.17.2', values: { crds: { enabled: true } } });
 * bundle.addAddon(certManager);
 * ```
 */
export class HelmAddon implements IAddon {
  /** Addon name. */
  public readonly addonName: string;
  /** Chart repository URL. */
  public readonly repository: string;
  /** Chart name. */
  public readonly chart: string;
  /** Chart version. */
  public readonly version: string;
  /** Helm release name. */
  public readonly releaseName: string;
  /** Release namespace. */
  public readonly namespace: string;
  /** Whether the namespace is created. */
  public readonly createNamespace: boolean;
  /** Install behaviour with defaults applied. */
  public readonly install: HelmInstallConfig;
  /** Where the addon runs. */
  public readonly target: AddonTarget;

  private readonly _values: Record<string, any>;
  private readonly _images: ImageValue[];
  private readonly _clusterLabels: Record<string, string>;
  private readonly _dependencies: IAddon[] = [];

  constructor(props: HelmAddonProps) {
    const scope = `HelmAddon '${props.name}'`;
    validateAddonName(scope, props.name);
    validateChart(scope, props.repository, props.chart, props.version);
    this.addonName = props.name;
    this.repository = props.repository.replace(/\/+$/, '');
    this.chart = props.chart;
    this.version = props.version;
    this.releaseName = props.releaseName ?? props.name;
    this.namespace = props.namespace ?? props.name;
    this.createNamespace = props.createNamespace ?? true;
    this.target = props.target ?? AddonTarget.WORKLOAD_CLUSTER;
    validateNamespace(scope, this.namespace);
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(this.releaseName) || this.releaseName.length > MAX_HELM_RELEASE_NAME_LENGTH) {
      throw new ValidationError(scope, `releaseName '${this.releaseName}' is not a Helm release name. Use at most ${MAX_HELM_RELEASE_NAME_LENGTH} lower-case letters, digits and '-'.`);
    }
    const timeout = props.install?.timeout ?? Duration.minutes(5);
    const timeoutSeconds = wholeSeconds(scope, 'install.timeout', timeout, { ...RANGES.goDurationSeconds, min: 1 })!;
    this.install = {
      wait: props.install?.wait ?? true,
      waitForJobs: props.install?.waitForJobs ?? false,
      timeoutSeconds,
      atomic: props.install?.atomic ?? false,
    };
    if (props.values !== undefined && (props.values === null || typeof props.values !== 'object' || Array.isArray(props.values))) {
      throw new ValidationError(scope, 'values must be an object (a map of chart values).');
    }
    validateValuesData(scope, 'values', props.values ?? {});
    this._values = props.values ?? {};
    this._images = [...(props.images ?? [])];
    validateLabels(scope as any, 'clusterLabels', props.clusterLabels);
    this._clusterLabels = { ...props.clusterLabels };
    this.addDependency(...(props.dependsOn ?? []));
  }

  /** The addons this one is installed after. */
  public get dependencies(): IAddon[] {
    return [...this._dependencies];
  }

  /** Declares that this addon must be installed after `addons`. */
  public addDependency(...addons: IAddon[]): void {
    for (const addon of addons) {
      if (addon === undefined || addon === null || typeof (addon as any).toAddonConfig !== 'function') {
        throw new ValidationError(`HelmAddon '${this.addonName}'`, 'addDependency takes addon objects (IAddon), not names. Pass the addon itself, e.g. addon.addDependency(certManager).');
      }
      if (addon.addonName === this.addonName) {
        throw new ValidationError(`HelmAddon '${this.addonName}'`, 'an addon cannot depend on itself. Remove this addDependency call.');
      }
      if (!this._dependencies.includes(addon)) this._dependencies.push(addon);
    }
    touchModel();
  }

  /** The addon as plain data. */
  public toAddonConfig(): AddonConfig {
    return {
      name: this.addonName,
      kind: AddonKind.HELM_CHART,
      target: this.target,
      namespace: this.namespace,
      createNamespace: this.createNamespace,
      clusterLabels: { ...this._clusterLabels },
      helm: {
        repository: this.repository,
        chart: this.chart,
        version: this.version,
        releaseName: this.releaseName,
        values: this._values,
        install: this.install,
        images: [...this._images],
      },
    };
  }
}
