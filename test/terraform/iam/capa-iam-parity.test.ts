import { CapaIam, CapaIamProps, PolicyEffect, SecretBackend } from '../../../src/terraform';
import { fixtureNames, loadFixture } from '../support/cfn-fixture';
import { modelFromCloudFormation, modelFromTerraform } from '../support/iam-model';
import { synthJson, testStack } from '../support/synth';

const allowAll = (action: string) => ({ effect: PolicyEffect.ALLOW, actions: [action], resources: ['*'] });

/** The CapaIam props equivalent to each clusterawsadm v2.11.1 fixture (its golden test config). */
const CASES: Record<string, CapaIamProps> = {
  default: {},
  with_ssm_secret_backend: { secretBackends: [SecretBackend.ssmParameterStore()] },
  with_all_secret_backends: { secretBackends: [SecretBackend.secretsManager(), SecretBackend.ssmParameterStore()] },
  with_s3_bucket: { s3BucketAccess: true },
  customsuffix: { nameSuffix: '.custom-suffix.com' },
  with_bootstrap_user: { bootstrapUser: {} },
  with_custom_bootstrap_user: { bootstrapUser: { userName: 'custom-bootstrapper.cluster-api-provider-aws.sigs.k8s.io' } },
  with_different_instance_profiles: { controllers: { allowedEc2InstanceProfiles: ['customrole'] } },
  with_eks_default_roles: { nodes: { ec2ContainerRegistryReadOnly: true }, eks: { managedMachinePoolRole: true, fargateRole: true } },
  with_eks_kms_prefix: { nodes: { ec2ContainerRegistryReadOnly: true }, eks: { kmsAliasPrefix: 'custom-prefix-*' } },
  with_extra_statements: {
    bootstrapUser: { extraStatements: [allowAll('test:user-action')] },
    controlPlane: { extraStatements: [allowAll('test:action')] },
    nodes: { extraStatements: [allowAll('test:node-action')] },
    controllers: { extraStatements: [allowAll('test:controller-action')] },
  },
  with_eks_disable: { eks: { enabled: false } },
  with_eks_console: { eks: { consolePolicy: true } },
  with_allow_assume_role: { allowAssumeRole: true },
};

function synthModel(props: CapaIamProps) {
  const stack = testStack();
  new CapaIam(stack, 'capa-iam', props);
  return modelFromTerraform(synthJson(stack));
}

describe('CapaIam parity with clusterawsadm v2.11.1', () => {
  test('given the fixture directory, when listing it, then every fixture has a parity case', () => {
    expect(fixtureNames()).toHaveLength(14);
    expect(Object.keys(CASES).sort()).toEqual(fixtureNames());
  });

  describe.each(Object.keys(CASES).sort())('fixture %s', (fixture) => {
    const expected = modelFromCloudFormation(loadFixture(fixture));
    const actual = synthModel(CASES[fixture]);

    test('given the equivalent props, when synthesized, then the roles and their trust and inline policies match', () => {
      expect(actual.roles).toEqual(expected.roles);
    });

    test('given the equivalent props, when synthesized, then the instance profiles match', () => {
      expect(actual.instanceProfiles).toEqual(expected.instanceProfiles);
    });

    test('given the equivalent props, when synthesized, then the managed policies (names, descriptions, statements) match', () => {
      expect(Object.keys(actual.policies).sort()).toEqual(Object.keys(expected.policies).sort());
      for (const name of Object.keys(expected.policies)) {
        expect({ name, ...actual.policies[name] }).toEqual({ name, ...expected.policies[name] });
      }
    });

    test('given the equivalent props, when synthesized, then every policy attachment matches', () => {
      expect(actual.attachments).toEqual(expected.attachments);
    });

    test('given the equivalent props, when synthesized, then the bootstrap user and group match', () => {
      expect(actual.users).toEqual(expected.users);
      expect(actual.groups).toEqual(expected.groups);
    });
  });
});

describe('parity harness', () => {
  test('given the default fixture, when modelled, then it holds every clusterawsadm object (the comparison is not vacuous)', () => {
    const model = modelFromCloudFormation(loadFixture('default'));
    expect(Object.keys(model.roles).sort()).toEqual([
      'control-plane.cluster-api-provider-aws.sigs.k8s.io',
      'controllers.cluster-api-provider-aws.sigs.k8s.io',
      'eks-controlplane.cluster-api-provider-aws.sigs.k8s.io',
      'nodes.cluster-api-provider-aws.sigs.k8s.io',
    ]);
    expect(Object.keys(model.policies)).toHaveLength(4);
    expect(model.attachments).toHaveLength(10);
    expect(model.policies['controllers.cluster-api-provider-aws.sigs.k8s.io'].document.Statement).toHaveLength(7);
  });

  test('given props for another option, when compared with a fixture, then the models differ', () => {
    const expected = modelFromCloudFormation(loadFixture('with_s3_bucket'));
    expect(synthModel({}).policies).not.toEqual(expected.policies);
    expect(synthModel({ eks: { enabled: false } }).attachments).not.toEqual(modelFromCloudFormation(loadFixture('default')).attachments);
  });

  test('given the default props, when synthesized, then policy statements and actions keep clusterawsadm order (not only the same set)', () => {
    const stack = testStack();
    new CapaIam(stack, 'capa-iam');
    const tf = synthJson(stack);
    const fixture = loadFixture('default').Resources;
    for (const [logical, name] of [
      ['AWSIAMManagedPolicyControllers', 'controllers'],
      ['AWSIAMManagedPolicyControllersEKS', 'controllers-eks'],
      ['AWSIAMManagedPolicyCloudProviderNodes', 'nodes'],
      ['AWSIAMManagedPolicyCloudProviderControlPlane', 'control-plane'],
    ]) {
      const policy: any = Object.values(tf.resource.aws_iam_policy).find((p: any) => p.name === `${name}.cluster-api-provider-aws.sigs.k8s.io`);
      const actual = JSON.parse(policy.policy).Statement.map((s: any) => s.Action);
      expect(actual).toEqual(fixture[logical].Properties.PolicyDocument.Statement.map((s: any) => s.Action));
    }
  });
});
