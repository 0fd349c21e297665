import { CapaIam, CapaIamNames, CapaIamProps, PolicyDocument, PolicyEffect, SecretBackend } from '../../../src/terraform';
import { resourceNamed, resourcesOf, synthJson, testStack } from '../support/synth';

function synth(props: CapaIamProps = {}) {
  const stack = testStack();
  const iam = new CapaIam(stack, 'capa-iam', props);
  return { iam, tf: synthJson(stack) };
}

const policyNamed = (tf: any, name: string) => JSON.parse((Object.values(resourcesOf(tf, 'aws_iam_policy')) as any[]).find((p) => p.name === name).policy);
const roleNamed = (tf: any, name: string) => (Object.values(resourcesOf(tf, 'aws_iam_role')) as any[]).find((r) => r.name === name);

describe('CapaIam names', () => {
  test('given defaults, when constructed, then names are plain clusterawsadm strings known before apply', () => {
    const { iam } = synth();
    expect(iam.controlPlaneInstanceProfileName).toEqual('control-plane.cluster-api-provider-aws.sigs.k8s.io');
    expect(iam.nodesInstanceProfileName).toEqual('nodes.cluster-api-provider-aws.sigs.k8s.io');
    expect(iam.controllersRoleName).toEqual('controllers.cluster-api-provider-aws.sigs.k8s.io');
    expect(iam.eksControlPlaneRoleName).toEqual('eks-controlplane.cluster-api-provider-aws.sigs.k8s.io');
    expect(iam.eksNodegroupRoleName).toBeUndefined();
    expect(iam.bootstrapUserName).toBeUndefined();
  });

  test('given a prefix and suffix, when constructed, then managed names use them and the cdktf-free helper agrees', () => {
    const { iam } = synth({ namePrefix: 'acme-', nameSuffix: '.capa.acme.io' });
    expect(iam.nodesInstanceProfileName).toEqual('acme-nodes.capa.acme.io');
    expect(CapaIamNames.nodesInstanceProfile('acme-', '.capa.acme.io')).toEqual(iam.nodesInstanceProfileName);
    expect(CapaIamNames.controlPlaneInstanceProfile()).toEqual('control-plane.cluster-api-provider-aws.sigs.k8s.io');
    expect(iam.eksControlPlaneRoleName).toEqual(CapaIamNames.EKS_CONTROL_PLANE_ROLE);
  });

  test('given all EKS roles and a bootstrap user, when constructed, then their names are exposed', () => {
    const { iam } = synth({ eks: { managedMachinePoolRole: true, fargateRole: true }, bootstrapUser: { groupName: 'capa-bootstrap' } });
    expect(iam.eksNodegroupRoleName).toEqual('eks-nodegroup.cluster-api-provider-aws.sigs.k8s.io');
    expect(iam.eksFargateRoleName).toEqual('eks-fargate.cluster-api-provider-aws.sigs.k8s.io');
    expect(iam.bootstrapUserName).toEqual('bootstrapper.cluster-api-provider-aws.sigs.k8s.io');
    expect(iam.bootstrapGroupName).toEqual('capa-bootstrap');
  });
});

