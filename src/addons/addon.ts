import { Duration } from 'cdk8s';

/** What an addon installs. */
export enum AddonKind {
  /** A Helm chart release. */
  HELM_CHART = 'HelmChart',
  /** Plain Kubernetes manifests (delivered with a ClusterResourceSet). */
  MANIFESTS = 'Manifests',
}

/** Where an addon runs. */
export enum AddonTarget {
  /** Inside the workload cluster (CNI, CSI, ingress, …). */
  WORKLOAD_CLUSTER = 'workload',
  /**
   * On the management cluster, once per workload cluster, in the cluster's namespace (e.g. the
   * cluster autoscaler with the `clusterapi` provider, which reads the CAPI objects and reaches
   * the workload cluster through its `<cluster>-kubeconfig` Secret).
   */
  MANAGEMENT_CLUSTER = 'management',
}

/** How an image location is written in a chart's values, for the bundle's registry override. */
export enum ImageValueType {
  /** A registry host alone, e.g. `registry.k8s.io` (replaced by the registry prefix). */
  REGISTRY = 'registry',
  /** A registry host with a trailing slash, e.g. Calico's `installation.registry: quay.io/`. */
  REGISTRY_WITH_SLASH = 'registryWithSlash',
  /** A repository with its registry, e.g. `quay.io/cilium/cilium` (registry host replaced). */
  REPOSITORY = 'repository',
  /** A full image reference with tag, e.g. `docker.io/calico/ctl:v3.29.4` (registry host replaced). */
  IMAGE = 'image',
}

/** One place in a chart's values that names an image registry or repository. */
export interface ImageValue {
  /** Dotted path in the values, e.g. `controller.image.registry`. */
  readonly path: string;
  /** How the value is written. */
  readonly type: ImageValueType;
}

/** Helm install and upgrade behaviour. */
export interface HelmInstallOptions {
  /**
   * Wait until the release's resources are ready before marking it installed.
   * @default true
   */
  readonly wait?: boolean;
  /**
   * Wait for the release's Jobs to complete.
   * @default false
   */
  readonly waitForJobs?: boolean;
  /**
   * Time allowed for each Helm operation.
   * @default Duration.minutes(5)
   */
  readonly timeout?: Duration;
  /**
   * Roll back (or uninstall a failed first install) when an operation fails.
   * @default false
   */
  readonly atomic?: boolean;
}

/** Resolved Helm install behaviour (`HelmInstallOptions` with defaults applied). */
export interface HelmInstallConfig {
  /** Wait for resources to be ready. */
  readonly wait: boolean;
  /** Wait for Jobs to complete. */
  readonly waitForJobs: boolean;
  /** Timeout of each operation, in seconds. */
  readonly timeoutSeconds: number;
  /** Roll back on failure. */
  readonly atomic: boolean;
}

/** The Helm chart of a Helm addon. */
export interface HelmChartConfig {
  /** Chart repository URL (`https://…` or `oci://…`). */
  readonly repository: string;
  /** Chart name in the repository. */
  readonly chart: string;
  /** Exact chart version. */
  readonly version: string;
  /** Helm release name. */
  readonly releaseName: string;
  /** Chart values (may contain `ClusterValue`s). */
  readonly values: Record<string, any>;
  /** Install and upgrade behaviour. */
  readonly install: HelmInstallConfig;
  /** Where the chart's values name image registries or repositories. */
  readonly images: ImageValue[];
}

/** Plain data describing an addon, handed from an `IAddon` to bundles and deliveries. */
export interface AddonConfig {
  /** Addon name: its identity within a bundle and on a cluster. */
  readonly name: string;
  /** What the addon installs. */
  readonly kind: AddonKind;
  /** Where it runs. */
  readonly target: AddonTarget;
  /**
   * Namespace the addon installs into (the Helm release namespace).
   * Ignored for management-cluster addons, which install into the cluster's namespace.
   */
  readonly namespace: string;
  /** Whether the namespace is created when missing. */
  readonly createNamespace: boolean;
  /**
   * The chart (Helm addons only).
   * @default - none (a manifest addon)
   */
  readonly helm?: HelmChartConfig;
  /**
   * The manifests (manifest addons only).
   * @default - none (a Helm addon)
   */
  readonly manifests?: any[];
  /** Labels put on every CAPI Cluster the addon is delivered to (e.g. `capi-blueprints.io/cni`). */
  readonly clusterLabels: Record<string, string>;
}

/**
 * An addon: something installed on (or for) a workload cluster. Create one with `HelmAddon`,
 * `ManifestAddon` or a `Catalog` factory, and add it to an `AddonBundle`.
 */
export interface IAddon {
  /** Addon name: its identity within a bundle and on a cluster. */
  readonly addonName: string;
  /** The addons this one must be installed after. */
  readonly dependencies: IAddon[];
  /** Declares that this addon must be installed after `addons`. */
  addDependency(...addons: IAddon[]): void;
  /** The addon as plain data. */
  toAddonConfig(): AddonConfig;
}
