import { PolicyCondition, PolicyEffect, PolicyStatement } from '../policy-document';

/** A statement that allows `actions` on `resources`, the form most clusterawsadm statements take. */
export function allow(actions: string[], resources: string[], conditions?: PolicyCondition[]): PolicyStatement {
  return conditions
    ? { effect: PolicyEffect.ALLOW, actions, resources, conditions }
    : { effect: PolicyEffect.ALLOW, actions, resources };
}

/** A `StringLike` condition on one key. */
export function stringLike(key: string, value: string): PolicyCondition {
  return { operator: 'StringLike', key, values: [value] };
}

/** A trust statement letting the AWS services `services` assume a role. */
export function serviceTrust(services: string[]): PolicyStatement {
  return { effect: PolicyEffect.ALLOW, principals: [{ type: 'Service', identifiers: services }], actions: ['sts:AssumeRole'] };
}

/** The ARN of an AWS managed policy in `partition`. */
export function awsManagedPolicyArn(partition: string, name: string): string {
  return `arn:${partition}:iam::aws:policy/${name}`;
}

/** A `iam:CreateServiceLinkedRole` statement for one AWS service, as clusterawsadm writes it. */
export function serviceLinkedRole(arnPartition: string, service: string, roleName: string, conditionService: string = service): PolicyStatement {
  return allow(
    ['iam:CreateServiceLinkedRole'],
    [`arn:${arnPartition}:iam::*:role/aws-service-role/${service}/${roleName}`],
    [stringLike('iam:AWSServiceName', conditionService)],
  );
}
