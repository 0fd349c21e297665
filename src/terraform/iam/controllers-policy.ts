import { PolicyStatement } from './policy-document';
import { ResolvedCapaIamConfig, SECRETS_MANAGER, SSM_PARAMETER_STORE } from './private/config';
import { allow, serviceLinkedRole } from './private/statements';

/**
 * Actions the CAPA controllers need on any resource (EC2, ELB, Auto Scaling, launch templates,
 * EKS access entries), in clusterawsadm v2.11.1's order. The list repeats
 * `ec2:DescribeInstanceTypes` exactly as clusterawsadm does.
 */
const CONTROLLER_ACTIONS_ON_ANY_RESOURCE = [
  'ec2:DescribeIpamPools',
  'ec2:AllocateIpamPoolCidr',
  'ec2:AttachNetworkInterface',
  'ec2:DetachNetworkInterface',
  'ec2:AllocateAddress',
  'ec2:AssignIpv6Addresses',
  'ec2:AssignPrivateIpAddresses',
  'ec2:UnassignPrivateIpAddresses',
  'ec2:AssociateRouteTable',
  'ec2:AssociateVpcCidrBlock',
  'ec2:AttachInternetGateway',
  'ec2:AuthorizeSecurityGroupIngress',
  'ec2:CreateCarrierGateway',
  'ec2:CreateInternetGateway',
  'ec2:CreateEgressOnlyInternetGateway',
  'ec2:CreateNatGateway',
  'ec2:CreateNetworkInterface',
  'ec2:CreateRoute',
  'ec2:CreateRouteTable',
  'ec2:CreateSecurityGroup',
  'ec2:CreateSubnet',
  'ec2:CreateTags',
  'ec2:CreateVpc',
  'ec2:CreateVpcEndpoint',
  'ec2:DisassociateVpcCidrBlock',
  'ec2:ModifyVpcAttribute',
  'ec2:ModifyVpcEndpoint',
  'ec2:DeleteCarrierGateway',
  'ec2:DeleteInternetGateway',
  'ec2:DeleteEgressOnlyInternetGateway',
  'ec2:DeleteNatGateway',
  'ec2:DeleteRouteTable',
  'ec2:ReplaceRoute',
  'ec2:DeleteSecurityGroup',
  'ec2:DeleteSubnet',
  'ec2:DeleteTags',
  'ec2:DeleteVpc',
  'ec2:DeleteVpcEndpoints',
  'ec2:DescribeAccountAttributes',
  'ec2:DescribeAddresses',
  'ec2:DescribeAvailabilityZones',
  'ec2:DescribeCarrierGateways',
  'ec2:DescribeInstances',
  'ec2:DescribeInstanceTypes',
  'ec2:DescribeInternetGateways',
  'ec2:DescribeEgressOnlyInternetGateways',
  'ec2:DescribeInstanceTypes',
  'ec2:DescribeImages',
  'ec2:DescribeNatGateways',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeNetworkInterfaceAttribute',
  'ec2:DescribeRouteTables',
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeSubnets',
  'ec2:DescribeVpcs',
  'ec2:DescribeDhcpOptions',
  'ec2:DescribeVpcAttribute',
  'ec2:DescribeVpcEndpoints',
  'ec2:DescribeVolumes',
  'ec2:DescribeTags',
  'ec2:DetachInternetGateway',
  'ec2:DisassociateRouteTable',
  'ec2:DisassociateAddress',
  'ec2:ModifyInstanceAttribute',
  'ec2:ModifyNetworkInterfaceAttribute',
  'ec2:ModifySubnetAttribute',
  'ec2:ReleaseAddress',
  'ec2:RevokeSecurityGroupEgress',
  'ec2:RevokeSecurityGroupIngress',
  'ec2:RunInstances',
  'ec2:TerminateInstances',
  'ec2:GetSecurityGroupsForVpc',
  'tag:GetResources',
  'elasticloadbalancing:AddTags',
  'elasticloadbalancing:CreateLoadBalancer',
  'elasticloadbalancing:ConfigureHealthCheck',
  'elasticloadbalancing:DeleteLoadBalancer',
  'elasticloadbalancing:DeleteTargetGroup',
  'elasticloadbalancing:DescribeLoadBalancers',
  'elasticloadbalancing:DescribeLoadBalancerAttributes',
  'elasticloadbalancing:DescribeTargetGroups',
  'elasticloadbalancing:ApplySecurityGroupsToLoadBalancer',
  'elasticloadbalancing:SetSecurityGroups',
  'elasticloadbalancing:DescribeTags',
  'elasticloadbalancing:ModifyLoadBalancerAttributes',
  'elasticloadbalancing:RegisterInstancesWithLoadBalancer',
  'elasticloadbalancing:DeregisterInstancesFromLoadBalancer',
  'elasticloadbalancing:RemoveTags',
  'elasticloadbalancing:SetSubnets',
  'elasticloadbalancing:ModifyTargetGroupAttributes',
  'elasticloadbalancing:CreateTargetGroup',
  'elasticloadbalancing:DescribeListeners',
  'elasticloadbalancing:CreateListener',
  'elasticloadbalancing:DescribeTargetHealth',
  'elasticloadbalancing:RegisterTargets',
  'elasticloadbalancing:DeregisterTargets',
  'elasticloadbalancing:DeleteListener',
  'autoscaling:DescribeAutoScalingGroups',
  'autoscaling:DescribeInstanceRefreshes',
  'autoscaling:DeleteLifecycleHook',
  'autoscaling:DescribeLifecycleHooks',
  'autoscaling:PutLifecycleHook',
  'ec2:CreateLaunchTemplate',
  'ec2:CreateLaunchTemplateVersion',
  'ec2:DescribeLaunchTemplates',
  'ec2:DescribeLaunchTemplateVersions',
  'ec2:DeleteLaunchTemplate',
  'ec2:DeleteLaunchTemplateVersions',
  'ec2:DescribeKeyPairs',
  'ec2:ModifyInstanceMetadataOptions',
  'eks:CreateAccessEntry',
  'eks:DeleteAccessEntry',
  'eks:DescribeAccessEntry',
  'eks:UpdateAccessEntry',
  'eks:ListAccessEntries',
  'eks:AssociateAccessPolicy',
  'eks:DisassociateAccessPolicy',
  'eks:ListAssociatedAccessPolicies',
];