describe('CapaIam options beyond the fixtures', () => {
  test('given a permissions boundary, when synthesized, then every role and the bootstrap user carry it', () => {
    const boundary = 'arn:aws:iam::123456789012:policy/boundary';
    const { tf } = synth({ permissionsBoundary: boundary, bootstrapUser: {} });
    for (const r of Object.values(resourcesOf(tf, 'aws_iam_role'))) expect(r.permissions_boundary).toEqual(boundary);
    expect(resourceNamed(tf, 'aws_iam_user', 'bootstrapper-user').permissions_boundary).toEqual(boundary);
  });

  test('given trust statements, tags and extra policy ARNs on the controllers role, when synthesized, then they are applied', () => {
    const { tf } = synth({
      controllers: {
        trustStatements: [{ principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::111122223333:root'] }], actions: ['sts:AssumeRole'] }],
        tags: { team: 'platform' },
        extraPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      },
    });
    const role = roleNamed(tf, 'controllers.cluster-api-provider-aws.sigs.k8s.io');
    expect(JSON.parse(role.assume_role_policy).Statement[1]).toEqual({ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:root'] }, Action: ['sts:AssumeRole'] });
    expect(role.tags).toEqual({ team: 'platform' });
    expect((Object.values(resourcesOf(tf, 'aws_iam_role_policy_attachment')) as any[]).map((a) => a.policy_arn)).toContain('arn:aws:iam::aws:policy/ReadOnlyAccess');
  });

  test('given the controllers policy attachment disabled on the control plane, when synthesized, then only the controllers role gets it', () => {
    const { tf } = synth({ controlPlane: { disableControllersPolicyAttachment: true } });
    const ids = Object.keys(resourcesOf(tf, 'aws_iam_role_policy_attachment'));
    expect(ids.some((id) => id.includes('controllers-policy-to-control-plane'))).toBe(false);
    expect(ids.some((id) => id.includes('controllers-policy-to-controllers'))).toBe(true);
  });

  test('given the cloud provider policies disabled, when synthesized, then the control-plane and nodes policies are not created', () => {
    const { tf } = synth({ controlPlane: { disableCloudProviderPolicy: true }, nodes: { disableCloudProviderPolicy: true } });
    expect((Object.values(resourcesOf(tf, 'aws_iam_policy')) as any[]).map((p) => p.name).sort()).toEqual([
      'controllers-eks.cluster-api-provider-aws.sigs.k8s.io', 'controllers.cluster-api-provider-aws.sigs.k8s.io',
    ]);
  });

  test('given EventBridge, EKS role creation and a partition, when synthesized, then the statements follow clusterawsadm', () => {
    const { tf } = synth({ eventBridge: true, eks: { allowIamRoleCreation: true }, partition: 'aws-cn' });
    const controllers = policyNamed(tf, 'controllers.cluster-api-provider-aws.sigs.k8s.io');
    expect(controllers.Statement.at(-1).Action).toContain('sqs:ReceiveMessage');
    const eks = policyNamed(tf, 'controllers-eks.cluster-api-provider-aws.sigs.k8s.io');
    expect(eks.Statement[4].Action).toContain('iam:CreateOpenIDConnectProvider');
    expect(eks.Statement[5].Action).toEqual(['iam:GetRole', 'iam:ListAttachedRolePolicies', 'iam:DetachRolePolicy', 'iam:DeleteRole', 'iam:CreateRole', 'iam:TagRole', 'iam:AttachRolePolicy']);
    expect(eks.Statement[6].Resource).toEqual(['arn:aws-cn:iam::aws:policy/AmazonEKSClusterPolicy']);
    expect(resourceNamed(tf, 'aws_iam_role_policy_attachment', 'eks-controlplane-role-AmazonEKSClusterPolicy').policy_arn).toEqual('arn:aws-cn:iam::aws:policy/AmazonEKSClusterPolicy');
  });

  test('given a custom S3 bucket prefix, when synthesized, then the controllers may manage only buckets with that prefix', () => {
    const { tf } = synth({ s3BucketAccess: true, s3BucketNamePrefix: 'acme-capa-' });
    expect(policyNamed(tf, 'controllers.cluster-api-provider-aws.sigs.k8s.io').Statement.at(-1).Resource).toEqual(['arn:*:s3:::acme-capa-*']);
  });

  test('given the bootstrap user with extra groups and policies, when synthesized, then membership and attachments follow', () => {
    const { tf } = synth({ bootstrapUser: { extraGroups: ['admins'], extraPolicyArns: ['arn:aws:iam::aws:policy/IAMReadOnlyAccess'], tags: { a: 'b' } } });
    expect(resourceNamed(tf, 'aws_iam_user_group_membership', 'bootstrapper-membership').groups[1]).toEqual('admins');
    expect(resourceNamed(tf, 'aws_iam_user_policy_attachment', 'bootstrapper-user-IAMReadOnlyAccess').policy_arn).toEqual('arn:aws:iam::aws:policy/IAMReadOnlyAccess');
    expect(resourceNamed(tf, 'aws_iam_user', 'bootstrapper-user').tags).toEqual({ a: 'b' });
  });
});

describe('CapaIam attachment ids', () => {
  test('given extra policy ARNs, when synthesized, then attachments are named after the policy so reordering does not replace them', () => {
    const a = synth({ nodes: { extraPolicyArns: ['arn:aws:iam::aws:policy/A', 'arn:aws:iam::aws:policy/B'] } }).tf;
    const b = synth({ nodes: { extraPolicyArns: ['arn:aws:iam::aws:policy/B', 'arn:aws:iam::aws:policy/A'] } }).tf;
    expect(resourcesOf(a, 'aws_iam_role_policy_attachment')).toEqual(resourcesOf(b, 'aws_iam_role_policy_attachment'));
    expect(Object.keys(resourcesOf(a, 'aws_iam_role_policy_attachment')).some((id) => id.includes('nodes-role-AmazonEKS_CNI_Policy'))).toBe(true);
  });

  test('given an extra ARN that repeats a default one, when synthesized, then it is attached once', () => {
    const { tf } = synth({ nodes: { extraPolicyArns: ['arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy'] } });
    const arns = (Object.values(resourcesOf(tf, 'aws_iam_role_policy_attachment')) as any[]).map((x) => x.policy_arn);
    expect(arns.filter((arn) => arn === 'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy')).toHaveLength(1);
  });
});

describe('CapaIam validation', () => {
  test.each<[string, CapaIamProps, RegExp]>([
    ['a suffix with a space', { nameSuffix: '.bad suffix' }, /namePrefix\/nameSuffix give the IAM name 'control-plane.bad suffix', which has characters IAM rejects/],
    ['a name over 64 characters', { namePrefix: 'x'.repeat(30) }, /IAM role names are at most 64\. Shorten namePrefix or nameSuffix\./],
    ['no secret backend', { secretBackends: [] }, /secretBackends is empty\. Give at least one backend/],
    ['a duplicate secret backend', { secretBackends: [SecretBackend.ssmParameterStore(), SecretBackend.ssmParameterStore()] }, /secretBackends lists 'ssm-parameter-store' twice/],
    ['an S3 prefix without access', { s3BucketNamePrefix: 'acme-' }, /s3BucketNamePrefix \('acme-'\) is set but s3BucketAccess is not/],
    ['Fargate with EKS off', { eks: { enabled: false, fargateRole: true } }, /eks.enabled is false but eks.fargateRole is true\. Enable EKS or drop eks.fargateRole\./],
    ['no allowed instance profile', { controllers: { allowedEc2InstanceProfiles: [] } }, /controllers.allowedEc2InstanceProfiles is empty/],
    ['an extra statement without actions', { nodes: { extraStatements: [{ actions: [], resources: ['*'] }] } }, /nodes.extraStatements\[0\] has no actions/],
    ['an extra statement without resources', { controlPlane: { extraStatements: [{ actions: ['s3:GetObject'] }] } }, /controlPlane.extraStatements\[0\] \(s3:GetObject\) has no resources/],
    ['a bootstrap user name with a slash', { bootstrapUser: { userName: 'capa/bootstrap' } }, /bootstrapUser.userName 'capa\/bootstrap' is not a valid IAM name/],
    ['a policy listed twice', { controllers: { extraPolicyArns: ['arn:aws:iam::aws:policy/X', 'arn:aws:iam::111122223333:policy/X'] } }, /controllers.extraPolicyArns lists policy 'X' twice/],
    ['a trust statement without principals', { nodes: { trustStatements: [{ actions: ['sts:AssumeRole'] }] } }, /nodes.trustStatements\[0\] \(sts:AssumeRole\) has no principals/],
  ])('given %s, when constructed, then a ValidationError names the prop and the fix', (_, props, message) => {
    expect(() => synth(props)).toThrow(message);
  });

  test('given invalid props, when constructed, then the message starts with the construct path', () => {
    expect(() => synth({ secretBackends: [] })).toThrow(/^test\/capa-iam: secretBackends is empty/);
  });
});

describe('PolicyDocument', () => {
  test('given statements, when rendered, then keys come in a fixed order and single condition values stay strings', () => {
    expect(PolicyDocument.render([{
      sid: 'S',
      effect: PolicyEffect.DENY,
      actions: ['a:B'],
      resources: ['*'],
      conditions: [{ operator: 'StringLike', key: 'k', values: ['v'] }, { operator: 'StringLike', key: 'm', values: ['x', 'y'] }],
    }])).toEqual('{"Version":"2012-10-17","Statement":[{"Sid":"S","Effect":"Deny","Action":["a:B"],"Resource":["*"],"Condition":{"StringLike":{"k":"v","m":["x","y"]}}}]}');
  });
});
