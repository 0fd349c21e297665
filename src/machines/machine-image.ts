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

/**
 * Which machine image (AMI) machines boot from: a fixed id, or a lookup by the cluster's
 * Kubernetes version.
 */
export class MachineImage {
  /** A fixed AMI id, e.g. `ami-0123456789abcdef0` (recommended: your own baked image). */
  public static fromId(amiId: string): MachineImage {
    return new MachineImage(amiId, undefined);
  }

  /** Let CAPA look the AMI up by name for the machine's Kubernetes version. */
  public static lookup(options: MachineImageLookupOptions = {}): MachineImage {
    return new MachineImage(undefined, options);
  }

  private constructor(
    /** The fixed AMI id, if any. */
    public readonly amiId: string | undefined,
    /** The lookup options, if the AMI is looked up. */
    public readonly lookupOptions: MachineImageLookupOptions | undefined,
  ) {}
}
