/** One requirement of a namespace label selector. */
export interface NamespaceSelectorRequirement {
  /** Label key. */
  readonly key: string;
  /** `In`, `NotIn`, `Exists` or `DoesNotExist`. */
  readonly operator: string;
  /**
   * Values (for `In` / `NotIn`).
   * @default - none
   */
  readonly values?: string[];
}

/** A label selector over namespaces. */
export interface NamespaceSelectorOptions {
  /**
   * Labels a namespace must have.
   * @default - none
   */
  readonly matchLabels?: Record<string, string>;
  /**
   * Requirements a namespace must meet.
   * @default - none
   */
  readonly matchExpressions?: NamespaceSelectorRequirement[];
}

/**
 * Which namespaces' clusters may use an AWS identity. CAPA's default (field unset) is *no*
 * namespace, so an identity always says it explicitly.
 */
export class AllowedNamespaces {
  /** Clusters in every namespace (`allowedNamespaces: {}`). */
  public static all(): AllowedNamespaces {
    return new AllowedNamespaces(undefined, undefined);
  }

  /** Clusters in the listed namespaces. */
  public static list(namespaces: string[]): AllowedNamespaces {
    return new AllowedNamespaces([...namespaces], undefined);
  }

  /** Clusters in namespaces matching a label selector. */
  public static selector(selector: NamespaceSelectorOptions): AllowedNamespaces {
    return new AllowedNamespaces(undefined, selector);
  }

  private constructor(
    /** The listed namespaces, if a list. */
    public readonly namespaces: string[] | undefined,
    /** The selector, if a selector. */
    public readonly namespaceSelector: NamespaceSelectorOptions | undefined,
  ) {}
}
