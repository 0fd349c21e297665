import { OpenStackResource } from './openstack-resource';

/** Options of a network CAPO creates for the cluster. */
export interface OpenStackManagedNetworkOptions {
  /**
   * CIDR of the cluster's subnet (nodes, load balancer VIP).
   * @default '10.6.0.0/24'
   */
  readonly cidr?: string;
  /**
   * DNS servers handed to the nodes by the subnet's DHCP.
   * @default - none (Neutron's default)
   */
  readonly dnsNameservers?: string[];
}

/** Options of an existing network the cluster joins. */
export interface OpenStackExistingNetworkOptions {
  /** The network. */
  readonly network: OpenStackResource;
  /**
   * Subnets of the network to use (at most two: one IPv4, one IPv6).
   * @default - the network's subnets
   */
  readonly subnets?: OpenStackResource[];
}

/** The cluster's network: created by CAPO (with a router to the external network) or existing. */
export class OpenStackNetwork {
  /** A network, subnet and router created and deleted with the cluster. */
  public static managed(options: OpenStackManagedNetworkOptions = {}): OpenStackNetwork {
    return new OpenStackNetwork(options, undefined);
  }

  /** An existing network (and optionally subnets) the cluster's machines join. */
  public static existing(options: OpenStackExistingNetworkOptions): OpenStackNetwork {
    return new OpenStackNetwork(undefined, options);
  }

  private constructor(
    /** The managed network's options, when CAPO creates it. */
    public readonly managedOptions: OpenStackManagedNetworkOptions | undefined,
    /** The existing network, when one is joined. */
    public readonly existingOptions: OpenStackExistingNetworkOptions | undefined,
  ) {}
}
