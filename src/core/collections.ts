import { IConstruct } from 'constructs';
import { ValidationError } from './validation-error';

/** `list` unless it is missing or empty (CAPI v1beta2 rejects empty lists meaning "unset"). */
export function nonEmptyList<T>(list: readonly T[] | undefined): T[] | undefined {
  return list && list.length > 0 ? [...list] : undefined;
}

/** `map` with keys sorted, unless it is missing or empty (v1beta2 rejects `{}` meaning "unset"). */
export function nonEmptyMap<T>(map: Record<string, T> | undefined): Record<string, T> | undefined {
  if (!map) return undefined;
  const keys = Object.keys(map).filter((k) => map[k] !== undefined).sort();
  if (keys.length === 0) return undefined;
  const sorted: Record<string, T> = {};
  for (const k of keys) sorted[k] = map[k];
  return sorted;
}

/** `obj` without `undefined` values, or `undefined` when nothing is left. */
export function nonEmptyObject<T extends object>(obj: T): T | undefined {
  const entries = Object.entries(obj).filter(([, v]) => v !== undefined);
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as T);
}

/** The first value of `values` that occurs again (the one whose second occurrence comes first), or `undefined`. */
export function firstDuplicate<T>(values: readonly T[]): T | undefined {
  const seen = new Set<T>();
  for (const v of values) {
    if (seen.has(v)) return v;
    seen.add(v);
  }
  return undefined;
}

/**
 * Rejects a list that names a value twice: `<field> lists '<value>' twice. List each <what> once.`
 * (the API servers, webhooks and AWS reject duplicates, or the second one silently wins).
 */
export function checkUnique(scope: IConstruct | string, field: string, values: readonly string[], what: string): void {
  const dup = firstDuplicate(values);
  if (dup !== undefined) throw new ValidationError(scope, `${field} lists '${dup}' twice. List each ${what} once.`);
}
