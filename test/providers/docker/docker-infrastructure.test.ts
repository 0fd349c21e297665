import { Testing } from 'cdk8s';
import {
  Capacity, DockerInfrastructureProps, Infrastructure, ManagedCluster, ManagedClusterProps, NodePoolKind, OpenStackPool,
} from '../../../src';
import { expectValidManifests } from '../../support/crd-validation';
import { argsOf, ofKind, one, synth } from '../../support/synth';

function dockerCluster(overrides: Partial<ManagedClusterProps> = {}, docker: DockerInfrastructureProps = {}): ManagedCluster {
  return new ManagedCluster(Testing.app(), 'local', { version: 'v1.33.4', infrastructure: Infrastructure.docker(docker), controlPlane: { replicas: 1 }, ...overrides });
}

function templateOf(objects: any[], ref: any): any {
  return one(objects, 'DevMachineTemplate', ref.name).spec.template.spec;
}

describe('Docker (local) clusters', () => {
  test('given defaults, when synthesized, then a DevCluster, a KCP on a DevMachineTemplate and the Cluster are valid', () => {
    const objects = synth(dockerCluster());
    expectValidManifests(objects);
    const devCluster = one(objects, 'DevCluster');
    expect(devCluster.apiVersion).toEqual('infrastructure.cluster.x-k8s.io/v1beta2');
    expect(devCluster.spec).toEqual({ backend: { docker: {} } });
    const cluster = one(objects, 'Cluster');
    expect(cluster.spec.infrastructureRef).toEqual({ apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'DevCluster', name: 'local' });
    expect(cluster.metadata.labels['capi-blueprints.io/infrastructure']).toEqual('docker');
    const kcp = one(objects, 'KubeadmControlPlane').spec;
    expect(kcp.replicas).toEqual(1);
    expect(templateOf(objects, kcp.machineTemplate.spec.infrastructureRef)).toEqual({ backend: { docker: {} } });
    expect(kcp.machineTemplate.spec.infrastructureRef.name).toMatch(/^local-control-plane-[0-9a-f]{8}$/);
  });

  test('given defaults, when synthesized, then kubelets tolerate a full laptop disk (CAPD eviction thresholds) and no cloud provider is set', () => {
    const objects = synth(dockerCluster());
    const kcp = one(objects, 'KubeadmControlPlane').spec.kubeadmConfigSpec;
    for (const phase of ['initConfiguration', 'joinConfiguration']) {
      expect(argsOf(kcp[phase].nodeRegistration.kubeletExtraArgs)).toEqual({ 'eviction-hard': 'nodefs.available<0%,nodefs.inodesFree<0%,imagefs.available<0%' });
    }
    expect(kcp.clusterConfiguration).toBeUndefined();
  });

  test('given node image, preloaded images and the Docker socket, when synthesized, then every machine template carries them', () => {
    const cluster = dockerCluster({}, { nodeImage: 'kindest/node:v1.33.4', preLoadImages: ['quay.io/cilium/cilium:v1.17.6'], mountDockerSocket: true });
    cluster.addNodePool('workers');
    const objects = synth(cluster);
    expectValidManifests(objects);
    for (const t of ofKind(objects, 'DevMachineTemplate')) {
      expect(t.spec.template.spec.backend.docker).toEqual({
        customImage: 'kindest/node:v1.33.4',
        preLoadImages: ['quay.io/cilium/cilium:v1.17.6'],
        extraMounts: [{ containerPath: '/var/run/docker.sock', hostPath: '/var/run/docker.sock' }],
      });
    }
  });

  test('given a load balancer image, when synthesized, then the DevCluster uses it', () => {
    const spec = one(synth(dockerCluster({}, { loadBalancer: { imageRepository: 'mirror.local/kindest/haproxy', imageTag: 'v20230606-42a2262b' } })), 'DevCluster').spec;
    expect(spec.backend.docker.loadBalancer).toEqual({ imageRepository: 'mirror.local/kindest/haproxy', imageTag: 'v20230606-42a2262b' });
  });

  test('given failure domains out of order, when synthesized, then the DevCluster lists them sorted (the webhook requires it) and pools spread over them', () => {
    const cluster = dockerCluster({ controlPlane: { replicas: 3 } }, { failureDomains: ['fd3', 'fd1', 'fd2'] });
    cluster.addNodePool('workers', { availabilityZoneCount: 2, replicas: 2 });
    const objects = synth(cluster);
    expectValidManifests(objects);
    expect(one(objects, 'DevCluster').spec.backend.docker.failureDomains).toEqual([
      { name: 'fd1', controlPlane: true }, { name: 'fd2', controlPlane: true }, { name: 'fd3', controlPlane: true },
    ]);
    const mds = ofKind(objects, 'MachineDeployment');
    expect(mds.map((m) => [m.metadata.name, m.spec.template.spec.failureDomain, m.spec.replicas])).toEqual([['local-workers-fd3', 'fd3', 2], ['local-workers-fd1', 'fd1', 2]]);
  });

  test('given a pool, when synthesized, then it has a KubeadmConfigTemplate with the eviction thresholds and a MachineHealthCheck', () => {
    const cluster = dockerCluster();
    cluster.addNodePool('workers', { autoscaling: { minSize: 1, maxSize: 3 }, nodeLabels: { team: 'dev' } });
    const objects = synth(cluster);
    const reg = one(objects, 'KubeadmConfigTemplate').spec.template.spec.joinConfiguration.nodeRegistration;
    expect(argsOf(reg.kubeletExtraArgs)).toEqual({ 'eviction-hard': 'nodefs.available<0%,nodefs.inodesFree<0%,imagefs.available<0%', 'node-labels': 'team=dev' });
    expect(one(objects, 'MachineHealthCheck', 'local-workers')).toBeDefined();
    expect(one(objects, 'MachineDeployment').spec.template.spec.infrastructureRef.kind).toEqual('DevMachineTemplate');
  });
});

