/** One field that differs between two versions of an object. */
export interface FieldChange {
  /** Dotted path (`spec.template.spec.instanceType`, `metadata.annotations["a/b"]`, `items[0]`). */
  readonly path: string;
  /** The old value; absent when the field was added. */
  readonly old?: unknown;
  /** The new value; absent when the field was removed. */
  readonly new?: unknown;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function join(base: string, key: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) return base ? `${base}.${key}` : key;
  return `${base}[${JSON.stringify(key)}]`;
}

/** Deep equality of JSON values (key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a); const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue(a[k], b[k]));
  }
  return false;
}

/**
 * The leaf fields that differ between `a` and `b`, sorted by path. Lists of equal length are
 * compared item by item; lists of different lengths are one change.
 */
export function diffFields(a: unknown, b: unknown, base = ''): FieldChange[] {
  if (sameValue(a, b)) return [];
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => {
      const p = join(base, k);
      if (!(k in a)) return [{ path: p, new: b[k] }];
      if (!(k in b)) return [{ path: p, old: a[k] }];
      return diffFields(a[k], b[k], p);
    });
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    return a.flatMap((v, i) => diffFields(v, b[i], `${base}[${i}]`));
  }
  return [{ path: base || '(value)', old: a, new: b }];
}

/** The value at a dotted path of simple keys (`spec.template.spec`). */
export function at(obj: unknown, dotted: string): any {
  let cur: any = obj;
  for (const k of dotted.split('.')) {
    if (!isObject(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** A short, one-line rendering of a value for text and Markdown output. */
export function show(v: unknown, max = 60): string {
  if (v === undefined) return '(unset)';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** `path: old → new` (or `added`/`removed`). */
export function describeChange(c: FieldChange): string {
  if (!('old' in c)) return `${c.path}: added ${show(c.new)}`;
  if (!('new' in c)) return `${c.path}: removed (was ${show(c.old)})`;
  return `${c.path}: ${show(c.old)} → ${show(c.new)}`;
}
