import { IConstruct } from 'constructs';
import { isDnsSubdomain } from './names';
import { ValidationError } from './validation-error';

/** A key of a Secret's `data` (the API server's rule for ConfigMap and Secret keys). */
const SECRET_KEY = /^[-._a-zA-Z0-9]{1,253}$/;

/**
 * Checks that `name` can name a Kubernetes Secret: a DNS subdomain (the API server's rule for
 * Secret names and for every `secretName` that refers to one). The one check every Secret
 * reference goes through, so that the same name is accepted or rejected everywhere.
 * @param example a name to suggest, e.g. 'lma-slack'
 */
export function checkSecretName(scope: IConstruct | string, field: string, name: unknown, example: string): void {
  if (typeof name !== 'string' || !isDnsSubdomain(name)) {
    throw new ValidationError(scope, `${field} ${quoted(name)} is not a Secret name. Give the name of a Secret (a DNS subdomain: lower-case letters, digits, '-' and '.', at most 253 characters, e.g. '${example}'), never the secret value itself.`);
  }
}

/** Checks that `key` can be a key of a Secret's data (letters, digits, `-`, `_` and `.`; 1–253 characters). */
export function checkSecretKey(scope: IConstruct | string, field: string, key: unknown): void {
  if (typeof key !== 'string' || !SECRET_KEY.test(key)) {
    throw new ValidationError(scope, `${field} ${quoted(key)} is not a Secret data key. Use 1 to 253 letters, digits, '-', '_' and '.'.`);
  }
}

function quoted(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? String(value);
}
