/**
 * A company platform: one standard `Blueprint`, three sites, a fleet of four clusters, delivered
 * through Argo CD from a Git repository (`dist/company-platform/` is the tree to commit).
 *
 * - `standard`: 3 control-plane machines; a general pool and a spot pool over 3 AZs; the base
 *   addons (CNI, AWS cloud controller manager, EBS CSI, metrics-server, cert-manager, cluster
 *   autoscaler) and an LMA edge shipping to the company hub.
 * - `seoul` (AWS kubeadm): `prod-seoul` (runs the LMA hub: a per-cluster override) and `dev-seoul`.
 * - `tokyo` (EKS): managed node groups, the VPC CNI and EBS CSI as EKS addons.
 * - `dc1` (BYOH, pre-installed hosts, air-gapped): host pools, a registry mirror, no spot pool.
 * - `pangyo` (OpenStack): flavors and zones of the site, the OpenStack cloud controller and Cinder CSI.
 *
 * With `CAPI_BLUEPRINTS_OUTPUT_MODE=cluster-class`, the AWS kubeadm site is written as a ClusterClass
 * (`standard-seoul`, variables and patches generated from what `prod-seoul` and `dev-seoul`
 * override) with the two clusters as managed topologies, and the management cluster turns the
 * `ClusterTopology` feature gate on; the EKS, BYOH and OpenStack sites keep objects output
 * (docs/clusterclass.md).
 *
 * Run: `npx ts-node --transpile-only scripts/synth-examples.ts company-platform` (or `npm run synth`
 * for every example), then read `dist/company-platform/README.md`.
 */
import * as path from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Duration } from 'cdk8s';
import { TerraformStack } from 'cdktf';
import {
  AddonBundle,
  AddonDelivery,
  Blueprint,
  CapaIam,
  Capacity,
  Catalog,
  Fleet,
  GitOps,
  LmaBucket,
  LmaObjectStorage,
  LmaStack,
  LmaStorageCredentials,
  LmaTopology,
  ManagementCluster,
  OpenStackImage,
  OpenStackResource,
  OpenStackSecurityGroupRules,
  OutputMode,
  Override,
  Platform,
  Site,
  SiteInfrastructure,
  TerraformApp,
} from '../src';

const outdir = process.env.CAPI_BLUEPRINTS_OUTDIR ?? 'dist/company-platform';
const classOutput = process.env.CAPI_BLUEPRINTS_OUTPUT_MODE === 'cluster-class';
const platform = new Platform({ outdir });
const argoCd = AddonDelivery.argoCd({ project: 'default' });

// --- The management cluster and its GitOps engine --------------------------------------------
// Providers (cluster-api-operator) and feature gates are derived from the clusters below; AWS
// credentials come from a Secret created out of band (never inline).
const mgmt = new ManagementCluster(platform, 'mgmt', {
  gitOps: GitOps.argoCd({ repoUrl: 'https://github.com/acme/platform.git', revision: 'main', path: 'dist/company-platform' }),
  providers: { aws: { configSecret: 'capa-variables' } },
});

// --- Addons: what every cluster needs to become Ready, per infrastructure --------------------
const cni = Catalog.cilium();
const core = new AddonBundle(platform, 'core', {
  addons: [Catalog.metricsServer(), Catalog.certManager(), Catalog.clusterAutoscaler()],
  delivery: argoCd,
});
const awsKubeadm = new AddonBundle(platform, 'aws-kubeadm', {
  addons: [cni, Catalog.awsCloudControllerManager(), Catalog.awsEbsCsiDriver()],
  delivery: argoCd,
});
const openstack = new AddonBundle(platform, 'openstack', {
  addons: [cni, Catalog.openstackCloudControllerManager(), Catalog.openstackCinderCsi()],
  delivery: argoCd,
});
const onPrem = new AddonBundle(platform, 'on-prem', {
  addons: [cni, Catalog.localPathProvisioner()],
  delivery: argoCd,
});

