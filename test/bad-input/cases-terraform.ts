/** Invalid Terraform (cdktf) constructs: CAPA IAM, CAPA network, LMA buckets, state backend. */
import { BadInputCase, tf } from './harness';
import { BucketEncryption, CapaIam, CapaNetwork, CapaNetworkProps, LmaBucket, LmaBucketProps, S3StateBackendProps, SecretBackend, StateBackend } from '../../src/terraform';

const AZS = ['ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2c'];
const network = (props: Partial<CapaNetworkProps>) => (stack: any) => { new CapaNetwork(stack, 'net', { clusterName: 'prod-seoul', availabilityZones: AZS, ...props }); };
const bucket = (props: Partial<LmaBucketProps>) => (stack: any) => { new LmaBucket(stack, 'logs', { prefix: 'acme-prod-seoul-lma', purpose: 'logs', ...props }); };
const backend = (props: Partial<S3StateBackendProps>) => (stack: any) => { StateBackend.s3(stack, { bucket: 'acme-terraform-state', region: 'ap-northeast-2', ...props }); };

export const terraformCases: BadInputCase[] = [
  tf('an IAM name suffix with a space', 'stack/capa-iam', (stack) => { new CapaIam(stack, 'capa-iam', { nameSuffix: '.bad suffix' }); },
    /^stack\/capa-iam: namePrefix\/nameSuffix give the IAM name 'control-plane\.bad suffix', which has characters IAM rejects/),
  tf('IAM names over 64 characters', 'stack/capa-iam', (stack) => { new CapaIam(stack, 'capa-iam', { namePrefix: 'x'.repeat(30) }); },
    /^stack\/capa-iam: .*IAM role names are at most 64\. Shorten namePrefix or nameSuffix\./),
  tf('no secret backend', 'stack/capa-iam', (stack) => { new CapaIam(stack, 'capa-iam', { secretBackends: [] }); },
    /^stack\/capa-iam: secretBackends is empty\. Give at least one backend/),
  tf('a secret backend listed twice', 'stack/capa-iam', (stack) => { new CapaIam(stack, 'capa-iam', { secretBackends: [SecretBackend.ssmParameterStore(), SecretBackend.ssmParameterStore()] }); },
    /^stack\/capa-iam: secretBackends lists 'ssm-parameter-store' twice/),
  tf('a Fargate role with EKS off', 'stack/capa-iam', (stack) => { new CapaIam(stack, 'capa-iam', { eks: { enabled: false, fargateRole: true } }); },
    /^stack\/capa-iam: eks\.enabled is false but eks\.fargateRole is true\. Enable EKS or drop eks\.fargateRole\./),
  tf('a bootstrap user name with a slash', 'stack/capa-iam', (stack) => { new CapaIam(stack, 'capa-iam', { bootstrapUser: { userName: 'capa/bootstrap' } }); },
    /^stack\/capa-iam: bootstrapUser\.userName 'capa\/bootstrap' is not a valid IAM name/),
  tf('an extra policy statement without actions', 'stack/capa-iam', (stack) => { new CapaIam(stack, 'capa-iam', { nodes: { extraStatements: [{ actions: [], resources: ['*'] }] } }); },
    /^stack\/capa-iam: nodes\.extraStatements\[0\] has no actions/),
  tf('a network without availability zones', 'stack/net', network({ availabilityZones: [] }),
    /^stack\/net: availabilityZones is empty\. Give at least one AZ name, e\.g\. \['ap-northeast-2a'\]\./),
  tf('a VPC CIDR larger than /16', 'stack/net', network({ cidrBlock: '10.0.0.0/8' }),
    /^stack\/net: cidrBlock '10\.0\.0\.0\/8' is not an IPv4 network CIDR between \/16 and \/24 \(AWS VPC limits\)\. Use e\.g\. '10\.0\.0\.0\/16'\./),
  tf('overlapping subnet CIDRs', 'stack/net', network({ privateSubnetCidrs: ['10.0.0.0/19', '10.0.32.0/19', '10.0.224.0/19'] }),
    /^stack\/net: subnet CIDRs 10\.0\.224\.0\/19 and 10\.0\.224\.0\/22 overlap\. Give non-overlapping privateSubnetCidrs\/publicSubnetCidrs\./),
  tf('a network cluster name with upper case', 'stack/net', network({ clusterName: 'Prod' }),
    /^stack\/net: cluster name 'Prod' is not a valid Cluster name .* Use the Cluster's metadata\.name\./),
  tf('a subnet CIDR list shorter than the AZ list', 'stack/net', network({ privateSubnetCidrs: ['10.0.0.0/19'] }),
    /^stack\/net: privateSubnetCidrs has 1 entries for 3 availabilityZones\. Give one CIDR per AZ, in the same order\./),
  tf('an LMA bucket prefix with upper case', 'stack/logs', bucket({ prefix: 'Acme' }),
    /^stack\/logs: prefix 'Acme' and purpose 'logs': 'Acme-logs' is not a valid S3 bucket name \(3-63 lowercase letters, digits and single hyphens.*\)\. Use lowercase, drop dots and underscores, shorten the prefix\./),
  tf('a negative LMA bucket expiration', 'stack/logs', bucket({ expirationDays: -1 }),
    /^stack\/logs: expirationDays \(-1\) must be a whole number from 0 to 2147483647 \(the field is an int32\)\. Use 0 to keep objects forever\./),
  tf('an IRSA issuer with https://', 'stack/logs', bucket({ irsa: { oidcProviderArn: 'arn', issuer: 'https://oidc.example', namespace: 'lma', serviceAccount: 'loki' } }),
    /^stack\/logs: irsa\.issuer 'https:\/\/oidc\.example' starts with https:\/\/; IAM condition keys use the issuer without the scheme\. Drop 'https:\/\/'\./),
  tf('an LMA bucket KMS key that is not a KMS ARN', 'stack/logs', bucket({ encryption: BucketEncryption.kms('my-key') }),
    /^stack\/logs: encryption key 'my-key' is not a KMS key ARN .* Use BucketEncryption\.kms\('arn:aws:kms:<region>:<account>:key\/<id>'\), or BucketEncryption\.kms\(\) for the AWS managed key\./),
  tf('an absolute state key', 'stack', backend({ key: '/abs/state.tfstate' }),
    /^stack: state key '\/abs\/state\.tfstate' must be a relative object key without '\.\.' .* Use e\.g\. 'platform\/aws-foundation\/terraform\.tfstate'\./),
  tf('a state bucket with upper case', 'stack', backend({ bucket: 'Bad_Bucket' }),
    /^stack: state bucket 'Bad_Bucket' is not a valid S3 bucket name\. Use the name of the existing state bucket\./),
  tf('a state region that is not a region', 'stack', backend({ region: 'seoul' }),
    /^stack: state region 'seoul' is not an AWS region name\. Use e\.g\. 'ap-northeast-2'\./),
];
