import { Duration } from 'cdk8s';

/** The mechanism that brings a bundle's addons to workload clusters. */
export enum DeliveryKind {
  /** Cluster API Addon Provider Helm `HelmChartProxy` (CAPI-native, the default). */
  HELM_CHART_PROXY = 'HelmChartProxy',
  /** Argo CD `Application`s (or `ApplicationSet`s for label-selected fleets). */
  ARGO_CD = 'ArgoCD',
  /** Flux `HelmRelease`s with the cluster's kubeconfig Secret. */
  FLUX = 'Flux',
  /** Cluster API `ClusterResourceSet`s (manifest addons only). */
  CLUSTER_RESOURCE_SET = 'ClusterResourceSet',
}

/** Options of HelmChartProxy delivery. */
export interface HelmChartProxyDeliveryOptions {
  /**
   * CAAPH installs every HelmChartProxy independently and cannot order them. By default a
   * dependency is handled by retrying: the dependency waits for readiness and the dependent is
   * installed atomically (a failed install is rolled back and retried by CAAPH), and a warning is
   * recorded. Set this to reject dependencies with a ValidationError instead.
   * @default false
   */
  readonly rejectDependencies?: boolean;
}

/** Options of Argo CD delivery. */
export interface ArgoCdDeliveryOptions {
  /**
   * Namespace of Argo CD (where Applications and ApplicationSets live).
   * @default 'argocd'
   */
  readonly namespace?: string;
  /**
   * Argo CD project of the Applications.
   * @default 'default'
   */
  readonly project?: string;
  /**
   * Sync automatically, pruning and self-healing.
   * @default true
   */
  readonly automated?: boolean;
  /**
   * For bundles that select clusters by labels: one ApplicationSet per addon with a cluster
   * generator (the fleet, including clusters outside this program) instead of one Application per
   * addon per matching cluster of this program.
   * @default true
   */
  readonly applicationSets?: boolean;
  /**
   * Sync with server-side apply (`ServerSideApply=true`), needed for charts whose CRDs exceed the
   * 256 KiB annotation limit of client-side apply (e.g. kube-prometheus-stack's Prometheus CRD).
   * @default false
   */
  readonly serverSideApply?: boolean;
}

/** Options of Flux delivery. */
export interface FluxDeliveryOptions {
  /**
   * Reconciliation interval of HelmReleases.
   * @default Duration.minutes(10)
   */
  readonly interval?: Duration;
  /**
   * Reconciliation interval of HelmRepository and OCIRepository sources.
   * @default Duration.hours(1)
   */
  readonly sourceInterval?: Duration;
}

/** How a ClusterResourceSet applies its resources. */
export enum ResourceSetStrategy {
  /** Apply once when the cluster matches (CAPI's default). */
  APPLY_ONCE = 'ApplyOnce',
  /** Re-apply when the resources change. */
  RECONCILE = 'Reconcile',
}

/** Which object carries a ClusterResourceSet's manifests. */
export enum ResourceSetResourceKind {
  /** A Secret of type `addons.cluster.x-k8s.io/resource-set`. */
  SECRET = 'Secret',
  /** A ConfigMap. */
  CONFIG_MAP = 'ConfigMap',
}

/** Options of ClusterResourceSet delivery (used for every manifest addon). */
export interface ClusterResourceSetDeliveryOptions {
  /**
   * Apply strategy.
   * @default ResourceSetStrategy.APPLY_ONCE
   */
  readonly strategy?: ResourceSetStrategy;
  /**
   * Object that carries the manifests.
   * @default ResourceSetResourceKind.SECRET
   */
  readonly resourceKind?: ResourceSetResourceKind;
}

/**
 * How a bundle's addons reach workload clusters. The same addon model renders with each.
 *
 * Manifest addons always use a ClusterResourceSet (with the options of
 * `AddonBundleProps.resourceSet`), whatever the delivery.
 */
export class AddonDelivery {
  /** CAAPH HelmChartProxy per addon (the default, CAPI-native). */
  public static helmChartProxy(options: HelmChartProxyDeliveryOptions = {}): AddonDelivery {
    return new AddonDelivery(DeliveryKind.HELM_CHART_PROXY, options, undefined, undefined, undefined);
  }

  /** Argo CD Application per addon per cluster (destination name = cluster name), ordered by sync waves. */
  public static argoCd(options: ArgoCdDeliveryOptions = {}): AddonDelivery {
    return new AddonDelivery(DeliveryKind.ARGO_CD, undefined, options, undefined, undefined);
  }

  /** Flux HelmRelease per addon per cluster, ordered with `dependsOn`. */
  public static flux(options: FluxDeliveryOptions = {}): AddonDelivery {
    return new AddonDelivery(DeliveryKind.FLUX, undefined, undefined, options, undefined);
  }

  /** ClusterResourceSets only: for bundles made of manifest addons. */
  public static clusterResourceSet(options: ClusterResourceSetDeliveryOptions = {}): AddonDelivery {
    return new AddonDelivery(DeliveryKind.CLUSTER_RESOURCE_SET, undefined, undefined, undefined, options);
  }

  /** The mechanism. */
  public readonly kind: DeliveryKind;
  /** HelmChartProxy options (HelmChartProxy delivery only). */
  public readonly helmChartProxyOptions?: HelmChartProxyDeliveryOptions;
  /** Argo CD options (Argo CD delivery only). */
  public readonly argoCdOptions?: ArgoCdDeliveryOptions;
  /** Flux options (Flux delivery only). */
  public readonly fluxOptions?: FluxDeliveryOptions;
  /** ClusterResourceSet options (ClusterResourceSet delivery only). */
  public readonly clusterResourceSetOptions?: ClusterResourceSetDeliveryOptions;

  private constructor(
    kind: DeliveryKind,
    caaph: HelmChartProxyDeliveryOptions | undefined,
    argo: ArgoCdDeliveryOptions | undefined,
    flux: FluxDeliveryOptions | undefined,
    crs: ClusterResourceSetDeliveryOptions | undefined,
  ) {
    this.kind = kind;
    this.helmChartProxyOptions = caaph;
    this.argoCdOptions = argo;
    this.fluxOptions = flux;
    this.clusterResourceSetOptions = crs;
  }
}
