import { IConstruct } from 'constructs';
import { checkUnique } from '../../../core/collections';
import { IAM_POLICY_ARN } from '../../../core/iam';
import { ValidationError } from '../../../core/validation-error';
import { CapaIamNames } from '../capa-iam-names';
import { CapaIamProps } from '../capa-iam-props';
import { PolicyEffect, PolicyStatement } from '../policy-document';

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
  checkUnique(scope, 'secretBackends', backends, 'backend');

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
    validatePolicyArns(scope, path, arns);
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

const CONDITION_OPERATORS = new Set([
  'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
  'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
  'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
  'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', 'Null',
]);
const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'];
/** `*` or `service:Action` with wildcards (`ec2:Describe*`). */
const ACTION = /^(\*|[a-zA-Z0-9-]+:[A-Za-z0-9*?_-]+)$/;
/** `*` or an ARN (`arn:partition:service:region:account:resource`; region and account may be empty, as for S3). */
const RESOURCE = /^(\*|arn:(\*|aws(-cn|-us-gov|-iso[a-z-]*)?):[a-z0-9-*]+:[a-z0-9-*]*:(\d{12}|aws|\*)?:.+)$/;

/** Whether `op` is an IAM condition operator (with optional `ForAllValues:`/`ForAnyValue:` and `IfExists`). */
export function isConditionOperator(op: string): boolean {
  if (typeof op !== 'string') return false;
  const base = op.replace(/^(ForAllValues|ForAnyValue):/, '');
  return CONDITION_OPERATORS.has(base) || (base.endsWith('IfExists') && base !== 'NullIfExists' && CONDITION_OPERATORS.has(base.slice(0, -'IfExists'.length)));
}

/**
 * Checks statements the way IAM parses them: each statement an object with an effect of Allow or
 * Deny, `service:Action` actions, ARN-shaped resources (none in trust policies), known principal
 * types, and conditions with a known operator, a key and values. Missing or mistyped fields are
 * ValidationErrors, never a TypeError.
 */