/** Auto Scaling group actions, limited to Auto Scaling group ARNs. */
const AUTOSCALING_GROUP_ACTIONS = [
  'autoscaling:CancelInstanceRefresh',
  'autoscaling:CreateAutoScalingGroup',
  'autoscaling:UpdateAutoScalingGroup',
  'autoscaling:CreateOrUpdateTags',
  'autoscaling:StartInstanceRefresh',
  'autoscaling:DeleteAutoScalingGroup',
  'autoscaling:DeleteTags',
];

/** EventBridge/SQS actions for consuming EC2 instance state events (experimental in CAPA). */
const EVENT_BRIDGE_ACTIONS = [
  'events:DeleteRule',
  'events:DescribeRule',
  'events:ListTargetsByRule',
  'events:PutRule',
  'events:PutTargets',
  'events:RemoveTargets',
  'sqs:CreateQueue',
  'sqs:DeleteMessage',
  'sqs:DeleteQueue',
  'sqs:GetQueueAttributes',
  'sqs:GetQueueUrl',
  'sqs:ReceiveMessage',
  'sqs:SetQueueAttributes',
];

/** S3 actions for the buckets CAPA creates for bootstrap data (ignition/user data). */
const S3_BUCKET_ACTIONS = [
  's3:CreateBucket',
  's3:DeleteBucket',
  's3:DeleteObject',
  's3:GetObject',
  's3:ListBucket',
  's3:PutBucketPolicy',
  's3:PutBucketTagging',
  's3:PutLifecycleConfiguration',
  's3:PutObject',
];

/** ARNs of the roles the controllers may pass to (and optionally assume for) EC2 instances. */
export function allowedRoleArns(config: ResolvedCapaIamConfig): string[] {
  return config.allowedEc2InstanceProfiles.map((p) => `arn:*:iam::*:role/${p}`);
}

/**
 * Statements of the `controllers` managed policy (clusterawsadm `AWSIAMManagedPolicyControllers`),
 * attached to the controllers role, the control-plane role and the bootstrap group.
 */
export function controllersPolicyStatements(config: ResolvedCapaIamConfig): PolicyStatement[] {
  const statements: PolicyStatement[] = [
    allow(CONTROLLER_ACTIONS_ON_ANY_RESOURCE, ['*']),
    allow(AUTOSCALING_GROUP_ACTIONS, ['arn:*:autoscaling:*:*:autoScalingGroup:*:autoScalingGroupName/*']),
    serviceLinkedRole('*', 'autoscaling.amazonaws.com', 'AWSServiceRoleForAutoScaling'),
    serviceLinkedRole('*', 'elasticloadbalancing.amazonaws.com', 'AWSServiceRoleForElasticLoadBalancing'),
    serviceLinkedRole('*', 'spot.amazonaws.com', 'AWSServiceRoleForEC2Spot'),
    allow(['iam:PassRole'], allowedRoleArns(config)),
  ];
  for (const backend of config.secretBackends) {
    if (backend === SECRETS_MANAGER) {
      statements.push(allow(
        ['secretsmanager:CreateSecret', 'secretsmanager:DeleteSecret', 'secretsmanager:TagResource'],
        ['arn:*:secretsmanager:*:*:secret:aws.cluster.x-k8s.io/*'],
      ));
    } else if (backend === SSM_PARAMETER_STORE) {
      statements.push(allow(
        ['ssm:PutParameter', 'ssm:DeleteParameter', 'ssm:AddTagsToResource'],
        ['arn:*:ssm:*:*:parameter/cluster.x-k8s.io/*'],
      ));
    }
  }
  if (config.allowAssumeRole) {
    statements.push(allow(['sts:AssumeRole'], allowedRoleArns(config)));
  }
  if (config.s3BucketAccess) {
    statements.push(allow(S3_BUCKET_ACTIONS, [`arn:*:s3:::${config.s3BucketNamePrefix}*`]));
  }
  if (config.eventBridge) {
    statements.push(allow(EVENT_BRIDGE_ACTIONS, ['*']));
  }
  return statements;
}
