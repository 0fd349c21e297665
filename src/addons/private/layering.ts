import { GraphError, topologicalOrder } from './graph';
import { validateVersion } from './validate';
import { applyRegistry, applyRegistryToManifests, canonicalValues, cloneValues, deepMerge } from './values';
import { ResolvedAddon } from '../../delivery/private/types';
import { AddonConfig, AddonKind, IAddon } from '../addon';

/** One `overrideAddon` call. */
export interface OverrideRecord {
  readonly addon: IAddon;
  readonly values?: Record<string, any>;
  readonly version?: string;
  readonly addNew: boolean;
}

/** What layering needs to know of one bundle (base layers first, the bundle itself last). */
export interface LayerInput {
  readonly name: string;
  readonly path: string;
  readonly addons: readonly IAddon[];
  readonly overrides: readonly OverrideRecord[];
  readonly strict: boolean;
  readonly imageRegistry?: string;
}

/** A bundle after layering. */
export interface EffectiveBundle {
  /** Addons in dependency order (dependencies first). */
  readonly addons: ResolvedAddon[];
  readonly byName: Map<string, ResolvedAddon>;
  /** The addon objects by name (the first definition). */
  readonly objects: Map<string, IAddon>;
  readonly errors: string[];
  readonly warnings: string[];
}

function fingerprintOf(
  config: AddonConfig, values: Record<string, any>, version: string | undefined, manifests: any[] | undefined, deps: string[],
): string {
  return canonicalValues({
    kind: config.kind,
    target: config.target,
    namespace: config.namespace,
    createNamespace: config.createNamespace,
    repository: config.helm?.repository,
    chart: config.helm?.chart,
    version,
    releaseName: config.helm?.releaseName,
    install: config.helm?.install,
    values,
    manifests,
    deps: [...deps].sort(),
    clusterLabels: config.clusterLabels,
  });
}

/**
 * Layers bundles: addons are collected base first (one per name; the same object or an identical
 * definition again is fine, a different definition is an error), then overrides are deep-merged
 * in layer order (later wins per key, arrays replace), reporting paths that are not in the values
 * they override; then the registry prefix is applied and the addons are ordered by dependencies
 * (once per bundle, O(addons + dependencies)).
 *
 * @param layers base layers first, the bundle itself last
 * @param strictOutermost whether the outermost bundle is strict (its strictness covers all overrides)
 */
export function layerBundles(layers: readonly LayerInput[], strictOutermost: boolean): EffectiveBundle {
  const errors: string[] = [];
  const warnings: string[] = [];
  const outer = layers[layers.length - 1];
  const objects = new Map<string, IAddon>();
  const configs = new Map<string, { config: AddonConfig; from: LayerInput; plain: string }>();
  for (const layer of layers) {
    for (const addon of layer.addons) {
      const config = addon.toAddonConfig();
      const deps = addon.dependencies.map((d) => d.addonName);
      const plain = fingerprintOf(config, config.helm?.values ?? {}, config.helm?.version, config.manifests, deps);
      const existing = configs.get(addon.addonName);
      if (!existing) {
        configs.set(addon.addonName, { config, from: layer, plain });
        objects.set(addon.addonName, addon);
      } else if (objects.get(addon.addonName) !== addon && existing.plain !== plain) {
        errors.push(`${layer.path}: addon '${addon.addonName}' is defined differently in bundle '${layer.name}' and in bundle '${existing.from.name}'. Change the base definition with ${outer.name}.overrideAddon(addon, { values, version }) instead of redefining it.`);
      }
    }
  }

  const values = new Map<string, Record<string, any>>();
  const versions = new Map<string, string | undefined>();
  for (const [name, { config }] of configs) {
    values.set(name, cloneValues(config.helm?.values ?? {}));
    versions.set(name, config.helm?.version);
  }
  for (const layer of layers) {
    for (const ov of layer.overrides) {
      const name = ov.addon.addonName;
      const entry = configs.get(name);
      if (!entry) {
        errors.push(`${layer.path}: overrideAddon: addon '${name}' is not in bundle '${outer.name}' or its bases. Add it with addAddon() or extend the bundle that has it.`);
        continue;
      }
      if (entry.config.kind !== AddonKind.HELM_CHART) {
        errors.push(`${layer.path}: overrideAddon: addon '${name}' is a manifest addon; only Helm addons have values and versions to override.`);
        continue;
      }
      if (ov.version !== undefined) {
        try {
          validateVersion(layer.path, ov.version);
          versions.set(name, ov.version);
        } catch (e) {
          errors.push((e as Error).message);
        }
      }
      if (ov.values) {
        const newPaths: string[] = [];
        values.set(name, deepMerge(values.get(name)!, ov.values, newPaths));
        if (newPaths.length > 0 && !ov.addNew) {
          const msg = `${layer.path}: overrideAddon('${name}') sets ${newPaths.map((p) => `'${p}'`).join(', ')}, not present in the values it overrides (a typo?). Pass { addNew: true } to add new keys on purpose.`;
          if (layer.strict || strictOutermost) errors.push(msg); else warnings.push(msg);
        }
      }
    }
  }

  const registry = [...layers].reverse().find((l) => l.imageRegistry !== undefined)?.imageRegistry;
  const nodes = [...configs.keys()].map((name) => ({ name, dependsOn: objects.get(name)!.dependencies.map((d) => d.addonName) }));
  const depsByName = new Map(nodes.map((n) => [n.name, n.dependsOn]));
  let order: string[] = [];
  let waves = new Map<string, number>();
  try {
    ({ order, waves } = topologicalOrder(nodes));
  } catch (e) {
    if (!(e instanceof GraphError)) throw e;
    if (e.problem === 'cycle') {
      errors.push(`${outer.path}: dependency cycle between addons: ${e.names.join(' -> ')}. Remove one of these dependencies.`);
    } else {
      errors.push(`${outer.path}: addon '${e.names[0]}' depends on '${e.names[1]}', which is not in bundle '${outer.name}' or its bases. Add it to the bundle (addAddon) or remove the dependency.`);
    }
    return { addons: [], byName: new Map(), objects, errors, warnings };
  }

  const addons: ResolvedAddon[] = [];
  const byName = new Map<string, ResolvedAddon>();
  for (const name of order) {
    const { config } = configs.get(name)!;
    let v = values.get(name)!;
    let manifests = config.manifests;
    if (registry !== undefined) {
      const missing: string[] = [];
      if (config.helm) v = applyRegistry(v, config.helm.images, registry, missing);
      if (manifests) manifests = applyRegistryToManifests(manifests, registry);
      for (const p of missing) warnings.push(`${outer.path}: addon '${name}': image value '${p}' is not set, so imageRegistry cannot rewrite it. Set it in the addon's values.`);
    }
    const dependsOn = depsByName.get(name)!;
    const resolved: ResolvedAddon = {
      name,
      config,
      values: v,
      version: versions.get(name),
      manifests,
      dependsOn: [...dependsOn],
      wave: waves.get(name)!,
      fingerprint: fingerprintOf(config, v, versions.get(name), manifests, dependsOn),
    };
    addons.push(resolved);
    byName.set(name, resolved);
  }
  return { addons, byName, objects, errors, warnings };
}
