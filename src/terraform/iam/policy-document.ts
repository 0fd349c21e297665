/**
 * IAM policy documents as plain data, rendered to deterministic JSON strings.
 *
 * No cdktf import here: the manifest side and tests can use it without loading cdktf.
 */

/** Whether a statement allows or denies. */
export enum PolicyEffect {
  /** `"Effect": "Allow"` */
  ALLOW = 'Allow',
  /** `"Effect": "Deny"` */
  DENY = 'Deny',
}

/** Who a trust (assume-role) statement is about. */
export interface PolicyPrincipal {
  /** Principal type: `Service`, `AWS` or `Federated`. */
  readonly type: string;
  /** The identifiers, e.g. `['ec2.amazonaws.com']`. */
  readonly identifiers: string[];
}

/** One condition of a statement: `"Condition": { operator: { key: values } }`. */
export interface PolicyCondition {
  /** Condition operator, e.g. `StringLike`, `StringEquals`, `ForAnyValue:StringLike`, `Bool`. */
  readonly operator: string;
  /** Condition key, e.g. `iam:AWSServiceName`. */
  readonly key: string;
  /** Values; a single value is rendered as a string, several as a list. */
  readonly values: string[];
}

/** One IAM policy statement (the shape clusterawsadm's `extraStatements` take). */
export interface PolicyStatement {
  /**
   * Statement id.
   * @default - none
   */
  readonly sid?: string;
  /**
   * Allow or deny.
   * @default PolicyEffect.ALLOW
   */
  readonly effect?: PolicyEffect;
  /**
   * Principals (trust policies only).
   * @default - none
   */
  readonly principals?: PolicyPrincipal[];
  /** Actions, e.g. `['ec2:DescribeInstances']`. */
  readonly actions: string[];
  /**
   * Resources (omitted in trust policies).
   * @default - none
   */
  readonly resources?: string[];
  /**
   * Conditions.
   * @default - none
   */
  readonly conditions?: PolicyCondition[];
}

/** The IAM policy language version every document uses. */
export const POLICY_VERSION = '2012-10-17';

/**
 * Renders IAM policy documents to JSON strings.
 *
 * Keys are written in a fixed order (`Version`, `Statement`; in a statement `Sid`, `Effect`,
 * `Principal`, `Action`, `Resource`, `Condition`), statements and actions keep the order given
 * (clusterawsadm's order, for a readable diff against its templates), so the same statements give
 * the same bytes on any machine.
 */
export class PolicyDocument {
  /**
   * The JSON string of a policy document holding `statements`.
   * @param statements the statements, in order
   */
  public static render(statements: PolicyStatement[]): string {
    return JSON.stringify(PolicyDocument.toJson(statements));
  }

  /**
   * The policy document as a plain object (`{ Version, Statement }`).
   * @param statements the statements, in order
   */
  public static toJson(statements: PolicyStatement[]): any {
    return { Version: POLICY_VERSION, Statement: statements.map(renderStatement) };
  }

  private constructor() {}
}

function renderStatement(s: PolicyStatement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (s.sid !== undefined) out.Sid = s.sid;
  out.Effect = s.effect ?? PolicyEffect.ALLOW;
  if (s.principals && s.principals.length > 0) {
    const principal: Record<string, string[]> = {};
    for (const p of s.principals) {
      principal[p.type] = [...(principal[p.type] ?? []), ...p.identifiers];
    }
    out.Principal = principal;
  }
  out.Action = [...s.actions];
  if (s.resources && s.resources.length > 0) out.Resource = [...s.resources];
  if (s.conditions && s.conditions.length > 0) {
    const condition: Record<string, Record<string, string | string[]>> = {};
    for (const c of s.conditions) {
      const op = (condition[c.operator] = condition[c.operator] ?? {});
      op[c.key] = c.values.length === 1 ? c.values[0] : [...c.values];
    }
    out.Condition = condition;
  }
  return out;
}
