/** The cluster's in-cluster networking (Cluster `spec.clusterNetwork`). */
export interface ClusterNetworkOptions {
  /**
   * Pod CIDR blocks.
   * @default ['192.168.0.0/16']
   */
  readonly podCidrs?: string[];
  /**
   * Service CIDR blocks.
   * @default ['10.96.0.0/12']
   */
  readonly serviceCidrs?: string[];
  /**
   * DNS domain of services.
   * @default 'cluster.local'
   */
  readonly serviceDomain?: string;
  /**
   * Port the API server listens on.
   * @default 6443
   */
  readonly apiServerPort?: number;
}
