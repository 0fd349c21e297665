/** Helpers to build BYOH clusters in tests. */
import { Testing } from 'cdk8s';
import { ByohInfrastructureProps, ByohPool, ByohPoolOptions, Infrastructure, ManagedCluster, ManagedClusterProps } from '../../../src';

/** A small valid BYOH cluster `onprem` (v1.33.4, VIP 192.168.0.10), overridable per test. */
export function byohCluster(overrides: Partial<ManagedClusterProps> = {}, byoh: Partial<ByohInfrastructureProps> = {}): ManagedCluster {
  return new ManagedCluster(Testing.app(), 'onprem', {
    version: 'v1.33.4',
    infrastructure: Infrastructure.byoh({
      controlPlaneEndpoint: { host: '192.168.0.10' },
      controlPlaneHosts: { matchLabels: { role: 'control-plane' } },
      ...byoh,
    }),
    ...overrides,
  });
}

/** Adds a ByohPool selecting `role: <id>` hosts unless `options.hosts` is given. */
export function addPool(cluster: ManagedCluster, id: string, options: Partial<ByohPoolOptions> = {}): ByohPool {
  return new ByohPool(cluster, id, { cluster, hosts: { matchLabels: { role: id } }, ...options });
}
