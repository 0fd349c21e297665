/** Options of a CAPA AMI lookup by name pattern. */
export interface MachineImageLookupOptions {
  /**
   * Base operating system in the AMI name, e.g. `ubuntu-24.04`.
   * @default - CAPA's default (`ubuntu-24.04`)
   */
  readonly baseOS?: string;
  /**
   * AWS account id that owns the AMIs. Set it to your own account for baked images.
   * @default - CAPA's public account 819546954734 (not meant for production)
   */
  readonly org?: string;
  /**
   * AMI name format (Go template), e.g. `capa-ami-{{.BaseOS}}-{{.K8sVersion}}-*`.
   * @default - CAPA's default format
   */
  readonly format?: string;
}

/** What a fixed machine image was built with (image-builder records it in the image name and tags). */
export interface MachineImageIdOptions {
  /**
   * The Kubernetes version baked into the image (kubelet, kubeadm), e.g. `v1.33.4`. A control
   * plane or pool whose cluster runs another version is rejected at synth time, so a version
   * bump that forgets the image fails early instead of at join time.
   * @default - not declared: the version is not checked
   */
  readonly kubernetesVersion?: string;
  /**
   * The image has no Kubernetes baked in (the bootstrap installs it): the escape hatch for
   * images whose version cannot match. Not with `kubernetesVersion`.
   * @default false
   */
  readonly withoutKubernetes?: boolean;
  /**
   * Operating system of the image, e.g. `ubuntu-24.04` or `flatcar-stable`. A Flatcar image
   * needs the Ignition bootstrap format.
   * @default - not declared
   */
  readonly os?: string;
}

/**
 * Which machine image (AMI) machines boot from: a fixed id, or a lookup by the cluster's
 * Kubernetes version.
 */
export class MachineImage {
  /**
   * A fixed AMI id, e.g. `ami-0123456789abcdef0` (recommended: your own baked image), with the
   * Kubernetes version it was built for.
   */
  public static fromId(amiId: string, options: MachineImageIdOptions = {}): MachineImage {
    return new MachineImage(amiId, undefined, options);
  }

  /**
   * Let CAPA look the AMI up by name for the machine's Kubernetes version (the lookup format
   * carries the version, so the image always matches the cluster).
   */
  public static lookup(options: MachineImageLookupOptions = {}): MachineImage {
    return new MachineImage(undefined, options, {});
  }

  /** The Kubernetes version a fixed image was built for, if declared. */
  public readonly kubernetesVersion: string | undefined;
  /** Whether the image has no Kubernetes baked in. */
  public readonly withoutKubernetes: boolean;
  /** The declared operating system (or the lookup's base OS). */
  public readonly os: string | undefined;

  private constructor(
    /** The fixed AMI id, if any. */
    public readonly amiId: string | undefined,
    /** The lookup options, if the AMI is looked up. */
    public readonly lookupOptions: MachineImageLookupOptions | undefined,
    options: MachineImageIdOptions,
  ) {
    this.kubernetesVersion = options.kubernetesVersion;
    this.withoutKubernetes = options.withoutKubernetes ?? false;
    this.os = options.os ?? lookupOptions?.baseOS;
  }
}
