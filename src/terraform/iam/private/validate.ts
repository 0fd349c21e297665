import { IConstruct } from 'constructs';
import { ValidationError } from '../../../core/validation-error';
import { CapaIamNames } from '../capa-iam-names';
import { CapaIamProps } from '../capa-iam-props';
import { PolicyStatement } from '../policy-document';

/** Characters IAM allows in role, user, group, instance profile and policy names. */
const IAM_NAME = /^[\w+=,.@-]+$/;
/** IAM's length limit for role and user names (instance profiles and policies allow 128). */
const ROLE_NAME_MAX = 64;

/** Checks `CapaIamProps`; throws a ValidationError naming the prop, the value and the fix. */
export function validateCapaIamProps(scope: IConstruct, props: CapaIamProps): void {
  const prefix = props.namePrefix ?? '';
  const suffix = props.nameSuffix ?? CapaIamNames.DEFAULT_NAME_SUFFIX;
  for (const component of ['control-plane', 'controllers', 'nodes', 'controllers-eks']) {
    const name = CapaIamNames.managedName(component, prefix, suffix);
    if (!IAM_NAME.test(name)) {
      throw new ValidationError(scope, `namePrefix/nameSuffix give the IAM name '${name}', which has characters IAM rejects. Use only letters, digits and + = , . @ _ -.`);
    }
    if (name.length > ROLE_NAME_MAX) {
      throw new ValidationError(scope, `namePrefix/nameSuffix give the IAM name '${name}' (${name.length} characters); IAM role names are at most ${ROLE_NAME_MAX}. Shorten namePrefix or nameSuffix.`);
    }
  }

  for (const [prop, name] of [['bootstrapUser.userName', props.bootstrapUser?.userName], ['bootstrapUser.groupName', props.bootstrapUser?.groupName]]) {
    if (name !== undefined && (!IAM_NAME.test(name) || name.length > ROLE_NAME_MAX)) {
      throw new ValidationError(scope, `${prop} '${name}' is not a valid IAM name (1-${ROLE_NAME_MAX} letters, digits and + = , . @ _ -). Fix the name.`);
    }
  }

  const backends = (props.secretBackends ?? []).map((b) => b.name);
  if (props.secretBackends && backends.length === 0) {
    throw new ValidationError(scope, 'secretBackends is empty. Give at least one backend (SecretBackend.secretsManager() or SecretBackend.ssmParameterStore()) or omit the prop.');
  }
  const duplicate = backends.find((b, i) => backends.indexOf(b) !== i);
  if (duplicate) {
    throw new ValidationError(scope, `secretBackends lists '${duplicate}' twice. List each backend once.`);
  }

  if (props.s3BucketNamePrefix !== undefined && !props.s3BucketAccess) {
    throw new ValidationError(scope, `s3BucketNamePrefix ('${props.s3BucketNamePrefix}') is set but s3BucketAccess is not. Set s3BucketAccess: true or drop s3BucketNamePrefix.`);
  }

  const eks = props.eks ?? {};
  if (eks.enabled === false) {
    const eksOnly = (['managedMachinePoolRole', 'fargateRole', 'consolePolicy', 'allowIamRoleCreation'] as const).filter((k) => eks[k]);
    if (eksOnly.length > 0) {
      throw new ValidationError(scope, `eks.enabled is false but eks.${eksOnly[0]} is true. Enable EKS or drop eks.${eksOnly[0]}.`);
    }
  }

  const profiles = props.controllers?.allowedEc2InstanceProfiles;
  if (profiles && profiles.length === 0) {
    throw new ValidationError(scope, 'controllers.allowedEc2InstanceProfiles is empty, so the controllers could not pass any role to EC2 instances. List role names or omit the prop.');
  }

  const arnLists: Array<[string, string[] | undefined]> = [
    ['controlPlane.extraPolicyArns', props.controlPlane?.extraPolicyArns],
    ['controllers.extraPolicyArns', props.controllers?.extraPolicyArns],
    ['nodes.extraPolicyArns', props.nodes?.extraPolicyArns],
    ['bootstrapUser.extraPolicyArns', props.bootstrapUser?.extraPolicyArns],
  ];
  for (const [path, arns] of arnLists) {
    const names = (arns ?? []).map((a) => a.split('/').pop());
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice !== undefined) {
      throw new ValidationError(scope, `${path} lists policy '${twice}' twice (policies are identified by name in the attachment ids). List each policy once.`);
    }
  }

  const statementSets: Array<[string, PolicyStatement[] | undefined]> = [
    ['controlPlane.extraStatements', props.controlPlane?.extraStatements],
    ['controlPlane.trustStatements', props.controlPlane?.trustStatements],
    ['controllers.extraStatements', props.controllers?.extraStatements],
    ['controllers.trustStatements', props.controllers?.trustStatements],
    ['nodes.extraStatements', props.nodes?.extraStatements],
    ['nodes.trustStatements', props.nodes?.trustStatements],
    ['bootstrapUser.extraStatements', props.bootstrapUser?.extraStatements],
  ];
  for (const [path, statements] of statementSets) {
    validateStatements(scope, path, statements ?? [], path.endsWith('trustStatements'));
  }
}

/** Checks statements: actions present, resources present (except in trust policies). */
export function validateStatements(scope: IConstruct, path: string, statements: PolicyStatement[], trust: boolean): void {
  statements.forEach((s, i) => {
    if (s.actions.length === 0) {
      throw new ValidationError(scope, `${path}[${i}] has no actions. Give at least one action, e.g. 'ec2:DescribeInstances'.`);
    }
    if (!trust && (!s.resources || s.resources.length === 0)) {
      throw new ValidationError(scope, `${path}[${i}] (${s.actions.join(', ')}) has no resources. Give resources, e.g. ['*'].`);
    }
    if (trust && (!s.principals || s.principals.length === 0)) {
      throw new ValidationError(scope, `${path}[${i}] (${s.actions.join(', ')}) has no principals; a trust statement needs one. Give principals, e.g. [{ type: 'AWS', identifiers: ['arn:aws:iam::123456789012:root'] }].`);
    }
  });
}
