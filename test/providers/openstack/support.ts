/** Helpers to build OpenStack clusters in tests. */
import { Testing } from 'cdk8s';
import {
  Infrastructure, ManagedCluster, ManagedClusterProps, OpenStackImage, OpenStackInfrastructureProps, OpenStackPool, OpenStackPoolOptions,
} from '../../../src';

/** Infrastructure props of a small valid OpenStack cluster. */
export function openstackProps(overrides: Partial<OpenStackInfrastructureProps> = {}): OpenStackInfrastructureProps {
  return {
    identity: { secretName: 'dev-cloud-config', cloudName: 'openstack' },
    machine: { flavor: 'm1.large', image: OpenStackImage.fromName('ubuntu-2404-kube-v1.33.4'), sshKeyName: 'capi' },
    ...overrides,
  };
}

/** A new app with one OpenStack cluster named `dev` (v1.33.4), overridable per test. */
export function openstackCluster(
  overrides: Partial<ManagedClusterProps> = {},
  openstack: Partial<OpenStackInfrastructureProps> = {},
): ManagedCluster {
  return new ManagedCluster(Testing.app(), 'dev', {
    version: 'v1.33.4',
    infrastructure: Infrastructure.openstack(openstackProps(openstack)),
    ...overrides,
  });
}

/** Adds an OpenStackPool to the cluster. */
export function addPool(cluster: ManagedCluster, id: string, options: Partial<OpenStackPoolOptions> = {}): OpenStackPool {
  return new OpenStackPool(cluster, id, { cluster, ...options });
}
