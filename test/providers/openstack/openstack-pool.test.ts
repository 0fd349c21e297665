import { Testing } from 'cdk8s';
import { addPool, openstackCluster } from './support';
import { Infrastructure, ManagedCluster, NodePoolKind, OpenStackImage, OpenStackPool, OpenStackResource, TaintEffect } from '../../../src';
import { expectValidManifests } from '../../support/crd-validation';
import { argsOf, ofKind, one, synth } from '../../support/synth';

const ZONES = ['az-1', 'az-2', 'az-3'];

function poolTemplate(objects: any[], md: any): any {
  return one(objects, 'OpenStackMachineTemplate', md.spec.template.spec.infrastructureRef.name).spec.template.spec;
}

describe('OpenStack node pools', () => {
  test('given a plain addNodePool, when synthesized, then a MachineDeployment, OpenStackMachineTemplate, KubeadmConfigTemplate and MachineHealthCheck are valid', () => {
    const cluster = openstackCluster();
    cluster.addNodePool('general', { replicas: 2 });
    const objects = synth(cluster);
    expectValidManifests(objects);
    const md = one(objects, 'MachineDeployment');
    expect(md.metadata.name).toEqual('dev-general');
    expect(md.spec.replicas).toEqual(2);
    expect(md.spec.template.spec.failureDomain).toBeUndefined();
    expect(md.spec.template.spec.infrastructureRef).toEqual({ apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'OpenStackMachineTemplate', name: expect.stringMatching(/^dev-general-[0-9a-f]{8}$/) });
    expect(poolTemplate(objects, md)).toEqual({ flavor: 'm1.large', image: { filter: { name: 'ubuntu-2404-kube-v1.33.4' } }, sshKeyName: 'capi' });
    const kct = one(objects, 'KubeadmConfigTemplate').spec.template.spec.joinConfiguration.nodeRegistration;
    expect(kct.name).toEqual('{{ local_hostname }}');
    expect(argsOf(kct.kubeletExtraArgs)).toEqual({ 'cloud-provider': 'external', 'provider-id': "openstack:///'{{ instance_id }}'" });
    expect(one(objects, 'MachineHealthCheck', 'dev-general')).toBeDefined();
  });

  test('given explicit availability zones, when synthesized, then there is one MachineDeployment per zone with that failure domain', () => {
    const cluster = openstackCluster();
    cluster.addNodePool('general', { availabilityZones: ['az-1', 'az-3'], autoscaling: { minSize: 1, maxSize: 4 } });
    const objects = synth(cluster);
    expectValidManifests(objects);
    const mds = ofKind(objects, 'MachineDeployment');
    expect(mds.map((m) => [m.metadata.name, m.spec.template.spec.failureDomain])).toEqual([['dev-general-az-1', 'az-1'], ['dev-general-az-3', 'az-3']]);
    for (const md of mds) {
      expect(md.spec.replicas).toBeUndefined();
      expect(md.metadata.annotations).toEqual({
        'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size': '4',
        'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': '1',
      });
    }
    expect(new Set(mds.map((m) => m.spec.template.spec.infrastructureRef.name)).size).toEqual(1);
  });

  test('given the chart\'s zone rack_13, when synthesized, then the failure domain is exact and the MachineDeployment name is a valid rack-13', () => {
    const cluster = openstackCluster();
    cluster.addNodePool('workers', { availabilityZones: ['rack_13', 'AZ2'] });
    const objects = synth(cluster);
    expectValidManifests(objects);
    expect(ofKind(objects, 'MachineDeployment').map((m) => [m.metadata.name, m.spec.template.spec.failureDomain]))
      .toEqual([['dev-workers-rack-13', 'rack_13'], ['dev-workers-az2', 'AZ2']]);
  });

  test('given declared zones and availabilityZoneCount, when synthesized, then the pool spreads over the first N zones', () => {
    const cluster = openstackCluster({}, { availabilityZones: ZONES });
    addPool(cluster, 'general', { availabilityZoneCount: 2 });
    const mds = ofKind(synth(cluster), 'MachineDeployment');
    expect(mds.map((m) => m.spec.template.spec.failureDomain)).toEqual(['az-1', 'az-2']);
  });

  test('given an OpenStackPool with its own settings, when synthesized, then they override the infrastructure machine settings', () => {
    const cluster = openstackCluster();
    const pool = addPool(cluster, 'gpu', {
      openstack: { flavor: 'g1.xlarge', image: OpenStackImage.fromFilter({ tags: ['gpu', 'k8s-1.33'] }), rootVolume: { sizeGiB: 200 }, serverGroup: OpenStackResource.fromName('gpu-spread') },
      taints: [{ key: 'nvidia.com/gpu', effect: TaintEffect.NO_SCHEDULE }],
      nodeLabels: { 'node-role.kubernetes.io/gpu': '', 'team': 'ml' },
    });
    const objects = synth(cluster);
    expectValidManifests(objects);
    expect(pool.openstack?.flavor).toEqual('g1.xlarge');
    const md = one(objects, 'MachineDeployment');
    expect(poolTemplate(objects, md)).toEqual({
      flavor: 'g1.xlarge', image: { filter: { tags: ['gpu', 'k8s-1.33'] } }, sshKeyName: 'capi', rootVolume: { sizeGiB: 200 }, serverGroup: { filter: { name: 'gpu-spread' } },
    });
    const reg = one(objects, 'KubeadmConfigTemplate').spec.template.spec.joinConfiguration.nodeRegistration;
    expect(argsOf(reg.kubeletExtraArgs)['node-labels']).toEqual('team=ml');
    expect(reg.taints).toEqual([{ key: 'nvidia.com/gpu', effect: 'NoSchedule' }]);
    expect(md.spec.template.metadata.labels['node-role.kubernetes.io/gpu']).toEqual('');
  });

  test('given pool machineType, when synthesized, then it is the flavor and the template name changes with it', () => {
    const cluster = openstackCluster();
    cluster.addNodePool('a', { machineType: 'm1.xlarge' });
    cluster.addNodePool('b', { machineType: 'm1.2xlarge' });
    const objects = synth(cluster);
    const [a, b] = ofKind(objects, 'MachineDeployment');
    expect([poolTemplate(objects, a).flavor, poolTemplate(objects, b).flavor]).toEqual(['m1.xlarge', 'm1.2xlarge']);
  });

  test('given the control plane and pools, when synthesized twice, then the output is identical', () => {
    const build = () => {
      const c = openstackCluster({}, { availabilityZones: ZONES });
      addPool(c, 'general', { availabilityZoneCount: 3 });
      return JSON.stringify(synth(c));
    };
    expect(build()).toEqual(build());
  });
});