export function validateStatements(scope: IConstruct, path: string, statements: PolicyStatement[], trust: boolean): void {
  if (!Array.isArray(statements)) {
    throw new ValidationError(scope, `${path} is ${JSON.stringify(statements)}, not a list of statements. Give an array, e.g. [{ actions: ['ec2:DescribeInstances'], resources: ['*'] }].`);
  }
  statements.forEach((s, i) => {
    const at = `${path}[${i}]`;
    if (s === null || typeof s !== 'object') {
      throw new ValidationError(scope, `${at} is ${JSON.stringify(s)}, not a statement. Give { actions, resources }.`);
    }
    if (!Array.isArray(s.actions) || s.actions.length === 0) {
      throw new ValidationError(scope, `${at} has no actions. Give at least one action, e.g. 'ec2:DescribeInstances'.`);
    }
    const badAction = s.actions.find((a) => typeof a !== 'string' || !ACTION.test(a));
    if (badAction !== undefined) {
      throw new ValidationError(scope, `${at}.actions has ${JSON.stringify(badAction)}, which is not an IAM action. Use 'service:Action', e.g. 'ec2:DescribeInstances' or 's3:Get*'.`);
    }
    if (s.effect !== undefined && s.effect !== PolicyEffect.ALLOW && s.effect !== PolicyEffect.DENY) {
      throw new ValidationError(scope, `${at}.effect '${s.effect}' is not an IAM effect. Use PolicyEffect.ALLOW or PolicyEffect.DENY.`);
    }
    if (s.sid !== undefined && (typeof s.sid !== 'string' || !/^[A-Za-z0-9]+$/.test(s.sid))) {
      throw new ValidationError(scope, `${at}.sid '${s.sid}' is not a statement id. Use letters and digits only, e.g. 'AllowDescribe'.`);
    }
    if (s.resources !== undefined && !Array.isArray(s.resources)) {
      throw new ValidationError(scope, `${at}.resources is ${JSON.stringify(s.resources)}, not a list. Give e.g. ['*'].`);
    }
    if (!trust && (!s.resources || s.resources.length === 0)) {
      throw new ValidationError(scope, `${at} (${s.actions.join(', ')}) has no resources. Give resources, e.g. ['*'].`);
    }
    if (trust && s.resources && s.resources.length > 0) {
      throw new ValidationError(scope, `${at} has resources; a trust statement (the role's assume-role policy) takes none. Remove resources.`);
    }
    const badResource = (s.resources ?? []).find((r) => typeof r !== 'string' || !RESOURCE.test(r));
    if (badResource !== undefined) {
      throw new ValidationError(scope, `${at}.resources has ${JSON.stringify(badResource)}, which is not an ARN or '*'. Use e.g. 'arn:aws:s3:::my-bucket/*' or '*'.`);
    }
    if (s.principals !== undefined && !Array.isArray(s.principals)) {
      throw new ValidationError(scope, `${at}.principals is ${JSON.stringify(s.principals)}, not a list. Give e.g. [{ type: 'Service', identifiers: ['ec2.amazonaws.com'] }].`);
    }
    if (trust && (!s.principals || s.principals.length === 0)) {
      throw new ValidationError(scope, `${at} (${s.actions.join(', ')}) has no principals; a trust statement needs one. Give principals, e.g. [{ type: 'AWS', identifiers: ['arn:aws:iam::123456789012:root'] }].`);
    }
    if (!trust && s.principals && s.principals.length > 0) {
      throw new ValidationError(scope, `${at} has principals; an identity policy (attached to a role or user) takes none. Remove principals, or put the statement in trustStatements.`);
    }
    (s.principals ?? []).forEach((p, j) => {
      if (p === null || typeof p !== 'object' || !PRINCIPAL_TYPES.includes(p.type)) {
        throw new ValidationError(scope, `${at}.principals[${j}] type ${JSON.stringify(p?.type)} is not a principal type. Use one of ${PRINCIPAL_TYPES.join(', ')}.`);
      }
      if (!Array.isArray(p.identifiers) || p.identifiers.length === 0 || p.identifiers.some((id) => typeof id !== 'string' || id.trim() === '')) {
        throw new ValidationError(scope, `${at}.principals[${j}] (${p.type}) has no identifiers or an empty one. Give e.g. ['arn:aws:iam::123456789012:root'] or ['ec2.amazonaws.com'].`);
      }
    });
    if (s.conditions !== undefined && !Array.isArray(s.conditions)) {
      throw new ValidationError(scope, `${at}.conditions is ${JSON.stringify(s.conditions)}, not a list. Give e.g. [{ operator: 'StringEquals', key: 'aws:RequestedRegion', values: ['ap-northeast-2'] }].`);
    }
    (s.conditions ?? []).forEach((c, j) => {
      if (c === null || typeof c !== 'object' || !isConditionOperator(c.operator)) {
        throw new ValidationError(scope, `${at}.conditions[${j}] operator ${JSON.stringify(c?.operator)} is not an IAM condition operator. Use e.g. 'StringEquals', 'StringLike', 'ArnLike', 'Bool' (optionally with 'ForAnyValue:'/'ForAllValues:' or 'IfExists').`);
      }
      if (typeof c.key !== 'string' || !/^[A-Za-z0-9-]+:\S+$|^[^\s:]+\S*:\S+$/.test(c.key)) {
        throw new ValidationError(scope, `${at}.conditions[${j}] key ${JSON.stringify(c.key)} is not a condition key. Use 'service:key', e.g. 'aws:RequestedRegion' or 'iam:AWSServiceName'.`);
      }
      if (!Array.isArray(c.values) || c.values.length === 0 || c.values.some((v) => typeof v !== 'string')) {
        throw new ValidationError(scope, `${at}.conditions[${j}] (${c.operator} ${c.key}) has no values or a value that is not a string. Give string values, e.g. ['true'].`);
      }
    });
  });
}

/** Checks a list of managed policy ARNs (customer or AWS managed). */
export function validatePolicyArns(scope: IConstruct, path: string, arns: string[] | undefined): void {
  if (arns === undefined) return;
  if (!Array.isArray(arns)) {
    throw new ValidationError(scope, `${path} is ${JSON.stringify(arns)}, not a list of policy ARNs. Give e.g. ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'].`);
  }
  const bad = arns.find((a) => typeof a !== 'string' || !IAM_POLICY_ARN.test(a));
  if (bad !== undefined) {
    throw new ValidationError(scope, `${path} has ${JSON.stringify(bad)}, which is not an IAM policy ARN. Use 'arn:aws:iam::<account>:policy/<name>' or 'arn:aws:iam::aws:policy/<name>'.`);
  }
}
