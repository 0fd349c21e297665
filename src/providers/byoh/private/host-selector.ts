import { IConstruct } from 'constructs';
import { validateLabels } from '../../../core/labels';
import { canonicalJson, isLabelValue, isQualifiedName } from '../../../core/names';
import { ValidationError } from '../../../core/validation-error';
import { ByohHostSelector, HostSelectorOperator } from '../host-selector';

/** A label selector as the ByoMachineTemplate `selector` field holds it. */
export interface RenderedSelector {
  readonly matchLabels?: Record<string, string>;
  readonly matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

const OPERATORS = new Set<string>(Object.values(HostSelectorOperator));

/**
 * Checks a host selector (at least one condition, valid keys and values, values only where the
 * operator takes them) and renders it with sorted labels and sorted values, so that equal
 * selectors give equal bytes (and equal template hashes).
 */
export function renderHostSelector(scope: IConstruct, field: string, selector: ByohHostSelector | undefined): RenderedSelector {
  const labels = selector?.matchLabels ?? {};
  const expressions = selector?.matchExpressions ?? [];
  if (Object.keys(labels).length === 0 && expressions.length === 0) {
    throw new ValidationError(scope, `${field} selects no labels, so it would claim any registered host. Give matchLabels (e.g. { role: 'worker' }) or matchExpressions that only the intended hosts match.`);
  }
  validateLabels(scope, `${field}.matchLabels`, labels);
  const rendered = expressions.map((e, i) => {
    const where = `${field}.matchExpressions[${i}]`;
    if (!isQualifiedName(e.key)) {
      throw new ValidationError(scope, `${where}.key '${e.key}' is not a valid label key. Use '[prefix/]name' like 'role' or 'example.com/rack'.`);
    }
    if (!OPERATORS.has(e.operator)) {
      throw new ValidationError(scope, `${where}.operator '${e.operator}' is not a selector operator. Use HostSelectorOperator.IN, NOT_IN, EXISTS or DOES_NOT_EXIST.`);
    }
    const values = e.values ?? [];
    const takesValues = e.operator === HostSelectorOperator.IN || e.operator === HostSelectorOperator.NOT_IN;
    if (takesValues && values.length === 0) {
      throw new ValidationError(scope, `${where} ('${e.key}' ${e.operator}) has no values. List at least one value, or use EXISTS / DOES_NOT_EXIST.`);
    }
    if (!takesValues && values.length > 0) {
      throw new ValidationError(scope, `${where} ('${e.key}' ${e.operator}) must not have values (got ${values.join(', ')}). Remove values, or use IN / NOT_IN.`);
    }
    for (const v of values) {
      if (!isLabelValue(v)) {
        throw new ValidationError(scope, `${where} has an invalid label value '${v}'. Use at most 63 alphanumerics, '-', '_' or '.'.`);
      }
    }
    return { key: e.key, operator: e.operator as string, values: takesValues ? [...new Set(values)].sort() : undefined };
  });
  const sortedLabels: Record<string, string> = {};
  for (const key of Object.keys(labels).sort()) sortedLabels[key] = labels[key];
  return {
    matchLabels: Object.keys(sortedLabels).length > 0 ? sortedLabels : undefined,
    matchExpressions: rendered.length > 0 ? rendered : undefined,
  };
}

/** A canonical key of a rendered selector, to find two users of the same hosts. */
export function selectorKey(selector: RenderedSelector): string {
  return canonicalJson(selector);
}
