import { PolicyStatement } from './policy-document';
import { ResolvedCapaIamConfig, SECRETS_MANAGER, SSM_PARAMETER_STORE } from './private/config';
import { allow } from './private/statements';

/** Actions the AWS cloud provider and kubelet need on every node (EC2 metadata, ECR pulls). */
const CLOUD_PROVIDER_NODE_ACTIONS = [
  'ec2:AssignIpv6Addresses',
  'ec2:DescribeInstances',
  'ec2:DescribeRegions',
  'ec2:CreateTags',
  'ec2:DescribeTags',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeInstanceTypes',
  'ecr:GetAuthorizationToken',
  'ecr:BatchCheckLayerAvailability',
  'ecr:GetDownloadUrlForLayer',
  'ecr:GetRepositoryPolicy',
  'ecr:DescribeRepositories',
  'ecr:ListImages',
  'ecr:BatchGetImage',
];

/** Actions of the SSM agent (Session Manager) and of reading S3 encryption settings. */
const SSM_AGENT_ACTIONS = [
  'ssm:UpdateInstanceInformation',
  'ssmmessages:CreateControlChannel',
  'ssmmessages:CreateDataChannel',
  'ssmmessages:OpenControlChannel',
  'ssmmessages:OpenDataChannel',
  's3:GetEncryptionConfiguration',
];

/**
 * Statements of the `nodes` managed policy (clusterawsadm `AWSIAMManagedPolicyCloudProviderNodes`),
 * attached to the control-plane and nodes roles: node permissions, reading (then deleting) the
 * bootstrap secret from each configured backend, and the SSM agent.
 */
export function nodesPolicyStatements(config: ResolvedCapaIamConfig): PolicyStatement[] {
  const statements: PolicyStatement[] = [allow(CLOUD_PROVIDER_NODE_ACTIONS, ['*'])];
  for (const backend of config.secretBackends) {
    if (backend === SECRETS_MANAGER) {
      statements.push(allow(
        ['secretsmanager:DeleteSecret', 'secretsmanager:GetSecretValue'],
        ['arn:*:secretsmanager:*:*:secret:aws.cluster.x-k8s.io/*'],
      ));
    } else if (backend === SSM_PARAMETER_STORE) {
      statements.push(allow(
        ['ssm:DeleteParameter', 'ssm:GetParameter'],
        ['arn:*:ssm:*:*:parameter/cluster.x-k8s.io/*'],
      ));
    }
  }
  statements.push(allow(SSM_AGENT_ACTIONS, ['*']));
  return statements;
}
