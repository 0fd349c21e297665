import { ContractRef } from './contract-ref';
import type { ManagedCluster } from '../../cluster/managed-cluster';
import * as capi from '../../imports/capi/cluster.x-k8s.io';

/** Renders the CAPI `Cluster` object of `cluster`, pointing at its provider objects. */
export function renderCluster(cluster: ManagedCluster, refs: { infrastructure: ContractRef; controlPlane: ContractRef }): capi.Cluster {
  const object = new capi.Cluster(cluster, 'Cluster', {
    metadata: {
      name: cluster.clusterName,
      namespace: cluster.clusterNamespace,
      labels: cluster.clusterLabels,
    },
    spec: {
      clusterNetwork: {
        apiServerPort: cluster.apiServerPort === 6443 ? undefined : cluster.apiServerPort,
        pods: { cidrBlocks: cluster.podCidrs },
        services: { cidrBlocks: cluster.serviceCidrs },
        serviceDomain: cluster.serviceDomain,
      },
      infrastructureRef: refs.infrastructure,
      controlPlaneRef: refs.controlPlane,
    },
  });
  cluster._attachClusterObject(object);
  return object;
}
