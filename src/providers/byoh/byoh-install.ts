/** Options of installing Kubernetes on a host from a BYOH installer bundle. */
export interface ByohBundleOptions {
  /**
   * OCI repository of the imgpkg bundles, e.g.
   * `projects.registry.vmware.com/cluster_api_provider_bringyourownhost` (BYOH's published
   * bundles) or your own registry with self-built bundles.
   */
  readonly bundleRepo: string;
  /**
   * Bundle type the agent downloads.
   * @default 'k8s'
   */
  readonly bundleType?: string;
  /**
   * Acknowledge that `bundleRepo` holds a self-built bundle for the cluster's Kubernetes
   * version. BYOH's published bundles cover Kubernetes v1.24 to v1.26 only (Ubuntu 20.04), so
   * without this, a version outside that range is rejected at synth time.
   * @default false
   */
  readonly customBundleCoversVersion?: boolean;
}

/** What is installed on preinstalled BYOH hosts. */
export interface ByohPreinstalledOptions {
  /**
   * The Kubernetes version (kubelet, kubeadm) installed on the hosts, written as the cluster's
   * version is (`v` + semver, e.g. `v1.33.4`). A cluster on another version is rejected at synth
   * time: hosts must be re-imaged before a version bump. Build metadata (`v1.33.4+vmware.1`)
   * names a build of the same release and is not compared.
   * @default - not declared: not checked
   */
  readonly kubernetesVersion?: string;
}

/**
 * How Kubernetes gets onto BYOH hosts: already installed on the host image (the fast-join
 * path, recommended), or installed by the host agent from an installer bundle when the host is
 * claimed.
 */
export class ByohInstall {
  /**
   * Hosts come with containerd, kubeadm and kubelet at the cluster's Kubernetes version
   * preinstalled, and their agent runs with `--skip-installation`. No installer objects are
   * generated (no `installerRef`). The recommended mode: the Kubernetes version is not limited by
   * BYOH's published bundles.
   */
  public static preinstalled(options: ByohPreinstalledOptions = {}): ByohInstall {
    return new ByohInstall(undefined, options.kubernetesVersion);
  }

  /**
   * The host agent installs Kubernetes from an imgpkg bundle when a machine claims the host: a
   * K8sInstallerConfigTemplate is generated and referenced from the ByoMachineTemplate.
   */
  public static bundle(options: ByohBundleOptions): ByohInstall {
    return new ByohInstall(options, undefined);
  }

  /** The bundle options, for `bundle()`; `undefined` for preinstalled hosts. */
  public readonly bundleOptions: ByohBundleOptions | undefined;
  /** The Kubernetes version declared installed on preinstalled hosts. */
  public readonly preinstalledVersion: string | undefined;

  private constructor(bundleOptions: ByohBundleOptions | undefined, preinstalledVersion?: string) {
    this.bundleOptions = bundleOptions;
    this.preinstalledVersion = preinstalledVersion;
  }

  /** Whether the host agent installs Kubernetes from a bundle. */
  public get isBundle(): boolean {
    return this.bundleOptions !== undefined;
  }
}
