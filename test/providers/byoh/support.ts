/** Helpers to build BYOH clusters in tests (the shared builders, in a fresh test app). */
import { Testing } from 'cdk8s';
import { ByohInfrastructureProps, ByohPool, ByohPoolOptions, ManagedCluster, ManagedClusterProps } from '../../../src';
import { byohCluster as byohClusterIn, byohPool } from '../../bad-input/builders';

/** A small valid BYOH cluster `onprem` (v1.33.4, VIP 192.168.0.10), overridable per test. */
export function byohCluster(overrides: Partial<ManagedClusterProps> = {}, byoh: Partial<ByohInfrastructureProps> = {}): ManagedCluster {
  return byohClusterIn(Testing.app(), overrides, byoh);
}

/** Adds a ByohPool selecting `role: <id>` hosts unless `options.hosts` is given. */
export function addPool(cluster: ManagedCluster, id: string, options: Partial<ByohPoolOptions> = {}): ByohPool {
  return byohPool(cluster, id, options);
}
