/** One EC2 `DescribeSubnets` filter. */
export interface SubnetFilter {
  /** Filter name, e.g. `tag:Name` or `vpc-id`. */
  readonly name: string;
  /** Values, any of which matches. */
  readonly values: string[];
}

/** Which subnet machines go into. Without one, CAPA uses the cluster's private subnets. */
export class SubnetSelection {
  /** A subnet by id, e.g. `subnet-0c41662a89d7878a2`. */
  public static fromId(subnetId: string): SubnetSelection {
    return new SubnetSelection(subnetId, undefined);
  }

  /** Subnets matching EC2 filters. */
  public static fromFilters(filters: SubnetFilter[]): SubnetSelection {
    return new SubnetSelection(undefined, filters);
  }

  private constructor(
    /** The subnet id, when selected by id. */
    public readonly subnetId: string | undefined,
    /** The filters, when selected by filters. */
    public readonly filters: SubnetFilter[] | undefined,
  ) {}
}
