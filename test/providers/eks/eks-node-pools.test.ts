import { Duration } from 'cdk8s';
import { eksCluster } from './support';
import {
  Capacity, EksAmiType, MachineImage, NodePoolKind, RolloutStrategy, SubnetSelection, TaintEffect, VolumeType,
} from '../../../src';
import { expectValidManifests } from '../../support/crd-validation';
import { ofKind, one, synth } from '../../support/synth';

describe('NodePool on EKS: managed node group (the default kind)', () => {
  test('given defaults, when synthesized, then a MachinePool without bootstrap config references an AWSManagedMachinePool, and no MachineHealthCheck exists', () => {
    const cluster = eksCluster();
    const pool = cluster.addNodePool('general');
    expect(pool.kind).toEqual(NodePoolKind.MANAGED_NODE_GROUP);
    const objects = synth(cluster);
    const mp = one(objects, 'MachinePool');
    expect(mp.metadata.name).toEqual('prod-general');
    expect(mp.spec.replicas).toEqual(1);
    expect(mp.spec.template.spec.bootstrap).toEqual({ dataSecretName: '' });
    expect(mp.spec.template.spec.version).toEqual('v1.33.0');
    expect(mp.spec.template.spec.infrastructureRef).toEqual({ apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'AWSManagedMachinePool', name: 'prod-general' });
    expect(one(objects, 'AWSManagedMachinePool').spec).toEqual({
      eksNodegroupName: 'prod-general',
      amiType: 'AL2023_x86_64_STANDARD',
      capacityType: 'onDemand',
      scaling: { minSize: 1, maxSize: 1 },
      // a launch template by default: IMDSv2 required (hop limit 2) and an encrypted gp3 root volume
      awsLaunchTemplate: {
        instanceType: 't3.large',
        rootVolume: { size: 50, type: 'gp3', encrypted: true },
        instanceMetadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 2 },
      },
    });
    expect(ofKind(objects, 'MachineHealthCheck')).toEqual([]);
    expectValidManifests(objects);
  });

  test('given spot over 3 AZs with autoscaling, labels and taints, when synthesized, then capacityType, AZ list, scaling, EKS taint spelling and the clusterapi autoscaler bound annotations are set', () => {
    const cluster = eksCluster();
    cluster.addNodePool('spot', {
      instanceTypes: ['m6i.xlarge'],
      capacity: Capacity.spot(),
      availabilityZoneCount: 3,
      autoscaling: { minSize: 1, maxSize: 10 },
      rootVolume: { sizeGiB: 100 },
      nodeLabels: { 'team': 'data', 'node.cluster.x-k8s.io/capacity': 'spot' },
      taints: [
        { key: 'a', value: 'x', effect: TaintEffect.NO_SCHEDULE },
        { key: 'b', effect: TaintEffect.NO_EXECUTE },
        { key: 'c', value: 'y', effect: TaintEffect.PREFER_NO_SCHEDULE },
      ],
      additionalTags: { costcenter: '42' },
      managedNodeGroup: { amiType: EksAmiType.AL2023_ARM_64_STANDARD, amiVersion: '1.33.0-20250620', updateConfig: { maxUnavailablePercentage: 33 }, nodeRepair: true, nodeGroupName: 'spot-ng' },
    });
    const objects = synth(cluster);
    const mp = one(objects, 'MachinePool');
    expect(mp.metadata.annotations).toEqual({ 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': '1', 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size': '10' });
    expect(mp.spec.replicas).toBeUndefined();
    const spec = one(objects, 'AWSManagedMachinePool').spec;
    expect(spec.capacityType).toEqual('spot');
    expect(spec.availabilityZones).toEqual(['ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2c']);
    expect(spec.scaling).toEqual({ minSize: 1, maxSize: 10 });
    expect(spec.awsLaunchTemplate.instanceType).toEqual('m6i.xlarge');
    expect(spec.awsLaunchTemplate.rootVolume).toEqual({ size: 100, type: 'gp3', encrypted: true });
    expect(spec.labels).toEqual({ 'node.cluster.x-k8s.io/capacity': 'spot', 'team': 'data' });
    expect(spec.taints).toEqual([
      { key: 'a', value: 'x', effect: 'no-schedule' },
      { key: 'b', value: '', effect: 'no-execute' },
      { key: 'c', value: 'y', effect: 'prefer-no-schedule' },
    ]);
    expect(spec.amiType).toEqual('AL2023_ARM_64_STANDARD');
    expect(spec.amiVersion).toEqual('1.33.0-20250620');
    expect(spec.updateConfig).toEqual({ maxUnavailablePercentage: 33 });
    expect(spec.nodeRepairConfig).toEqual({ enabled: true });
    expect(spec.eksNodegroupName).toEqual('spot-ng');
    expect(spec.additionalTags).toEqual({ costcenter: '42' });
    expectValidManifests(objects);
  });

  test('given a launch template, when synthesized, then machine settings move into awsLaunchTemplate (IMDSv2, encrypted volume, custom AMI → CUSTOM) and instanceType/diskSize leave the pool', () => {
    const cluster = eksCluster();
    cluster.addNodePool('lt', {
      machineType: 'm6i.large',
      image: MachineImage.fromId('ami-0123456789abcdef0'),
      rootVolume: { sizeGiB: 80, type: VolumeType.GP3, throughput: 250 },
      additionalSecurityGroups: ['sg-0123456789abcdef0'],
      managedNodeGroup: { launchTemplate: true },
    });
    const objects = synth(cluster);
    const spec = one(objects, 'AWSManagedMachinePool').spec;
    expect(spec.instanceType).toBeUndefined();
    expect(spec.diskSize).toBeUndefined();
    expect(spec.amiType).toEqual('CUSTOM');
    expect(spec.awsLaunchTemplate).toEqual({
      instanceType: 'm6i.large',
      ami: { id: 'ami-0123456789abcdef0' },
      rootVolume: { size: 80, type: 'gp3', encrypted: true, throughput: 250 },
      additionalSecurityGroups: [{ id: 'sg-0123456789abcdef0' }],
      instanceMetadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 2 },
    });
    expectValidManifests(objects);
  });

  test('given remote access and a subnet id, when synthesized, then remoteAccess uses the infrastructure key pair and subnetIDs is set', () => {
    const cluster = eksCluster({ sshKeyName: 'ops' });
    cluster.addNodePool('ssh', {
      subnet: SubnetSelection.fromId('subnet-0c41662a89d7878a2'),
      managedNodeGroup: { launchTemplate: false, remoteAccess: { sourceSecurityGroups: ['sg-0123456789abcdef0'] }, roleName: 'eks-nodes' },
    });
    const spec = one(synth(cluster), 'AWSManagedMachinePool').spec;
    expect(spec.remoteAccess).toEqual({ sshKeyName: 'ops', sourceSecurityGroups: ['sg-0123456789abcdef0'] });
    expect(spec.subnetIDs).toEqual(['subnet-0c41662a89d7878a2']);
    expect(spec.roleName).toEqual('eks-nodes');
  });

  describe('fields a managed node group cannot honour', () => {
    const cases: Array<[string, any, RegExp]> = [
      ['an explicitly enabled healthCheck', { healthCheck: { enabled: true } }, /healthCheck is set, but MachineHealthCheck does not remediate MachinePool machines \(kind ManagedNodeGroup\)/],
      ['rollout settings', { rollout: { strategy: RolloutStrategy.ON_DELETE } }, /rollout applies to MachineDeployments only, not to kind ManagedNodeGroup\. Use managedNodeGroup\.updateConfig instead\./],
      ['several instance types', { instanceTypes: ['m6i.large', 'm5.large'] }, /instanceTypes lists 2 types \(m6i\.large, m5\.large\), but kind ManagedNodeGroup runs a single instance type/],
      ['kubelet flags', { kubeletExtraArgs: { 'max-pods': '58' } }, /kubeletExtraArgs cannot apply to an EKS managed node group/],
      ['an instance profile', { iamInstanceProfile: 'nodes' }, /iamInstanceProfile \('nodes'\) cannot apply to an EKS managed node group: nodes get an IAM role\. Use managedNodeGroup\.roleName instead\./],
      ['a spot price cap', { capacity: Capacity.spot({ maxPrice: '0.1' }) }, /EKS managed node groups take no spot price cap\. Use Capacity\.spot\(\)/],
      ['deletion timeouts', { deletion: { nodeDrainTimeout: Duration.minutes(5) } }, /deletion cannot apply to an EKS managed node group/],
      ['subnet filters', { subnet: SubnetSelection.fromFilters([{ name: 'tag:Name', values: ['x'] }]) }, /subnet filters cannot apply to an EKS managed node group/],
      ['a volume type without launch template', { rootVolume: { type: VolumeType.IO2, iops: 3000 }, managedNodeGroup: { launchTemplate: false } }, /rootVolume\.type, rootVolume\.iops needs a launch template on a managed node group\. Remove managedNodeGroup\.launchTemplate: false/],
      ['a custom image without launch template', { image: MachineImage.fromId('ami-0123456789abcdef0'), managedNodeGroup: { launchTemplate: false } }, /image needs a launch template on a managed node group/],
      ['instance metadata settings without launch template', { instanceMetadata: { hopLimit: 1 }, managedNodeGroup: { launchTemplate: false } }, /instanceMetadata needs a launch template on a managed node group/],
      ['remote access with the default launch template', { managedNodeGroup: { remoteAccess: { sshKeyName: 'k' } } }, /remoteAccess cannot be combined with a launch template .* Remove remoteAccess: the launch template takes the infrastructure's sshKeyName/],
      ['remote access with a launch template', { managedNodeGroup: { launchTemplate: true, remoteAccess: { sshKeyName: 'k' } } }, /remoteAccess cannot be combined with a launch template/],
      ['an update config with both fields', { managedNodeGroup: { updateConfig: { maxUnavailable: 1, maxUnavailablePercentage: 10 } } }, /updateConfig needs exactly one of maxUnavailable and maxUnavailablePercentage/],
      ['public remote access with source groups', { managedNodeGroup: { launchTemplate: false, remoteAccess: { sshKeyName: 'k', public: true, sourceSecurityGroups: ['sg-0123456789abcdef0'] } } }, /sourceSecurityGroups must be empty when public is true/],
      ['remote access without a key pair', { managedNodeGroup: { launchTemplate: false, remoteAccess: {} } }, /remoteAccess needs an EC2 key pair/],
      ['node role policies without the feature gate', { managedNodeGroup: { roleAdditionalPolicies: ['arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy'] } }, /roleAdditionalPolicies needs the CAPA feature gate EKSAllowAddRoles/],
      ['machinePool options', { machinePool: { capacityRebalance: true } }, /machinePool options are set, but the pool's kind is ManagedNodeGroup/],
    ];
    test.each(cases)('given %s, when added, then a ValidationError says why', (_name, options, message) => {
      expect(() => eksCluster().addNodePool('bad', options)).toThrow(message);
    });

    test('given node role policies with allowAddRoles, when synthesized, then roleAdditionalPolicies is set', () => {
      const cluster = eksCluster({ allowAddRoles: true });
      cluster.addNodePool('p', { managedNodeGroup: { roleAdditionalPolicies: ['arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy'] } });
      expect(one(synth(cluster), 'AWSManagedMachinePool').spec.roleAdditionalPolicies).toEqual(['arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy']);
    });
  });
});

