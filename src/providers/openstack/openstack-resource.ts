/** A Neutron/Nova/Glance query by name and tags (all given fields must match). */
export interface OpenStackFilter {
  /**
   * Resource name.
   * @default - any name
   */
  readonly name?: string;
  /**
   * Tags the resource must all carry (no commas).
   * @default - any tags
   */
  readonly tags?: string[];
}

/**
 * An existing OpenStack resource (network, subnet, security group, server group), by UUID or by
 * a filter that must match exactly one resource. A UUID is faster and unambiguous.
 */
export class OpenStackResource {
  /** By UUID, e.g. `1a4e4b0c-5d2f-4c3a-9b6e-7f0a1b2c3d4e`. */
  public static fromId(id: string): OpenStackResource {
    return new OpenStackResource(id, undefined);
  }

  /** By exact name. */
  public static fromName(name: string): OpenStackResource {
    return new OpenStackResource(undefined, { name });
  }

  /** By name and/or tags. */
  public static fromFilter(filter: OpenStackFilter): OpenStackResource {
    return new OpenStackResource(undefined, filter);
  }

  private constructor(
    /** The UUID, when selected by id. */
    public readonly id: string | undefined,
    /** The filter, when selected by name or tags. */
    public readonly filter: OpenStackFilter | undefined,
  ) {}
}

/** The Glance image machines boot from (image-builder's OpenStack images, or your own). */
export class OpenStackImage {
  /** By UUID (pins the exact image). */
  public static fromId(id: string): OpenStackImage {
    return new OpenStackImage(id, undefined);
  }

  /** By exact name, e.g. `ubuntu-2404-kube-v1.33.4`; must match exactly one image. */
  public static fromName(name: string): OpenStackImage {
    return new OpenStackImage(undefined, { name });
  }

  /** By name and/or tags; must match exactly one image. */
  public static fromFilter(filter: OpenStackFilter): OpenStackImage {
    return new OpenStackImage(undefined, filter);
  }

  private constructor(
    /** The UUID, when selected by id. */
    public readonly id: string | undefined,
    /** The filter, when selected by name or tags. */
    public readonly filter: OpenStackFilter | undefined,
  ) {}
}
