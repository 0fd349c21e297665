/**
 * Integers beyond what the target field holds (class "ranges"): every integer the library emits is
 * checked against its field's range in one place (src/core/ranges.ts). One case per kind of
 * field, each at the first value past the bound (int32 + 1, a Go duration + 1 s, port 65536, …).
 */
import { Duration } from 'cdk8s';
import { awsCluster, eksCluster } from './builders';
import { BadInputCase, k8s, tf } from './harness';
import { AddonBundle, AddonDelivery, HelmAddon, NodePoolKind, VolumeType } from '../../src';
import { LmaBucket } from '../../src/terraform';

const INT32_PLUS_1 = 2 ** 31;
const helm = (install: any) => new HelmAddon({ name: 'web', repository: 'https://charts.example.com', chart: 'web', version: '1.0.0', install });

export const rangeCases: BadInputCase[] = [
  k8s('int32 + 1 replicas', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { replicas: INT32_PLUS_1 }); },
    /^prod\/workers: replicas \(2147483648\) must be a whole number from 0 to 2147483647 \(replicas are an int32\)\./),
  k8s('an autoscaler maxSize beyond int32', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { autoscaling: { minSize: 1, maxSize: INT32_PLUS_1 } }); },
    /^prod\/workers: autoscaling\.maxSize \(2147483648\) must be a whole number from 1 to 2147483647 \(the autoscaler compares it with the int32 replicas\)\./),
  k8s('a fractional autoscaler minSize', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { autoscaling: { minSize: 0.5, maxSize: 3 } }); },
    /^prod\/workers: autoscaling\.minSize \(0\.5\) must be a whole number from 0 to 2147483647/),
  k8s('an infinite maxUnavailable', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { rollout: { maxUnavailable: Infinity } }); },
    /^prod\/workers: rollout\.maxUnavailable \(Infinity\) must be a whole number from 0 to 2147483647 \(the field is an int32\)\./),
  k8s('a drain timeout beyond int32 seconds', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { deletion: { nodeDrainTimeout: Duration.seconds(INT32_PLUS_1) } }); },
    /^prod\/workers: deletion\.nodeDrainTimeout \(2147483648s\) must be from 0 to 2147483647 seconds \(the field holds int32 seconds\)\./),
  k8s('a health-check startup timeout beyond int32 seconds', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { healthCheck: { nodeStartupTimeout: Duration.days(30000) } }); },
    /^prod\/workers: healthCheck\.nodeStartupTimeout \(2592000000s\) must be from 0 to 2147483647 seconds/),
  k8s('a control-plane remediation retry period beyond int32 seconds', 'prod', (app) => {
    awsCluster(app, { controlPlane: { remediation: { retryPeriod: Duration.days(30000) } } });
  }, /^prod: controlPlane\.remediation\.retryPeriod \(2592000000s\) must be from 0 to 2147483647 seconds/),
  k8s('control-plane replicas beyond int32', 'prod', (app) => { awsCluster(app, { controlPlane: { replicas: INT32_PLUS_1 + 1 } }); },
    /^prod: controlPlane\.replicas \(2147483649\) must be an odd number ≥ 1/),
  k8s('a control-plane remediation maxRetry beyond int32', 'prod', (app) => { awsCluster(app, { controlPlane: { remediation: { maxRetry: INT32_PLUS_1 } } }); },
    /^prod: controlPlane\.remediation\.maxRetry \(2147483648\) must be a whole number from 0 to 2147483647/),
  k8s('a Helm timeout beyond a Go duration', 'HelmAddon \'web\'', () => { helm({ timeout: Duration.days(200000) }); },
    /^HelmAddon 'web': install\.timeout \(17280000000s\) must be from 1 to 9223372036 seconds \(a Go duration holds at most 292 years\)\./),
  k8s('a Flux source interval beyond a Go duration', 'addons', (app) => {
    new AddonBundle(app, 'addons', { addons: [helm({})], delivery: AddonDelivery.flux({ sourceInterval: Duration.days(200000) }) }).attachTo(awsCluster(app));
  }, /^addons: delivery\.sourceInterval \(17280000000s\) must be from 1 to 9223372036 seconds/),
  k8s('an API server port of 65536', 'prod', (app) => { awsCluster(app, { network: { apiServerPort: 65536 } }); },
    /^prod: network\.apiServerPort \(65536\) is not a port\. Use an integer from 1 to 65535\./),
  k8s('a root volume larger than any EBS volume', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { rootVolume: { sizeGiB: 70000 } }); },
    /^prod\/workers: rootVolume\.sizeGiB \(70000\) must be a whole number from 8 to 65536 \(CAPA's minimum is 8 GiB and the largest EBS volume is 64 TiB\)\./),
  k8s('gp3 throughput above the gp3 maximum', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { rootVolume: { throughput: 4000 } }); },
    /^prod\/workers: rootVolume\.throughput \(4000\) must be a whole number from 125 to 2000 \(gp3 volumes take 125 to 2000 MiB\/s\)\./),
  k8s('io1 IOPS above the io1 maximum', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { rootVolume: { type: VolumeType.IO1, iops: 100000 } }); },
    /^prod\/workers: rootVolume\.iops \(100000\) must be a whole number from 100 to 64000 \(io1 volumes take 100 to 64000 IOPS\)\./),
  k8s('a MachinePool on-demand base beyond int32', 'prod/mp', (app) => {
    awsCluster(app).addNodePool('mp', { kind: NodePoolKind.MACHINE_POOL, instanceTypes: ['m6i.large', 'm5.large'], machinePool: { mixedInstances: { onDemandBaseCapacity: INT32_PLUS_1 } } });
  }, /^prod\/mp: machinePool\.mixedInstances\.onDemandBaseCapacity \(2147483648\) must be a whole number from 0 to 2147483647/),
  k8s('a MachinePool instance warm-up beyond int32 seconds', 'prod/mp', (app) => {
    awsCluster(app).addNodePool('mp', { kind: NodePoolKind.MACHINE_POOL, machinePool: { instanceRefresh: { instanceWarmup: Duration.seconds(INT32_PLUS_1) } } });
  }, /^prod\/mp: machinePool\.instanceRefresh\.instanceWarmup \(2147483648s\) must be from 0 to 2147483647 seconds/),
  k8s('an EKS node-group maxUnavailable of 101', 'prod/ng', (app) => { eksCluster(app).addNodePool('ng', { managedNodeGroup: { updateConfig: { maxUnavailable: 101 } } }); },
    /^prod\/ng: managedNodeGroup\.updateConfig\.maxUnavailable \(101\) must be a whole number from 1 to 100 \(EKS node-group update limit\)\./),
  tf('an LMA bucket expiration beyond int32 days', 'stack/logs', (stack) => { new LmaBucket(stack, 'logs', { prefix: 'acme-prod-seoul-lma', purpose: 'logs', expirationDays: INT32_PLUS_1 }); },
    /^stack\/logs: expirationDays \(2147483648\) must be a whole number from 0 to 2147483647/),
];
