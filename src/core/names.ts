import { createHash } from 'crypto';

/** Longest Kubernetes label value, and so the longest name CAPI copies into a label. */
export const MAX_LABEL_VALUE_LENGTH = 63;

/** Longest Helm release name (Helm's own limit; Flux's HelmRelease CRD says the same). */
export const MAX_HELM_RELEASE_NAME_LENGTH = 53;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** Whether `s` is an RFC 1123 DNS label (lower case alphanumerics and '-', at most 63 characters). */
export function isDnsLabel(s: string): boolean {
  return s.length <= 63 && DNS_LABEL.test(s);
}

/** Whether `s` is an RFC 1123 DNS subdomain (the rule for most Kubernetes object names). */
export function isDnsSubdomain(s: string): boolean {
  return s.length <= 253 && DNS_SUBDOMAIN.test(s);
}

/** Whether `s` is a valid label value (at most 63 characters, may be empty). */
export function isLabelValue(s: string): boolean {
  return s.length <= MAX_LABEL_VALUE_LENGTH && LABEL_VALUE.test(s);
}

/** Whether `key` is a valid label or annotation key: `[prefix/]name`, prefix a DNS subdomain. */
export function isQualifiedName(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1];
  if (name.length === 0 || name.length > 63 || !LABEL_NAME.test(name)) return false;
  return parts.length === 1 || isDnsSubdomain(parts[0]);
}

/**
 * JSON with object keys sorted at every level: the canonical form used for content hashes.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of sortedKeys(value as object)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) sorted[key] = sortKeys(v);
    }
    return sorted;
  }
  return value;
}

/** Characters of a `contentHash`. */
const HASH_LENGTH = 8;

/** A short (8 hex characters) SHA-256 hash of the canonical JSON of `content`. */
export function contentHash(content: unknown): string {
  const json = canonicalJson(content);
  let hash = hashes.get(json);
  if (hash === undefined) {
    hash = createHash('sha256').update(json).digest('hex').slice(0, HASH_LENGTH);
    if (hashes.size >= 10_000) hashes.clear();
    hashes.set(json, hash);
  }
  return hash;
}

/** Hashes by canonical JSON: the templates of a fleet's clusters are often identical. */
const hashes = new Map<string, string>();

/** The keys of `value` in `Array.prototype.sort()` order; insertion sort for the few keys of most objects. */
function sortedKeys(value: object): string[] {
  const keys = Object.keys(value);
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > k) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
}

/**
 * `name` when it has at most `maxLength` characters, else its first characters and a hash of the
 * whole name (so that two long names that start alike stay apart): for names Kubernetes or a
 * controller copies into a label value.
 */
export function fitName(name: string, maxLength: number = MAX_LABEL_VALUE_LENGTH): string {
  if (name.length <= maxLength) return name;
  return `${name.slice(0, maxLength - HASH_LENGTH - 1).replace(/[-.]+$/, '')}-${contentHash(name)}`;
}

/**
 * The name of an immutable template: `<base>-<hash of content>`, where the base is shortened so
 * that the whole name stays within `maxLength`. Any content change gives a new name; the same
 * content always gives the same name (names of existing templates never change: a new name rolls
 * the machines that use it).
 */
export function hashedName(base: string, content: unknown, maxLength: number = MAX_LABEL_VALUE_LENGTH): string {
  const room = maxLength - HASH_LENGTH - 1;
  const trimmed = base.length > room ? base.slice(0, room).replace(/[-.]+$/, '') : base;
  return `${trimmed}-${contentHash(content)}`;
}

