/**
 * IAM syntax shared by the manifest side (EKS role names and policy ARNs in CAPA objects) and the
 * Terraform side (CapaIam, LmaBucket IRSA roles): one definition of what IAM accepts.
 */

/** Characters IAM allows in role, user, group, instance profile and policy names. */
export const IAM_NAME_CHARS = /^[\w+=,.@-]+$/;

/** IAM's length limit for role and user names (instance profiles and policies allow 128). */
export const IAM_ROLE_NAME_MAX = 64;

/** An IAM managed policy ARN: customer (`arn:aws:iam::123456789012:policy/x`) or AWS managed (`arn:aws:iam::aws:policy/x`). */
export const IAM_POLICY_ARN = /^arn:aws(-cn|-us-gov|-iso[a-z-]*)?:iam::(\d{12}|aws):policy\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,128}$/;

/** An IAM OIDC provider ARN (`arn:aws:iam::123456789012:oidc-provider/<issuer without https://>`). */
export const IAM_OIDC_PROVIDER_ARN = /^arn:aws(-cn|-us-gov|-iso[a-z-]*)?:iam::\d{12}:oidc-provider\/(.+)$/;

/** Why `name` cannot be an IAM role (or user) name, or `undefined` when it can. */
export function iamRoleNameProblem(name: string): string | undefined {
  if (typeof name !== 'string' || name.length === 0) return 'is empty';
  if (!IAM_NAME_CHARS.test(name)) return 'has characters IAM rejects (use letters, digits and + = , . @ _ - only)';
  if (name.length > IAM_ROLE_NAME_MAX) return `has ${name.length} characters; IAM role names have at most ${IAM_ROLE_NAME_MAX}`;
  return undefined;
}
