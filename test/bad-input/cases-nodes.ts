/** Invalid node pool settings (provider-independent rules, checked on an AWS cluster). */
import { Duration } from 'cdk8s';
import { awsCluster } from './builders';
import { BadInputCase, k8s } from './harness';
import { Infrastructure, ManagedCluster, NodePoolKind, TaintEffect } from '../../src';

export const nodeCases: BadInputCase[] = [
  k8s('a pool name that is not a DNS label', 'prod/Workers', (app) => { awsCluster(app).addNodePool('Workers'); },
    /^prod\/Workers: pool name 'Workers' is not a DNS label\. Use lower-case letters, digits and '-'\./),
  k8s('negative replicas', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { replicas: -1 }); },
    /^prod\/workers: replicas \(-1\) must be a whole number ≥ 0\./),
  k8s('fractional replicas', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { replicas: 1.5 }); },
    /^prod\/workers: replicas \(1\.5\) must be a whole number ≥ 0\./),
  k8s('replicas together with autoscaling', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { replicas: 2, autoscaling: { minSize: 1, maxSize: 3 } }); },
    /^prod\/workers: replicas \(2\) and autoscaling are both set\. Set only autoscaling \(the autoscaler owns replicas\) or only replicas\./),
  k8s('autoscaling minSize above maxSize', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { autoscaling: { minSize: 5, maxSize: 3 } }); },
    /^prod\/workers: autoscaling\.minSize \(5\) is greater than maxSize \(3\)\. Set minSize ≤ maxSize\./),
  k8s('autoscaling maxSize 0', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { autoscaling: { minSize: 0, maxSize: 0 } }); },
    /^prod\/workers: autoscaling bounds \(minSize 0, maxSize 0\) must be whole numbers with minSize ≥ 0 and maxSize ≥ 1\./),
  k8s('an AZ list together with an AZ count', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { availabilityZones: ['ap-northeast-2a'], availabilityZoneCount: 2 }); },
    /^prod\/workers: availabilityZones and availabilityZoneCount are both set\. Use one of them\./),
  k8s('an AZ count of 0', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { availabilityZoneCount: 0 }); },
    /^prod\/workers: availabilityZoneCount \(0\) must be a whole number from 1 to 6\./),
  k8s('an empty AZ list', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { availabilityZones: [] }); },
    /^prod\/workers: availabilityZones is empty\. List at least one zone, or leave it unset\./),
  k8s('an AZ listed twice', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { availabilityZones: ['ap-northeast-2a', 'ap-northeast-2a'] }); },
    /^prod\/workers: availabilityZones lists 'ap-northeast-2a' twice\. List each zone once\./),
  k8s('maxSurge and maxUnavailable both 0', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { rollout: { maxSurge: 0, maxUnavailable: 0 } }); },
    /^prod\/workers: rollout\.maxSurge and rollout\.maxUnavailable are both 0, so a rollout could never progress\. Set maxSurge ≥ 1 or maxUnavailable ≥ 1\./),
  k8s('a negative maxSurge', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { rollout: { maxSurge: -1 } }); },
    /^prod\/workers: rollout\.maxSurge \(-1\) must be a whole number ≥ 0\./),
  k8s('a taint key with a space', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { taints: [{ key: 'dedicated gpu', effect: TaintEffect.NO_SCHEDULE }] }); },
    /^prod\/workers: taint key 'dedicated gpu' is not a valid key\. Use '\[prefix\/\]name' like 'dedicated' or 'example\.com\/gpu'\./),
  k8s('the control-plane taint on workers', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: TaintEffect.NO_SCHEDULE }] }); },
    /^prod\/workers: taint 'node-role\.kubernetes\.io\/control-plane' is reserved for control-plane nodes and rejected on workers\. Use another key, e\.g\. 'dedicated'\./),
  k8s('a taint value with a space', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { taints: [{ key: 'dedicated', value: 'gpu nodes', effect: TaintEffect.NO_SCHEDULE }] }); },
    /^prod\/workers: taint 'dedicated' has an invalid value 'gpu nodes'\. Use at most 63 alphanumerics, '-', '_' or '\.'\./),
  k8s('a taint effect that is not a Kubernetes effect', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { taints: [{ key: 'dedicated', effect: 'NoScheduling' as TaintEffect }] }); },
    /^prod\/workers: taint 'dedicated' has effect 'NoScheduling', which is not a taint effect\. Use TaintEffect\.NO_SCHEDULE, PREFER_NO_SCHEDULE or NO_EXECUTE\./),
  k8s('the same taint twice', 'prod/workers', (app) => {
    awsCluster(app).addNodePool('workers', { taints: [{ key: 'dedicated', value: 'a', effect: TaintEffect.NO_SCHEDULE }, { key: 'dedicated', value: 'b', effect: TaintEffect.NO_SCHEDULE }] });
  }, /^prod\/workers: taints list 'dedicated:NoSchedule' twice\. Give each key and effect one taint\./),
  k8s('node-labels passed as a kubelet argument', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { kubeletExtraArgs: { 'node-labels': 'a=b' } }); },
    /^prod\/workers: kubeletExtraArgs\['node-labels'\] is generated from nodeLabels\. Put the labels in nodeLabels instead\./),
  k8s('register-with-taints passed as a kubelet argument', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { kubeletExtraArgs: { 'register-with-taints': 'a=b:NoSchedule' } }); },
    /^prod\/workers: kubeletExtraArgs\['register-with-taints'\] is generated from taints\. Put them in taints instead\./),
  k8s('a kubelet argument written as a flag', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { kubeletExtraArgs: { '--max-pods': '110' } }); },
    /^prod\/workers: kubeletExtraArgs has an invalid argument name '--max-pods'\. Use the flag name without leading dashes, e\.g\. 'max-pods'\./),
  k8s('a kubernetes.io node label the kubelet may not set', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { nodeLabels: { 'kubernetes.io/role': 'worker' } }); },
    /^prod\/workers: nodeLabels\['kubernetes\.io\/role'\]: the kubelet may not set labels in the 'kubernetes\.io' namespace .* Use the 'node\.cluster\.x-k8s\.io\/' or 'node-role\.kubernetes\.io\/' prefix instead\./),
  k8s('a node label with an invalid value', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { nodeLabels: { tier: 'front end' } }); },
    /^prod\/workers: nodeLabels\['tier'\] has an invalid label value 'front end'\. Use at most 63 alphanumerics/),
  k8s('a MachineDeployment name over 63 characters', 'a-rather-long-cluster-name-for-seoul/general-purpose-spot', (app) => {
    new ManagedCluster(app, 'a-rather-long-cluster-name-for-seoul', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'ap-northeast-2' }) })
      .addNodePool('general-purpose-spot', { availabilityZoneCount: 1 });
  }, /^a-rather-long-cluster-name-for-seoul\/general-purpose-spot: MachineDeployment name 'a-rather-long-cluster-name-for-seoul-general-purpose-spot-ap-northeast-2a' has 73 characters; .* Shorten the cluster or pool name\./),
  k8s('a health check tolerating 150 % unhealthy machines', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { healthCheck: { maxUnhealthyPercent: 150 } }); },
    /^prod\/workers: healthCheck\.maxUnhealthyPercent \(150\) must be a whole number from 0 to 100\./),
  k8s('a health check with a 0 s unhealthy timeout', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { healthCheck: { unhealthyTimeout: Duration.seconds(0) } }); },
    /^prod\/workers: healthCheck\.unhealthyTimeout \(0s\) must be at least 1 second\./),
  k8s('a health check on a MachinePool', 'prod/mp', (app) => { awsCluster(app).addNodePool('mp', { kind: NodePoolKind.MACHINE_POOL, healthCheck: { maxUnhealthyPercent: 40 } }); },
    /^prod\/mp: healthCheck is set, but MachineHealthCheck does not remediate MachinePool machines \(kind MachinePool\)\. Remove healthCheck/),
  k8s('machinePool options on a MachineDeployment pool', 'prod/md', (app) => { awsCluster(app).addNodePool('md', { machinePool: { capacityRebalance: true } }); },
    /^prod\/md: machinePool options are set, but the pool's kind is MachineDeployment\. Set kind: NodePoolKind\.MACHINE_POOL or remove machinePool\./),
  k8s('several instance types on a MachineDeployment pool', 'prod/md', (app) => { awsCluster(app).addNodePool('md', { instanceTypes: ['m6i.large', 'm5.large'] }); },
    /^prod\/md: instanceTypes lists 2 types \(m6i\.large, m5\.large\), but kind MachineDeployment runs a single instance type\. List one type, or use NodePoolKind\.MACHINE_POOL/),
  k8s('machineType together with instanceTypes', 'prod/mp', (app) => { awsCluster(app).addNodePool('mp', { kind: NodePoolKind.MACHINE_POOL, machineType: 'm6i.large', instanceTypes: ['m5.large'] }); },
    /^prod\/mp: machineType \('m6i\.large'\) and instanceTypes are both set\. Use one of them\./),
];
