import { IConstruct } from 'constructs';
import { ValidationError } from '../../core/validation-error';
import { ImageValue, ImageValueType } from '../addon';
import { ClusterValue } from '../cluster-value';

/**
 * The most bytes of values (or manifests) one addon may carry: etcd stores objects of at most
 * 1.5 MiB, and the values end up inside one object (HelmChartProxy, Application, HelmRelease or
 * a ClusterResourceSet Secret).
 */
export const MAX_VALUES_BYTES = 1_572_864;

/** The delivery-internal marker for per-cluster values; user strings containing it are kept as they are. */
export const CLUSTER_VALUE_MARKER = 'CAPIBPVALUE';

/**
 * Checks that `value` is JSON-compatible data (what Helm values and Kubernetes manifests are):
 * plain objects with string keys, arrays, strings, finite numbers, booleans, `null` and
 * ClusterValues. Functions, Symbols, BigInts, Dates, Maps, Sets, class instances, `NaN`/`Infinity`,
 * `undefined` in lists and cycles are ValidationErrors naming the path to the value; so is data
 * larger than the 1.5 MiB an object may hold. Object properties set to `undefined` mean "unset".
 */
export function validateValuesData(scope: IConstruct | string, field: string, value: unknown): void {
  const stack: unknown[] = [];
  let bytes = 0;
  const fail = (path: string, what: string, fix: string): never => {
    throw new ValidationError(scope, `${path} is ${what}, which is not data a chart value or manifest can hold. ${fix}`);
  };
  const walk = (v: unknown, path: string): void => {
    switch (typeof v) {
      case 'string': bytes += v.length + 3; return;
      case 'boolean': bytes += 5; return;
      case 'number':
        if (!Number.isFinite(v)) fail(path, String(v), 'Use a finite number, or a string such as \'Infinity\' if the chart expects text.');
        bytes += 8;
        return;
      case 'undefined': fail(path, 'undefined', 'Remove the list item, or use null.'); return;
      case 'function': fail(path, 'a function', 'Call it and put its result in the values.'); return;
      case 'symbol': fail(path, `a Symbol (${String(v)})`, 'Use a string.'); return;
      case 'bigint': fail(path, `a BigInt (${String(v)}n)`, 'Use a number (if it fits in 2^53) or a string.'); return;
      default:
    }
    if (v === null || v instanceof ClusterValue) { bytes += 8; return; }
    if (stack.includes(v)) fail(path, 'a reference back to one of its own parents (a cycle)', 'Give a tree of values: copy the shared part instead of referencing it.');
    if (Array.isArray(v)) {
      stack.push(v);
      for (let i = 0; i < v.length; i++) walk(v[i], `${path}[${i}]`);
      stack.pop();
      bytes += 2 + v.length;
      return;
    }
    if (!isPlainObject(v)) {
      const what = v instanceof Date ? `a Date (${Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString()})` : `an instance of ${(v as any).constructor?.name ?? 'a class'}`;
      const fix = v instanceof Date ? 'Use a string such as \'2026-01-01T00:00:00Z\'.' : 'Use plain objects, arrays, strings, numbers and booleans.';
      fail(path, what, fix);
    }
    const symbols = Object.getOwnPropertySymbols(v as object);
    if (symbols.length > 0) fail(`${path}[${String(symbols[0])}]`, 'a Symbol-keyed property', 'Use string keys.');
    stack.push(v);
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
      if (child === undefined) continue;
      bytes += k.length + 4;
      walk(child, path ? `${path}.${k}` : k);
    }
    stack.pop();
  };
  walk(value, field);
  if (bytes > MAX_VALUES_BYTES) {
    throw new ValidationError(scope, `${field} is about ${bytes} bytes, more than the ${MAX_VALUES_BYTES} bytes (1.5 MiB) an object in etcd can hold. Move large data (dashboards, rule files) into separate ConfigMaps or the chart itself.`);
  }
}

/** Whether `x` is a plain object (a map of values), not an array, `null` or a `ClusterValue`. */
export function isPlainObject(x: unknown): x is Record<string, any> {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** A deep copy of plain data (ClusterValues are immutable and shared). */
export function cloneValues<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneValues) as any;
  if (isPlainObject(value)) {
    const out: Record<string, any> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cloneValues(v);
    return out as any;
  }
  return value;
}

/**
 * Merges `override` into `base` (neither is modified) the way Helm merges values files: maps
 * merge key by key, the override wins per key; arrays and scalars replace. Each path set by the
 * override that does not exist in `base` is pushed to `newPaths` (a new map is reported once, at
 * its own path).
 */
export function deepMerge(base: Record<string, any>, override: Record<string, any>, newPaths: string[], path: string = ''): Record<string, any> {
  const out: Record<string, any> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const p = path ? `${path}.${key}` : key;
    if (!(key in base)) {
      newPaths.push(p);
      out[key] = cloneValues(value);
    } else if (isPlainObject(base[key]) && isPlainObject(value)) {
      out[key] = deepMerge(base[key], value, newPaths, p);
    } else {
      out[key] = cloneValues(value);
    }
  }
  return out;
}

