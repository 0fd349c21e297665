import { ApiObject, Chart, JsonPatch } from 'cdk8s';
import { IConstruct } from 'constructs';
import { isDnsLabel, isDnsSubdomain, isLabelValue, isQualifiedName } from '../../core/names';
import { ValidationError } from '../../core/validation-error';
import { AllowedNamespaces } from '../allowed-namespaces';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** Identity objects are cluster-scoped: drop the namespace a namespaced chart would add. */
export function clusterScoped(object: ApiObject): void {
  if (Chart.of(object).namespace !== undefined) object.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
}

/** Checks an identity object name. */
export function validateIdentityName(scope: IConstruct, name: string): void {
  if (!isDnsSubdomain(name)) {
    throw new ValidationError(scope, `identity name '${name}' is not a valid object name. Use lower-case letters, digits, '-' and '.'.`);
  }
}

/** Renders (and checks) `allowedNamespaces`. */
export function renderAllowedNamespaces(scope: IConstruct, allowed: AllowedNamespaces): any {
  if (allowed.namespaces) {
    if (allowed.namespaces.length === 0) {
      throw new ValidationError(scope, 'allowedNamespaces list is empty, which allows no namespace at all. List namespaces, or use AllowedNamespaces.all().');
    }
    for (const ns of allowed.namespaces) {
      if (!isDnsLabel(ns)) throw new ValidationError(scope, `allowedNamespaces lists '${ns}', which is not a namespace name. Use a DNS label like 'team-a'.`);
    }
    return { list: [...allowed.namespaces].sort() };
  }
  const sel = allowed.namespaceSelector;
  if (sel) {
    const labels = sel.matchLabels ?? {};
    const exprs = sel.matchExpressions ?? [];
    if (Object.keys(labels).length === 0 && exprs.length === 0) {
      throw new ValidationError(scope, 'allowedNamespaces selector is empty. Give matchLabels or matchExpressions, or use AllowedNamespaces.all().');
    }
    for (const [k, v] of Object.entries(labels)) {
      if (!isQualifiedName(k) || !isLabelValue(v)) throw new ValidationError(scope, `allowedNamespaces selector label '${k}=${v}' is not a valid label. Use '[prefix/]name=value'.`);
    }
    for (const e of exprs) {
      if (!OPERATORS.includes(e.operator)) {
        throw new ValidationError(scope, `allowedNamespaces selector operator '${e.operator}' is not one of ${OPERATORS.join(', ')}.`);
      }
      const needsValues = e.operator === 'In' || e.operator === 'NotIn';
      if (needsValues !== ((e.values ?? []).length > 0)) {
        throw new ValidationError(scope, `allowedNamespaces selector on '${e.key}': operator ${e.operator} ${needsValues ? 'needs' : 'takes no'} values.`);
      }
    }
    return {
      selector: {
        matchLabels: Object.keys(labels).length > 0 ? labels : undefined,
        matchExpressions: exprs.length > 0
          ? exprs.map((e) => ({ key: e.key, operator: e.operator, values: e.values && e.values.length > 0 ? [...e.values] : undefined }))
          : undefined,
      },
    };
  }
  return {};
}
