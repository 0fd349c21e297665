import { mentions } from './ast';
import { CelEvalError, CelSyntaxError, CelUnsupportedError } from './errors';
import { CelOptional, evaluate } from './evaluator';
import { parseCel } from './parser';
import { Issue } from '../issue';

export { parseCel } from './parser';
export { evaluate, CelOptional } from './evaluator';
export { CelEvalError, CelSyntaxError, CelUnsupportedError } from './errors';

/** Result of checking one rule. */
export interface RuleResult {
  /** true: the rule holds; false: it does not; 'skipped': transition rule on create. */
  readonly outcome: boolean | 'skipped';
  /** Why the rule could not be evaluated, when it could not. */
  readonly error?: string;
}

/** Evaluate one `x-kubernetes-validations` entry against `self` (create semantics: no old object). */
export function checkRule(rule: any, self: any): RuleResult {
  try {
    const ast = parseCel(rule.rule);
    const vars = new Map<string, any>([['self', self]]);
    if (mentions(ast, 'oldSelf')) {
      if (rule.optionalOldSelf !== true) return { outcome: 'skipped' };
      vars.set('oldSelf', new CelOptional(false));
    }
    const result = evaluate(ast, vars);
    if (typeof result !== 'boolean') return { outcome: false, error: `rule evaluated to ${JSON.stringify(result)}, not a bool` };
    return { outcome: result };
  } catch (e) {
    if (e instanceof CelUnsupportedError) return { outcome: false, error: e.message };
    if (e instanceof CelSyntaxError) return { outcome: false, error: `unsupported CEL: cannot parse (${e.message})` };
    if (e instanceof CelEvalError) return { outcome: false, error: `rule evaluation error: ${e.message}` };
    throw e;
  }
}

/** The message of a failing rule: `message`, else `messageExpression` (when it evaluates to a string), else "failed rule: <rule>". */
export function ruleMessage(rule: any, self: any): string {
  if (typeof rule.message === 'string' && rule.message !== '') return rule.message;
  if (typeof rule.messageExpression === 'string') {
    try {
      const m = evaluate(parseCel(rule.messageExpression), new Map([['self', self]]));
      if (typeof m === 'string' && m !== '') return m;
    } catch {
      // fall back to the rule text, as the API server does
    }
  }
  return `failed rule: ${rule.rule}`;
}

/** Evaluate the `x-kubernetes-validations` of a schema node against its value. */
export function evaluateCelRules(schema: any, self: any, path: string, issues: Issue[]): void {
  for (const rule of schema['x-kubernetes-validations'] ?? []) {
    if (!rule || typeof rule.rule !== 'string') continue;
    const result = checkRule(rule, self);
    if (result.outcome === true || result.outcome === 'skipped') continue;
    const at = typeof rule.fieldPath === 'string' && rule.fieldPath !== '' ? path + (rule.fieldPath.startsWith('.') || rule.fieldPath.startsWith('[') ? rule.fieldPath : `.${rule.fieldPath}`) : path;
    const message = result.error
      ? `${result.error} in rule '${rule.rule}' (${ruleMessage(rule, self)})`
      : `Invalid value: ${describeType(self)}: ${ruleMessage(rule, self)}`;
    issues.push({ path: at.replace(/^\./, ''), message, rule: 'cel' });
  }
}

function describeType(v: any): string {
  if (Array.isArray(v)) return '"array"';
  if (v !== null && typeof v === 'object') return '"object"';
  return JSON.stringify(v);
}
