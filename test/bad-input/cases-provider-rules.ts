/**
 * Provider rules checked at synth (class "provider rules"): CAPA/AWS tag rules, CIDR feasibility
 * (Kubernetes pod and service ranges, CAPA's VPC subnet split, IPv4-only fields), IAM statements,
 * policy ARNs, role-name lengths and IRSA inputs.
 */
import { awsCluster, eksCluster } from './builders';
import { BadInputCase, k8s, tf } from './harness';
import { AwsNetwork } from '../../src';
import { CapaIam, LmaBucket, LmaBucketProps, PolicyEffect } from '../../src/terraform';

const OIDC = 'arn:aws:iam::123456789012:oidc-provider/oidc.eks.ap-northeast-2.amazonaws.com/id/ABC';
const ISSUER = 'oidc.eks.ap-northeast-2.amazonaws.com/id/ABC';
const irsaBucket = (irsa: Partial<NonNullable<LmaBucketProps['irsa']>>, props: Partial<LmaBucketProps> = {}) => (stack: any) => {
  new LmaBucket(stack, 'logs', { prefix: 'acme-prod-seoul-lma', purpose: 'logs', irsa: { oidcProviderArn: OIDC, issuer: ISSUER, namespace: 'lma', serviceAccount: 'loki', ...irsa }, ...props });
};
const iam = (props: any) => (stack: any) => { new CapaIam(stack, 'capa-iam', props); };

