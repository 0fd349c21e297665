import { Duration, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { addPool, byohCluster } from './support';
import {
  ByohInstall, ByohPool, Capacity, DeletionOrder, HostSelectorOperator, Infrastructure, MachineImage, ManagedCluster, NodePool, TaintEffect,
} from '../../../src';
import { validateInstall } from '../../../src/providers/byoh/private/templates';
import { expectValidManifests } from '../../support/crd-validation';
import { argsOf, ofKind, one, synth } from '../../support/synth';

const SELF_BUILT = { bundleRepo: 'harbor.example.com/byoh-bundles', customBundleCoversVersion: true };

/** The pool's objects, found through the MachineDeployment's references. */
function poolObjects(objects: any[], pool: string) {
  const md = one(objects, 'MachineDeployment', `onprem-${pool}`);
  const machineTemplate = one(objects, 'ByoMachineTemplate', md.spec.template.spec.infrastructureRef.name);
  const config = one(objects, 'KubeadmConfigTemplate', md.spec.template.spec.bootstrap.configRef.name);
  const installerRef = machineTemplate.spec.template.spec.installerRef;
  const installer = installerRef ? one(objects, 'K8sInstallerConfigTemplate', installerRef.name) : undefined;
  return { md, machineTemplate, config, installer };
}

describe('ByohPool', () => {
  test('given a preinstalled pool, when synthesized, then MachineDeployment, ByoMachineTemplate, KubeadmConfigTemplate and MachineHealthCheck are valid', () => {
    const cluster = byohCluster();
    addPool(cluster, 'workers');
    const objects = synth(cluster);
    expect(ofKind(objects, 'MachineHealthCheck', 'onprem-workers')).toHaveLength(1);
    expect(ofKind(objects, 'K8sInstallerConfigTemplate')).toHaveLength(0);
    expectValidManifests(objects);
  });

  describe('host selectors', () => {
    test('given matchLabels, when synthesized, then the ByoMachineTemplate selects exactly those labels', () => {
      const cluster = byohCluster();
      addPool(cluster, 'workers', { hosts: { matchLabels: { role: 'worker', rack: 'r1' } } });
      const { machineTemplate } = poolObjects(synth(cluster), 'workers');
      expect(machineTemplate.spec.template.spec).toEqual({ selector: { matchLabels: { rack: 'r1', role: 'worker' } } });
      expect(machineTemplate.apiVersion).toEqual('infrastructure.cluster.x-k8s.io/v1beta1');
    });

    test('given matchExpressions, when synthesized, then they are rendered with sorted values, without values for Exists', () => {
      const cluster = byohCluster();
      addPool(cluster, 'gpu', {
        hosts: {
          matchExpressions: [
            { key: 'gpu', operator: HostSelectorOperator.IN, values: ['h100', 'a100'] },
            { key: 'maintenance', operator: HostSelectorOperator.DOES_NOT_EXIST },
          ],
        },
      });
      const objects = synth(cluster);
      expect(poolObjects(objects, 'gpu').machineTemplate.spec.template.spec.selector).toEqual({
        matchExpressions: [
          { key: 'gpu', operator: 'In', values: ['a100', 'h100'] },
          { key: 'maintenance', operator: 'DoesNotExist' },
        ],
      });
      expectValidManifests(objects);
    });

    test('given an empty selector, when the pool is created, then a ValidationError refuses to claim any host', () => {
      expect(() => addPool(byohCluster(), 'workers', { hosts: {} })).toThrow(/hosts selects no labels, so it would claim any registered host/);
    });

    test('given In without values or Exists with values, when the pool is created, then a ValidationError explains the operator', () => {
      expect(() => addPool(byohCluster(), 'a', { hosts: { matchExpressions: [{ key: 'gpu', operator: HostSelectorOperator.IN }] } }))
        .toThrow(/hosts.matchExpressions\[0\] \('gpu' In\) has no values/);
      expect(() => addPool(byohCluster(), 'b', { hosts: { matchExpressions: [{ key: 'gpu', operator: HostSelectorOperator.EXISTS, values: ['x'] }] } }))
        .toThrow(/hosts.matchExpressions\[0\] \('gpu' Exists\) must not have values \(got x\)/);
    });

    test('given invalid keys, values or operators, when the pool is created, then a ValidationError names them', () => {
      expect(() => addPool(byohCluster(), 'a', { hosts: { matchLabels: { 'bad key': 'x' } } })).toThrow(/hosts.matchLabels has an invalid label key 'bad key'/);
      expect(() => addPool(byohCluster(), 'b', { hosts: { matchExpressions: [{ key: '-x', operator: HostSelectorOperator.EXISTS }] } }))
        .toThrow(/hosts.matchExpressions\[0\].key '-x' is not a valid label key/);
      expect(() => addPool(byohCluster(), 'c', { hosts: { matchExpressions: [{ key: 'x', operator: 'Gt' as HostSelectorOperator, values: ['1'] }] } }))
        .toThrow(/hosts.matchExpressions\[0\].operator 'Gt' is not a selector operator/);
      expect(() => addPool(byohCluster(), 'd', { hosts: { matchExpressions: [{ key: 'x', operator: HostSelectorOperator.IN, values: ['not ok'] }] } }))
        .toThrow(/hosts.matchExpressions\[0\] has an invalid label value 'not ok'/);
    });

    test('given a pool selecting the same hosts as the control plane or another pool, when created, then a ValidationError asks for distinct labels', () => {
      const cluster = byohCluster();
      expect(() => addPool(cluster, 'cp-like', { hosts: { matchLabels: { role: 'control-plane' } } }))
        .toThrow(/node pool 'cp-like' selects the same hosts as the control plane/);
      addPool(cluster, 'a', { hosts: { matchLabels: { role: 'worker' } } });
      expect(() => addPool(cluster, 'b', { hosts: { matchLabels: { role: 'worker' } } })).toThrow(/node pool 'b' selects the same hosts as node pool 'a'/);
    });
  });

  describe('install modes', () => {
    test('given ByohInstall.preinstalled(), when synthesized, then there is no installerRef and no K8sInstallerConfigTemplate', () => {
      const cluster = byohCluster();
      addPool(cluster, 'workers', { install: ByohInstall.preinstalled() });
      const objects = synth(cluster);
      expect(poolObjects(objects, 'workers').machineTemplate.spec.template.spec.installerRef).toBeUndefined();
      expect(ofKind(objects, 'K8sInstallerConfigTemplate')).toHaveLength(0);
    });

    test('given no install, when the pool is created, then it defaults to preinstalled hosts', () => {
      const pool = addPool(byohCluster(), 'workers');
      expect(pool.install.isBundle).toBe(false);
      expect(pool.hosts).toEqual({ matchLabels: { role: 'workers' } });
    });

    test('given an acknowledged self-built bundle, when synthesized, then a hashed K8sInstallerConfigTemplate is referenced by the ByoMachineTemplate', () => {
      const cluster = byohCluster();
      addPool(cluster, 'bundled', { install: ByohInstall.bundle(SELF_BUILT) });
      const objects = synth(cluster);
      const { machineTemplate, installer } = poolObjects(objects, 'bundled');
      expect(installer.metadata.name).toMatch(/^onprem-bundled-[0-9a-f]{8}$/);
      expect(installer.spec.template.spec).toEqual({ bundleRepo: 'harbor.example.com/byoh-bundles', bundleType: 'k8s' });
      expect(machineTemplate.spec.template.spec.installerRef).toEqual({
        apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1', kind: 'K8sInstallerConfigTemplate', name: installer.metadata.name, namespace: 'default',
      });
      expectValidManifests(objects);
    });

    test('given an empty bundle repo or type, when the pool is created, then a ValidationError names the field', () => {
      expect(() => addPool(byohCluster(), 'a', { install: ByohInstall.bundle({ bundleRepo: '', customBundleCoversVersion: true }) }))
        .toThrow(/install.bundleRepo '' is not an OCI repository/);
      expect(() => addPool(byohCluster(), 'b', { install: ByohInstall.bundle({ bundleRepo: 'oci://harbor.example.com/b', customBundleCoversVersion: true }) }))
        .toThrow(/install.bundleRepo 'oci:\/\/harbor.example.com\/b' is not an OCI repository/);
      expect(() => addPool(byohCluster(), 'c', { install: ByohInstall.bundle({ bundleRepo: 'harbor.example.com/b', bundleType: ' ', customBundleCoversVersion: true }) }))
        .toThrow(/install.bundleType is empty/);
    });
  });

  describe('Kubernetes version honesty', () => {
    test('given a bundle without the override at v1.33, when the pool is created, then a ValidationError explains the published range and both fixes', () => {
      expect(() => addPool(byohCluster(), 'bundled', { install: ByohInstall.bundle({ bundleRepo: 'harbor.example.com/byoh-bundles' }) }))
        .toThrow(/install: BYOH's published installer bundles cover Kubernetes v1.24 to v1.26 only, not v1.33.4. Use ByohInstall.preinstalled\(\) .* or build a bundle for v1.33.4 and pass customBundleCoversVersion: true/);
    });

    test('given the override with BYOH\'s published registry, when the pool is created, then a ValidationError asks for the self-built bundle\'s registry', () => {
      expect(() => addPool(byohCluster(), 'bundled', {
        install: ByohInstall.bundle({ bundleRepo: 'projects.registry.vmware.com/cluster_api_provider_bringyourownhost', customBundleCoversVersion: true }),
      })).toThrow(/customBundleCoversVersion is set, but bundleRepo is BYOH's published registry .* Point bundleRepo at the registry holding your self-built bundle for v1.33.4/);
    });

    test('given versions the published bundles cover, when checked, then v1.24 to v1.26 pass and v1.23 / v1.27 fail', () => {
      const scope = new Construct(Testing.app(), 'scope');
      const install = ByohInstall.bundle({ bundleRepo: 'projects.registry.vmware.com/cluster_api_provider_bringyourownhost' });
      const check = (version: string) => () => validateInstall({ scope, field: 'install', baseName: 'x', namespace: 'default', version }, install);
      for (const v of ['v1.24.10', 'v1.25.0', 'v1.26.6']) expect(check(v)).not.toThrow();
      for (const v of ['v1.23.5', 'v1.27.0']) expect(check(v)).toThrow(/cover Kubernetes v1.24 to v1.26 only/);
    });
  });

  describe('labels and kubelet', () => {
    test('given propagating and other node labels, when synthesized, then prefixed ones go on Machines and the rest to kubelet node-labels', () => {
      const cluster = byohCluster();
      addPool(cluster, 'workers', {
        nodeLabels: { 'node-role.kubernetes.io/worker': '', 'node.cluster.x-k8s.io/tier': 'gold', 'taco-lma': 'enabled', 'servicemesh': 'enabled' },
        kubeletExtraArgs: { 'max-pods': '200' },
      });
      const { md, config } = poolObjects(synth(cluster), 'workers');
      expect(md.spec.template.metadata.labels).toMatchObject({ 'node-role.kubernetes.io/worker': '', 'node.cluster.x-k8s.io/tier': 'gold' });
      expect(md.spec.template.metadata.labels['taco-lma']).toBeUndefined();
      expect(argsOf(config.spec.template.spec.joinConfiguration.nodeRegistration.kubeletExtraArgs)).toEqual({
        'max-pods': '200',
        'node-labels': 'servicemesh=enabled,taco-lma=enabled',
      });
    });

    test('given no labels or kubelet flags, when synthesized, then the KubeadmConfigTemplate spec is still not empty (the chart bug)', () => {
      const cluster = byohCluster();
      addPool(cluster, 'workers');
      const { config } = poolObjects(synth(cluster), 'workers');
      expect(config.spec.template.spec).toEqual({
        joinConfiguration: {
          nodeRegistration: {
            criSocket: 'unix:///var/run/containerd/containerd.sock',
            ignorePreflightErrors: ['Swap', 'DirAvailable--etc-kubernetes-manifests', 'FileAvailable--etc-kubernetes-kubelet.conf'],
          },
        },
      });
    });

    test('given taints, when synthesized, then the kubelet registers them', () => {
      const cluster = byohCluster();
      addPool(cluster, 'gpu', { taints: [{ key: 'nvidia.com/gpu', effect: TaintEffect.NO_SCHEDULE }] });
      expect(poolObjects(synth(cluster), 'gpu').config.spec.template.spec.joinConfiguration.nodeRegistration.taints)
        .toEqual([{ key: 'nvidia.com/gpu', effect: 'NoSchedule' }]);
    });
  });

  describe('scaling, rollout and health', () => {
    test('given autoscaling, when synthesized, then replicas are omitted and the autoscaler annotations are set', () => {
      const cluster = byohCluster();
      addPool(cluster, 'workers', { autoscaling: { minSize: 1, maxSize: 5 } });
      const { md } = poolObjects(synth(cluster), 'workers');
      expect(md.spec.replicas).toBeUndefined();
      expect(md.metadata.annotations).toEqual({
        'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size': '5',
        'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': '1',
      });
    });

    test('given replicas, rollout and deletion settings, when synthesized, then the single MachineDeployment has them and no failure domain', () => {
      const cluster = byohCluster();
      addPool(cluster, 'workers', {
        replicas: 4,
        rollout: { maxSurge: 0, maxUnavailable: 1 },
        deletion: { order: DeletionOrder.OLDEST, nodeDrainTimeout: Duration.minutes(10) },
      });
      const objects = synth(cluster);
      expect(ofKind(objects, 'MachineDeployment')).toHaveLength(1);
      const { md } = poolObjects(objects, 'workers');
      expect(md.spec.replicas).toEqual(4);
      expect(md.spec.rollout.strategy.rollingUpdate).toEqual({ maxSurge: 0, maxUnavailable: 1 });
      expect(md.spec.deletion).toEqual({ order: 'Oldest' });
      expect(md.spec.template.spec.deletion).toEqual({ nodeDrainTimeoutSeconds: 600 });
      expect(md.spec.template.spec.failureDomain).toBeUndefined();
      expectValidManifests(objects);
    });

    test('given the health check disabled, when synthesized, then the pool has no MachineHealthCheck', () => {
      const cluster = byohCluster();
      addPool(cluster, 'workers', { healthCheck: { enabled: false } });
      expect(ofKind(synth(cluster), 'MachineHealthCheck', 'onprem-workers')).toHaveLength(0);
    });
  });

  describe('content hashes', () => {
    const names = (configure: (c: ManagedCluster) => void) => {
      const cluster = byohCluster();
      configure(cluster);
      const { machineTemplate, config, installer } = poolObjects(synth(cluster), 'workers');
      return { machine: machineTemplate.metadata.name, config: config.metadata.name, installer: installer?.metadata.name };
    };

    test('given the same pool twice, when synthesized, then template names are identical', () => {
      const build = (c: ManagedCluster) => addPool(c, 'workers', { install: ByohInstall.bundle(SELF_BUILT), nodeLabels: { a: 'b' } });
      expect(names(build)).toEqual(names(build));
    });

    test('given the same selector written in another order, when synthesized, then the ByoMachineTemplate name is the same', () => {
      const a = names((c) => addPool(c, 'workers', { hosts: { matchLabels: { role: 'w', rack: 'r1' } } }));
      const b = names((c) => addPool(c, 'workers', { hosts: { matchLabels: { rack: 'r1', role: 'w' } } }));
      expect(a.machine).toEqual(b.machine);
    });

    test('given a changed selector, when synthesized, then only the ByoMachineTemplate name changes', () => {
      const a = names((c) => addPool(c, 'workers', { hosts: { matchLabels: { role: 'w' } } }));
      const b = names((c) => addPool(c, 'workers', { hosts: { matchLabels: { role: 'w2' } } }));
      expect(a.machine).not.toEqual(b.machine);
      expect(a.config).toEqual(b.config);
    });

    test('given a changed bundle repo, when synthesized, then the installer and machine template names change (machines roll)', () => {
      const a = names((c) => addPool(c, 'workers', { install: ByohInstall.bundle(SELF_BUILT) }));
      const b = names((c) => addPool(c, 'workers', { install: ByohInstall.bundle({ ...SELF_BUILT, bundleRepo: 'harbor.example.com/other' }) }));
      expect(a.installer).not.toEqual(b.installer);
      expect(a.machine).not.toEqual(b.machine);
    });

    test('given changed kubelet flags, when synthesized, then only the KubeadmConfigTemplate name changes', () => {
      const a = names((c) => addPool(c, 'workers', { kubeletExtraArgs: { 'max-pods': '110' } }));
      const b = names((c) => addPool(c, 'workers', { kubeletExtraArgs: { 'max-pods': '200' } }));
      expect(a.config).not.toEqual(b.config);
      expect(a.machine).toEqual(b.machine);
    });
  });

  describe('rejected cloud settings', () => {
    test.each([
      ['machineType', { machineType: 'm6i.xlarge' }],
      ['rootVolume', { rootVolume: { sizeGiB: 100 } }],
      ['image', { image: MachineImage.fromId('ami-0123456789abcdef0') }],
      ['capacity', { capacity: Capacity.spot() }],
      ['subnet', { subnet: { subnetId: 'subnet-0123456789abcdef0' } }],
      ['additionalSecurityGroups', { additionalSecurityGroups: ['sg-0123456789abcdef0'] }],
      ['iamInstanceProfile', { iamInstanceProfile: 'nodes' }],
      ['additionalTags', { additionalTags: { team: 'a' } }],
      ['availabilityZones', { availabilityZones: ['zone-a'] }],
      ['availabilityZoneCount', { availabilityZoneCount: 2 }],
    ])('given %s on a ByohPool, when created, then a ValidationError rejects it', (field, options) => {
      expect(() => addPool(byohCluster(), 'workers', options as any))
        .toThrow(new RegExp(`${field} is a cloud machine setting, which BYOH cannot apply`));
    });
  });

  describe('pools that are not ByohPools', () => {
    test('given cluster.addNodePool on a BYOH cluster, when called, then a ValidationError points to ByohPool', () => {
      expect(() => byohCluster().addNodePool('workers', { replicas: 2 }))
        .toThrow(/node pool 'workers' has no host selector. BYOH pools claim registered hosts by label: create them with `new ByohPool\(cluster, 'workers'/);
    });

    test('given new NodePool on a BYOH cluster, when created, then the same ValidationError points to ByohPool', () => {
      const cluster = byohCluster();
      expect(() => new NodePool(cluster, 'workers', { cluster })).toThrow(/has no host selector.*new ByohPool/);
    });

    test('given a ByohPool on an AWS cluster, when created, then a ValidationError asks for the BYOH infrastructure', () => {
      const cluster = new ManagedCluster(Testing.app(), 'prod', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'ap-northeast-2' }) });
      expect(() => new ByohPool(cluster, 'workers', { cluster, hosts: { matchLabels: { role: 'w' } } }))
        .toThrow(/prod\/workers: ByohPool needs a cluster on BYOH infrastructure, but cluster 'prod' runs on 'aws'/);
    });
  });
});
