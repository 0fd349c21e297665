/** Options of the Octavia load balancer in front of the API servers. */
export interface OpenStackLoadBalancerOptions {
  /**
   * Source CIDRs allowed to reach the API (Octavia `allowed_cidrs`; needs the `amphora`
   * provider). CAPO adds the cluster's own addresses. Include the management cluster's egress
   * address, or CAPO cannot reach the cluster.
   * @default - open to any source
   */
  readonly allowedCidrs?: string[];
  /**
   * Octavia provider, e.g. `amphora` or `ovn`.
   * @default - Octavia's default provider
   */
  readonly provider?: string;
  /**
   * Octavia flavor.
   * @default - Octavia's default flavor
   */
  readonly flavor?: string;
  /**
   * Availability zone of the load balancer.
   * @default - Octavia's default
   */
  readonly availabilityZone?: string;
  /**
   * Extra TCP ports the load balancer forwards to the control-plane machines.
   * @default - none
   */
  readonly additionalPorts?: number[];
  /**
   * Give the load balancer a floating IP on the external network. `false` keeps the API on the
   * cluster network only (the management cluster must then reach that network).
   * @default true
   */
  readonly floatingIp?: boolean;
  /**
   * A pre-allocated floating IP address to use (with `floatingIp` true).
   * @default - CAPO allocates one
   */
  readonly floatingIpAddress?: string;
  /**
   * Fixed IP address of the load balancer's VIP on the cluster subnet.
   * @default - allocated by Neutron
   */
  readonly fixedIp?: string;
}

/** Options of an API endpoint that is a floating IP on the first control-plane machine. */
export interface OpenStackFloatingIpEndpointOptions {
  /**
   * A pre-allocated floating IP address.
   * @default - CAPO allocates one
   */
  readonly address?: string;
}

/** How clients reach the API servers. */
export class OpenStackApiServer {
  /**
   * No load balancer and no floating IP: the API is at a fixed IP address on the cluster
   * network, the VIP of a Neutron port you pre-allocated, which something you run announces
   * (e.g. kube-vip on the control plane, with the address allowed on the machines' ports).
   */
  public static fixedIp(address: string): OpenStackApiServer {
    return new OpenStackApiServer(undefined, undefined, address);
  }

  /** An Octavia load balancer over all control-plane machines (highly available; the default). */
  public static loadBalancer(options: OpenStackLoadBalancerOptions = {}): OpenStackApiServer {
    return new OpenStackApiServer(options, undefined);
  }

  /**
   * No load balancer: a floating IP on one control-plane machine. Not highly available; for
   * clouds without Octavia.
   */
  public static floatingIp(options: OpenStackFloatingIpEndpointOptions = {}): OpenStackApiServer {
    return new OpenStackApiServer(undefined, options);
  }

  private constructor(
    /** The load balancer options, when a load balancer is used. */
    public readonly loadBalancerOptions: OpenStackLoadBalancerOptions | undefined,
    /** The floating IP options, when a floating IP on a machine is used. */
    public readonly floatingIpOptions: OpenStackFloatingIpEndpointOptions | undefined,
    /** The fixed VIP address, when neither a load balancer nor a floating IP is used. */
    public readonly fixedIpAddress: string | undefined = undefined,
  ) {}
}
