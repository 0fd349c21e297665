import { Construct } from 'constructs';
import { AllowedNamespaces } from './allowed-namespaces';
import { clusterScoped, renderAllowedNamespaces, validateIdentityName } from './private/identity-object';
import { checkSecretName } from '../core/secrets';
import * as capa from '../imports/capa/infrastructure.cluster.x-k8s.io';
import { AwsIdentityKind, IAwsClusterIdentity } from '../providers/aws/aws-identity';

/** Props of an `AwsClusterStaticIdentity`. */
export interface AwsClusterStaticIdentityProps {
  /** Object name, referenced by clusters' `identityRef`. */
  readonly name: string;
  /**
   * Name of the Secret, in the CAPA controller's namespace, holding `AccessKeyID`,
   * `SecretAccessKey` (and optionally `SessionToken`). Create it out of band (sealed secrets,
   * external-secrets, …): capi-blueprints never renders credentials.
   */
  readonly secretName: string;
  /** Namespaces whose clusters may use this identity. */
  readonly allowedNamespaces: AllowedNamespaces;
}

/**
 * An `AWSClusterStaticIdentity`: static credentials read from a Secret. Only the Secret's name
 * is rendered, never the credentials. Use it with `AwsIdentity.fromIdentity(identity)`.
 */
export class AwsClusterStaticIdentity extends Construct implements IAwsClusterIdentity {
  /** `AWSClusterStaticIdentity`. */
  public readonly identityKind = AwsIdentityKind.STATIC;
  /** Object name. */
  public readonly identityName: string;

  constructor(scope: Construct, id: string, props: AwsClusterStaticIdentityProps) {
    super(scope, id);
    this.identityName = props.name;
    validateIdentityName(this, props.name);
    checkSecretName(this, 'secretName', props.secretName, 'capa-static-credentials'); // the Secret holding the credentials
    const object = new capa.AwsClusterStaticIdentity(this, 'Resource', {
      metadata: { name: props.name },
      spec: {
        secretRef: props.secretName,
        allowedNamespaces: renderAllowedNamespaces(this, props.allowedNamespaces),
      },
    });
    clusterScoped(object);
  }
}