describe('NodePool on EKS: self-managed workers', () => {
  test('given kind MACHINE_DEPLOYMENT over 2 AZs, when synthesized, then MachineDeployments reference an EKSConfigTemplate (bootstrap v1beta2) and an AWSMachineTemplate, with semver version and a MachineHealthCheck', () => {
    const cluster = eksCluster({ sshKeyName: 'ops' });
    cluster.addNodePool('self', {
      kind: NodePoolKind.MACHINE_DEPLOYMENT,
      availabilityZoneCount: 2,
      autoscaling: { minSize: 0, maxSize: 3 },
      nodeLabels: { 'team': 'a', 'node-role.kubernetes.io/system': '' },
      taints: [{ key: 'dedicated', value: 'system', effect: TaintEffect.NO_SCHEDULE }],
      kubeletExtraArgs: { 'max-pods': '58' },
    });
    const objects = synth(cluster);
    const mds = ofKind(objects, 'MachineDeployment');
    expect(mds.map((m) => m.metadata.name)).toEqual(['prod-self-ap-northeast-2a', 'prod-self-ap-northeast-2b']);
    expect(mds[0].metadata.annotations).toEqual({
      'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size': '3',
      'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': '0',
    });
    expect(mds[0].spec.template.spec.version).toEqual('v1.33.0');
    const tmpl = one(objects, 'EKSConfigTemplate');
    expect(tmpl.apiVersion).toEqual('bootstrap.cluster.x-k8s.io/v1beta2');
    expect(tmpl.metadata.name).toMatch(/^prod-self-[0-9a-f]{8}$/);
    expect(tmpl.spec.template.spec.kubeletExtraArgs).toEqual({ 'max-pods': '58', 'node-labels': 'team=a', 'register-with-taints': 'dedicated=system:NoSchedule' });
    expect(mds[0].spec.template.spec.bootstrap.configRef).toEqual({ apiGroup: 'bootstrap.cluster.x-k8s.io', kind: 'EKSConfigTemplate', name: tmpl.metadata.name });
    const amt = one(objects, 'AWSMachineTemplate');
    expect(amt.spec.template.spec.iamInstanceProfile).toEqual('nodes.cluster-api-provider-aws.sigs.k8s.io');
    expect(amt.spec.template.spec.sshKeyName).toEqual('ops');
    expect(ofKind(objects, 'MachineHealthCheck')).toHaveLength(1);
    expectValidManifests(objects);
  });

  test('given the same pool twice, when only kubelet flags change, then only the EKSConfigTemplate name changes', () => {
    const name = (args: Record<string, string>) => {
      const cluster = eksCluster();
      cluster.addNodePool('self', { kind: NodePoolKind.MACHINE_DEPLOYMENT, kubeletExtraArgs: args });
      const objects = synth(cluster);
      return [one(objects, 'EKSConfigTemplate').metadata.name, one(objects, 'AWSMachineTemplate').metadata.name];
    };
    const a = name({ 'max-pods': '58' });
    expect(name({ 'max-pods': '58' })).toEqual(a);
    const b = name({ 'max-pods': '110' });
    expect(b[0]).not.toEqual(a[0]);
    expect(b[1]).toEqual(a[1]);
  });

  test('given kind MACHINE_POOL, when synthesized, then a MachinePool references an EKSConfig and an AWSMachinePool', () => {
    const cluster = eksCluster();
    cluster.addNodePool('asg', { kind: NodePoolKind.MACHINE_POOL, availabilityZoneCount: 2, autoscaling: { minSize: 1, maxSize: 4 } });
    const objects = synth(cluster);
    const cfg = one(objects, 'EKSConfig');
    expect(cfg.apiVersion).toEqual('bootstrap.cluster.x-k8s.io/v1beta2');
    const mp = one(objects, 'MachinePool');
    expect(mp.spec.template.spec.bootstrap.configRef).toEqual({ apiGroup: 'bootstrap.cluster.x-k8s.io', kind: 'EKSConfig', name: cfg.metadata.name });
    expect(mp.spec.template.spec.version).toEqual('v1.33.0');
    const amp = one(objects, 'AWSMachinePool').spec;
    expect(amp.availabilityZones).toEqual(['ap-northeast-2a', 'ap-northeast-2b']);
    expect(amp.additionalTags).toEqual({ 'k8s.io/cluster-autoscaler/enabled': 'true', 'k8s.io/cluster-autoscaler/prod': 'owned' });
    expectValidManifests(objects);
  });
});