/** The value at a dotted path, or `undefined`. */
export function getPath(values: Record<string, any>, path: string): any {
  let cur: any = values;
  for (const part of path.split('.')) {
    if (!isPlainObject(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

/** A copy of `values` with the dotted path set (intermediate maps copied, not shared). */
export function setPath(values: Record<string, any>, path: string, value: any): Record<string, any> {
  const parts = path.split('.');
  const root: Record<string, any> = { ...values };
  let cur = root;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = cur[parts[i]];
    cur[parts[i]] = isPlainObject(next) ? { ...next } : {};
    cur = cur[parts[i]];
  }
  cur[parts[parts.length - 1]] = value;
  return root;
}

/**
 * `image` (a repository or a full reference) moved to `registry`: the original registry host is
 * dropped (Docker Hub names without a host count as `docker.io`), the rest of the path is kept:
 * `quay.io/cilium/cilium` → `<registry>/cilium/cilium`, `rancher/x:v1` → `<registry>/rancher/x:v1`.
 */
export function rewriteImage(image: string, registry: string): string {
  const slash = image.indexOf('/');
  const first = slash < 0 ? '' : image.slice(0, slash);
  const hasHost = first.includes('.') || first.includes(':') || first === 'localhost';
  let rest = hasHost ? image.slice(slash + 1) : image;
  if (!hasHost && slash < 0) rest = `library/${image}`;
  return `${registry}/${rest}`;
}

/** Applies a registry prefix to the image locations of a chart's values. */
export function applyRegistry(values: Record<string, any>, images: ImageValue[], registry: string, missing: string[]): Record<string, any> {
  let out = values;
  for (const image of images) {
    const current = getPath(out, image.path);
    switch (image.type) {
      case ImageValueType.REGISTRY:
        out = setPath(out, image.path, registry);
        break;
      case ImageValueType.REGISTRY_WITH_SLASH:
        out = setPath(out, image.path, `${registry}/`);
        break;
      case ImageValueType.REPOSITORY:
      case ImageValueType.IMAGE:
        if (typeof current !== 'string' || current === '') {
          missing.push(image.path);
        } else {
          out = setPath(out, image.path, rewriteImage(current, registry));
        }
        break;
    }
  }
  return out;
}

/** Rewrites every container image of plain Kubernetes objects (and `image:` lines in ConfigMap data). */
export function applyRegistryToManifests(manifests: any[], registry: string): any[] {
  const walk = (node: any, parentKey: string): any => {
    if (Array.isArray(node)) {
      const isContainers = parentKey === 'containers' || parentKey === 'initContainers' || parentKey === 'ephemeralContainers';
      return node.map((item) => {
        const walked = walk(item, '');
        if (isContainers && isPlainObject(walked) && typeof walked.image === 'string') {
          return { ...walked, image: rewriteImage(walked.image, registry) };
        }
        return walked;
      });
    }
    if (isPlainObject(node)) {
      const out: Record<string, any> = {};
      for (const [k, v] of Object.entries(node)) out[k] = walk(v, k);
      return out;
    }
    return node;
  };
  return manifests.map((m) => {
    const walked = walk(m, '');
    if (walked.kind === 'ConfigMap' && isPlainObject(walked.data)) {
      const data: Record<string, any> = {};
      for (const [k, v] of Object.entries(walked.data)) {
        data[k] = typeof v === 'string'
          ? v.replace(/^(\s*-?\s*image:\s*)(\S+)\s*$/gm, (_all, lead: string, img: string) => `${lead}${rewriteImage(img, registry)}`)
          : v;
      }
      return { ...walked, data };
    }
    return walked;
  });
}

/** JSON with sorted keys and ClusterValues written readably: used to compare definitions. */
export function canonicalValues(value: unknown): string {
  const norm = (v: any): any => {
    if (v instanceof ClusterValue) return { $clusterValue: v.toString() };
    if (Array.isArray(v)) return v.map(norm);
    if (isPlainObject(v)) {
      const out: Record<string, any> = {};
      for (const k of Object.keys(v).sort()) if (v[k] !== undefined) out[k] = norm(v[k]);
      return out;
    }
    return v;
  };
  return JSON.stringify(norm(value));
}

/** Whether a value tree contains a ClusterValue. */
export function containsClusterValue(value: unknown): boolean {
  if (value instanceof ClusterValue) return true;
  if (Array.isArray(value)) return value.some(containsClusterValue);
  if (isPlainObject(value)) return Object.values(value).some(containsClusterValue);
  return false;
}

/** `value` with keys sorted at every level (for deterministic output). */
export function sortKeysDeep(value: any): any {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (isPlainObject(value)) {
    const out: Record<string, any> = {};
    for (const k of Object.keys(value).sort()) if (value[k] !== undefined) out[k] = sortKeysDeep(value[k]);
    return out;
  }
  return value;
}
