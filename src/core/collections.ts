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