describe('Docker errors', () => {
  const cases: Array<[string, () => unknown, RegExp]> = [
    ['machine type', () => dockerCluster({ controlPlane: { machineType: 't3.large' } }), /controlPlane.machineType is a cloud machine setting, which the Docker provider cannot apply/],
    ['pool spot', () => dockerCluster().addNodePool('p', { capacity: Capacity.spot() }), /capacity is a cloud machine setting/],
    ['instance types', () => dockerCluster().addNodePool('p', { instanceTypes: ['a'] }), /instanceTypes is a cloud machine setting/],
    ['machine pool', () => dockerCluster().addNodePool('p', { kind: NodePoolKind.MACHINE_POOL }), /kind MachinePool is not available on Docker/],
    ['zone count without domains', () => dockerCluster().addNodePool('p', { availabilityZoneCount: 2 }), /declared. Declare them with Infrastructure.docker\(\{ failureDomains \}\)/],
    ['undeclared domain', () => dockerCluster({}, { failureDomains: ['fd1'] }).addNodePool('p', { availabilityZones: ['fd2'] }), /availability zone 'fd2' is not one of the zones declared/],
    ['no domains', () => dockerCluster({}, { failureDomains: [] }), /failureDomains lists 0 domains/],
    ['domain name', () => dockerCluster({}, { failureDomains: ['FD_1'] }), /failureDomains has 'FD_1'/],
    ['duplicate domain', () => dockerCluster({}, { failureDomains: ['fd1', 'fd1'] }), /failureDomains lists 'fd1' twice/],
    ['node image', () => dockerCluster({}, { nodeImage: 'kindest/node:v1.33.4 ' }), /nodeImage has 'kindest\/node:v1.33.4 ', which is not an image reference/],
    ['preloaded image', () => dockerCluster({}, { preLoadImages: ['UPPER/case'] }), /preLoadImages has 'UPPER\/case'/],
    ['LB repository', () => dockerCluster({}, { loadBalancer: { imageRepository: 'Bad Repo' } }), /loadBalancer.imageRepository 'Bad Repo' is not an image repository/],
    ['LB tag', () => dockerCluster({}, { loadBalancer: { imageTag: ':latest' } }), /loadBalancer.imageTag ':latest' is not an image tag/],
    ['even control plane', () => dockerCluster({ controlPlane: { replicas: 2 } }), /controlPlane.replicas \(2\) must be an odd number/],
    ['OpenStackPool on Docker', () => { const c = dockerCluster(); new OpenStackPool(c, 'p', { cluster: c }); }, /OpenStackPool needs a cluster on OpenStack infrastructure, but cluster 'local' runs on 'docker'/],
  ];
  test.each(cases)('given a bad %s, when built, then a ValidationError names it', (_name, build, message) => {
    expect(build).toThrow(message);
  });
});
