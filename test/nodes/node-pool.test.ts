import { Duration, Testing } from 'cdk8s';
import {
  Capacity, DeletionOrder, MachineImage, ManagedCluster, NodePool, RolloutStrategy, SubnetSelection, TaintEffect, ValidationError, VolumeType,
} from '../../src';
import { expectValidManifests } from '../support/crd-validation';
import { argsOf, awsCluster, awsClusterProps, ofKind, one, synth } from '../support/synth';

const AUTOSCALER_MIN = 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size';
const AUTOSCALER_MAX = 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size';

function poolObjects(options: Parameters<ManagedCluster['addNodePool']>[1] = {}): any[] {
  const cluster = awsCluster();
  cluster.addNodePool('workers', options);
  return synth(cluster);
}

describe('NodePool on AWS (MachineDeployment)', () => {
  test('given defaults, when synthesized, then one MachineDeployment, AWSMachineTemplate, KubeadmConfigTemplate and MachineHealthCheck are valid', () => {
    const objects = poolObjects();
    const md = one(objects, 'MachineDeployment', 'prod-workers');
    expect(md.spec.replicas).toEqual(1);
    expect(md.spec.template.spec.failureDomain).toBeUndefined();
    expect(md.spec.selector.matchLabels).toEqual({ 'cluster.x-k8s.io/cluster-name': 'prod', 'cluster.x-k8s.io/deployment-name': 'prod-workers' });
    expect(md.spec.template.metadata.labels).toMatchObject(md.spec.selector.matchLabels);
    expect(md.spec.template.spec.version).toEqual('v1.33.4');
    expect(md.spec.rollout).toEqual({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } });
    expect(one(objects, 'AWSMachineTemplate', md.spec.template.spec.infrastructureRef.name).spec.template.spec.iamInstanceProfile)
      .toEqual('nodes.cluster-api-provider-aws.sigs.k8s.io');
    expect(one(objects, 'KubeadmConfigTemplate', md.spec.template.spec.bootstrap.configRef.name)).toBeDefined();
    expectValidManifests(objects);
  });

  test('given availabilityZoneCount 3 and autoscaling 1–3, when synthesized, then one MachineDeployment per AZ with per-AZ bounds and no replicas', () => {
    const objects = poolObjects({ availabilityZoneCount: 3, autoscaling: { minSize: 1, maxSize: 3 } });
    const mds = ofKind(objects, 'MachineDeployment');
    expect(mds.map((md) => md.metadata.name)).toEqual(['prod-workers-ap-northeast-2a', 'prod-workers-ap-northeast-2b', 'prod-workers-ap-northeast-2c']);
    expect(mds.map((md) => md.spec.template.spec.failureDomain)).toEqual(['ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2c']);
    for (const md of mds) {
      expect(md.spec.replicas).toBeUndefined();
      expect(md.metadata.annotations).toEqual({ [AUTOSCALER_MIN]: '1', [AUTOSCALER_MAX]: '3' });
    }
    expect(new Set(mds.map((md) => md.spec.template.spec.infrastructureRef.name)).size).toEqual(1);
    expect(ofKind(objects, 'AWSMachineTemplate')).toHaveLength(2);
    expectValidManifests(objects);
  });

  test('given an explicit AZ list, when synthesized, then exactly those failure domains are used', () => {
    const mds = ofKind(poolObjects({ availabilityZones: ['ap-northeast-2c', 'ap-northeast-2a'] }), 'MachineDeployment');
    expect(mds.map((md) => md.spec.template.spec.failureDomain)).toEqual(['ap-northeast-2c', 'ap-northeast-2a']);
  });

  test('given spot capacity with a max price, when synthesized, then the AWSMachineTemplate requests spot instances', () => {
    const objects = poolObjects({ capacity: Capacity.spot({ maxPrice: '0.12' }) });
    const tmpl = ofKind(objects, 'AWSMachineTemplate').find((t) => t.metadata.name.startsWith('prod-workers-'));
    expect(tmpl.spec.template.spec.spotMarketOptions).toEqual({ maxPrice: '0.12' });
  });

  test('given spot capacity without a price, when synthesized, then spotMarketOptions is present and empty (CAPA\'s spot marker)', () => {
    const tmpl = ofKind(poolObjects({ capacity: Capacity.spot() }), 'AWSMachineTemplate').find((t) => t.metadata.name.startsWith('prod-workers-'));
    expect(tmpl.spec.template.spec.spotMarketOptions).toEqual({});
  });

  test('given machine settings, when synthesized, then they reach the AWSMachineTemplate', () => {
    const objects = poolObjects({
      machineType: 'm6i.2xlarge',
      rootVolume: { sizeGiB: 200, type: VolumeType.IO2, iops: 6000, encryptionKey: 'alias/ebs' },
      image: MachineImage.fromId('ami-02e4e8f09921cfe97'),
      additionalSecurityGroups: ['sg-0123456789abcdef0'],
      subnet: SubnetSelection.fromFilters([{ name: 'tag:tier', values: ['private'] }]),
      additionalTags: { team: 'platform' },
    });
    const spec = ofKind(objects, 'AWSMachineTemplate').find((t) => t.metadata.name.startsWith('prod-workers-')).spec.template.spec;
    expect(spec).toMatchObject({
      instanceType: 'm6i.2xlarge',
      rootVolume: { size: 200, type: 'io2', iops: 6000, encrypted: true, encryptionKey: 'alias/ebs' },
      ami: { id: 'ami-02e4e8f09921cfe97' },
      additionalSecurityGroups: [{ id: 'sg-0123456789abcdef0' }],
      subnet: { filters: [{ name: 'tag:tier', values: ['private'] }] },
      additionalTags: { team: 'platform' },
    });
    expectValidManifests(objects);
  });

  test('given an AMI lookup, when synthesized, then the lookup fields are set and no AMI id', () => {
    const spec = ofKind(poolObjects({ image: MachineImage.lookup({ baseOS: 'ubuntu-24.04', org: '123456789012' }) }), 'AWSMachineTemplate')
      .find((t) => t.metadata.name.startsWith('prod-workers-')).spec.template.spec;
    expect(spec.ami).toBeUndefined();
    expect(spec.imageLookupBaseOS).toEqual('ubuntu-24.04');
    expect(spec.imageLookupOrg).toEqual('123456789012');
  });

  describe('node labels', () => {
    test('given labels with propagating prefixes, when synthesized, then they are Machine labels (CAPI copies them to Nodes)', () => {
      const objects = poolObjects({ nodeLabels: { 'node-role.kubernetes.io/worker': '', 'node.cluster.x-k8s.io/pool': 'workers', 'node-restriction.kubernetes.io/tier': 'a' } });
      const md = one(objects, 'MachineDeployment');
      expect(md.spec.template.metadata.labels).toMatchObject({ 'node-role.kubernetes.io/worker': '', 'node.cluster.x-k8s.io/pool': 'workers', 'node-restriction.kubernetes.io/tier': 'a' });
      const kct = one(objects, 'KubeadmConfigTemplate');
      expect(argsOf(kct.spec.template.spec.joinConfiguration.nodeRegistration.kubeletExtraArgs)['node-labels']).toBeUndefined();
    });

    test('given labels without a propagating prefix (like the old taco-lma), when synthesized, then they go through the kubelet node-labels flag, sorted', () => {
      const objects = poolObjects({ nodeLabels: { 'taco-lma': 'enabled', 'servicemesh': 'enabled', 'example.com/team': 'a' } });
      const kct = one(objects, 'KubeadmConfigTemplate');
      expect(argsOf(kct.spec.template.spec.joinConfiguration.nodeRegistration.kubeletExtraArgs)['node-labels'])
        .toEqual('example.com/team=a,servicemesh=enabled,taco-lma=enabled');
      expect(one(objects, 'MachineDeployment').spec.template.metadata.labels['taco-lma']).toBeUndefined();
    });

    test('given a kubernetes.io label the kubelet may not set, when constructed, then a ValidationError suggests a propagating prefix', () => {
      expect(() => poolObjects({ nodeLabels: { 'node-role.kubernetes.io/worker': '', 'kubernetes.io/role': 'worker' } }))
        .toThrow(/nodeLabels\['kubernetes.io\/role'\]: the kubelet may not set labels in the 'kubernetes.io' namespace .* Use the 'node.cluster.x-k8s.io\/' or 'node-role.kubernetes.io\/' prefix/);
    });
  });

  test('given taints and kubelet args, when synthesized, then taints are registered by the kubelet and args merged after cloud-provider, sorted', () => {
    const kct = one(poolObjects({
      taints: [{ key: 'dedicated', value: 'gpu', effect: TaintEffect.NO_SCHEDULE }],
      kubeletExtraArgs: { 'max-pods': '110', 'eviction-hard': 'memory.available<500Mi' },
    }), 'KubeadmConfigTemplate');
    const reg = kct.spec.template.spec.joinConfiguration.nodeRegistration;
    expect(reg.taints).toEqual([{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]);
    expect(reg.kubeletExtraArgs.map((a: any) => a.name)).toEqual(['cloud-provider', 'eviction-hard', 'max-pods']);
    expect(reg.name).toEqual('{{ ds.meta_data.local_hostname }}');
  });

  test('given rollout and deletion settings, when synthesized, then they reach the MachineDeployment', () => {
    const md = one(poolObjects({
      rollout: { maxSurge: 0, maxUnavailable: 1 },
      deletion: {
        order: DeletionOrder.OLDEST,
        nodeDrainTimeout: Duration.minutes(10),
        nodeVolumeDetachTimeout: Duration.minutes(5),
        nodeDeletionTimeout: Duration.seconds(30),
      },
    }), 'MachineDeployment');
    expect(md.spec.rollout.strategy.rollingUpdate).toEqual({ maxSurge: 0, maxUnavailable: 1 });
    expect(md.spec.deletion).toEqual({ order: 'Oldest' });
    expect(md.spec.template.spec.deletion).toEqual({
      nodeDrainTimeoutSeconds: 600,
      nodeVolumeDetachTimeoutSeconds: 300,
      nodeDeletionTimeoutSeconds: 30,
    });
  });

  test('given the OnDelete strategy, when synthesized, then no rollingUpdate block is emitted', () => {
    expect(one(poolObjects({ rollout: { strategy: RolloutStrategy.ON_DELETE } }), 'MachineDeployment').spec.rollout).toEqual({ strategy: { type: 'OnDelete' } });
  });

  describe('health check', () => {
    test('given defaults, when synthesized, then the pool MachineHealthCheck uses the recommended settings and selects only this pool', () => {
      const mhc = one(poolObjects(), 'MachineHealthCheck', 'prod-workers');
      expect(mhc.spec).toEqual({
        clusterName: 'prod',
        selector: { matchLabels: { 'cluster.x-k8s.io/cluster-name': 'prod', 'capi-blueprints.io/node-pool': 'workers' } },
        checks: {
          nodeStartupTimeoutSeconds: 600,
          unhealthyNodeConditions: [
            { type: 'Ready', status: 'Unknown', timeoutSeconds: 300 },
            { type: 'Ready', status: 'False', timeoutSeconds: 300 },
          ],
        },
        remediation: { triggerIf: { unhealthyLessThanOrEqualTo: '40%' } },
      });
    });

    test('given custom settings, when synthesized, then they are used', () => {
      const mhc = one(poolObjects({ healthCheck: { nodeStartupTimeout: Duration.minutes(20), unhealthyTimeout: Duration.minutes(8), maxUnhealthyPercent: 33 } }), 'MachineHealthCheck', 'prod-workers');
      expect(mhc.spec.checks.nodeStartupTimeoutSeconds).toEqual(1200);
      expect(mhc.spec.checks.unhealthyNodeConditions[0].timeoutSeconds).toEqual(480);
      expect(mhc.spec.remediation.triggerIf.unhealthyLessThanOrEqualTo).toEqual('33%');
    });

    test('given enabled false, when synthesized, then the pool has no MachineHealthCheck', () => {
      expect(ofKind(poolObjects({ healthCheck: { enabled: false } }), 'MachineHealthCheck', 'prod-workers')).toHaveLength(0);
    });

    test('given the control plane, when synthesized, then its MachineHealthCheck selects control-plane machines without a percentage cap', () => {
      const mhc = one(poolObjects(), 'MachineHealthCheck', 'prod-control-plane');
      expect(mhc.spec.selector.matchLabels).toEqual({ 'cluster.x-k8s.io/cluster-name': 'prod', 'cluster.x-k8s.io/control-plane': '' });
      expect(mhc.spec.remediation).toBeUndefined();
    });
  });

  describe('content-hashed template names', () => {
    const names = (objects: any[]) => ofKind(objects, 'AWSMachineTemplate').concat(ofKind(objects, 'KubeadmConfigTemplate')).map((o) => `${o.kind}/${o.metadata.name}`).sort();

    test('given the same program twice, when synthesized, then template names are identical', () => {
      expect(names(poolObjects({ machineType: 'm6i.large' }))).toEqual(names(poolObjects({ machineType: 'm6i.large' })));
    });

    test('given a machine type change, when synthesized, then the AWSMachineTemplate gets a new name and the KubeadmConfigTemplate keeps its name', () => {
      const before = poolObjects({ machineType: 'm6i.large' });
      const after = poolObjects({ machineType: 'm6i.xlarge' });
      const awsName = (o: any[]) => one(o, 'MachineDeployment').spec.template.spec.infrastructureRef.name;
      const kctName = (o: any[]) => one(o, 'MachineDeployment').spec.template.spec.bootstrap.configRef.name;
      expect(awsName(after)).not.toEqual(awsName(before));
      expect(awsName(after)).toMatch(/^prod-workers-[0-9a-f]{8}$/);
      expect(kctName(after)).toEqual(kctName(before));
    });

    test('given a kubelet arg change, when synthesized, then the KubeadmConfigTemplate gets a new name', () => {
      const kctName = (o: any[]) => one(o, 'MachineDeployment').spec.template.spec.bootstrap.configRef.name;
      expect(kctName(poolObjects({ kubeletExtraArgs: { 'max-pods': '110' } }))).not.toEqual(kctName(poolObjects({ kubeletExtraArgs: { 'max-pods': '64' } })));
    });

    test('given a replica change only, when synthesized, then no template name changes (no needless rollout)', () => {
      expect(names(poolObjects({ replicas: 2 }))).toEqual(names(poolObjects({ replicas: 5 })));
    });
  });

  test('given new NodePool(...) instead of addNodePool, when synthesized, then the output is the same', () => {
    const viaAdd = awsCluster();
    viaAdd.addNodePool('workers', { replicas: 2 });
    const app = Testing.app();
    const viaNew = new ManagedCluster(app, 'prod', awsClusterProps());
    new NodePool(viaNew, 'workers', { cluster: viaNew, replicas: 2 });
    expect(synth(viaNew)).toEqual(synth(viaAdd));
  });

  describe('invalid input', () => {
    const cases: Array<[string, Parameters<ManagedCluster['addNodePool']>[1], RegExp]> = [
      ['replicas and autoscaling', { replicas: 2, autoscaling: { minSize: 1, maxSize: 3 } }, /prod\/workers: replicas \(2\) and autoscaling are both set/],
      ['min above max', { autoscaling: { minSize: 5, maxSize: 3 } }, /prod\/workers: autoscaling.minSize \(5\) is greater than maxSize \(3\). Set minSize ≤ maxSize./],
      ['negative replicas', { replicas: -1 }, /replicas \(-1\) must be a whole number from 0 to 2147483647 \(replicas are an int32\)/],
      ['maxSurge and maxUnavailable both 0', { rollout: { maxSurge: 0, maxUnavailable: 0 } }, /rollout.maxSurge and rollout.maxUnavailable are both 0/],
      ['startup timeout below 30 s', { healthCheck: { nodeStartupTimeout: Duration.seconds(10) } }, /healthCheck.nodeStartupTimeout \(10s\) must be 0 \(disabled\) or at least 30 seconds/],
      ['unhealthy percent above 100', { healthCheck: { maxUnhealthyPercent: 150 } }, /healthCheck.maxUnhealthyPercent \(150\) must be a whole number from 0 to 100/],
      ['control-plane taint on workers', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: TaintEffect.NO_SCHEDULE }] }, /taint 'node-role.kubernetes.io\/control-plane' is reserved for control-plane nodes/],
      ['invalid taint key', { taints: [{ key: 'bad key', effect: TaintEffect.NO_SCHEDULE }] }, /taint key 'bad key' is not a valid key/],
      ['node-labels in kubelet args', { kubeletExtraArgs: { 'node-labels': 'a=b' } }, /kubeletExtraArgs\['node-labels'\] is generated from nodeLabels/],
      ['cloud-provider override', { kubeletExtraArgs: { 'cloud-provider': 'aws' } }, /kubeletExtraArgs\['cloud-provider'\] = 'aws' conflicts with the value 'external'/],
      ['AZ of another region', { availabilityZones: ['us-east-1a'] }, /availability zone 'us-east-1a' is not a zone of region 'ap-northeast-2'/],
      ['AZ beyond the managed network', { availabilityZoneCount: 4 }, /availability zone 'ap-northeast-2d' has no subnets: the managed network spans only the first 3 zones/],
      ['both AZ options', { availabilityZones: ['ap-northeast-2a'], availabilityZoneCount: 2 }, /availabilityZones and availabilityZoneCount are both set/],
      ['duplicate AZ', { availabilityZones: ['ap-northeast-2a', 'ap-northeast-2a'] }, /availabilityZones lists 'ap-northeast-2a' twice/],
      ['bad instance type', { machineType: 'large' }, /machineType 'large' is not an EC2 instance type/],
      ['bad security group', { additionalSecurityGroups: ['web'] }, /additionalSecurityGroups has 'web', which is not a security group id/],
      ['bad subnet id', { subnet: SubnetSelection.fromId('private-a') }, /subnet 'private-a' is not a subnet id/],
      ['pool name with capitals', { name: 'Workers' }, /pool name 'Workers' is not a DNS label/],
    ];
    test.each(cases)('given %s, when constructed, then a ValidationError names the path, value and fix', (_name, options, message) => {
      let error: unknown;
      try { poolObjects(options); } catch (e) { error = e; }
      expect(ValidationError.isValidationError(error)).toBe(true);
      expect((error as Error).message).toMatch(message);
    });

    test('given a MachineDeployment name over 63 characters, when constructed, then a ValidationError asks for shorter names', () => {
      const cluster = new ManagedCluster(Testing.app(), 'a-rather-long-cluster-name-for-seoul', awsClusterProps());
      expect(() => cluster.addNodePool('general-purpose-spot', { availabilityZoneCount: 1 }))
        .toThrow(/MachineDeployment name 'a-rather-long-cluster-name-for-seoul-general-purpose-spot-ap-northeast-2a' has 73 characters; .* Shorten the cluster or pool name/);
    });

    test('given two pools with one name, when constructed, then a ValidationError names both', () => {
      const cluster = awsCluster();
      cluster.addNodePool('workers');
      expect(() => cluster.addNodePool('workers2', { name: 'workers' })).toThrow(/prod\/workers2: node pool name 'workers' is already used by 'prod\/workers'/);
    });
  });
});
