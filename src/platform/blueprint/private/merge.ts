/**
 * Schema-driven merge of override layers, recording which layer set each value (provenance).
 */
import { CLUSTER_OVERRIDES, Field, Fields } from './schema';
import { editDistance } from '../../../core/edit-distance';
import { Override } from '../overrides';

/**
 * Pool fields that exclude each other: a layer setting one clears the other from lower layers
 * (a site turns a fixed-size pool into an autoscaled one without unsetting `replicas`).
 */
const EXCLUSIVE_POOL_FIELDS: ReadonlyArray<[string, string]> = [
  ['replicas', 'autoscaling'],
  ['machineType', 'instanceTypes'],
  ['availabilityZones', 'availabilityZoneCount'],
];

/** One layer to merge: its values and who set them. */
export interface Layer {
  /** Who set the values, for messages: `blueprint 'standard'`, `site 'seoul'`, `cluster 'prod'`. */
  readonly label: string;
  readonly values: Record<string, any> | undefined;
  /** Whether this layer may define pools without `addNew` (the root blueprint). */
  readonly definesPools?: boolean;
}

/** The merged values and, per field path, the layer that set it. */
export interface Merged {
  readonly values: Record<string, any>;
  readonly provenance: Map<string, string>;
}

function isPlainObject(v: unknown): v is Record<string, any> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function describe(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`;
  if (isPlainObject(v) || Array.isArray(v)) return JSON.stringify(v);
  return String(v);
}

/** The closest key of `keys` to `key` (edit distance ≤ 3), for "did you mean" hints. */
function closest(key: string, keys: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const candidate of keys) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) { best = candidate; bestDistance = d; }
  }
  return best;
}

/**
 * Checks that a layer has only known fields of the right kinds. `fromData` is set for layers read
 * from a table (YAML/JSON), where value objects cannot be written.
 * @returns error messages, each starting with the field path
 */
export function checkLayer(values: unknown, fromData: boolean, fields: Fields<any> = CLUSTER_OVERRIDES): string[] {
  const errors: string[] = [];
  if (values === undefined) return errors;
  if (!isPlainObject(values)) return [`overrides must be an object, not ${describe(values)}.`];
  checkStruct(values, fields, '', fromData, errors);
  return errors;
}

function checkStruct(values: Record<string, any>, fields: Fields<any>, path: string, fromData: boolean, errors: string[]): void {
  for (const [key, v] of Object.entries(values)) {
    const field: Field | undefined = (fields as Record<string, Field>)[key];
    const at = `${path}${key}`;
    if (!field) {
      const hint = closest(key, Object.keys(fields));
      errors.push(`${at} is not a field${path ? ` of ${path.slice(0, -1)}` : ''}.${hint ? ` Did you mean '${path}${hint}'?` : ` Known fields: ${Object.keys(fields).join(', ')}.`}`);
      continue;
    }
    if (v === undefined) continue;
    checkField(v, field, at, fromData, errors);
  }
}

function checkField(v: unknown, field: Field, at: string, fromData: boolean, errors: string[]): void {
  switch (field.kind) {
    case 'scalar':
      if (typeof v !== field.type || (field.type === 'number' && !Number.isFinite(v))) {
        errors.push(`${at} (${describe(v)}) must be a ${field.type}.`);
      }
      return;
    case 'map':
      if (!isPlainObject(v)) { errors.push(`${at} must be a map of strings, not ${describe(v)}.`); return; }
      for (const [k, entry] of Object.entries(v)) {
        if (typeof entry !== 'string') errors.push(`${at}['${k}'] (${describe(entry)}) must be a string (or Override.REMOVE to remove the key).`);
      }
      return;
    case 'list':
      if (!Array.isArray(v)) errors.push(`${at} must be a list, not ${describe(v)}.`);
      return;
    case 'atomic':
      if (!isPlainObject(v)) errors.push(`${at} must be an object, not ${describe(v)}.`);
      return;
    case 'value':
      if (fromData) {
        errors.push(`${at} takes a value object (e.g. ${field.example}) and cannot be set from a table. Set it in the blueprint or site in code.`);
      } else if (v === null || typeof v !== 'object' || isPlainObject(v)) {
        errors.push(`${at} (${describe(v)}) must be a value object, e.g. ${field.example}.`);
      }
      return;
    case 'struct':
      if (!isPlainObject(v)) { errors.push(`${at} must be an object, not ${describe(v)}.`); return; }
      checkStruct(v, field.fields, `${at}.`, fromData, errors);
      return;
    case 'pools':
      if (!isPlainObject(v)) { errors.push(`${at} must be a map of pool name to pool settings, not ${describe(v)}.`); return; }
      for (const [name, pool] of Object.entries(v)) {
        if (!isPlainObject(pool)) { errors.push(`${at}.${name} must be an object, not ${describe(pool)}.`); continue; }
        checkStruct(pool, field.fields, `${at}.${name}.`, fromData, errors);
      }
      return;
  }
}

/**
 * Merges `layers` (lowest first) by the rules of `ClusterOverrides`.
 * @returns the merged values, their provenance, and errors (pool overrides of unknown pools)
 */
export function mergeLayers(layers: Layer[]): Merged & { readonly errors: string[] } {
  const values: Record<string, any> = {};
  const provenance = new Map<string, string>();
  const errors: string[] = [];
  for (const layer of layers) {
    if (layer.values) mergeStruct(values, layer.values, CLUSTER_OVERRIDES, '', layer, { prov: provenance, errors });
  }
  return { values, provenance, errors };
}

/** Where merge results go: provenance per field path, and errors. */
interface Sink {
  readonly prov: Map<string, string>;
  readonly errors: string[];
}

function mergeStruct(target: Record<string, any>, source: Record<string, any>, fields: Fields<any>, path: string, layer: Layer, sink: Sink): void {
  const { prov } = sink;
  for (const key of Object.keys(source)) {
    const v = source[key];
    const field: Field | undefined = (fields as Record<string, Field>)[key];
    if (v === undefined || !field) continue;
    const at = `${path}${key}`;
    switch (field.kind) {
      case 'map': {
        const merged: Record<string, string> = { ...target[key] };
        for (const [k, entry] of Object.entries(v as Record<string, string>)) {
          if (entry === Override.REMOVE) delete merged[k];
          else merged[k] = entry;
          prov.set(`${at}['${k}']`, layer.label);
        }
        target[key] = merged;
        break;
      }
      case 'struct': {
        const merged = { ...target[key] };
        mergeStruct(merged, v, field.fields, `${at}.`, layer, sink);
        target[key] = merged;
        break;
      }
      case 'pools':
        target[key] = mergePools({ ...target[key] }, v, field.fields, at, layer, sink);
        break;
      case 'list':
        target[key] = [...v];
        prov.set(at, layer.label);
        break;
      case 'atomic':
        target[key] = { ...v };
        prov.set(at, layer.label);
        break;
      default:
        target[key] = v;
        prov.set(at, layer.label);
    }
  }
}

function mergePools(
  pools: Record<string, any>, source: Record<string, any>, fields: Fields<any>, at: string, layer: Layer, sink: Sink,
): Record<string, any> {
  const { prov, errors } = sink;
  for (const [name, pool] of Object.entries(source)) {
    const exists = name in pools;
    const known = Object.keys(pools).join(', ') || 'none';
    if (pool.remove) {
      if (!exists) errors.push(`${layer.label} removes node pool '${name}', which the lower layers do not have (pools: ${known}). Fix the pool name.`);
      delete pools[name];
      prov.set(`${at}.${name}`, layer.label);
      continue;
    }
    if (!exists && !pool.addNew && !layer.definesPools) {
      const hint = closest(name, Object.keys(pools));
      errors.push(`${layer.label} overrides node pool '${name}', which the lower layers do not have (pools: ${known}).${hint ? ` Did you mean '${hint}'?` : ''} Fix the name, or set addNew: true in nodePools.${name} to add a pool.`);
      continue;
    }
    const { addNew: _addNew, remove: _remove, ...settings } = pool;
    const merged = { ...pools[name] };
    for (const [a, b] of EXCLUSIVE_POOL_FIELDS) {
      for (const [set, cleared] of [[a, b], [b, a]]) {
        if (settings[set] !== undefined && settings[cleared] === undefined && cleared in merged) {
          delete merged[cleared];
          for (const key of [...prov.keys()]) if (key === `${at}.${name}.${cleared}` || key.startsWith(`${at}.${name}.${cleared}.`)) prov.delete(key);
        }
      }
    }
    if (!exists) prov.set(`${at}.${name}`, layer.label);
    mergeStruct(merged, settings, fields, `${at}.${name}.`, layer, sink);
    pools[name] = merged;
  }
  return pools;
}
