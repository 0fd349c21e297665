/** How CAPA picks availability zones for a managed VPC. */
export enum AvailabilityZoneSelection {
  /** The region's zones in alphabetical order (the default; pools can rely on `<region>a`…). */
  ORDERED = 'Ordered',
  /** Random zones. */
  RANDOM = 'Random',
}

/** A VPC that CAPA creates and manages for the cluster. */
export interface ManagedAwsNetworkOptions {
  /**
   * VPC CIDR block.
   * @default '10.0.0.0/16'
   */
  readonly cidr?: string;
  /**
   * Number of availability zones to create subnets in.
   * @default 3
   */
  readonly availabilityZoneCount?: number;
  /**
   * How the zones are chosen.
   * @default AvailabilityZoneSelection.ORDERED
   */
  readonly availabilityZoneSelection?: AvailabilityZoneSelection;
  /**
   * Extra tags on the VPC CAPA creates.
   * @default - none
   */
  readonly tags?: Record<string, string>;
}

/** A VPC and subnets that exist already (created by your network team or by `CapaNetwork`). */
export interface ExistingAwsNetworkOptions {
  /** VPC id, e.g. `vpc-0a1b2c3d`. */
  readonly vpcId: string;
  /** Subnet ids, private and public; CAPA reads their type from the route tables. */
  readonly subnetIds: string[];
}

/** The AWS network of a cluster: CAPA-managed or bring-your-own. */
export class AwsNetwork {
  /** Let CAPA create the VPC, subnets, gateways and route tables. */
  public static managed(options: ManagedAwsNetworkOptions = {}): AwsNetwork {
    return new AwsNetwork(options, undefined);
  }

  /** Use an existing VPC and subnets (tagged as CAPA expects; see `CapaNetwork`). */
  public static existing(options: ExistingAwsNetworkOptions): AwsNetwork {
    return new AwsNetwork(undefined, options);
  }

  private constructor(
    /** Options of a managed network, if managed. */
    public readonly managedOptions: ManagedAwsNetworkOptions | undefined,
    /** Options of an existing network, if existing. */
    public readonly existingOptions: ExistingAwsNetworkOptions | undefined,
  ) {}
}