// --- LMA: a hub on prod-seoul, edges everywhere else -----------------------------------------
const hub = new LmaStack(platform, 'lma-hub', {
  topology: LmaTopology.hub({ ingress: { domain: 'lma.acme.example', tlsSecretName: 'lma-wildcard-tls', basicAuthSecretName: 'lma-hub-htpasswd' } }),
  storage: LmaObjectStorage.s3({
    bucketPrefix: 'acme-lma',
    region: 'ap-northeast-2',
    credentials: LmaStorageCredentials.fromSecret('lma-object-storage'),
  }),
  metrics: { retention: Duration.days(2), longTermRetention: Duration.days(180) },
  grafana: { adminSecretName: 'lma-grafana-admin' },
  delivery: AddonDelivery.argoCd({ serverSideApply: true }),
});
const edgeProps = {
  topology: LmaTopology.edge(hub),
  storageCredentials: LmaStorageCredentials.fromSecret('lma-object-storage'),
  hubCredentials: { username: 'edge', password: { name: 'lma-hub-auth', key: 'password' } },
  delivery: AddonDelivery.argoCd({ serverSideApply: true }),
};
const edge = new LmaStack(platform, 'lma-edge', edgeProps);
const dc1Edge = new LmaStack(platform, 'lma-edge-dc1', { ...edgeProps, imageRegistry: 'harbor.dc1.acme.example/mirror' });

// --- The company standard --------------------------------------------------------------------
const standard = new Blueprint(platform, 'standard', {
  version: 'v1.33.4',
  controlPlane: { replicas: 3, machineType: 'm6i.xlarge' },
  nodePools: {
    general: { machineType: 'm6i.2xlarge', availabilityZoneCount: 3, autoscaling: { minSize: 1, maxSize: 5 } },
    spot: {
      machineType: 'm6i.2xlarge',
      availabilityZoneCount: 3,
      capacity: Capacity.spot(),
      autoscaling: { minSize: 0, maxSize: 10 },
      nodeLabels: { 'node.cluster.x-k8s.io/capacity': 'spot' },
    },
  },
  workerHealthCheck: { maxUnhealthyPercent: 40 },
  addons: [core, awsKubeadm],
  lma: edge,
  labels: { 'acme.example/owner': 'platform' },
  outputMode: classOutput ? OutputMode.clusterClass() : OutputMode.objects(),
});

// --- Sites (tokyo and dc1 are referred to by name from the fleet table below) ---------------
const seoul = new Site(platform, 'seoul', {
  infrastructure: SiteInfrastructure.aws({ region: 'ap-northeast-2' }),
  managementCluster: mgmt,
  overrides: { namespace: 'seoul', nodePools: { spot: { autoscaling: { maxSize: 20 } } } },
});
new Site(platform, 'tokyo', {
  outputMode: OutputMode.objects(), // EKS, BYOH and OpenStack sites are not class-based
  infrastructure: SiteInfrastructure.eks({
    region: 'ap-northeast-1',
    associateOidcProvider: true,
    addons: [
      { name: 'vpc-cni', version: 'v1.19.5-eksbuild.3' },
      { name: 'aws-ebs-csi-driver', version: 'v1.45.0-eksbuild.2', serviceAccountRoleArn: 'arn:aws:iam::111122223333:role/ebs-csi' },
    ],
  }),
  managementCluster: mgmt,
  overrides: { namespace: 'tokyo', addons: [core] }, // CNI and CSI are EKS addons; EKS runs the cloud controller
});
new Site(platform, 'dc1', {
  outputMode: OutputMode.objects(), // EKS, BYOH and OpenStack sites are not class-based
  infrastructure: SiteInfrastructure.byoh({
    controlPlaneHosts: { matchLabels: { 'acme.example/role': 'control-plane' } },
    kubeVip: { image: 'harbor.dc1.acme.example/mirror/kube-vip/kube-vip:v0.8.7' },
  }),
  managementCluster: mgmt,
  registryMirror: 'harbor.dc1.acme.example/mirror',
  overrides: {
    namespace: 'dc1',
    network: { podCidrs: ['10.233.64.0/18'], serviceCidrs: ['10.233.0.0/18'] },
    nodePools: {
      general: { byoh: { hosts: { matchLabels: { 'acme.example/pool': 'general' } } } },
      spot: { remove: true }, // no spot capacity on premises
    },
    addons: [core, onPrem],
    lma: dc1Edge,
  },
});

