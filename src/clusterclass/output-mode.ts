/** What a Blueprint's clusters are written as. */
export enum OutputModeKind {
  /** Every object of every cluster (Cluster, control plane, machine templates, MachineDeployments, …). */
  OBJECTS = 'objects',
  /** One ClusterClass (and its templates) per blueprint and site; each cluster a `Cluster` with `spec.topology`. */
  CLUSTER_CLASS = 'cluster-class',
}

/**
 * The output mode of a `Blueprint` (or of a `Site`, which wins over its blueprints): the objects of
 * every cluster, or a Cluster API ClusterClass per (blueprint, site) with each cluster as a managed
 * topology. Class output needs the `ClusterTopology` feature gate on the management cluster (a
 * `ManagementCluster` turns it on by itself) and is available for AWS (kubeadm) and Docker sites;
 * see docs/clusterclass.md.
 *
 * ```ts
 * const standard = new Blueprint(platform, 'standard', { outputMode: OutputMode.clusterClass(), ... });
 * new Site(platform, 'tokyo', { infrastructure: SiteInfrastructure.eks({...}), outputMode: OutputMode.objects() });
 * ```
 */
export class OutputMode {
  /** Every object of every cluster (the default). */
  public static objects(): OutputMode {
    return new OutputMode(OutputModeKind.OBJECTS);
  }

  /**
   * A ClusterClass per (blueprint, site), named `<blueprint>-<site>`, in the namespace of its
   * clusters; variables and patches are generated from what clusters override.
   */
  public static clusterClass(): OutputMode {
    return new OutputMode(OutputModeKind.CLUSTER_CLASS);
  }

  /** Whether `x` is an OutputMode. */
  public static isOutputMode(x: unknown): x is OutputMode {
    return x instanceof OutputMode;
  }

  private constructor(
    /** Objects or ClusterClass. */
    public readonly kind: OutputModeKind,
  ) {}
}
