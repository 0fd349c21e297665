/** Small valid programs the bad-input cases start from (one invalid setting is added per case). */
import { Construct } from 'constructs';
import {
  AwsInfrastructureProps, ByohInfrastructureProps, ByohPool, ByohPoolOptions, EksInfrastructureProps,
  Infrastructure, ManagedCluster, ManagedClusterProps,
} from '../../src';

type ClusterOverrides = Partial<ManagedClusterProps>;

/** An AWS (kubeadm) cluster `prod` in ap-northeast-2. */
export function awsCluster(scope: Construct, overrides: ClusterOverrides = {}, aws: Partial<AwsInfrastructureProps> = {}): ManagedCluster {
  return new ManagedCluster(scope, 'prod', {
    version: 'v1.33.4',
    infrastructure: Infrastructure.aws({ region: 'ap-northeast-2', ...aws }),
    ...overrides,
  });
}

/** An EKS cluster `prod` (v1.33) in ap-northeast-2. */
export function eksCluster(scope: Construct, eks: Partial<EksInfrastructureProps> = {}, overrides: ClusterOverrides = {}): ManagedCluster {
  return new ManagedCluster(scope, 'prod', {
    version: 'v1.33',
    infrastructure: Infrastructure.eks({ region: 'ap-northeast-2', ...eks }),
    ...overrides,
  });
}

/** A BYOH cluster `onprem` (v1.33.4, VIP 192.168.0.10, control plane on `role: control-plane` hosts). */
export function byohCluster(scope: Construct, overrides: ClusterOverrides = {}, byoh: Partial<ByohInfrastructureProps> = {}): ManagedCluster {
  return new ManagedCluster(scope, 'onprem', {
    version: 'v1.33.4',
    infrastructure: Infrastructure.byoh({
      controlPlaneEndpoint: { host: '192.168.0.10' },
      controlPlaneHosts: { matchLabels: { role: 'control-plane' } },
      ...byoh,
    }),
    ...overrides,
  });
}

/** A ByohPool selecting `role: <id>` hosts unless `options.hosts` is given. */
export function byohPool(cluster: ManagedCluster, id: string, options: Partial<ByohPoolOptions> = {}): ByohPool {
  return new ByohPool(cluster, id, { cluster, hosts: { matchLabels: { role: id } }, ...options });
}
