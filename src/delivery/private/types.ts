import { AddonConfig } from '../../addons/addon';

/** An addon of a bundle after layering: merged values, registry applied, order known. */
export interface ResolvedAddon {
  readonly name: string;
  readonly config: AddonConfig;
  /** Helm values after overrides and the registry prefix (Helm addons). */
  readonly values: Record<string, any>;
  /** Chart version after overrides (Helm addons). */
  readonly version?: string;
  /** Manifests after the registry prefix (manifest addons). */
  readonly manifests?: any[];
  /** Names of the addons it depends on. */
  readonly dependsOn: string[];
  /** Install wave: 0 without dependencies, else 1 + the highest wave of its dependencies. */
  readonly wave: number;
  /** Canonical form of the definition, to tell identical from conflicting duplicates. */
  readonly fingerprint: string;
}

/** What a delivery needs to know about a workload cluster. */
export interface ClusterFacts {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Record<string, string>;
  readonly podCidrs: string[];
  /** Construct path, for messages. */
  readonly path: string;
}

/** A label selector over CAPI Clusters. */
export interface Selector {
  readonly matchLabels: Record<string, string>;
  /** Cluster names excluded through `capi-blueprints.io/cluster-name NotIn (…)`. */
  readonly excludeClusters: string[];
}

/** Collects messages while rendering. */
export interface RenderReport {
  readonly errors: string[];
  readonly warnings: string[];
}

/** Label carrying the cluster name on CAPI Clusters attached to a bundle (per-cluster selectors). */
export const CLUSTER_NAME_SELECTOR_LABEL = 'capi-blueprints.io/cluster-name';

/** Label on generated objects naming the bundle. */
export const BUNDLE_LABEL = 'capi-blueprints.io/addon-bundle';

/** Label on generated objects naming the addon. */
export const ADDON_LABEL = 'capi-blueprints.io/addon';
