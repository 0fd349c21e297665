/**
 * The AWS prerequisites of a CAPA cluster, as one Terraform stack (cdktf):
 * - CAPA IAM with EKS (clusterawsadm parity),
 * - a bring-your-own VPC over three AZs in ap-northeast-2 for the cluster `prod-seoul`,
 * - an LMA log bucket with an IRSA role,
 * - remote state in S3 with native locking.
 *
 * Run: `npm run synth` (or `node -r ts-node/register/transpile-only examples/aws-foundation.ts`),
 * then `terraform -chdir=dist/aws-foundation/stacks/aws-foundation init && … apply`, then
 * `terraform -chdir=dist/aws-foundation/stacks/aws-foundation output -json > aws-foundation.outputs.json`
 * and read it with `NetworkOutputs.fromTerraformOutputJson` on the manifest side.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack } from 'cdktf';
import { CapaIam, CapaNetwork, LmaBucket, NatGateways, StateBackend, TerraformApp } from '../src';

const REGION = 'ap-northeast-2';
const CLUSTER = 'prod-seoul';

const app = new TerraformApp({ outdir: process.env.CAPI_BLUEPRINTS_OUTDIR ?? 'dist/aws-foundation', skipValidation: false });
const stack = new TerraformStack(app, 'aws-foundation');

new AwsProvider(stack, 'aws', {
  region: REGION,
  // CAPA tags what it manages with this prefix; never let Terraform remove those tags.
  ignoreTags: [{ keyPrefixes: [CapaNetwork.CAPA_TAG_PREFIX] }],
  defaultTags: [{ tags: { 'managed-by': 'capi-blueprints' } }],
});

StateBackend.s3(stack, {
  bucket: 'acme-terraform-state',
  region: REGION,
  key: 'capi-blueprints/aws-foundation/terraform.tfstate',
});

const iam = new CapaIam(stack, 'capa-iam', {
  eks: { managedMachinePoolRole: true },
  nodes: { ec2ContainerRegistryReadOnly: true },
});

new CapaNetwork(stack, 'network', {
  clusterName: CLUSTER,
  availabilityZones: [`${REGION}a`, `${REGION}b`, `${REGION}c`],
  cidrBlock: '10.20.0.0/16',
  natGateways: NatGateways.PER_AZ,
});

new LmaBucket(stack, 'lma-logs', {
  prefix: `acme-${CLUSTER}-lma`,
  purpose: 'logs',
  expirationDays: 30,
  irsa: {
    oidcProviderArn: 'arn:aws:iam::123456789012:oidc-provider/oidc.eks.ap-northeast-2.amazonaws.com/id/EXAMPLE',
    issuer: 'oidc.eks.ap-northeast-2.amazonaws.com/id/EXAMPLE',
    namespace: 'lma',
    serviceAccount: 'loki',
  },
});

app.synth();

// Names the manifests use, known before apply:
console.log(`control-plane instance profile: ${iam.controlPlaneInstanceProfileName}`);
console.log(`nodes instance profile: ${iam.nodesInstanceProfileName}`);
