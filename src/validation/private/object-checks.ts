import { evaluateCelRules } from './cel';
import { BUILTIN_GROUPS, builtinKindProblem, splitApiVersion } from './core-kinds';
import { CrdIndex } from './crd-index';
import { Issue } from './issue';
import { describe, validateObjectMeta } from './object-meta';
import { validateAgainstSchema } from './schema';
import { webhookIssues } from './webhooks';

/** Schema, CEL and webhook checks of one object. */
export function checkObject(index: CrdIndex, obj: any, webhooks: boolean, featureGates: ReadonlySet<string>): Issue[] {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    return [{ path: '', message: `Invalid value: ${describe(obj)}: a Kubernetes object must be a map with apiVersion, kind and metadata`, rule: 'schema' }];
  }
  const issues: Issue[] = [];
  if (typeof obj.apiVersion !== 'string' || obj.apiVersion === '') issues.push({ path: 'apiVersion', message: 'Required value: apiVersion must be set', rule: 'schema' });
  if (typeof obj.kind !== 'string' || obj.kind === '') issues.push({ path: 'kind', message: 'Required value: kind must be set', rule: 'schema' });
  if (issues.length > 0) return issues;
  const [group, version] = splitApiVersion(obj.apiVersion);
  if (BUILTIN_GROUPS.has(group) && !index.hasKind(group, obj.kind)) {
    const problem = builtinKindProblem(group, version, obj.kind);
    if (problem) return [{ path: 'kind', message: problem, rule: 'schema' }];
    validateObjectMeta(obj.metadata, 'metadata', true, issues);
    if (webhooks) issues.push(...webhookIssues(obj, featureGates));
    return issues;
  }
  const crd = index.find(group, version, obj.kind);
  if (!crd) {
    const served = index.versions(group, obj.kind).map(v => `${group}/${v.version}`);
    const message = served.length > 0
      ? `no matches for kind "${obj.kind}" in version "${obj.apiVersion}": the CRD serves ${served.join(', ')}`
      : `no matches for kind "${obj.kind}" in version "${obj.apiVersion}": no CRD defines it`;
    return [{ path: 'apiVersion', message, rule: 'schema' }];
  }
  issues.push(...validateAgainstSchema(crd.schema, obj, evaluateCelRules));
  if (webhooks) issues.push(...webhookIssues(obj, featureGates));
  return issues;
}