describe('NodePool subnets lists (the chart machinePool[].subnets)', () => {
  test('given managedNodeGroup.subnetIds, when synthesized, then subnetIDs lists them', () => {
    const cluster = eksCluster();
    cluster.addNodePool('ng', { managedNodeGroup: { subnetIds: ['subnet-0c41662a89d7878a2', 'subnet-03d16e2084d9f392b'] } });
    expect(one(synth(cluster), 'AWSManagedMachinePool').spec.subnetIDs).toEqual(['subnet-0c41662a89d7878a2', 'subnet-03d16e2084d9f392b']);
  });
  test('given subnetIds with availability zones, or a bad id, when added, then a ValidationError says so', () => {
    expect(() => eksCluster().addNodePool('ng', { availabilityZoneCount: 2, managedNodeGroup: { subnetIds: ['subnet-0c41662a89d7878a2'] } }))
      .toThrow(/subnets and availability zones are both set/);
    expect(() => eksCluster().addNodePool('ng', { managedNodeGroup: { subnetIds: ['sub-1'] } }))
      .toThrow(/managedNodeGroup\.subnetIds has 'sub-1', which is not a subnet id/);
  });
  test('given machinePool.subnetIds on an EKS MachinePool, when synthesized, then the AWSMachinePool lists the subnets', () => {
    const cluster = eksCluster();
    cluster.addNodePool('asg', { kind: NodePoolKind.MACHINE_POOL, machinePool: { subnetIds: ['subnet-0c41662a89d7878a2', 'subnet-03d16e2084d9f392b'] } });
    const objects = synth(cluster);
    expect(one(objects, 'AWSMachinePool').spec.subnets).toEqual([{ id: 'subnet-0c41662a89d7878a2' }, { id: 'subnet-03d16e2084d9f392b' }]);
    expectValidManifests(objects);
  });
});

describe('managed node group labels', () => {
  test('given a node-role label, when added, then a ValidationError says the kubelet may not set it', () => {
    expect(() => eksCluster().addNodePool('ng', { nodeLabels: { 'node-role.kubernetes.io/worker': '' } }))
      .toThrow(/nodeLabels\['node-role\.kubernetes\.io\/worker'\]: EKS hands node-group labels to the kubelet, which may not set labels in the 'node-role\.kubernetes\.io' namespace/);
  });
  test('given kubelet-settable labels, when synthesized, then they are node-group labels', () => {
    const cluster = eksCluster();
    cluster.addNodePool('ng', { nodeLabels: { 'node.kubernetes.io/lifecycle': 'spot', 'topology.kubernetes.io/zone': 'x', 'team': 'a' } });
    expect(one(synth(cluster), 'AWSManagedMachinePool').spec.labels).toEqual({ 'node.kubernetes.io/lifecycle': 'spot', 'team': 'a', 'topology.kubernetes.io/zone': 'x' });
  });
});
