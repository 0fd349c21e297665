/**
 * Self-managed Kubernetes on AWS, the way the old `cluster-api-aws` Helm chart documented it,
 * plus CAPA's own default flavor (`clusterctl generate cluster --infrastructure aws`), plus a
 * production cluster on the network and IAM of `examples/aws-foundation.ts` (Terraform).
 *
 * Run: `npm run synth` (writes dist/aws-cluster/) or
 * `npx ts-node --transpile-only examples/aws-cluster.ts`.
 */
import * as path from 'path';
import { Duration } from 'cdk8s';
import {
  AddonBundle,
  AwsNetwork,
  CapaIamNames,
  Capacity,
  Catalog,
  DeletionOrder,
  Infrastructure,
  LoadBalancerType,
  ManagedCluster,
  NetworkOutputs,
  Platform,
  VolumeType,
} from '../src';

const app = new Platform({ outdir: process.env.CAPI_BLUEPRINTS_OUTDIR ?? 'dist/aws-cluster' });

// --- The chart's documented setup -----------------------------------------------------------
// 3 control-plane nodes, a spot pool over 3 AZs autoscaled 1–3 per AZ, and a fixed pool.
const quickstart = new ManagedCluster(app, 'capi-quickstart', {
  version: 'v1.33.4',
  infrastructure: Infrastructure.aws({
    region: 'ap-northeast-2',
    sshKeyName: 'default',
    network: AwsNetwork.managed({ cidr: '10.0.0.0/16', availabilityZoneCount: 3 }),
  }),
  network: { podCidrs: ['192.168.0.0/16'] },
  controlPlane: {
    replicas: 3,
    machineType: 't3.large',
    rootVolume: { sizeGiB: 8, type: VolumeType.GP3 },
    etcd: { extraArgs: { 'listen-metrics-urls': 'http://0.0.0.0:2381' } },
    certificatesExpiryDays: 21,
  },
  labels: { environment: 'quickstart' },
});

quickstart.addNodePool('spot', {
  machineType: 't3.large',
  rootVolume: { sizeGiB: 20, type: VolumeType.GP3 },
  capacity: Capacity.spot(),
  availabilityZoneCount: 3,
  autoscaling: { minSize: 1, maxSize: 3 },
  // `taco-lma: enabled` never reached the Nodes with the chart (CAPI does not propagate it);
  // here it goes through the kubelet's node-labels flag, the role label through the Machine.
  nodeLabels: { 'taco-lma': 'enabled', 'node-role.kubernetes.io/worker': '' },
  deletion: { order: DeletionOrder.OLDEST, nodeDrainTimeout: Duration.minutes(10) },
});

quickstart.addNodePool('normal', {
  machineType: 't3.large',
  rootVolume: { sizeGiB: 20, type: VolumeType.GP3 },
  replicas: 1,
  kubeletExtraArgs: { 'max-pods': '110' },
});

// --- CAPA's default flavor -------------------------------------------------------------------
// One control-plane machine and one MachineDeployment, classic ELB, default network.
const capaDefault = new ManagedCluster(app, 'capa-default', {
  version: 'v1.33.4',
  infrastructure: Infrastructure.aws({
    region: 'us-east-1',
    sshKeyName: 'default',
    controlPlaneLoadBalancer: { type: LoadBalancerType.CLASSIC },
  }),
  controlPlane: { replicas: 1, machineType: 't3.large' },
});
capaDefault.addNodePool('md-0', { machineType: 't3.large', replicas: 1 });

// --- On the Terraform foundation (two phases) ------------------------------------------------
// Phase 1: `npm run synth` and `terraform apply` of examples/aws-foundation.ts (IAM + VPC).
// Phase 2: `terraform -chdir=dist/aws-foundation/stacks/aws-foundation output -json > outputs.json`
// and point AWS_FOUNDATION_OUTPUTS at it. Without it this example reads a sample of that file.
// Names known before apply (instance profiles) come from the same functions CapaIam uses.
const outputsFile = process.env.AWS_FOUNDATION_OUTPUTS ?? path.join(__dirname, 'aws-foundation.outputs.json');
const foundation = NetworkOutputs.fromTerraformOutputJson(outputsFile, {
  clusterName: 'prod-seoul',
  terraformDir: 'dist/aws-foundation/stacks/aws-foundation',
});

const prod = new ManagedCluster(app, 'prod-seoul', {
  version: 'v1.33.4',
  infrastructure: Infrastructure.aws({
    region: 'ap-northeast-2',
    network: AwsNetwork.existing({
      vpcId: foundation.vpcId,
      subnetIds: foundation.availabilityZones.flatMap((az) => [foundation.privateSubnetId(az), foundation.publicSubnetId(az)]),
    }),
    controlPlaneLoadBalancer: { allowedCidrs: ['203.0.113.0/24'] },
  }),
  controlPlane: {
    replicas: 3,
    machineType: 'm6i.xlarge',
    iamInstanceProfile: CapaIamNames.controlPlaneInstanceProfile(),
  },
  labels: { environment: 'prod' },
});
prod.addNodePool('general', {
  machineType: 'm6i.2xlarge',
  availabilityZones: foundation.availabilityZones,
  autoscaling: { minSize: 1, maxSize: 10 },
  iamInstanceProfile: CapaIamNames.nodesInstanceProfile(),
  nodeLabels: { 'node-role.kubernetes.io/worker': '' },
});

// Nodes become Ready only with a CNI, the AWS cloud controller manager (external cloud provider)
// and, for volumes, the EBS CSI driver: the same addons for all three clusters (HelmChartProxy).
new AddonBundle(app, 'aws-base', {
  addons: [Catalog.cilium(), Catalog.awsCloudControllerManager(), Catalog.awsEbsCsiDriver()],
}).attachTo(quickstart, capaDefault, prod);

app.synth();
