import { Chart } from 'cdk8s';
import { AddonConfig, AddonKind, AddonTarget, IAddon } from './addon';
import { AddonOptions } from './helm-addon';
import { touchModel } from './private/state';
import { validateAddonName } from './private/validate';
import { validateLabels } from '../core/labels';
import { ValidationError } from '../core/validation-error';
import { validateValuesData } from './private/values';

/** Props of a `ManifestAddon`. */
export interface ManifestAddonProps extends AddonOptions {
  /** Addon name: its identity in bundles and on clusters (a DNS label, at most 40 characters). */
  readonly name: string;
  /**
   * Kubernetes objects as plain data (`apiVersion`, `kind`, `metadata`, …).
   * @default - none
   */
  readonly manifests?: any[];
  /**
   * cdk8s charts whose objects are added (e.g. ConfigMaps and Secrets built with
   * cdk8s-plus-28). Create them in an `App` of their own that you do not synthesize, so that they
   * are not written out twice.
   * @default - none
   */
  readonly charts?: Chart[];
}

/**
 * An addon made of plain Kubernetes manifests, delivered to workload clusters with a
 * ClusterResourceSet (whatever the bundle's delivery), e.g. a CNI or a provisioner without a
 * Helm repository.
 */
export class ManifestAddon implements IAddon {
  /** Addon name. */
  public readonly addonName: string;

  private readonly _manifests: any[] = [];
  private readonly _charts: Chart[] = [];
  private readonly _clusterLabels: Record<string, string>;
  private readonly _dependencies: IAddon[] = [];

  constructor(props: ManifestAddonProps) {
    const scope = `ManifestAddon '${props.name}'`;
    validateAddonName(scope, props.name);
    this.addonName = props.name;
    validateLabels(scope as any, 'clusterLabels', props.clusterLabels);
    this._clusterLabels = { ...props.clusterLabels };
    this.addManifest(...(props.manifests ?? []));
    this._charts.push(...(props.charts ?? []));
    this.addDependency(...(props.dependsOn ?? []));
  }

  /** The addons this one is installed after. */
  public get dependencies(): IAddon[] {
    return [...this._dependencies];
  }

  /** Adds Kubernetes objects (plain data). */
  public addManifest(...manifests: any[]): void {
    for (const m of manifests) {
      if (m !== null && typeof m === 'object') {
        const id = typeof m.kind === 'string' && typeof m.metadata?.name === 'string' ? `manifest ${m.kind} '${m.metadata.name}'` : `manifest ${this._manifests.length}`;
        validateValuesData(`ManifestAddon '${this.addonName}'`, id, m);
      }
      if (m === null || typeof m !== 'object' || typeof m.apiVersion !== 'string' || typeof m.kind !== 'string' || typeof m.metadata?.name !== 'string') {
        throw new ValidationError(`ManifestAddon '${this.addonName}'`, `manifest ${JSON.stringify(m)?.slice(0, 80)} is not a Kubernetes object. Give apiVersion, kind and metadata.name.`);
      }
      this._manifests.push(m);
    }
    touchModel();
  }

  /** Declares that this addon must be installed after `addons`. */
  public addDependency(...addons: IAddon[]): void {
    for (const addon of addons) {
      if (addon === undefined || addon === null || typeof (addon as any).toAddonConfig !== 'function') {
        throw new ValidationError(`ManifestAddon '${this.addonName}'`, 'addDependency takes addon objects (IAddon), not names. Pass the addon itself.');
      }
      if (addon.addonName === this.addonName) {
        throw new ValidationError(`ManifestAddon '${this.addonName}'`, 'an addon cannot depend on itself. Remove this addDependency call.');
      }
      if (!this._dependencies.includes(addon)) this._dependencies.push(addon);
    }
    touchModel();
  }

  /** The addon as plain data (chart objects are synthesized now). */
  public toAddonConfig(): AddonConfig {
    const fromCharts = this._charts.flatMap((c) => c.toJson());
    const manifests = [...this._manifests, ...fromCharts];
    if (manifests.length === 0) {
      throw new ValidationError(`ManifestAddon '${this.addonName}'`, 'has no manifests. Add objects with addManifest() or the manifests/charts props.');
    }
    return {
      name: this.addonName,
      kind: AddonKind.MANIFESTS,
      target: AddonTarget.WORKLOAD_CLUSTER,
      namespace: 'default',
      createNamespace: false,
      clusterLabels: { ...this._clusterLabels },
      manifests,
    };
  }
}
