import { Duration } from 'cdk8s';
import {
  Capacity, DeletionOrder, NodePoolKind, OnDemandAllocationStrategy, SpotAllocationStrategy, SubnetSelection, TaintEffect,
} from '../../../src';
import { expectValidManifests } from '../../support/crd-validation';
import { argsOf, awsCluster, ofKind, one, synth } from '../../support/synth';

describe('NodePool on AWS (kubeadm): kinds', () => {
  test('given no kind, when added, then the pool is a MachineDeployment pool (the AWS default) and the output has no MachinePool', () => {
    const cluster = awsCluster();
    expect(cluster.addNodePool('md').kind).toEqual(NodePoolKind.MACHINE_DEPLOYMENT);
    const objects = synth(cluster);
    expect(ofKind(objects, 'MachineDeployment')).toHaveLength(1);
    expect(ofKind(objects, 'MachinePool')).toEqual([]);
  });

  test('given kind MANAGED_NODE_GROUP on AWS kubeadm, when added, then a ValidationError asks for EKS', () => {
    expect(() => awsCluster().addNodePool('ng', { kind: NodePoolKind.MANAGED_NODE_GROUP }))
      .toThrow(/kind MANAGED_NODE_GROUP needs an EKS cluster \(Infrastructure\.eks\)/);
  });

  test('given managedNodeGroup options on a MachineDeployment pool, when added, then a ValidationError names the kind', () => {
    expect(() => awsCluster().addNodePool('md', { managedNodeGroup: { nodeRepair: true } }))
      .toThrow(/managedNodeGroup options are set, but the pool's kind is MachineDeployment/);
  });

  test('given several instance types on a MachineDeployment pool, when added, then a ValidationError suggests MACHINE_POOL', () => {
    expect(() => awsCluster().addNodePool('md', { instanceTypes: ['m6i.large', 'm5.large'] }))
      .toThrow(/kind MachineDeployment runs a single instance type\. List one type, or use NodePoolKind\.MACHINE_POOL/);
  });
});

describe('NodePool on AWS (kubeadm): MachinePool (AWSMachinePool + KubeadmConfig)', () => {
  test('given kind MACHINE_POOL with fixed replicas, when synthesized, then MachinePool, AWSMachinePool and KubeadmConfig are valid and wired', () => {
    const cluster = awsCluster();
    cluster.addNodePool('mp', {
      kind: NodePoolKind.MACHINE_POOL,
      replicas: 3,
      machineType: 'm6i.large',
      nodeLabels: { 'node-role.kubernetes.io/worker': '', 'team': 'a' },
      taints: [{ key: 'dedicated', value: 'a', effect: TaintEffect.NO_SCHEDULE }],
      deletion: { nodeDrainTimeout: Duration.minutes(5) },
    });
    const objects = synth(cluster);
    const mp = one(objects, 'MachinePool');
    const cfg = one(objects, 'KubeadmConfig');
    expect(mp.metadata.name).toEqual('prod-mp');
    expect(mp.spec.replicas).toEqual(3);
    expect(mp.spec.template.metadata.labels['node-role.kubernetes.io/worker']).toEqual('');
    expect(mp.spec.template.spec.version).toEqual('v1.33.4');
    expect(mp.spec.template.spec.bootstrap.configRef).toEqual({ apiGroup: 'bootstrap.cluster.x-k8s.io', kind: 'KubeadmConfig', name: cfg.metadata.name });
    expect(mp.spec.template.spec.infrastructureRef).toEqual({ apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'AWSMachinePool', name: 'prod-mp' });
    expect(mp.spec.template.spec.deletion).toEqual({ nodeDrainTimeoutSeconds: 300 });
    expect(cfg.metadata.name).toMatch(/^prod-mp-[0-9a-f]{8}$/);
    const reg = cfg.spec.joinConfiguration.nodeRegistration;
    expect(argsOf(reg.kubeletExtraArgs)).toEqual({ 'cloud-provider': 'external', 'node-labels': 'team=a' });
    expect(reg.taints).toEqual([{ key: 'dedicated', value: 'a', effect: 'NoSchedule' }]);
    const amp = one(objects, 'AWSMachinePool').spec;
    expect(amp.minSize).toEqual(3);
    expect(amp.maxSize).toEqual(3);
    expect(amp.awsLaunchTemplate).toEqual({
      instanceType: 'm6i.large',
      iamInstanceProfile: 'nodes.cluster-api-provider-aws.sigs.k8s.io',
      rootVolume: { size: 50, type: 'gp3', encrypted: true },
      instanceMetadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 2 },
    });
    expect(ofKind(objects, 'MachineHealthCheck').map((m) => m.metadata.name)).toEqual(['prod-control-plane']);
    expectValidManifests(objects);
  });

  test('given autoscaling and availabilityZoneCount, when synthesized, then the AZ count becomes a list, bounds go on the group, replicas are omitted and the clusterapi autoscaler bounds (annotations) and discovery tags are set', () => {
    const cluster = awsCluster();
    cluster.addNodePool('auto', { kind: NodePoolKind.MACHINE_POOL, availabilityZoneCount: 3, autoscaling: { minSize: 2, maxSize: 9 } });
    const objects = synth(cluster);
    const mp = one(objects, 'MachinePool');
    expect(mp.spec.replicas).toBeUndefined();
    expect(mp.metadata.annotations).toEqual({ 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': '2', 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size': '9' });
    const amp = one(objects, 'AWSMachinePool').spec;
    expect(amp.availabilityZones).toEqual(['ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2c']);
    expect([amp.minSize, amp.maxSize]).toEqual([2, 9]);
    expect(amp.additionalTags).toEqual({ 'k8s.io/cluster-autoscaler/enabled': 'true', 'k8s.io/cluster-autoscaler/prod': 'owned' });
    expectValidManifests(objects);
  });

  test('given externalAutoscaling with replicas, when synthesized, then replicas are the initial size, the group has the bounds and discovery tags, and CAPA is told an external autoscaler owns the size', () => {
    const cluster = awsCluster();
    cluster.addNodePool('ext', { kind: NodePoolKind.MACHINE_POOL, replicas: 3, machinePool: { externalAutoscaling: { minSize: 1, maxSize: 10 } } });
    const objects = synth(cluster);
    const mp = one(objects, 'MachinePool');
    expect(mp.spec.replicas).toEqual(3);
    expect(mp.metadata.annotations).toEqual({ 'cluster.x-k8s.io/replicas-managed-by': 'external-autoscaler' });
    const amp = one(objects, 'AWSMachinePool').spec;
    expect([amp.minSize, amp.maxSize]).toEqual([1, 10]);
    expect(amp.additionalTags).toEqual({ 'k8s.io/cluster-autoscaler/enabled': 'true', 'k8s.io/cluster-autoscaler/prod': 'owned' });
    expectValidManifests(objects);
  });

  test('given externalAutoscaling without replicas, when synthesized, then the initial size is 1 within the bounds', () => {
    const cluster = awsCluster();
    cluster.addNodePool('ext', { kind: NodePoolKind.MACHINE_POOL, machinePool: { externalAutoscaling: { minSize: 0, maxSize: 4 } } });
    const objects = synth(cluster);
    expect(one(objects, 'MachinePool').spec.replicas).toEqual(1);
    expect([one(objects, 'AWSMachinePool').spec.minSize, one(objects, 'AWSMachinePool').spec.maxSize]).toEqual([0, 4]);
  });

  test('given spot with one instance type, when synthesized, then spot goes through the launch template (the old chart could not do spot MachinePools)', () => {
    const cluster = awsCluster();
    cluster.addNodePool('spot', { kind: NodePoolKind.MACHINE_POOL, capacity: Capacity.spot({ maxPrice: '0.12' }) });
    const amp = one(synth(cluster), 'AWSMachinePool').spec;
    expect(amp.awsLaunchTemplate.spotMarketOptions).toEqual({ maxPrice: '0.12' });
    expect(amp.mixedInstancesPolicy).toBeUndefined();
  });

  test('given spot with several instance types, when synthesized, then a mixed-instances policy carries the spot split and no launch template spot options', () => {
    const cluster = awsCluster();
    cluster.addNodePool('mixed', {
      kind: NodePoolKind.MACHINE_POOL,
      instanceTypes: ['m6i.large', 'm5.large', 'm6a.large'],
      capacity: Capacity.spot(),
      machinePool: {
        mixedInstances: {
          onDemandBaseCapacity: 1,
          spotAllocationStrategy: SpotAllocationStrategy.CAPACITY_OPTIMIZED,
          onDemandAllocationStrategy: OnDemandAllocationStrategy.LOWEST_PRICE,
        },
        capacityRebalance: true,
        instanceRefresh: { minHealthyPercentage: 90, maxHealthyPercentage: 150, instanceWarmup: Duration.minutes(3), strategy: 'Rolling' },
      },
    });
    const objects = synth(cluster);
    const amp = one(objects, 'AWSMachinePool').spec;
    expect(amp.awsLaunchTemplate.spotMarketOptions).toBeUndefined();
    expect(amp.awsLaunchTemplate.instanceType).toEqual('m6i.large');
    expect(amp.mixedInstancesPolicy).toEqual({
      instancesDistribution: { onDemandBaseCapacity: 1, onDemandPercentageAboveBaseCapacity: 0, spotAllocationStrategy: 'capacity-optimized', onDemandAllocationStrategy: 'lowest-price' },
      overrides: [{ instanceType: 'm6i.large' }, { instanceType: 'm5.large' }, { instanceType: 'm6a.large' }],
    });
    expect(amp.capacityRebalance).toBe(true);
    expect(amp.refreshPreferences).toEqual({ minHealthyPercentage: 90, maxHealthyPercentage: 150, instanceWarmup: 180, strategy: 'Rolling' });
    expectValidManifests(objects);
  });

  test('given a subnet id, when synthesized, then the group uses that subnet', () => {
    const cluster = awsCluster();
    cluster.addNodePool('sub', { kind: NodePoolKind.MACHINE_POOL, subnet: SubnetSelection.fromId('subnet-0c41662a89d7878a2') });
    expect(one(synth(cluster), 'AWSMachinePool').spec.subnets).toEqual([{ id: 'subnet-0c41662a89d7878a2' }]);
  });

  test('given machinePool.subnetIds, when synthesized, then the group lists the subnets; with a subnet or AZs too it is rejected', () => {
    const cluster = awsCluster();
    cluster.addNodePool('subs', { kind: NodePoolKind.MACHINE_POOL, machinePool: { subnetIds: ['subnet-0c41662a89d7878a2', 'subnet-03d16e2084d9f392b'] } });
    expect(one(synth(cluster), 'AWSMachinePool').spec.subnets).toEqual([{ id: 'subnet-0c41662a89d7878a2' }, { id: 'subnet-03d16e2084d9f392b' }]);
    expect(() => awsCluster().addNodePool('x', { kind: NodePoolKind.MACHINE_POOL, subnet: SubnetSelection.fromId('subnet-0c41662a89d7878a2'), machinePool: { subnetIds: ['subnet-03d16e2084d9f392b'] } }))
      .toThrow(/subnet and machinePool\.subnetIds are both set/);
    expect(() => awsCluster().addNodePool('x', { kind: NodePoolKind.MACHINE_POOL, availabilityZoneCount: 2, machinePool: { subnetIds: ['subnet-03d16e2084d9f392b'] } }))
      .toThrow(/subnets and availability zones are both set for a MachinePool/);
  });

  describe('fields a MachinePool cannot honour', () => {
    const cases: Array<[string, any, RegExp]> = [
      ['an explicitly enabled healthCheck', { healthCheck: { enabled: true } }, /healthCheck is set, but MachineHealthCheck does not remediate MachinePool machines \(kind MachinePool\)\. Remove healthCheck \(the default is off for this kind\)/],
      ['health check tuning', { healthCheck: { maxUnhealthyPercent: 20 } }, /MachineHealthCheck does not remediate MachinePool machines/],
      ['rollout settings', { rollout: { maxSurge: 2 } }, /rollout applies to MachineDeployments only, not to kind MachinePool\. Use machinePool\.instanceRefresh instead\./],
      ['a deletion order', { deletion: { order: DeletionOrder.OLDEST } }, /deletion\.order \('Oldest'\) applies to MachineDeployments only/],
      ['a spot price cap with mixed instances', { instanceTypes: ['m6i.large', 'm5.large'], capacity: Capacity.spot({ maxPrice: '0.1' }) }, /a spot price cap needs launch template spot options, which CAPA rejects together with mixedInstancesPolicy/],
      ['an on-demand percentage above 100', { machinePool: { mixedInstances: { onDemandPercentageAboveBaseCapacity: 150 } } }, /onDemandPercentageAboveBaseCapacity \(150\) must be a whole number from 0 to 100/],
      ['a disabled but tuned refresh', { machinePool: { instanceRefresh: { enabled: false, minHealthyPercentage: 90 } } }, /instanceRefresh is disabled but also tuned/],
      ['a max healthy percentage below 100', { machinePool: { instanceRefresh: { maxHealthyPercentage: 90 } } }, /maxHealthyPercentage \(90\) must be a whole number from 100 to 200/],
      ['machineType and instanceTypes', { machineType: 'm6i.large', instanceTypes: ['m5.large'] }, /machineType \('m6i\.large'\) and instanceTypes are both set/],
      ['an invalid extra instance type', { instanceTypes: ['m6i.large', 'huge'] }, /machineType 'huge' is not an EC2 instance type/],
    ];
    test.each(cases)('given %s, when added, then a ValidationError says why', (_name, options, message) => {
      expect(() => awsCluster().addNodePool('bad', { kind: NodePoolKind.MACHINE_POOL, ...options })).toThrow(message);
    });

    test('given machinePool options on a MachineDeployment pool, when added, then a ValidationError names the kind', () => {
      expect(() => awsCluster().addNodePool('md', { machinePool: { capacityRebalance: true } }))
        .toThrow(/machinePool options are set, but the pool's kind is MachineDeployment\. Set kind: NodePoolKind\.MACHINE_POOL/);
    });

    test('given healthCheck disabled explicitly on a MachinePool, when added, then it is accepted', () => {
      const cluster = awsCluster();
      cluster.addNodePool('ok', { kind: NodePoolKind.MACHINE_POOL, healthCheck: { enabled: false } });
      expect(ofKind(synth(cluster), 'MachinePool')).toHaveLength(1);
    });
  });
});
