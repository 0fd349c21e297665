import { ImageValue, ImageValueType } from '../addon';
import { ClusterValue } from '../cluster-value';

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
