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

  private constructor(
    /** Kind of the identity object. */
    public readonly kind: AwsIdentityKind,
    /** Name of the identity object. */
    public readonly name: string,
  ) {}
}
