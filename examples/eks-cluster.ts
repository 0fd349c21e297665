/**
 * Amazon EKS with Cluster API (CAPA): the old `cluster-api-aws` chart with `eksEnabled: true`,
 * written as typed constructs.
 *
 * - EKS v1.33 in a CAPA-managed VPC over three zones, private + restricted public endpoint,
 *   audit logs, KMS envelope encryption of secrets, access entries, IRSA.
 * - EKS managed addons (the chart's `eksAddons`), the EBS CSI driver with its IRSA role.
 * - A spot managed node group over 3 AZs, autoscaled 1–10 (the chart's `machinePool`, which
 *   could not do spot before CAPA v2.x).
 * - A self-managed pool (MachineDeployments + EKSConfigTemplate + AWSMachineTemplate).
 *
 * Run: `npx ts-node --transpile-only scripts/synth-examples.ts eks-cluster`
 * (writes dist/eks-cluster/).
 */
import { App, Chart } from 'cdk8s';
import {
  AllowedNamespaces,
  AwsClusterRoleIdentity,
  AwsIdentity,
  AwsNetwork,
  Capacity,
  EksAddonConflictResolution,
  EksAuthenticationMode,
  EksUpgradePolicy,
  Infrastructure,
  ManagedCluster,
  NodePoolKind,
  TaintEffect,
} from '../src';

const app = new App({ outdir: process.env.CAPI_BLUEPRINTS_OUTDIR ?? 'dist/eks-cluster' });
const account = '111122223333';

// The chart's `multitenancyId`: CAPA assumes a role in the workload account.
const identities = new Chart(app, 'identities');
const workloadAccount = new AwsClusterRoleIdentity(identities, 'workload-account', {
  name: 'workload-account',
  roleArn: `arn:aws:iam::${account}:role/capa-workload-account`,
  allowedNamespaces: AllowedNamespaces.list(['default']),
});

const cluster = new ManagedCluster(app, 'eks-prod', {
  version: 'v1.33',
  infrastructure: Infrastructure.eks({
    region: 'ap-northeast-2',
    identity: AwsIdentity.fromRoleIdentity(workloadAccount),
    network: AwsNetwork.managed({ cidr: '10.20.0.0/16', availabilityZoneCount: 3 }),
    endpointAccess: { public: true, private: true, publicCidrs: ['203.0.113.0/24'] },
    logging: { apiServer: true, audit: true, authenticator: true },
    secretsEncryption: { kmsKey: `arn:aws:kms:ap-northeast-2:${account}:alias/eks-prod-secrets` },
    access: {
      authenticationMode: EksAuthenticationMode.API_AND_CONFIG_MAP,
      entries: [{
        principalArn: `arn:aws:iam::${account}:role/platform-admins`,
        policies: [{ policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy' }],
      }],
    },
    associateOidcProvider: true,
    upgradePolicy: EksUpgradePolicy.STANDARD,
    addons: [
      { name: 'vpc-cni', version: 'v1.19.5-eksbuild.3', conflictResolution: EksAddonConflictResolution.OVERWRITE },
      { name: 'kube-proxy', version: 'v1.33.0-eksbuild.2' },
      { name: 'coredns', version: 'v1.12.1-eksbuild.2' },
      {
        name: 'aws-ebs-csi-driver',
        version: 'v1.45.0-eksbuild.2',
        serviceAccountRoleArn: `arn:aws:iam::${account}:role/eks-prod-ebs-csi-driver`,
      },
    ],
    additionalTags: { environment: 'prod' },
  }),
  labels: { environment: 'prod' },
});

// Spot managed node group over three zones; cluster-autoscaler (AWS provider) scales it 1–10.
cluster.addNodePool('spot', {
  machineType: 'm6i.xlarge',
  capacity: Capacity.spot(),
  availabilityZoneCount: 3,
  autoscaling: { minSize: 1, maxSize: 10 },
  rootVolume: { sizeGiB: 100 },
  nodeLabels: { 'node.cluster.x-k8s.io/capacity': 'spot' },
  taints: [{ key: 'capacity', value: 'spot', effect: TaintEffect.PREFER_NO_SCHEDULE }],
  managedNodeGroup: { updateConfig: { maxUnavailablePercentage: 33 }, nodeRepair: true },
});

// Self-managed workers: one MachineDeployment per zone, with MachineHealthCheck.
cluster.addNodePool('system', {
  kind: NodePoolKind.MACHINE_DEPLOYMENT,
  machineType: 'm6i.large',
  availabilityZoneCount: 2,
  replicas: 1,
  nodeLabels: { 'node-role.kubernetes.io/system': '' },
  kubeletExtraArgs: { 'max-pods': '58' },
});

app.synth();
