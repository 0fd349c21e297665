/** Helpers to build EKS clusters in tests. */
import { Testing } from 'cdk8s';
import { EksInfrastructureProps, Infrastructure, ManagedCluster, ManagedClusterProps } from '../../../src';

/** A new app with one EKS cluster named `prod` (v1.33, ap-northeast-2). */
export function eksCluster(eks: Partial<EksInfrastructureProps> = {}, overrides: Partial<ManagedClusterProps> = {}): ManagedCluster {
  return new ManagedCluster(Testing.app(), 'prod', {
    version: 'v1.33',
    infrastructure: Infrastructure.eks({ region: 'ap-northeast-2', ...eks }),
    ...overrides,
  });
}