export const providerRuleCases: BadInputCase[] = [
  // tags (CAPA webhook Tags.Validate and AWS)
  k8s('a tag key with the reserved aws: prefix', 'prod', (app) => { awsCluster(app, {}, { additionalTags: { 'aws:owner': 'me' } }); },
    /^prod: additionalTags key 'aws:owner' uses the prefix 'aws:', which AWS reserves for its own tags\. Use another prefix, e\.g\. 'owner'\./),
  k8s('a tag key with characters AWS rejects', 'prod', (app) => { awsCluster(app, {}, { additionalTags: { 'cost#center': '1' } }); },
    /^prod: additionalTags key 'cost#center' has characters AWS tags do not allow\. Use letters, digits, spaces and _ \. : \/ = \+ - @ only\./),
  k8s('a tag value over 256 characters', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { additionalTags: { team: 'x'.repeat(257) } }); },
    /^prod\/workers: additionalTags\['team'\] has 257 characters; AWS tag values have at most 256\. Shorten the value\./),
  k8s('a tag key over 128 characters', 'prod', (app) => { awsCluster(app, {}, { network: AwsNetwork.managed({ tags: { ['k'.repeat(129)]: 'v' } }) }); },
    /^prod: network tags key 'k{40}…' has 129 characters; AWS tag keys have at most 128\. Shorten the key\./),
  k8s('51 tags', 'prod', (app) => { awsCluster(app, {}, { additionalTags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, 'v'])) }); },
    /^prod: additionalTags has 51 tags; CAPA and AWS accept at most 50 user tags per resource\. Remove 1 tag\(s\)\./),
  k8s('a managed node group tag with the aws: prefix', 'prod/ng', (app) => { eksCluster(app).addNodePool('ng', { additionalTags: { 'AWS:x': 'y' } }); },
    /^prod\/ng: additionalTags key 'AWS:x' uses the prefix 'aws:'/),
  // CIDR feasibility
  k8s('a service range larger than /12', 'prod', (app) => { awsCluster(app, { network: { serviceCidrs: ['10.64.0.0/10'] } }); },
    /^prod: network\.serviceCidrs '10\.64\.0\.0\/10' is larger than \/12; the API server refuses service ranges of more than 2\^20 addresses\. Use a \/12 or smaller block, e\.g\. '10\.96\.0\.0\/12'\./),
  k8s('an IPv6 service range larger than /108', 'prod', (app) => { awsCluster(app, { network: { podCidrs: ['192.168.0.0/16', 'fd00:10:244::/56'], serviceCidrs: ['10.96.0.0/12', 'fd00:10:96::/64'] } }); },
    /^prod: network\.serviceCidrs 'fd00:10:96::\/64' is larger than \/108/),
  k8s('a pod range smaller than the per-node /24', 'prod', (app) => { awsCluster(app, { network: { podCidrs: ['192.168.0.0/25'] } }); },
    /^prod: network\.podCidrs '192\.168\.0\.0\/25' is smaller than one node's pod range \(\/24\), so no node would get pod addresses\. Use a block of \/16 or larger/),
  k8s('a pod range smaller than a custom per-node mask', 'prod', (app) => {
    awsCluster(app, { network: { podCidrs: ['192.168.0.0/20'] }, controlPlane: { controllerManager: { extraArgs: { 'node-cidr-mask-size': '19' } } } });
  }, /^prod: network\.podCidrs '192\.168\.0\.0\/20' is smaller than one node's pod range \(\/19\)/),
  k8s('a pod range more than 16 bits above the node mask', 'prod', (app) => { awsCluster(app, { network: { podCidrs: ['10.0.0.0/7'], serviceCidrs: ['192.168.0.0/16'] } }); },
    /^prod: network\.podCidrs '10\.0\.0\.0\/7' is more than 16 bits larger than the per-node mask \/24; the controller manager refuses it\./),
  k8s('two IPv4 pod blocks', 'prod', (app) => { awsCluster(app, { network: { podCidrs: ['192.168.0.0/17', '192.168.128.0/17'] } }); },
    /^prod: network\.podCidrs has two IPv4 blocks \('192\.168\.0\.0\/17', '192\.168\.128\.0\/17'\)\. Kubernetes takes one block per IP family/),
  k8s('three service blocks', 'prod', (app) => { awsCluster(app, { network: { serviceCidrs: ['10.96.0.0/16', 'fd00::/108', '10.97.0.0/16'] } }); },
    /^prod: network\.serviceCidrs has 3 blocks/),
  k8s('pods and services of different families', 'prod', (app) => { awsCluster(app, { network: { podCidrs: ['fd00:10:244::/56'], serviceCidrs: ['10.96.0.0/12'] } }); },
    /^prod: network\.podCidrs 'fd00:10:244::\/56' and network\.serviceCidrs '10\.96\.0\.0\/12' are of different IP families/),
  k8s('a VPC too small for its subnets', 'prod', (app) => { awsCluster(app, {}, { network: AwsNetwork.managed({ cidr: '10.0.0.0/26', availabilityZoneCount: 3 }) }); },
    /^prod: network cidr '10\.0\.0\.0\/26' is too small for 3 availability zone\(s\): CAPA splits it into 4 blocks and one of them into 3 public subnets of \/30, but AWS subnets are at most \/28\./),
  k8s('a VPC larger than /16', 'prod', (app) => { awsCluster(app, {}, { network: AwsNetwork.managed({ cidr: '10.0.0.0/8' }) }); },
    /^prod: network cidr '10\.0\.0\.0\/8' is \/8; AWS VPCs take \/16 to \/28\./),
  k8s('an IPv6 VPC CIDR', 'prod', (app) => { awsCluster(app, {}, { network: AwsNetwork.managed({ cidr: 'fd00::/56' }) }); },
    /^prod: network cidr 'fd00::\/56' is not an IPv4 block; an AWS VPC's primary CIDR is IPv4\./),
  k8s('an IPv6 block in the IPv4-only load-balancer CIDRs', 'prod', (app) => { awsCluster(app, {}, { controlPlaneLoadBalancer: { allowedCidrs: ['2001:db8::/32'] } }); },
    /^prod: controlPlaneLoadBalancer\.allowedCidrs has '2001:db8::\/32', an IPv6 block, but the field takes IPv4 blocks only\./),
  k8s('an IPv6 block in the EKS public-access CIDRs', 'prod', (app) => { eksCluster(app, { endpointAccess: { public: true, publicCidrs: ['2001:db8::/32'] } }); },
    /^prod: endpointAccess\.publicCidrs has '2001:db8::\/32', an IPv6 block, but the field takes IPv4 blocks only\./),
  // IAM statements, policy ARNs, role names
  tf('a statement action without a service prefix', 'stack/capa-iam', iam({ nodes: { extraStatements: [{ actions: ['DescribeInstances'], resources: ['*'] }] } }),
    /^stack\/capa-iam: nodes\.extraStatements\[0\]\.actions has "DescribeInstances", which is not an IAM action\. Use 'service:Action'/),
  tf('a statement effect that is not Allow or Deny', 'stack/capa-iam', iam({ nodes: { extraStatements: [{ effect: 'Permit' as PolicyEffect, actions: ['ec2:DescribeInstances'], resources: ['*'] }] } }),
    /^stack\/capa-iam: nodes\.extraStatements\[0\]\.effect 'Permit' is not an IAM effect\. Use PolicyEffect\.ALLOW or PolicyEffect\.DENY\./),
  tf('a resource that is not an ARN', 'stack/capa-iam', iam({ controllers: { extraStatements: [{ actions: ['s3:GetObject'], resources: ['my-bucket/*'] }] } }),
    /^stack\/capa-iam: controllers\.extraStatements\[0\]\.resources has "my-bucket\/\*", which is not an ARN or '\*'\./),
  tf('an unknown condition operator', 'stack/capa-iam', iam({ nodes: { extraStatements: [{ actions: ['ec2:RunInstances'], resources: ['*'], conditions: [{ operator: 'StringEqual', key: 'aws:RequestedRegion', values: ['ap-northeast-2'] }] }] } }),
    /^stack\/capa-iam: nodes\.extraStatements\[0\]\.conditions\[0\] operator "StringEqual" is not an IAM condition operator\./),
  tf('a statement without actions (missing field)', 'stack/capa-iam', iam({ nodes: { extraStatements: [{ resources: ['*'] }] } }),
    /^stack\/capa-iam: nodes\.extraStatements\[0\] has no actions\./),
  tf('a condition without values (missing field)', 'stack/capa-iam', iam({ nodes: { extraStatements: [{ actions: ['ec2:RunInstances'], resources: ['*'], conditions: [{ operator: 'Bool', key: 'aws:SecureTransport' }] }] } }),
    /^stack\/capa-iam: nodes\.extraStatements\[0\]\.conditions\[0\] \(Bool aws:SecureTransport\) has no values/),
  tf('a principal in an identity policy', 'stack/capa-iam', iam({ nodes: { extraStatements: [{ actions: ['s3:GetObject'], resources: ['*'], principals: [{ type: 'AWS', identifiers: ['*'] }] }] } }),
    /^stack\/capa-iam: nodes\.extraStatements\[0\] has principals; an identity policy .* takes none\./),
  tf('a trust statement with an unknown principal type', 'stack/capa-iam', iam({ nodes: { trustStatements: [{ actions: ['sts:AssumeRole'], principals: [{ type: 'Account', identifiers: ['123456789012'] }] }] } }),
    /^stack\/capa-iam: nodes\.trustStatements\[0\]\.principals\[0\] type "Account" is not a principal type\./),
  tf('an extra policy that is not a policy ARN', 'stack/capa-iam', iam({ nodes: { extraPolicyArns: ['AmazonSSMManagedInstanceCore'] } }),
    /^stack\/capa-iam: nodes\.extraPolicyArns has "AmazonSSMManagedInstanceCore", which is not an IAM policy ARN\./),
  k8s('an EKS node-group role name over 64 characters', 'prod/ng', (app) => { eksCluster(app).addNodePool('ng', { managedNodeGroup: { roleName: 'r'.repeat(65) } }); },
    /^prod\/ng: managedNodeGroup\.roleName 'r{65}' has 65 characters; IAM role names have at most 64\./),
  k8s('an EKS node-group policy that is not an ARN', 'prod/ng', (app) => { eksCluster(app, { allowAddRoles: true }).addNodePool('ng', { managedNodeGroup: { roleAdditionalPolicies: ['ReadOnlyAccess'] } }); },
    /^prod\/ng: managedNodeGroup\.roleAdditionalPolicies has 'ReadOnlyAccess', which is not an IAM policy ARN\./),
  k8s('an EKS control-plane role name with a space', 'prod', (app) => { eksCluster(app, { roleName: 'eks control plane' }); },
    /^prod: roleName 'eks control plane' has characters IAM rejects/),
  // IRSA
  tf('a default IRSA role name over 64 characters', 'stack/logs', irsaBucket({}, { prefix: `acme-${'x'.repeat(50)}` }),
    /^stack\/logs: IRSA role name 'acme-x{50}-logs-irsa' \(the bucket name \+ '-irsa'\) has 65 characters; IAM role names have at most 64\. Set irsa\.roleName/),
  tf('an IRSA OIDC provider that is not an ARN', 'stack/logs', irsaBucket({ oidcProviderArn: 'oidc.eks.ap-northeast-2.amazonaws.com/id/ABC' }),
    /^stack\/logs: irsa\.oidcProviderArn 'oidc\.eks\.ap-northeast-2\.amazonaws\.com\/id\/ABC' is not an IAM OIDC provider ARN\./),
  tf('an IRSA issuer that is not the provider\'s', 'stack/logs', irsaBucket({ issuer: 'oidc.eks.ap-northeast-2.amazonaws.com/id/XYZ' }),
    /^stack\/logs: irsa\.issuer 'oidc\.eks\.ap-northeast-2\.amazonaws\.com\/id\/XYZ' is not the issuer of irsa\.oidcProviderArn \('oidc\.eks\.ap-northeast-2\.amazonaws\.com\/id\/ABC'\)/),
  tf('an IRSA namespace that is not a namespace name', 'stack/logs', irsaBucket({ namespace: 'LMA' }),
    /^stack\/logs: irsa\.namespace 'LMA' is not a Kubernetes namespace name\./),
  tf('an IRSA service account with a colon', 'stack/logs', irsaBucket({ serviceAccount: 'lma:loki' }),
    /^stack\/logs: irsa\.serviceAccount 'lma:loki' is not a ServiceAccount name\./),
];
