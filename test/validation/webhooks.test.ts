import { validationFindings } from '../support/crd-validation';

const NS = 'clusters';
const CA_PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ==\n-----END CERTIFICATE-----\n';

function cluster(): any {
  return {
    apiVersion: 'cluster.x-k8s.io/v1beta2',
    kind: 'Cluster',
    metadata: { name: 'edge', namespace: NS },
    spec: {
      infrastructureRef: { apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'AWSCluster', name: 'edge' },
      controlPlaneRef: { apiGroup: 'controlplane.cluster.x-k8s.io', kind: 'KubeadmControlPlane', name: 'edge' },
    },
  };
}

function machinePoolSet(): any[] {
  return [
    cluster(),
    { apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2', kind: 'AWSCluster', metadata: { name: 'edge', namespace: NS }, spec: { region: 'eu-west-1' } },
    {
      apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2',
      kind: 'KubeadmControlPlane',
      metadata: { name: 'edge', namespace: NS },
      spec: { version: 'v1.33.4', machineTemplate: { spec: { infrastructureRef: { apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'AWSMachineTemplate', name: 'edge-cp' } } } },
    },
    { apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2', kind: 'AWSMachineTemplate', metadata: { name: 'edge-cp', namespace: NS }, spec: { template: { spec: { instanceType: 't3.large' } } } },
    {
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'MachinePool',
      metadata: { name: 'edge-pool', namespace: NS },
      spec: {
        clusterName: 'edge',
        template: {
          spec: {
            clusterName: 'edge',
            version: 'v1.33.4',
            bootstrap: { configRef: { apiGroup: 'bootstrap.cluster.x-k8s.io', kind: 'KubeadmConfig', name: 'edge-pool' } },
            infrastructureRef: { apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'AWSMachinePool', name: 'edge-pool' },
          },
        },
      },
    },
    { apiVersion: 'bootstrap.cluster.x-k8s.io/v1beta2', kind: 'KubeadmConfig', metadata: { name: 'edge-pool', namespace: NS }, spec: { joinConfiguration: { nodeRegistration: { name: 'n' } } } },
    {
      apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
      kind: 'AWSMachinePool',
      metadata: { name: 'edge-pool', namespace: NS },
      spec: { minSize: 1, maxSize: 3, awsLaunchTemplate: { instanceType: 'm5.large', rootVolume: { size: 50, type: 'gp3' } } },
    },
  ];
}

function find(objects: any[], kind: string): any {
  return objects.find(o => o.kind === kind);
}

function summary(objects: any[]): string[] {
  return validationFindings(objects).map(f => `${f.kind} ${f.path} [${f.rule}] ${f.message}`);
}

describe('webhook-only rules and references beyond the CAPA cluster fixture', () => {
  test('given a correct MachinePool set, when validated, then there are no findings', () => {
    expect(summary(machinePoolSet())).toEqual([]);
  });

  test('given a MachinePool version that is not semantic, when validated, then the webhook rule reports it', () => {
    const objects = machinePoolSet();
    find(objects, 'MachinePool').spec.template.spec.version = '1.33';
    expect(summary(objects)).toEqual([expect.stringMatching(/^MachinePool spec.template.spec.version \[webhook\] Invalid value: "1.33": must be a valid semantic version/)]);
  });

  test('given an AWSMachinePool with spot options and a mixed instances policy, when validated, then they exclude each other', () => {
    const objects = machinePoolSet();
    const pool = find(objects, 'AWSMachinePool');
    pool.spec.awsLaunchTemplate.spotMarketOptions = {};
    pool.spec.mixedInstancesPolicy = { overrides: [{ instanceType: 'm5.large' }] };
    expect(summary(objects)).toEqual([expect.stringMatching(/^AWSMachinePool spec.awsLaunchTemplate.spotMarketOptions \[webhook\] Forbidden: spotMarketOptions cannot be used together with mixedInstancesPolicy/)]);
  });

  test('given an AWSMachinePool io1 root volume without iops, when validated, then iops is required', () => {
    const objects = machinePoolSet();
    find(objects, 'AWSMachinePool').spec.awsLaunchTemplate.rootVolume = { size: 50, type: 'io1' };
    expect(summary(objects)).toEqual(['AWSMachinePool spec.awsLaunchTemplate.rootVolume.iops [webhook] Required value: iops is required for volume type io1']);
  });

  test('given a ClusterResourceSet with a Secret of the wrong type, when validated, then the type is reported', () => {
    const objects = [
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'ccm', namespace: NS }, type: 'Opaque', stringData: { 'ccm.yaml': 'x' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cni', namespace: NS }, data: { 'cni.yaml': 'x' } },
      {
        apiVersion: 'addons.cluster.x-k8s.io/v1beta2',
        kind: 'ClusterResourceSet',
        metadata: { name: 'edge-ccm', namespace: NS },
        spec: { clusterSelector: { matchLabels: { ccm: 'aws' } }, resources: [{ kind: 'Secret', name: 'ccm' }, { kind: 'ConfigMap', name: 'cni' }] },
      },
    ];
    expect(summary(objects)).toEqual([expect.stringMatching(/^ClusterResourceSet spec.resources\[0\] \[reference\] Invalid value: Secret "ccm" has type "Opaque": .*addons.cluster.x-k8s.io\/resource-set/)]);
  });

  test('given a ClusterResourceSet with an empty selector and a missing ConfigMap, when validated, then both are reported', () => {
    const objects = [{
      apiVersion: 'addons.cluster.x-k8s.io/v1beta2',
      kind: 'ClusterResourceSet',
      metadata: { name: 'edge-cni', namespace: NS },
      spec: { clusterSelector: {}, resources: [{ kind: 'ConfigMap', name: 'cni' }] },
    }];
    expect(summary(objects)).toEqual([
      expect.stringMatching(/^ClusterResourceSet spec.clusterSelector \[webhook\] .*must not be empty/),
      expect.stringMatching(/^ClusterResourceSet spec.resources\[0\] \[reference\] Not found: ConfigMap "cni"/),
    ]);
  });

  test('given EKS node-group taints with Kubernetes effect spelling, when validated, then the EKS spelling is asked for', () => {
    const objects = [{
      apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
      kind: 'AWSManagedMachinePool',
      metadata: { name: 'ng', namespace: NS },
      spec: { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] },
    }];
    expect(summary(objects)).toEqual(expect.arrayContaining([expect.stringMatching(/^AWSManagedMachinePool spec.taints\[0\].effect \[webhook\] .*no-schedule, no-execute, prefer-no-schedule/)]));
  });

  test('given a BYOH BootstrapKubeconfig with an http URL and non-PEM CA, when validated, then both are reported', () => {
    const good = {
      apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
      kind: 'BootstrapKubeconfig',
      metadata: { name: 'bk', namespace: NS },
      spec: { 'apiserver': 'https://10.0.0.1:6443', 'certificate-authority-data': Buffer.from(CA_PEM).toString('base64') },
    };
    expect(summary([good])).toEqual([]);
    const bad = JSON.parse(JSON.stringify(good));
    bad.spec.apiserver = 'http://10.0.0.1';
    bad.spec['certificate-authority-data'] = Buffer.from('hello').toString('base64');
    expect(summary([bad])).toEqual([
      'BootstrapKubeconfig spec.apiserver [webhook] Invalid value: "http://10.0.0.1": APIServer must be of the form https://<host>:<port>',
      'BootstrapKubeconfig spec.certificate-authority-data [webhook] Invalid value: certificate-authority-data must be the base64 encoding of a PEM certificate',
    ]);
  });

  test('given a worker MachineDeployment with taints, when the gate is off, then the MachineTaintPropagation gate is reported', () => {
    const objects = [cluster(), {
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'MachineDeployment',
      metadata: { name: 'md', namespace: NS },
      spec: {
        clusterName: 'edge',
        selector: { matchLabels: { a: 'b' } },
        template: {
          metadata: { labels: { a: 'b' } },
          spec: {
            clusterName: 'edge',
            bootstrap: { dataSecretName: 'x' },
            infrastructureRef: { apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'AWSMachineTemplate', name: 'm' },
            taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule', propagation: 'Always' }],
          },
        },
      },
    }];
    const findings = summary(objects).filter(f => f.startsWith('MachineDeployment'));
    expect(findings).toEqual(expect.arrayContaining([
      expect.stringMatching(/^MachineDeployment spec.template.spec.taints \[webhook\] Forbidden: .*MachineTaintPropagation/),
      expect.stringMatching(/^MachineDeployment spec.template.spec.taints\[0\].key \[webhook\] .*control-plane taint/),
    ]));
  });

  test('given a v1beta1 BYOH machine template, when validated, then it is accepted', () => {
    expect(summary([{
      apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
      kind: 'ByoMachineTemplate',
      metadata: { name: 'byo', namespace: NS },
      spec: { template: { spec: { selector: { matchLabels: { site: 'dc1' } } } } },
    }])).toEqual([]);
  });
});

describe('worker taints on a MachinePool KubeadmConfig', () => {
  test('given a worker KubeadmConfig with the control-plane taint, when validated, then it is reported', () => {
    const objects = [{
      apiVersion: 'bootstrap.cluster.x-k8s.io/v1beta2',
      kind: 'KubeadmConfig',
      metadata: { name: 'pool', namespace: NS },
      spec: { joinConfiguration: { nodeRegistration: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } } },
    }];
    expect(summary(objects)).toEqual([expect.stringMatching(/^KubeadmConfig spec.joinConfiguration.nodeRegistration.taints\[0\].key \[webhook\] .*control-plane taint/)]);
  });

  test('given a control-plane join KubeadmConfig with the control-plane taint, when validated, then it is accepted', () => {
    const objects = [{
      apiVersion: 'bootstrap.cluster.x-k8s.io/v1beta2',
      kind: 'KubeadmConfig',
      metadata: { name: 'cp', namespace: NS },
      spec: { joinConfiguration: { controlPlane: {}, nodeRegistration: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } } },
    }];
    expect(summary(objects)).toEqual([]);
  });
});
