/** Where the operator fetches a provider's components from (air-gapped management clusters). */
export interface ProviderFetchConfig {
  /**
   * URL of the components (a release's `infrastructure-components.yaml` mirrored to an internal server).
   * @default - none
   */
  readonly url?: string;
  /**
   * OCI artifact with the components, e.g. `harbor.example.com/capi/cluster-api-provider-aws:v2.11.1`.
   * @default - none
   */
  readonly oci?: string;
  /**
   * Labels of the ConfigMaps holding the components (in the provider's namespace).
   * @default - none
   */
  readonly configMapLabels?: Record<string, string>;
}

/** Settings of one Cluster API provider of a management cluster (a cluster-api-operator CR). */
export interface ProviderOptions {
  /**
   * Provider version, e.g. `v2.11.1`.
   * @default - the version the library's manifests are validated against (`../shared/crds/README.md`)
   */
  readonly version?: string;
  /**
   * Namespace the provider is installed into (its CR lives there too).
   * @default - the provider's conventional namespace (`capi-system`, `capa-system`, …)
   */
  readonly namespace?: string;
  /**
   * Name of a Secret in the provider's namespace with the provider's variables (credentials such as
   * `AWS_B64ENCODED_CREDENTIALS`). Never inline: create the Secret out of band.
   * @default - none (required for the AWS provider)
   */
  readonly configSecret?: string;
  /**
   * Feature gates of the provider's manager, over the gates derived from the clusters (a gate a
   * cluster needs cannot be turned off).
   * @default - the derived gates only
   */
  readonly featureGates?: Record<string, boolean>;
  /**
   * Where the operator fetches the components (air-gapped).
   * @default - the provider's GitHub release
   */
  readonly fetchConfig?: ProviderFetchConfig;
  /**
   * Image of the provider's manager container (the `manager` container of its Deployment).
   * @default - the release's image, or its copy under the management cluster's `imageRegistry`
   */
  readonly managerImage?: string;
}

/** The Cluster API providers of a management cluster, by provider. */
export interface ManagementProvidersOptions {
  /**
   * Cluster API core (`CoreProvider` `cluster-api`), always installed.
   * @default - pinned version in `capi-system`
   */
  readonly core?: ProviderOptions;
  /**
   * Kubeadm bootstrap (`BootstrapProvider` `kubeadm`), installed when a kubeadm cluster exists.
   * @default - derived
   */
  readonly kubeadmBootstrap?: ProviderOptions;
  /**
   * Kubeadm control plane (`ControlPlaneProvider` `kubeadm`), installed when a kubeadm cluster exists.
   * @default - derived
   */
  readonly kubeadmControlPlane?: ProviderOptions;
  /**
   * AWS (`InfrastructureProvider` `aws`; also runs EKS), installed for AWS and EKS clusters.
   * @default - derived
   */
  readonly aws?: ProviderOptions;
  /**
   * BYOH (`InfrastructureProvider` `byoh`), installed for BYOH clusters.
   * @default - derived
   */
  readonly byoh?: ProviderOptions;
  /**
   * OpenStack (`InfrastructureProvider` `openstack`), installed for OpenStack clusters.
   * @default - derived
   */
  readonly openstack?: ProviderOptions;
  /**
   * Docker (`InfrastructureProvider` `docker`), installed for local clusters.
   * @default - derived
   */
  readonly docker?: ProviderOptions;
  /**
   * Helm addons (`AddonProvider` `helm`, CAAPH), installed when HelmChartProxy delivery is used.
   * @default - derived
   */
  readonly helm?: ProviderOptions;
}

/** What the operator calls a provider, where it goes and the version it is pinned to. */
export interface ProviderSpec {
  readonly key: keyof ManagementProvidersOptions;
  readonly kind: 'CoreProvider' | 'BootstrapProvider' | 'ControlPlaneProvider' | 'InfrastructureProvider' | 'AddonProvider';
  readonly name: string;
  readonly namespace: string;
  readonly version: string;
  /** The release's manager image without its tag (mirrors keep the path after the registry host). */
  readonly image: string;
}

/** The providers, pinned to the versions in `../shared/crds/README.md`, in install order. */
export const PROVIDERS: ReadonlyArray<ProviderSpec> = [
  { key: 'core', kind: 'CoreProvider', name: 'cluster-api', namespace: 'capi-system', version: 'v1.14.0', image: 'registry.k8s.io/cluster-api/cluster-api-controller' },
  { key: 'kubeadmBootstrap', kind: 'BootstrapProvider', name: 'kubeadm', namespace: 'capi-kubeadm-bootstrap-system', version: 'v1.14.0', image: 'registry.k8s.io/cluster-api/kubeadm-bootstrap-controller' },
  { key: 'kubeadmControlPlane', kind: 'ControlPlaneProvider', name: 'kubeadm', namespace: 'capi-kubeadm-control-plane-system', version: 'v1.14.0', image: 'registry.k8s.io/cluster-api/kubeadm-control-plane-controller' },
  { key: 'aws', kind: 'InfrastructureProvider', name: 'aws', namespace: 'capa-system', version: 'v2.11.1', image: 'registry.k8s.io/cluster-api-aws/cluster-api-aws-controller' },
  { key: 'byoh', kind: 'InfrastructureProvider', name: 'byoh', namespace: 'byoh-system', version: 'v0.5.0', image: 'projects.registry.vmware.com/cluster_api_provider_bringyourownhost/cluster-api-byoh-controller' },
  { key: 'openstack', kind: 'InfrastructureProvider', name: 'openstack', namespace: 'capo-system', version: 'v0.14.7', image: 'registry.k8s.io/capi-openstack/capi-openstack-controller' },
  { key: 'docker', kind: 'InfrastructureProvider', name: 'docker', namespace: 'capd-system', version: 'v1.14.0', image: 'registry.k8s.io/cluster-api/capd-manager' },
  { key: 'helm', kind: 'AddonProvider', name: 'helm', namespace: 'caaph-system', version: 'v0.6.4', image: 'registry.k8s.io/cluster-api-helm/cluster-api-helm-controller' },
];
