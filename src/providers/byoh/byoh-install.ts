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
  public static preinstalled(): ByohInstall {
    return new ByohInstall(undefined);
  }

  /**
   * The host agent installs Kubernetes from an imgpkg bundle when a machine claims the host: a
   * K8sInstallerConfigTemplate is generated and referenced from the ByoMachineTemplate.
   */
  public static bundle(options: ByohBundleOptions): ByohInstall {
    return new ByohInstall(options);
  }

  /** The bundle options, for `bundle()`; `undefined` for preinstalled hosts. */
  public readonly bundleOptions: ByohBundleOptions | undefined;

  private constructor(bundleOptions: ByohBundleOptions | undefined) {
    this.bundleOptions = bundleOptions;
  }

  /** Whether the host agent installs Kubernetes from a bundle. */
  public get isBundle(): boolean {
    return this.bundleOptions !== undefined;
  }
}
