/** Options of spot capacity. */
export interface SpotOptions {
  /**
   * Highest hourly price (USD, as a string such as `'0.12'`) you are willing to pay.
   * @default - the on-demand price
   */
  readonly maxPrice?: string;
}

/** How machines are bought: on demand, or on the spot market. */
export class Capacity {
  /** On-demand instances (the default). */
  public static onDemand(): Capacity {
    return new Capacity(false, undefined);
  }

  /** Spot instances, optionally capped at `maxPrice`. */
  public static spot(options: SpotOptions = {}): Capacity {
    return new Capacity(true, options.maxPrice);
  }

  private constructor(
    /** Whether the machines are spot instances. */
    public readonly isSpot: boolean,
    /** The spot price cap, if any. */
    public readonly maxPrice: string | undefined,
  ) {}
}
