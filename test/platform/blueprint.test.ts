import { Duration } from 'cdk8s';
import { kinds, world } from './support';
import { AwsNetwork, Blueprint, Capacity, ClusterOverrides, OpenStackImage, Override, SiteInfrastructure, Site } from '../../src';

const MIN = 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size';
const MAX = 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size';

function mds(platform: any, pool: string): any[] {
  return kinds(platform, 'MachineDeployment').filter((md) => md.metadata.name.includes(`-${pool}-`) || md.metadata.name.endsWith(`-${pool}`));
}

describe('Blueprint merge rules', () => {
  test('given a site and a cluster override of a scalar, when resolved, then the highest layer replaces it', () => {
    const { platform, standard, fleet } = world();
    const site = new Site(platform, 'tokyo', {
      infrastructure: SiteInfrastructure.aws({ region: 'ap-northeast-1' }),
      overrides: { controlPlane: { machineType: 'm6i.large' } },
    });
    fleet.addCluster('a', { blueprint: standard, site });
    fleet.addCluster('b', { blueprint: standard, site, overrides: { controlPlane: { machineType: 'm6i.4xlarge' } } });
    const types = kinds(platform, 'AWSMachineTemplate').filter((t) => t.metadata.name.includes('control-plane')).map((t) => t.spec.template.spec.instanceType);
    expect(types).toEqual(['m6i.large', 'm6i.4xlarge']);
  });

  test('given a struct override of one field, when resolved, then the other fields of the lower layer stay', () => {
    const { platform, standard, seoul, fleet } = world();
    fleet.addCluster('a', { blueprint: standard, site: seoul, overrides: { controlPlane: { replicas: 5 } } });
    const kcp = kinds(platform, 'KubeadmControlPlane')[0];
    expect(kcp.spec.replicas).toBe(5);
    const cpTemplate = kinds(platform, 'AWSMachineTemplate').find((t) => t.metadata.name.includes('control-plane'));
    expect(cpTemplate.spec.template.spec.instanceType).toBe('m6i.xlarge');
  });

  test('given map overrides, when resolved, then maps merge by key and Override.REMOVE removes a key', () => {
    const { platform, standard, seoul, fleet } = world();
    const cluster = fleet.addCluster('a', { blueprint: standard, site: seoul, overrides: { labels: { owner: 'payments', tier: Override.REMOVE, env: 'prod' } } });
    expect(cluster.clusterLabels).toMatchObject({ owner: 'payments', env: 'prod' });
    expect(cluster.clusterLabels.tier).toBeUndefined();
    const cl = kinds(platform, 'Cluster')[0];
    expect(cl.metadata.labels).toMatchObject({ 'owner': 'payments', 'env': 'prod', 'capi-blueprints.io/site': 'seoul', 'capi-blueprints.io/blueprint': 'standard' });
    expect(cl.metadata.labels.tier).toBeUndefined();
  });

  test('given node pool overrides, when resolved, then pools merge by name: changed, added with addNew, removed', () => {
    const { platform, standard, seoul, fleet } = world();
    const cluster = fleet.addCluster('a', {
      blueprint: standard,
      site: seoul,
      overrides: { nodePools: { general: { autoscaling: { maxSize: 40 } }, spot: { remove: true }, gpu: { addNew: true, machineType: 'g5.xlarge', replicas: 2 } } },
    });
    expect(cluster.nodePools.map((p) => p.poolName)).toEqual(['general', 'gpu']);
    const general = mds(platform, 'general');
    expect(general).toHaveLength(3);
    expect(general[0].metadata.annotations).toMatchObject({ [MIN]: '1', [MAX]: '40' });
    expect(general[0].spec.template.metadata.labels).toBeDefined();
    const gpu = mds(platform, 'gpu');
    expect(gpu[0].spec.replicas).toBe(2);
  });

  test('given lists and value objects, when overridden, then they replace', () => {
    const { platform, standard, seoul, fleet } = world();
    const cluster = fleet.addCluster('a', {
      blueprint: standard,
      site: seoul,
      overrides: {
        network: { podCidrs: ['10.244.0.0/16'] },
        nodePools: { spot: { capacity: Capacity.onDemand(), taints: [] } },
        aws: { network: AwsNetwork.managed({ cidr: '10.1.0.0/16' }) },
      },
    });
    expect(cluster.podCidrs).toEqual(['10.244.0.0/16']);
    expect(cluster.serviceCidrs).toEqual(['10.96.0.0/12']);
    const spotTemplate = kinds(platform, 'AWSMachineTemplate').find((t) => t.metadata.name.includes('-spot-'));
    expect(spotTemplate.spec.template.spec.spotMarketOptions).toBeUndefined();
    expect(kinds(platform, 'AWSCluster')[0].spec.network.vpc.cidrBlock).toBe('10.1.0.0/16');
  });

  test('given a pool with fixed replicas, when a site sets autoscaling, then the site choice replaces replicas (they exclude each other)', () => {
    const { platform, seoul, fleet } = world();
    const fixed = new Blueprint(platform, 'fixed', { version: 'v1.33.4', nodePools: { general: { replicas: 3 } } });
    fleet.addCluster('a', { blueprint: fixed, site: seoul, overrides: { nodePools: { general: { autoscaling: { minSize: 1, maxSize: 4 } } } } });
    const md = kinds(platform, 'MachineDeployment')[0];
    expect(md.spec.replicas).toBeUndefined();
    expect(md.metadata.annotations).toMatchObject({ [MIN]: '1', [MAX]: '4' });
  });

  test('given a derived blueprint, when resolved, then its settings override its base and it may add pools with addNew', () => {
    const { standard, seoul, fleet } = world();
    const gpu = standard.extend('gpu', { version: 'v1.34.1', nodePools: { gpu: { addNew: true, machineType: 'g5.xlarge' } } });
    const cluster = fleet.addCluster('a', { blueprint: gpu, site: seoul });
    expect(cluster.version).toBe('v1.34.1');
    expect(cluster.nodePools.map((p) => p.poolName)).toEqual(['general', 'spot', 'gpu']);
    expect(cluster.clusterLabels['capi-blueprints.io/blueprint']).toBe('gpu');
  });

  test('given worker policies, when resolved, then every MachineDeployment pool gets them and a pool setting wins per field', () => {
    const { platform, seoul, fleet } = world();
    const bp = new Blueprint(platform, 'policy', {
      version: 'v1.33.4',
      workerHealthCheck: { maxUnhealthyPercent: 20, nodeStartupTimeout: Duration.minutes(15) },
      workerRollout: { maxSurge: 2 },
      nodePools: { a: {}, b: { healthCheck: { maxUnhealthyPercent: 60 } } },
    });
    fleet.addCluster('c', { blueprint: bp, site: seoul });
    const mhcs = kinds(platform, 'MachineHealthCheck').filter((m) => !m.metadata.name.includes('control-plane'));
    expect(mhcs.map((m) => m.spec.remediation.triggerIf.unhealthyLessThanOrEqualTo)).toEqual(['20%', '60%']);
    expect(mhcs.map((m) => m.spec.checks.nodeStartupTimeoutSeconds)).toEqual([900, 900]);
    expect(kinds(platform, 'MachineDeployment').map((md) => md.spec.rollout.strategy.rollingUpdate.maxSurge)).toEqual([2, 2]);
  });

  test('given an EKS site, when a kubeadm blueprint is resolved, then its control plane does not apply and the version loses its patch', () => {
    const { platform, standard, fleet } = world();
    const tokyo = new Site(platform, 'tokyo', { infrastructure: SiteInfrastructure.eks({ region: 'ap-northeast-1' }) });
    const cluster = fleet.addCluster('eks', { blueprint: standard, site: tokyo });
    expect(cluster.version).toBe('v1.33');
    expect(kinds(platform, 'KubeadmControlPlane')).toHaveLength(0);
    expect(kinds(platform, 'AWSManagedControlPlane')[0].spec.version).toBe('v1.33');
    expect(kinds(platform, 'AWSManagedMachinePool')).toHaveLength(2);
  });

  test('given a BYOH site, when resolved, then blueprint machine settings do not apply and pools select hosts', () => {
    const { platform, standard, fleet } = world();
    const dc1 = new Site(platform, 'dc1', {
      infrastructure: SiteInfrastructure.byoh({ controlPlaneHosts: { matchLabels: { role: 'cp' } } }),
      registryMirror: 'harbor.dc1.example.com/mirror',
      overrides: {
        network: { podCidrs: ['10.233.64.0/18'], serviceCidrs: ['10.233.0.0/18'] },
        nodePools: { general: { byoh: { hosts: { matchLabels: { pool: 'general' } } } }, spot: { remove: true } },
      },
    });
    const cluster = fleet.addCluster('onprem', { blueprint: standard, site: dc1, controlPlaneEndpoint: { host: '192.168.10.10' } });
    expect(cluster.nodePools.map((p) => p.poolName)).toEqual(['general']);
    expect(kinds(platform, 'AWSMachineTemplate')).toHaveLength(0);
    expect(kinds(platform, 'KubeadmControlPlane')[0].spec.kubeadmConfigSpec.clusterConfiguration.imageRepository).toBe('harbor.dc1.example.com/mirror');
    const bmt = kinds(platform, 'ByoMachineTemplate').find((t) => t.metadata.name.includes('general'));
    expect(bmt.spec.template.spec.selector.matchLabels).toEqual({ pool: 'general' });
  });

  test('given an OpenStack site, when resolved, then flavors come from the site, not the blueprint\'s AWS instance types', () => {
    const { platform, standard, fleet } = world();
    const pangyo = new Site(platform, 'pangyo', {
      infrastructure: SiteInfrastructure.openstack({
        identity: { secretName: 'cloud', cloudName: 'pangyo' }, availabilityZones: ['az-1', 'az-2'], machine: { image: OpenStackImage.fromName('ubuntu') },
      }),
      overrides: {
        controlPlane: { machineType: 'm1.large' },
        nodePools: { general: { machineType: 'm1.xlarge', availabilityZoneCount: 2, openstack: { rootVolume: { sizeGiB: 80 } } }, spot: { remove: true } },
      },
    });
    const cluster = fleet.addCluster('os', { blueprint: standard, site: pangyo });
    expect(cluster.infrastructure.provider).toBe('openstack');
    const templates = kinds(platform, 'OpenStackMachineTemplate');
    expect(templates.map((t) => t.spec.template.spec.flavor).sort()).toEqual(['m1.large', 'm1.xlarge']);
    expect(templates.find((t) => t.spec.template.spec.flavor === 'm1.xlarge').spec.template.spec.rootVolume.sizeGiB).toBe(80);
    expect(kinds(platform, 'MachineDeployment').map((md) => md.spec.template.spec.failureDomain)).toEqual(['az-1', 'az-2']);
  });

  test('given a Docker site, when resolved, then a local cluster is built without the blueprint\'s machine settings', () => {
    const { platform, standard, fleet } = world();
    const laptop = new Site(platform, 'laptop', { infrastructure: SiteInfrastructure.docker(), overrides: { controlPlane: { replicas: 1 }, nodePools: { spot: { remove: true } } } });
    const cluster = fleet.addCluster('dev', { blueprint: standard, site: laptop });
    expect(cluster.infrastructure.provider).toBe('docker');
    expect(kinds(platform, 'DevMachineTemplate').length).toBeGreaterThan(0);
    expect(kinds(platform, 'AWSMachineTemplate')).toHaveLength(0);
  });

  test('given overrides, when a misspelled key is written in a literal, then it does not compile', () => {
    // @ts-expect-error: 'replica' is not a field of ControlPlaneOptions
    const typo: ClusterOverrides = { controlPlane: { replica: 3 } };
    // @ts-expect-error: 'maxsize' is not a field of AutoscalingOverrides
    const poolTypo: ClusterOverrides = { nodePools: { general: { autoscaling: { maxsize: 3 } } } };
    expect([typo, poolTypo]).toHaveLength(2);
  });
});
