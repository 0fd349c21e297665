/**
 * Hand-written, correct v1beta2 objects following capi-notes §2: a CAPA cluster with a kubeadm
 * control plane, one MachineDeployment and a MachineHealthCheck. Each call returns fresh copies
 * so tests can break one field at a time.
 */
export function validAwsCluster(): any[] {
  const ns = 'clusters';
  const labels = { 'cluster.x-k8s.io/cluster-name': 'prod' };
  return [
    {
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Cluster',
      metadata: { name: 'prod', namespace: ns, labels: { env: 'prod' } },
      spec: {
        clusterNetwork: {
          pods: { cidrBlocks: ['192.168.0.0/16'] },
          services: { cidrBlocks: ['10.96.0.0/12'] },
          serviceDomain: 'cluster.local',
        },
        infrastructureRef: { apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'AWSCluster', name: 'prod' },
        controlPlaneRef: { apiGroup: 'controlplane.cluster.x-k8s.io', kind: 'KubeadmControlPlane', name: 'prod-control-plane' },
      },
    },
    {
      apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
      kind: 'AWSCluster',
      metadata: { name: 'prod', namespace: ns },
      spec: {
        region: 'ap-northeast-2',
        sshKeyName: 'default',
        identityRef: { kind: 'AWSClusterControllerIdentity', name: 'default' },
        bastion: { enabled: false },
        controlPlaneLoadBalancer: { loadBalancerType: 'nlb', scheme: 'internet-facing' },
      },
    },
    {
      apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2',
      kind: 'KubeadmControlPlane',
      metadata: { name: 'prod-control-plane', namespace: ns },
      spec: {
        replicas: 3,
        version: 'v1.33.4',
        machineTemplate: {
          spec: {
            infrastructureRef: { apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'AWSMachineTemplate', name: 'prod-control-plane-1a2b3c4d' },
            deletion: { nodeDrainTimeoutSeconds: 300 },
          },
        },
        rollout: {
          before: { certificatesExpiryDays: 21 },
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
        },
        kubeadmConfigSpec: {
          clusterConfiguration: {
            apiServer: { extraArgs: [{ name: 'cloud-provider', value: 'external' }] },
            controllerManager: { extraArgs: [{ name: 'cloud-provider', value: 'external' }] },
          },
          initConfiguration: {
            nodeRegistration: {
              name: '{{ ds.meta_data.local_hostname }}',
              kubeletExtraArgs: [{ name: 'cloud-provider', value: 'external' }],
            },
          },
          joinConfiguration: {
            nodeRegistration: {
              name: '{{ ds.meta_data.local_hostname }}',
              kubeletExtraArgs: [{ name: 'cloud-provider', value: 'external' }],
            },
          },
        },
      },
    },
    {
      apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
      kind: 'AWSMachineTemplate',
      metadata: { name: 'prod-control-plane-1a2b3c4d', namespace: ns },
      spec: {
        template: {
          spec: {
            instanceType: 't3.large',
            iamInstanceProfile: 'control-plane.cluster-api-provider-aws.sigs.k8s.io',
            sshKeyName: 'default',
            rootVolume: { size: 80, type: 'gp3', throughput: 250, encrypted: true },
            instanceMetadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 2 },
          },
        },
      },
    },
    {
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'MachineDeployment',
      metadata: {
        name: 'prod-workers-a',
        namespace: ns,
        annotations: {
          'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': '1',
          'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size': '5',
        },
      },
      spec: {
        clusterName: 'prod',
        selector: { matchLabels: { ...labels, pool: 'workers' } },
        rollout: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } },
        deletion: { order: 'Oldest' },
        template: {
          metadata: { labels: { ...labels, 'pool': 'workers', 'node-role.kubernetes.io/worker': '' } },
          spec: {
            clusterName: 'prod',
            version: 'v1.33.4',
            failureDomain: 'ap-northeast-2a',
            bootstrap: { configRef: { apiGroup: 'bootstrap.cluster.x-k8s.io', kind: 'KubeadmConfigTemplate', name: 'prod-workers-5e6f7a8b' } },
            infrastructureRef: { apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'AWSMachineTemplate', name: 'prod-workers-9c0d1e2f' },
          },
        },
      },
    },
    {
      apiVersion: 'bootstrap.cluster.x-k8s.io/v1beta2',
      kind: 'KubeadmConfigTemplate',
      metadata: { name: 'prod-workers-5e6f7a8b', namespace: ns },
      spec: {
        template: {
          spec: {
            joinConfiguration: {
              nodeRegistration: {
                name: '{{ ds.meta_data.local_hostname }}',
                kubeletExtraArgs: [
                  { name: 'cloud-provider', value: 'external' },
                  { name: 'node-labels', value: 'pool=workers' },
                ],
              },
            },
          },
        },
      },
    },
    {
      apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
      kind: 'AWSMachineTemplate',
      metadata: { name: 'prod-workers-9c0d1e2f', namespace: ns },
      spec: {
        template: {
          spec: {
            instanceType: 'm5.xlarge',
            iamInstanceProfile: 'nodes.cluster-api-provider-aws.sigs.k8s.io',
            rootVolume: { size: 100, type: 'io2', iops: 3000 },
            spotMarketOptions: {},
          },
        },
      },
    },
    {
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'MachineHealthCheck',
      metadata: { name: 'prod-workers', namespace: ns },
      spec: {
        clusterName: 'prod',
        selector: { matchLabels: { pool: 'workers' } },
        checks: {
          nodeStartupTimeoutSeconds: 600,
          unhealthyNodeConditions: [
            { type: 'Ready', status: 'Unknown', timeoutSeconds: 300 },
            { type: 'Ready', status: 'False', timeoutSeconds: 300 },
          ],
        },
        remediation: { triggerIf: { unhealthyLessThanOrEqualTo: '40%' } },
      },
    },
  ];
}

/** Find an object of a set by kind and name. */
export function byName(objects: any[], kind: string, name: string): any {
  const found = objects.find(o => o.kind === kind && o.metadata?.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in fixture`);
  return found;
}
