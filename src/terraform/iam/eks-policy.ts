import { PolicyStatement } from './policy-document';
import { ResolvedCapaIamConfig } from './private/config';
import { allow, serviceLinkedRole } from './private/statements';

/** EKS cluster and node group actions, limited to cluster and node group ARNs. */
const EKS_CLUSTER_ACTIONS = [
  'eks:DescribeCluster',
  'eks:ListClusters',
  'eks:CreateCluster',
  'eks:TagResource',
  'eks:UpdateClusterVersion',
  'eks:DeleteCluster',
  'eks:UpdateClusterConfig',
  'eks:UntagResource',
  'eks:UpdateNodegroupVersion',
  'eks:DescribeNodegroup',
  'eks:DeleteNodegroup',
  'eks:UpdateNodegroupConfig',
  'eks:CreateNodegroup',
  'eks:AssociateEncryptionConfig',
  'eks:ListIdentityProviderConfigs',
  'eks:AssociateIdentityProviderConfig',
  'eks:DescribeIdentityProviderConfig',
  'eks:DisassociateIdentityProviderConfig',
];

/** EKS addon and Fargate profile actions (plus VPC CIDR association), on any resource. */
const EKS_ADDON_ACTIONS = [
  'ec2:AssociateVpcCidrBlock',
  'ec2:DisassociateVpcCidrBlock',
  'eks:ListAddons',
  'eks:CreateAddon',
  'eks:DescribeAddonVersions',
  'eks:DescribeAddon',
  'eks:DeleteAddon',
  'eks:UpdateAddon',
  'eks:TagResource',
  'eks:DescribeFargateProfile',
  'eks:CreateFargateProfile',
  'eks:DeleteFargateProfile',
];

/** OIDC provider actions, needed only when controllers create IAM roles per cluster. */
const OIDC_PROVIDER_ACTIONS = [
  'iam:ListOpenIDConnectProviders',
  'iam:GetOpenIDConnectProvider',
  'iam:CreateOpenIDConnectProvider',
  'iam:AddClientIDToOpenIDConnectProvider',
  'iam:UpdateOpenIDConnectProviderThumbprint',
  'iam:DeleteOpenIDConnectProvider',
  'iam:TagOpenIDConnectProvider',
];

/** Actions of the `eks-console` policy: view EKS nodes and workloads in the AWS console. */
const EKS_CONSOLE_ACTIONS = [
  'eks:DescribeNodegroup',
  'eks:ListNodegroups',
  'eks:DescribeCluster',
  'eks:ListClusters',
  'eks:AccessKubernetesApi',
  'ssm:GetParameter',
  'eks:ListUpdates',
  'eks:ListFargateProfiles',
];

/**
 * Statements of the `controllers-eks` managed policy (clusterawsadm
 * `AWSIAMManagedPolicyControllersEKS`), created unless EKS is disabled.
 */
export function controllersEksPolicyStatements(config: ResolvedCapaIamConfig): PolicyStatement[] {
  const roleActions = ['iam:GetRole', 'iam:ListAttachedRolePolicies'];
  const statements: PolicyStatement[] = [
    allow(['ssm:GetParameter'], ['arn:*:ssm:*:*:parameter/aws/service/eks/optimized-ami/*']),
    serviceLinkedRole('*', 'eks.amazonaws.com', 'AWSServiceRoleForAmazonEKS'),
    serviceLinkedRole('*', 'eks-nodegroup.amazonaws.com', 'AWSServiceRoleForAmazonEKSNodegroup'),
    serviceLinkedRole(config.partition, 'eks-fargate-pods.amazonaws.com', 'AWSServiceRoleForAmazonEKSForFargate', 'eks-fargate.amazonaws.com'),
  ];
  if (config.eksAllowIamRoleCreation) {
    roleActions.push('iam:DetachRolePolicy', 'iam:DeleteRole', 'iam:CreateRole', 'iam:TagRole', 'iam:AttachRolePolicy');
    statements.push(allow(OIDC_PROVIDER_ACTIONS, ['*']));
  }
  statements.push(
    allow(roleActions, ['arn:*:iam::*:role/*']),
    allow(['iam:GetPolicy'], [`arn:${config.partition}:iam::aws:policy/AmazonEKSClusterPolicy`]),
    allow(EKS_CLUSTER_ACTIONS, ['arn:*:eks:*:*:cluster/*', 'arn:*:eks:*:*:nodegroup/*/*/*']),
    allow(EKS_ADDON_ACTIONS, ['*']),
    allow(['iam:PassRole'], ['*'], [{ operator: 'StringEquals', key: 'iam:PassedToService', values: ['eks.amazonaws.com'] }]),
    allow(['kms:CreateGrant', 'kms:DescribeKey'], ['*'], [
      { operator: 'ForAnyValue:StringLike', key: 'kms:ResourceAliases', values: [`alias/${config.eksKmsAliasPrefix}`] },
    ]),
  );
  return statements;
}

/** Statements of the `eks-console` managed policy (clusterawsadm `AWSIAMManagedPolicyEKSConsole`). */
export function eksConsolePolicyStatements(): PolicyStatement[] {
  return [allow(EKS_CONSOLE_ACTIONS, ['*'])];
}