new Site(platform, 'pangyo', {
  outputMode: OutputMode.objects(), // EKS, BYOH and OpenStack sites are not class-based
  infrastructure: SiteInfrastructure.openstack({
    identity: { secretName: 'pangyo-cloud-config', cloudName: 'pangyo', region: 'RegionOne' }, // clouds.yaml, by reference
    externalNetwork: OpenStackResource.fromId('e98e5ab1-1775-46bb-8a7b-ae1ced2950ff'),
    securityGroups: { allNodesRules: OpenStackSecurityGroupRules.cilium() },
    availabilityZones: ['az-1', 'az-2', 'az-3'],
    machine: { image: OpenStackImage.fromName('ubuntu-2404-kube-v1.33.4'), sshKeyName: 'capi' },
  }),
  managementCluster: mgmt,
  overrides: {
    namespace: 'pangyo',
    controlPlane: { machineType: 'm1.xlarge' }, // flavors: the blueprint's machine types are AWS instance types
    nodePools: {
      general: { machineType: 'm1.2xlarge', availabilityZoneCount: 3 },
      spot: { remove: true },
    },
    addons: [core, openstack],
  },
});

// --- The fleet: in code here; `fleet.addFromFile('fleet.yaml')` reads the same from a table ----
const fleet = new Fleet(platform, 'fleet');
fleet.addCluster('prod-seoul', {
  blueprint: standard,
  site: seoul,
  overrides: { controlPlane: { machineType: 'm6i.2xlarge' }, lma: hub, labels: { environment: 'prod' } },
});
fleet.addRows([
  { name: 'dev-seoul', site: 'seoul', blueprint: 'standard', overrides: { controlPlane: { replicas: 1 }, labels: { 'environment': 'dev', 'acme.example/owner': Override.REMOVE } } },
  { name: 'prod-tokyo', site: 'tokyo', blueprint: 'standard', overrides: { labels: { environment: 'prod' } } },
  { name: 'prod-pangyo', site: 'pangyo', blueprint: 'standard', overrides: { labels: { environment: 'prod' } } },
  { name: 'prod-dc1', site: 'dc1', blueprint: 'standard', overrides: { labels: { environment: 'prod' } }, controlPlaneEndpoint: { host: '192.168.10.10' } },
], path.basename(__filename));

platform.synth();

// --- The cloud prerequisites, in the same program: Terraform JSON beside the manifests ------------
// (`<outdir>/terraform/`, outside every folder the GitOps engine syncs): the IAM roles and
// instance profiles CAPA uses (clusterawsadm's), and the LMA hub's buckets (acme-lma-metrics/-logs).
const terraform = new TerraformApp({ outdir: path.join(outdir, 'terraform') });
const seoulAccount = new TerraformStack(terraform, 'seoul');
new AwsProvider(seoulAccount, 'aws', { region: 'ap-northeast-2' });
new CapaIam(seoulAccount, 'capa-iam', { eks: { managedMachinePoolRole: true } });
new LmaBucket(seoulAccount, 'lma-metrics', { prefix: 'acme-lma', purpose: 'metrics' });
new LmaBucket(seoulAccount, 'lma-logs', { prefix: 'acme-lma', purpose: 'logs', expirationDays: 30 });
terraform.synth();
