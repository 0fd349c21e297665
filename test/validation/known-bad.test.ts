import { byName, validAwsCluster } from './fixtures';
import { Finding } from '../../src/validation';
import { expectValidManifests, validationFindings } from '../support/crd-validation';

interface BadCase {
  readonly title: string;
  readonly mutate: (objects: any[]) => void;
  readonly expected: { kind: string; name: string; path: string; rule: string; message: RegExp };
}

const KCP = 'KubeadmControlPlane';
const CP = 'prod-control-plane';
const MD = 'MachineDeployment';
const WORKERS = 'prod-workers-a';
const AMT = 'AWSMachineTemplate';
const WORKER_AMT = 'prod-workers-9c0d1e2f';

const cases: BadCase[] = [
  {
    title: 'an unknown field',
    mutate: o => { byName(o, MD, WORKERS).spec.template.spec.nodeDrainTimeout = '5m'; },
    expected: { kind: MD, name: WORKERS, path: 'spec.template.spec.nodeDrainTimeout', rule: 'schema', message: /^unknown field "spec.template.spec.nodeDrainTimeout"$/ },
  },
  {
    title: 'a wrong enum value',
    mutate: o => { byName(o, MD, WORKERS).spec.deletion.order = 'Youngest'; },
    expected: { kind: MD, name: WORKERS, path: 'spec.deletion.order', rule: 'schema', message: /^Unsupported value: "Youngest": supported values: "Random", "Newest", "Oldest"$/ },
  },
  {
    title: 'a wrong type',
    mutate: o => { byName(o, KCP, CP).spec.replicas = '3'; },
    expected: { kind: KCP, name: CP, path: 'spec.replicas', rule: 'schema', message: /must be of type integer/ },
  },
  {
    title: 'an empty object where minProperties is 1',
    mutate: o => { byName(o, 'KubeadmConfigTemplate', 'prod-workers-5e6f7a8b').spec.template.spec = {}; },
    expected: { kind: 'KubeadmConfigTemplate', name: 'prod-workers-5e6f7a8b', path: 'spec.template.spec', rule: 'schema', message: /should have at least 1 properties/ },
  },
  {
    title: 'a missing required field',
    mutate: o => { delete byName(o, 'Cluster', 'prod').spec.infrastructureRef.apiGroup; },
    expected: { kind: 'Cluster', name: 'prod', path: 'spec.infrastructureRef.apiGroup', rule: 'schema', message: /^Required value$/ },
  },
  {
    title: 'a value below minimum',
    mutate: o => { byName(o, AMT, WORKER_AMT).spec.template.spec.rootVolume.size = 4; },
    expected: { kind: AMT, name: WORKER_AMT, path: 'spec.template.spec.rootVolume.size', rule: 'schema', message: /should be greater than or equal to 8/ },
  },
  {
    title: 'a pattern mismatch',
    mutate: o => { byName(o, 'Cluster', 'prod').spec.controlPlaneRef.name = 'Prod_CP'; },
    expected: { kind: 'Cluster', name: 'prod', path: 'spec.controlPlaneRef.name', rule: 'schema', message: /should match/ },
  },
  {
    title: 'an invalid object name',
    mutate: o => { byName(o, AMT, WORKER_AMT).metadata.name = 'Workers_1'; },
    expected: { kind: AMT, name: 'Workers_1', path: 'metadata.name', rule: 'schema', message: /RFC 1123 subdomain/ },
  },
  {
    title: 'a non-string label value',
    mutate: o => { byName(o, 'Cluster', 'prod').metadata.labels.replicas = 3; },
    expected: { kind: 'Cluster', name: 'prod', path: 'metadata.labels[replicas]', rule: 'schema', message: /must be a string/ },
  },
  {
    title: 'duplicate list-map keys (name and value)',
    mutate: o => {
      const kcp = byName(o, KCP, CP);
      kcp.spec.kubeadmConfigSpec.clusterConfiguration.apiServer.extraArgs.push({ name: 'cloud-provider', value: 'external' });
    },
    expected: { kind: KCP, name: CP, path: 'spec.kubeadmConfigSpec.clusterConfiguration.apiServer.extraArgs[1]', rule: 'schema', message: /^Duplicate value/ },
  },
  {
    title: 'duplicate kubeadm extraArgs names (CEL)',
    mutate: o => {
      const kcp = byName(o, KCP, CP);
      kcp.spec.kubeadmConfigSpec.clusterConfiguration.apiServer.extraArgs.push({ name: 'cloud-provider', value: 'aws' });
    },
    expected: { kind: KCP, name: CP, path: 'spec.kubeadmConfigSpec.clusterConfiguration.apiServer.extraArgs', rule: 'cel', message: /extraArgs name must be unique$/ },
  },
  {
    title: 'spot and a capacity reservation together on an AWSMachine (CEL)',
    mutate: o => {
      o.push({
        apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
        kind: 'AWSMachine',
        metadata: { name: 'spot', namespace: 'clusters' },
        spec: { instanceType: 'm5.large', spotMarketOptions: {}, capacityReservationId: 'cr-0123' },
      });
    },
    expected: { kind: 'AWSMachine', name: 'spot', path: 'spec', rule: 'cel', message: /capacityReservationId cannot be set when spotMarketOptions is specified/ },
  },
  {
    title: 'an even number of control-plane replicas',
    mutate: o => { byName(o, KCP, CP).spec.replicas = 2; },
    expected: { kind: KCP, name: CP, path: 'spec.replicas', rule: 'webhook', message: /cannot be an even number/ },
  },
  {
    title: 'a KCP version that is not semantic',
    mutate: o => { byName(o, KCP, CP).spec.version = 'v1.33'; },
    expected: { kind: KCP, name: CP, path: 'spec.version', rule: 'webhook', message: /must be a valid semantic version/ },
  },
  {
    title: 'certificatesExpiryDays below 7',
    mutate: o => { byName(o, KCP, CP).spec.rollout.before.certificatesExpiryDays = 5; },
    expected: { kind: KCP, name: CP, path: 'spec.rollout.before.certificatesExpiryDays', rule: 'schema', message: /greater than or equal to 7/ },
  },
  {
    title: 'a KCP maxSurge of 2',
    mutate: o => { byName(o, KCP, CP).spec.rollout.strategy.rollingUpdate.maxSurge = 2; },
    expected: { kind: KCP, name: CP, path: 'spec.rollout.strategy.rollingUpdate.maxSurge', rule: 'webhook', message: /must be either 0 or 1/ },
  },
  {
    title: 'a KCP maxSurge of 0 with one replica',
    mutate: o => { const kcp = byName(o, KCP, CP); kcp.spec.replicas = 1; kcp.spec.rollout.strategy.rollingUpdate.maxSurge = 0; },
    expected: { kind: KCP, name: CP, path: 'spec.rollout.strategy.rollingUpdate.maxSurge', rule: 'webhook', message: /replicas must be at least 3/ },
  },
  {
    title: 'different init and join control-plane health-check timeouts',
    mutate: o => {
      const spec = byName(o, KCP, CP).spec.kubeadmConfigSpec;
      spec.initConfiguration.timeouts = { controlPlaneComponentHealthCheckSeconds: 240 };
      spec.joinConfiguration.timeouts = { controlPlaneComponentHealthCheckSeconds: 120 };
    },
    expected: { kind: KCP, name: CP, path: 'spec.kubeadmConfigSpec.joinConfiguration.timeouts.controlPlaneComponentHealthCheckSeconds', rule: 'webhook', message: /must be equal to initConfiguration/ },
  },
  {
    title: 'a selector that does not match the template labels',
    mutate: o => { byName(o, MD, WORKERS).spec.selector.matchLabels.pool = 'other'; },
    expected: { kind: MD, name: WORKERS, path: 'spec.template.metadata.labels', rule: 'webhook', message: /must match spec.selector/ },
  },
  {
    title: 'a template clusterName different from spec.clusterName',
    mutate: o => { byName(o, MD, WORKERS).spec.template.spec.clusterName = 'staging'; },
    expected: { kind: MD, name: WORKERS, path: 'spec.template.spec.clusterName', rule: 'webhook', message: /must match spec.clusterName "prod"/ },
  },
  {
    title: 'maxSurge and maxUnavailable both 0',
    mutate: o => { byName(o, MD, WORKERS).spec.rollout.strategy.rollingUpdate.maxSurge = 0; },
    expected: { kind: MD, name: WORKERS, path: 'spec.rollout.strategy.rollingUpdate', rule: 'webhook', message: /may not both be 0/ },
  },
  {
    title: 'an MD version that is not semantic',
    mutate: o => { byName(o, MD, WORKERS).spec.template.spec.version = '1.33'; },
    expected: { kind: MD, name: WORKERS, path: 'spec.template.spec.version', rule: 'webhook', message: /semantic version/ },
  },
  {
    title: 'a Cluster name longer than 63 characters',
    mutate: o => {
      const long = 'p'.repeat(64);
      byName(o, 'Cluster', 'prod').metadata.name = long;
    },
    expected: { kind: 'Cluster', name: 'p'.repeat(64), path: 'metadata.name', rule: 'webhook', message: /no more than 63 characters/ },
  },
  {
    title: 'a pod CIDR that does not parse',
    mutate: o => { byName(o, 'Cluster', 'prod').spec.clusterNetwork.pods.cidrBlocks = ['192.168.0.0/33']; },
    expected: { kind: 'Cluster', name: 'prod', path: 'spec.clusterNetwork.pods.cidrBlocks[0]', rule: 'webhook', message: /valid CIDR/ },
  },
  {
    title: 'a topology without the ClusterTopology feature gate',
    mutate: o => { byName(o, 'Cluster', 'prod').spec.topology = { classRef: { name: 'aws' }, version: 'v1.33.4' }; },
    expected: { kind: 'Cluster', name: 'prod', path: 'spec.topology', rule: 'webhook', message: /ClusterTopology feature flag/ },
  },
  {
    title: 'an MHC node startup timeout of 10 seconds',
    mutate: o => { byName(o, 'MachineHealthCheck', 'prod-workers').spec.checks.nodeStartupTimeoutSeconds = 10; },
    expected: { kind: 'MachineHealthCheck', name: 'prod-workers', path: 'spec.checks.nodeStartupTimeoutSeconds', rule: 'webhook', message: /0 \(disabled\) or at least 30/ },
  },
  {
    title: 'an MHC with an empty selector',
    mutate: o => { byName(o, 'MachineHealthCheck', 'prod-workers').spec.selector = {}; },
    expected: { kind: 'MachineHealthCheck', name: 'prod-workers', path: 'spec.selector', rule: 'webhook', message: /must not be empty/ },
  },
  {
    title: 'the control-plane taint on a worker KubeadmConfigTemplate',
    mutate: o => {
      byName(o, 'KubeadmConfigTemplate', 'prod-workers-5e6f7a8b').spec.template.spec.joinConfiguration.nodeRegistration.taints =
        [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }];
    },
    expected: { kind: 'KubeadmConfigTemplate', name: 'prod-workers-5e6f7a8b', path: 'spec.template.spec.joinConfiguration.nodeRegistration.taints[0].key', rule: 'webhook', message: /control-plane taint/ },
  },
  {
    title: 'an io2 volume without iops',
    mutate: o => { delete byName(o, AMT, WORKER_AMT).spec.template.spec.rootVolume.iops; },
    expected: { kind: AMT, name: WORKER_AMT, path: 'spec.template.spec.rootVolume.iops', rule: 'webhook', message: /iops is required for volume type io2/ },
  },
  {
    title: 'throughput on a gp2 volume',
    mutate: o => { byName(o, AMT, WORKER_AMT).spec.template.spec.nonRootVolumes = [{ deviceName: '/dev/sdb', size: 50, type: 'gp2', throughput: 200 }]; },
    expected: { kind: AMT, name: WORKER_AMT, path: 'spec.template.spec.nonRootVolumes[0].throughput', rule: 'webhook', message: /only valid for volume type gp3/ },
  },
  {
    title: 'spot with a capacity reservation on an AWSMachineTemplate',
    mutate: o => { byName(o, AMT, WORKER_AMT).spec.template.spec.capacityReservationId = 'cr-0123'; },
    expected: { kind: AMT, name: WORKER_AMT, path: 'spec.template.spec.capacityReservationId', rule: 'webhook', message: /cannot be used with spot/ },
  },
  {
    title: 'bastion allowedCIDRBlocks with disableIngressRules',
    mutate: o => { byName(o, 'AWSCluster', 'prod').spec.bastion = { enabled: true, disableIngressRules: true, allowedCIDRBlocks: ['10.0.0.0/8'] }; },
    expected: { kind: 'AWSCluster', name: 'prod', path: 'spec.bastion.allowedCIDRBlocks', rule: 'webhook', message: /cannot be set when disableIngressRules is true/ },
  },
  {
    title: 'an AWSClusterControllerIdentity not named default',
    mutate: o => { o.push({ apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2', kind: 'AWSClusterControllerIdentity', metadata: { name: 'mine' }, spec: { allowedNamespaces: {} } }); },
    expected: { kind: 'AWSClusterControllerIdentity', name: 'mine', path: 'metadata.name', rule: 'webhook', message: /must be named "default"/ },
  },
  {
    title: 'a dangling infrastructure reference',
    mutate: o => { byName(o, MD, WORKERS).spec.template.spec.infrastructureRef.name = 'prod-workers-gone'; },
    expected: { kind: MD, name: WORKERS, path: 'spec.template.spec.infrastructureRef', rule: 'reference', message: /AWSMachineTemplate "prod-workers-gone" .* is not in the set/ },
  },
  {
    title: 'a dangling KCP machine template reference',
    mutate: o => { o.splice(o.indexOf(byName(o, AMT, 'prod-control-plane-1a2b3c4d')), 1); },
    expected: { kind: KCP, name: CP, path: 'spec.machineTemplate.spec.infrastructureRef', rule: 'reference', message: /not in the set/ },
  },
  {
    title: 'a clusterName naming no Cluster of the set',
    mutate: o => { byName(o, 'MachineHealthCheck', 'prod-workers').spec.clusterName = 'staging'; },
    expected: { kind: 'MachineHealthCheck', name: 'prod-workers', path: 'spec.clusterName', rule: 'reference', message: /Cluster "staging" in namespace "clusters" is not in the set/ },
  },
  {
    title: 'two objects with the same kind, namespace and name',
    mutate: o => { o.push(JSON.parse(JSON.stringify(byName(o, AMT, WORKER_AMT)))); },
    expected: { kind: AMT, name: WORKER_AMT, path: 'metadata.name', rule: 'reference', message: /^Duplicate value: another AWSMachineTemplate/ },
  },
  {
    title: 'an object of an API version no CRD serves',
    mutate: o => { byName(o, MD, WORKERS).apiVersion = 'cluster.x-k8s.io/v1alpha4'; },
    expected: { kind: MD, name: WORKERS, path: 'apiVersion', rule: 'schema', message: /no matches for kind "MachineDeployment" in version "cluster.x-k8s.io\/v1alpha4"/ },
  },
];

function summary(findings: Finding[]): string {
  return findings.map(f => `${f.kind}/${f.name} ${f.path} [${f.rule}] ${f.message}`).join('\n');
}

describe('known-bad manifests', () => {
  test('given the correct v1beta2 objects, when validated, then there is no finding (no false positives)', () => {
    expectValidManifests(validAwsCluster());
  });

  test.each(cases.map(c => [c.title, c]))('given %s, when validated, then it is reported', (_title, c) => {
    const objects = validAwsCluster();
    (c as BadCase).mutate(objects);
    const findings = validationFindings(objects);
    const e = (c as BadCase).expected;
    const match = findings.find(f => f.kind === e.kind && f.name === e.name && f.path === e.path && f.rule === e.rule && e.message.test(f.message));
    if (!match) throw new Error(`expected a finding ${JSON.stringify({ ...e, message: String(e.message) })}, got:\n${summary(findings)}`);
  });
});
