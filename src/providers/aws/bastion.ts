/** A bastion host for SSH access to private machines. Off unless configured. */
export interface BastionOptions {
  /**
   * Instance type (bastions have no spot option).
   * @default 't3.micro'
   */
  readonly instanceType?: string;
  /**
   * Source CIDR blocks allowed to SSH to the bastion; not with `disableIngressRules`.
   * @default - CAPA's default (any source)
   */
  readonly allowedCidrs?: string[];
  /**
   * Create no ingress rules (you manage the bastion's security group yourself).
   * @default false
   */
  readonly disableIngressRules?: boolean;
  /**
   * AMI id of the bastion.
   * @default - CAPA's default bastion image
   */
  readonly amiId?: string;
}
