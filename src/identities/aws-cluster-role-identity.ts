import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { AllowedNamespaces } from './allowed-namespaces';
import { nonEmptyList } from '../core/collections';
import { wholeSeconds } from '../core/durations';
import { ValidationError } from '../core/validation-error';
import { clusterScoped, renderAllowedNamespaces, validateIdentityName } from './private/identity-object';
import * as capa from '../imports/capa/infrastructure.cluster.x-k8s.io';
import { AwsIdentity, AwsIdentityKind, IAwsClusterIdentity } from '../providers/aws/aws-identity';

/** Props of an `AwsClusterRoleIdentity`. */
export interface AwsClusterRoleIdentityProps {
  /** Object name, referenced by clusters' `identityRef` (e.g. the chart's `multitenancyId.name`). */
  readonly name: string;
  /** ARN of the IAM role CAPA assumes, e.g. `arn:aws:iam::111122223333:role/capa-tenant`. */
  readonly roleArn: string;
  /** Namespaces whose clusters may use this identity. */
  readonly allowedNamespaces: AllowedNamespaces;
  /**
   * Identity used to assume the role (role chaining).
   * @default AwsIdentity.controller()
   */
  readonly sourceIdentity?: AwsIdentity;
  /**
   * External id the role's trust policy requires.
   * @default - none
   */
  readonly externalId?: string;
  /**
   * Session name of the assumed role.
   * @default - CAPA's default
   */
  readonly sessionName?: string;
  /**
   * Session duration (15 minutes to 12 hours).
   * @default - CAPA's default (15 minutes)
   */
  readonly sessionDuration?: Duration;
  /**
   * Managed policy ARNs that further restrict the session.
   * @default - none
   */
  readonly policyArns?: string[];
}

/**
 * An `AWSClusterRoleIdentity`: CAPA assumes an IAM role (e.g. in another account) to manage
 * the clusters that reference it. Use it with `AwsIdentity.fromIdentity(identity)`.
 */
export class AwsClusterRoleIdentity extends Construct implements IAwsClusterIdentity {
  /** `AWSClusterRoleIdentity`. */
  public readonly identityKind = AwsIdentityKind.ROLE;
  /** Object name. */
  public readonly identityName: string;

  constructor(scope: Construct, id: string, props: AwsClusterRoleIdentityProps) {
    super(scope, id);
    this.identityName = props.name;
    validateIdentityName(this, props.name);
    if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(props.roleArn)) {
      throw new ValidationError(this, `roleArn '${props.roleArn}' is not an IAM role ARN. Use 'arn:aws:iam::<account>:role/<name>'.`);
    }
    const seconds = wholeSeconds(this, 'sessionDuration', props.sessionDuration, { min: 900, max: 43200, why: 'AWS role sessions last 15 minutes to 12 hours' });
    if (props.externalId !== undefined && props.externalId.trim() === '') {
      throw new ValidationError(this, 'externalId is empty. Give the external id the role requires, or leave it unset.');
    }
    const source = props.sourceIdentity ?? AwsIdentity.controller();
    if (source.kind === AwsIdentityKind.ROLE && source.name === props.name) {
      throw new ValidationError(this, `sourceIdentity is the identity '${props.name}' itself. Chain from another identity, e.g. AwsIdentity.controller().`);
    }
    const object = new capa.AwsClusterRoleIdentity(this, 'Resource', {
      metadata: { name: props.name },
      spec: {
        roleArn: props.roleArn,
        sourceIdentityRef: { kind: source.kind as string as capa.AwsClusterRoleIdentitySpecSourceIdentityRefKind, name: source.name },
        externalId: props.externalId,
        sessionName: props.sessionName,
        durationSeconds: seconds,
        policyArNs: nonEmptyList(props.policyArns),
        allowedNamespaces: renderAllowedNamespaces(this, props.allowedNamespaces),
      },
    });
    clusterScoped(object);
  }
}
