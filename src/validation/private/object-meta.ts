import { Issue } from './issue';
import { dns1123LabelErrors, dns1123SubdomainErrors, labelValueErrors, qualifiedNameErrors } from './names';

const KNOWN_FIELDS = new Set([
  'name', 'generateName', 'namespace', 'labels', 'annotations', 'ownerReferences', 'finalizers',
  'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp',
  'deletionGracePeriodSeconds', 'managedFields', 'selfLink',
]);

/**
 * ObjectMeta checks the API server applies to every object: name, namespace, labels and
 * annotations syntax, and (strict) no unknown fields.
 */
export function validateObjectMeta(meta: any, path: string, requireName: boolean, issues: Issue[]): void {
  if (meta === undefined || meta === null) {
    if (requireName) issues.push({ path: `${path}.name`, message: 'Required value: name or generateName is required', rule: 'schema' });
    return;
  }
  if (typeof meta !== 'object' || Array.isArray(meta)) {
    issues.push({ path, message: `Invalid value: ${describe(meta)}: must be an object`, rule: 'schema' });
    return;
  }
  for (const key of Object.keys(meta)) {
    if (!KNOWN_FIELDS.has(key)) issues.push({ path: `${path}.${key}`, message: `unknown field "${path}.${key}"`, rule: 'schema' });
  }
  const name = meta.name;
  if (name === undefined || name === null || name === '') {
    if (requireName && !meta.generateName) issues.push({ path: `${path}.name`, message: 'Required value: name or generateName is required', rule: 'schema' });
  } else if (typeof name !== 'string') {
    issues.push({ path: `${path}.name`, message: `Invalid value: ${describe(name)}: must be a string`, rule: 'schema' });
  } else {
    for (const e of dns1123SubdomainErrors(name)) issues.push({ path: `${path}.name`, message: `Invalid value: "${name}": ${e}`, rule: 'schema' });
  }
  if (meta.namespace !== undefined) {
    if (typeof meta.namespace !== 'string') {
      issues.push({ path: `${path}.namespace`, message: `Invalid value: ${describe(meta.namespace)}: must be a string`, rule: 'schema' });
    } else if (meta.namespace !== '') {
      for (const e of dns1123LabelErrors(meta.namespace)) issues.push({ path: `${path}.namespace`, message: `Invalid value: "${meta.namespace}": ${e}`, rule: 'schema' });
    }
  }
  validateStringMap(meta.labels, `${path}.labels`, true, issues);
  validateStringMap(meta.annotations, `${path}.annotations`, false, issues);
  if (meta.finalizers !== undefined && (!Array.isArray(meta.finalizers) || meta.finalizers.some((f: any) => typeof f !== 'string'))) {
    issues.push({ path: `${path}.finalizers`, message: 'Invalid value: must be a list of strings', rule: 'schema' });
  }
}

function validateStringMap(map: any, path: string, labels: boolean, issues: Issue[]): void {
  if (map === undefined || map === null) return;
  if (typeof map !== 'object' || Array.isArray(map)) {
    issues.push({ path, message: `Invalid value: ${describe(map)}: must be a map of string keys to string values`, rule: 'schema' });
    return;
  }
  let total = 0;
  for (const [key, value] of Object.entries(map)) {
    const p = `${path}[${key}]`;
    for (const e of qualifiedNameErrors(key)) issues.push({ path: p, message: `Invalid value: "${key}": ${e}`, rule: 'schema' });
    if (typeof value !== 'string') {
      issues.push({ path: p, message: `Invalid value: ${describe(value)}: must be a string (quote numbers and booleans)`, rule: 'schema' });
      continue;
    }
    total += key.length + value.length;
    if (labels) {
      for (const e of labelValueErrors(value)) issues.push({ path: p, message: `Invalid value: "${value}": ${e}`, rule: 'schema' });
    }
  }
  if (!labels && total > 256 * 1024) {
    issues.push({ path, message: `Too long: may not be more than 262144 bytes (${total})`, rule: 'schema' });
  }
}

/** A short rendering of a value for messages. */
export function describe(value: any): string {
  if (value === undefined) return 'undefined';
  const s = JSON.stringify(value);
  return s.length > 80 ? s.slice(0, 77) + '...' : s;
}
