import { HelmInstallOptions, IAddon, ImageValue, AddonTarget } from '../addon';
import { HelmAddon } from '../helm-addon';
import { deepMerge } from '../private/values';

/** Options every catalog addon takes. */
export interface CatalogAddonOptions {
  /**
   * Addon name.
   * @default - the catalog name (e.g. 'cert-manager')
   */
  readonly name?: string;
  /**
   * Exact chart version.
   * @default - the version pinned in the catalog (see docs/addons.md)
   */
  readonly version?: string;
  /**
   * Values deep-merged over the catalog's defaults (maps merge per key, arrays replace).
   * @default - the catalog's defaults
   */
  readonly values?: Record<string, any>;
  /**
   * Release namespace.
   * @default - the catalog's namespace for the addon
   */
  readonly namespace?: string;
  /**
   * Addons this one is installed after.
   * @default - the catalog's dependencies (none for most)
   */
  readonly dependsOn?: IAddon[];
  /**
   * Install and upgrade behaviour.
   * @default - wait for readiness, 5 minute timeout
   */
  readonly install?: HelmInstallOptions;
}

/** What a catalog file fixes for its addon. @internal */
export interface CatalogDefinition {
  readonly name: string;
  readonly repository: string;
  readonly chart: string;
  readonly version: string;
  readonly namespace: string;
  readonly createNamespace: boolean;
  readonly values: Record<string, any>;
  readonly images: ImageValue[];
  readonly clusterLabels?: Record<string, string>;
  readonly target?: AddonTarget;
  readonly releaseName?: string;
}

/** A HelmAddon from a catalog definition and the user's options. @internal */
export function catalogAddon(def: CatalogDefinition, options: CatalogAddonOptions): HelmAddon {
  return new HelmAddon({
    name: options.name ?? def.name,
    repository: def.repository,
    chart: def.chart,
    version: options.version ?? def.version,
    releaseName: def.releaseName,
    namespace: options.namespace ?? def.namespace,
    createNamespace: def.createNamespace,
    values: options.values ? deepMerge(def.values, options.values, []) : def.values,
    install: options.install,
    images: def.images,
    clusterLabels: def.clusterLabels,
    target: def.target,
    dependsOn: options.dependsOn,
  });
}
