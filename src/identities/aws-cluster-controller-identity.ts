import { Construct } from 'constructs';
import { AllowedNamespaces } from './allowed-namespaces';
import { ValidationError } from '../core/validation-error';
import { clusterScoped, renderAllowedNamespaces } from './private/identity-object';
import * as capa from '../imports/capa/infrastructure.cluster.x-k8s.io';
import { AwsIdentityKind, IAwsClusterIdentity } from '../providers/aws/aws-identity';

/** Props of the `AwsClusterControllerIdentity`. */
export interface AwsClusterControllerIdentityProps {
  /**
   * Object name; CAPA accepts only `default` (the identity is a singleton).
   * @default 'default'
   */
  readonly name?: string;
  /** Namespaces whose clusters may use the controller's own credentials. */
  readonly allowedNamespaces: AllowedNamespaces;
}

/**
 * The singleton `AWSClusterControllerIdentity` named `default`: clusters use the CAPA
 * controller's own credentials (`AwsIdentity.controller()`), from the allowed namespaces.
 */
export class AwsClusterControllerIdentity extends Construct implements IAwsClusterIdentity {
  /** `AWSClusterControllerIdentity`. */
  public readonly identityKind = AwsIdentityKind.CONTROLLER;
  /** Always `default`. */
  public readonly identityName: string;

  constructor(scope: Construct, id: string, props: AwsClusterControllerIdentityProps) {
    super(scope, id);
    const name = props.name ?? 'default';
    if (name !== 'default') {
      throw new ValidationError(this, `the AWSClusterControllerIdentity must be named 'default', not '${name}' (CAPA treats it as a singleton). Remove name.`);
    }
    this.identityName = name;
    const object = new capa.AwsClusterControllerIdentity(this, 'Resource', {
      metadata: { name },
      spec: { allowedNamespaces: renderAllowedNamespaces(this, props.allowedNamespaces) },
    });
    clusterScoped(object);
  }
}
