/** Kinds of CAPA cluster identities. */
export enum AwsIdentityKind {
  /** The controller's own credentials (`AWSClusterControllerIdentity` named `default`). */
  CONTROLLER = 'AWSClusterControllerIdentity',
  /** An IAM role the controller assumes. */
  ROLE = 'AWSClusterRoleIdentity',
  /** Static credentials from a Secret in the controller's namespace. */
  STATIC = 'AWSClusterStaticIdentity',
}

/**
 * An AWS cluster identity object defined in this app (see the constructs in `identities/`):
 * `AwsIdentity.fromIdentity(x)` makes a cluster use it.
 */
export interface IAwsClusterIdentity {
  /** Kind of the identity object. */
  readonly identityKind: AwsIdentityKind;
  /** Name of the identity object. */
  readonly identityName: string;
}

/**
 * The AWS identity CAPA uses to manage a cluster's resources (the `identityRef`).
 * Credentials are only ever referenced, never inlined.
 */
export class AwsIdentity {
  /** The controller's own credentials (the `default` AWSClusterControllerIdentity). */
  public static controller(): AwsIdentity {
    return new AwsIdentity(AwsIdentityKind.CONTROLLER, 'default');
  }

  /** An `AWSClusterRoleIdentity` by name (e.g. another account's role). */
  public static role(name: string): AwsIdentity {
    return new AwsIdentity(AwsIdentityKind.ROLE, name);
  }

  /** An `AWSClusterStaticIdentity` by name (its credentials live in a Secret). */
  public static staticCredentials(name: string): AwsIdentity {
    return new AwsIdentity(AwsIdentityKind.STATIC, name);
  }

  /**
   * An identity construct of this app (`AwsClusterRoleIdentity`, `AwsClusterStaticIdentity`,
   * `AwsClusterControllerIdentity`).
   */
  public static fromIdentity(identity: IAwsClusterIdentity): AwsIdentity {
    return new AwsIdentity(identity.identityKind, identity.identityName);
  }

  /** An `AwsClusterRoleIdentity` construct of this app (same as `fromIdentity`). */
  public static fromRoleIdentity(identity: IAwsClusterIdentity): AwsIdentity {
    return AwsIdentity.fromIdentity(identity);
  }

  private constructor(
    /** Kind of the identity object. */
    public readonly kind: AwsIdentityKind,
    /** Name of the identity object. */
    public readonly name: string,
  ) {}
}
