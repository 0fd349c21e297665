import { Chart } from 'cdk8s';
import { AddonConfig, AddonKind, AddonTarget, IAddon } from './addon';
import { AddonOptions } from './helm-addon';
import { touchModel } from './private/state';
import { validateAddonName } from './private/validate';
import { validateLabels } from '../core/labels';
import { isDnsLabel } from '../core/names';
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
    checkManifestIdentities(`ManifestAddon '${this.addonName}'`, manifests);
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

/**
 * What the API server checks of every object's identity, and no object twice (a ClusterResourceSet
 * applies them in order: the second would silently replace the first): a kind (`Deployment`), an
 * API version, a name that can be a path segment and a namespace that is a DNS label.
 */
function checkManifestIdentities(where: string, manifests: any[]): void {
  const seen = new Set<string>();
  for (const [index, m] of manifests.entries()) {
    const { apiVersion, kind } = m;
    const name = m.metadata?.name;
    const namespace = m.metadata?.namespace;
    const id = `${kind} '${name}'`;
    // a kind is a DNS-1035 label once lower-cased (CRDs may use lower case); a version any DNS-1035 label
    if (typeof kind !== 'string' || !/^[A-Za-z]([-A-Za-z0-9]*[A-Za-z0-9])?$/.test(kind) || kind.length > 63) {
      throw new ValidationError(where, `manifest ${index} ('${name}') has kind '${kind}', which is not a Kubernetes kind. Use e.g. 'ConfigMap'.`);
    }
    if (typeof apiVersion !== 'string' || !/^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[a-z]([-a-z0-9]*[a-z0-9])?$/.test(apiVersion)) {
      throw new ValidationError(where, `manifest ${id} has apiVersion '${apiVersion}', which is not an API version. Use e.g. 'v1' or 'apps/v1'.`);
    }
    if (typeof name !== 'string' || name === '' || name === '.' || name === '..' || name.length > 253 || /[/%\s]/.test(name)) {
      throw new ValidationError(where, `manifest ${id} has a name the API server rejects. Use a DNS subdomain, e.g. 'my-config'.`);
    }
    if (namespace !== undefined && (typeof namespace !== 'string' || !isDnsLabel(namespace))) {
      throw new ValidationError(where, `manifest ${id} has namespace '${namespace}', which is not a namespace name. Use a DNS label, e.g. 'kube-system'.`);
    }
    const key = `${apiVersion.includes('/') ? apiVersion.split('/')[0] : ''}|${kind}|${namespace ?? ''}|${name}`;
    if (seen.has(key)) {
      throw new ValidationError(where, `lists manifest ${id}${namespace ? ` in namespace '${namespace}'` : ''} twice; the second would replace the first when applied. Give each object once.`);
    }
    seen.add(key);
  }
}