describe('OpenStack node pool errors', () => {
  const cases: Array<[string, () => unknown, RegExp]> = [
    ['zone count without zones', () => openstackCluster().addNodePool('p', { availabilityZoneCount: 2 }),
      /availabilityZoneCount \(2\) needs the infrastructure's list of zones, and none is declared. Declare them with Infrastructure.openstack\(\{ availabilityZones \}\)/],
    ['zone count above zones', () => openstackCluster({}, { availabilityZones: ['az-1'] }).addNodePool('p', { availabilityZoneCount: 2 }),
      /availabilityZoneCount \(2\) is more than the 1 zones declared \(az-1\)/],
    ['undeclared zone', () => openstackCluster({}, { availabilityZones: ZONES }).addNodePool('p', { availabilityZones: ['az-9'] }),
      /availability zone 'az-9' is not one of the zones declared/],
    ['zone with space', () => openstackCluster().addNodePool('p', { availabilityZones: ['rack 13'] }), /availability zone 'rack 13' is not a zone name/],
    ['zones naming one MachineDeployment', () => openstackCluster().addNodePool('p', { availabilityZones: ['rack_13', 'Rack-13'] }),
      /availability zones 'rack_13' and 'Rack-13' would both name a MachineDeployment '<cluster>-<pool>-rack-13'/],
    ['zone without letters', () => openstackCluster().addNodePool('p', { availabilityZones: ['__'] }), /availability zone '__' has no letters or digits/],
    ['machine pool', () => openstackCluster().addNodePool('p', { kind: NodePoolKind.MACHINE_POOL }), /kind MachinePool is not available on OpenStack/],
    ['instance types', () => openstackCluster().addNodePool('p', { instanceTypes: ['m1.large'] }), /instanceTypes is an AWS mixed-instances setting/],
    ['flavor twice', () => addPool(openstackCluster(), 'p', { machineType: 'a', openstack: { flavor: 'b' } }), /machineType and openstack.flavor are both set/],
    ['no flavor', () => {
      const c = openstackCluster({ controlPlane: { machineType: 'm1.large' } }, { machine: { image: OpenStackImage.fromName('i') } });
      c.addNodePool('p');
    }, /dev\/p: pool machine has no flavor/],
    ['OpenStackPool elsewhere', () => {
      const c = new ManagedCluster(Testing.app(), 'aws', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'ap-northeast-2' }) });
      new OpenStackPool(c, 'p', { cluster: c });
    }, /OpenStackPool needs a cluster on OpenStack infrastructure, but cluster 'aws' runs on 'aws'/],
  ];
  test.each(cases)('given a bad %s, when the pool is added, then a ValidationError names it', (_name, build, message) => {
    expect(build).toThrow(message);
  });
});
