import { isIPv4, isIPv6 } from 'net';
import { child, index, Issue } from './issue';
import { describe, validateObjectMeta } from './object-meta';
import { compilePattern } from './regex';
import { jsonEqual } from '../../core/json-equal';

/** Evaluates the `x-kubernetes-validations` of one schema node. */
export type CelHook = (schema: any, self: any, path: string, issues: Issue[]) => void;

interface Ctx {
  readonly issues: Issue[];
  readonly cel?: CelHook;
  /** false inside allOf/anyOf/oneOf/not branches: only value constraints, no unknown-field checks. */
  readonly strict: boolean;
}

/**
 * Validate an object against the OpenAPI v3 schema of a CRD version the way the API server does
 * (`--validate=strict`): unknown fields, types, formats, value constraints, list semantics and,
 * through the hook, CEL rules. Defaults of the schema are applied (on a copy) before checking,
 * as the API server defaults before it validates.
 */
export function validateAgainstSchema(schema: any, obj: any, cel?: CelHook): Issue[] {
  const ctx: Ctx = { issues: [], cel, strict: true };
  validateNode(schema, obj, '', ctx, true, false);
  return ctx.issues;
}

function validateNode(schema: any, value: any, path: string, ctx: Ctx, root: boolean, embedded: boolean): any {
  if (!schema || typeof schema !== 'object') return value;
  if (value === null) {
    if (!schema.nullable) push(ctx, path, `Invalid value: "null": ${where(path)}must be of type ${schema.type ?? 'non-null'}`);
    return value;
  }
  if (!checkType(schema, value, path, ctx)) return value;
  if (schema.enum !== undefined && !schema.enum.some((e: any) => jsonEqual(e, value))) {
    push(ctx, path, `Unsupported value: ${describe(value)}: supported values: ${schema.enum.map((e: any) => JSON.stringify(e)).join(', ')}`);
  }
  if (typeof value === 'string') checkString(schema, value, path, ctx);
  if (typeof value === 'number') checkNumber(schema, value, path, ctx);
  if (Array.isArray(value)) value = checkArray(schema, value, path, ctx);
  else if (typeof value === 'object') value = checkObject(schema, value, path, ctx, root, embedded || schema['x-kubernetes-embedded-resource'] === true);
  checkCombinators(schema, value, path, ctx);
  if (ctx.cel && Array.isArray(schema['x-kubernetes-validations'])) ctx.cel(schema, value, path, ctx.issues);
  return value;
}

function checkType(schema: any, value: any, path: string, ctx: Ctx): boolean {
  if (schema['x-kubernetes-int-or-string']) {
    if (typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value))) return true;
    push(ctx, path, `Invalid value: ${describe(value)}: ${where(path)}must be of type integer or string`);
    return false;
  }
  const t = schema.type;
  if (!t) return true;
  let ok: boolean;
  switch (t) {
    case 'object': ok = typeof value === 'object' && !Array.isArray(value); break;
    case 'array': ok = Array.isArray(value); break;
    case 'string': ok = typeof value === 'string'; break;
    case 'integer': ok = typeof value === 'number' && Number.isInteger(value); break;
    case 'number': ok = typeof value === 'number' && Number.isFinite(value); break;
    case 'boolean': ok = typeof value === 'boolean'; break;
    default: ok = true;
  }
  if (!ok) push(ctx, path, `Invalid value: ${describe(value)}: ${where(path)}must be of type ${t}`);
  return ok;
}

function checkString(schema: any, value: string, path: string, ctx: Ctx): void {
  const len = [...value].length;
  if (schema.minLength !== undefined && len < schema.minLength) {
    push(ctx, path, `Invalid value: ${describe(value)}: ${where(path)}should be at least ${schema.minLength} chars long`);
  }
  if (schema.maxLength !== undefined && len > schema.maxLength) {
    push(ctx, path, `Too long: may not be more than ${schema.maxLength} bytes (got ${len})`);
  }
  if (schema.pattern !== undefined) {
    const re = compilePattern(schema.pattern);
    if (!re) push(ctx, path, `unsupported pattern '${schema.pattern}': cannot check ${describe(value)} (regular expression not translatable to JavaScript)`);
    else if (!re.test(value)) push(ctx, path, `Invalid value: ${describe(value)}: ${where(path)}should match '${schema.pattern}'`);
  }
  if (schema.format !== undefined) {
    const err = formatError(schema.format, value);
    if (err) push(ctx, path, `Invalid value: ${describe(value)}: ${where(path)}must be of type ${err}`);
  }
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const UUID = /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/;
const DURATION = /^\s*(0|(-?\d+(\.\d+)?\s*[A-Za-zµ]+\s*)+)$/;

/** The format name when the value does not match a format the API server checks. */
function formatError(format: string, value: string): string | undefined {
  switch (format) {
    case 'byte': return BASE64.test(value) ? undefined : 'byte (base64)';
    case 'uuid': return UUID.test(value) ? undefined : 'uuid';
    case 'ipv4': return isIPv4(value) ? undefined : 'ipv4';
    case 'ipv6': return isIPv6(value) ? undefined : 'ipv6';
    case 'date-time': case 'datetime': return DATE_TIME.test(value) ? undefined : 'date-time';
    case 'duration': return DURATION.test(value) ? undefined : 'duration';
    default: return undefined;
  }
}

function checkNumber(schema: any, value: number, path: string, ctx: Ctx): void {
  if (schema.minimum !== undefined) {
    if (schema.exclusiveMinimum === true ? value <= schema.minimum : value < schema.minimum) {
      push(ctx, path, `Invalid value: ${value}: ${where(path)}should be greater than ${schema.exclusiveMinimum === true ? '' : 'or equal to '}${schema.minimum}`);
    }
  }
  if (schema.maximum !== undefined) {
    if (schema.exclusiveMaximum === true ? value >= schema.maximum : value > schema.maximum) {
      push(ctx, path, `Invalid value: ${value}: ${where(path)}should be less than ${schema.exclusiveMaximum === true ? '' : 'or equal to '}${schema.maximum}`);
    }
  }
  if (schema.multipleOf !== undefined && schema.multipleOf !== 0) {
    const q = value / schema.multipleOf;
    if (Math.abs(q - Math.round(q)) > 1e-9) push(ctx, path, `Invalid value: ${value}: ${where(path)}should be a multiple of ${schema.multipleOf}`);
  }
}

function checkArray(schema: any, value: any[], path: string, ctx: Ctx): any[] {
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    push(ctx, path, `Invalid value: ${value.length}: ${where(path)}should have at least ${schema.minItems} items`);
  }
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    push(ctx, path, `Too many: ${value.length}: must have at most ${schema.maxItems} items`);
  }
  const out = value.map((item, i) => validateNode(schema.items, item, index(path, i), ctx, false, false));
  const listType = schema['x-kubernetes-list-type'];
  if (listType === 'set' || schema.uniqueItems === true) {
    const seen = new Set<string>();
    out.forEach((item, i) => {
      const key = canonical(item);
      if (seen.has(key)) push(ctx, index(path, i), `Duplicate value: ${describe(item)}`);
      seen.add(key);
    });
  } else if (listType === 'map' && Array.isArray(schema['x-kubernetes-list-map-keys'])) {
    const keys: string[] = schema['x-kubernetes-list-map-keys'];
    const seen = new Set<string>();
    out.forEach((item, i) => {
      if (!item || typeof item !== 'object') return;
      const key = canonical(keys.map(k => item[k] ?? null));
      if (seen.has(key)) {
        const desc = keys.map(k => `"${k}":${JSON.stringify(item[k] ?? null)}`).join(',');
        push(ctx, index(path, i), `Duplicate value: map[string]interface {}{${desc}}`);
      }
      seen.add(key);
    });
  }
  return out;
}

function checkObject(schema: any, value: any, path: string, ctx: Ctx, root: boolean, embedded: boolean): any {
  const props: Record<string, any> = schema.properties ?? {};
  const additional = schema.additionalProperties;
  const effective: Record<string, any> = { ...value };
  // the API server prunes `null` from fields that are not nullable (a default then applies)
  const pruned = new Set<string>();
  for (const key of Object.keys(value)) {
    if (value[key] !== null || ((root || embedded) && (key === 'metadata' || key === 'apiVersion' || key === 'kind'))) continue;
    const fieldSchema = props[key] ?? (additional && typeof additional === 'object' ? additional : undefined);
    if (fieldSchema && typeof fieldSchema === 'object' && !fieldSchema.nullable) {
      pruned.add(key);
      delete effective[key];
    }
  }
  // defaulting, as the API server does before validation
  for (const [key, prop] of Object.entries(props)) {
    if (effective[key] === undefined && prop && prop.default !== undefined) effective[key] = clone(prop.default);
  }
  const count = Object.keys(value).length - pruned.size;
  if (schema.minProperties !== undefined && count < schema.minProperties) {
    push(ctx, path, `Invalid value: ${count}: ${where(path)}should have at least ${schema.minProperties} properties`);
  }
  if (schema.maxProperties !== undefined && count > schema.maxProperties) {
    push(ctx, path, `Too many: ${count}: must have at most ${schema.maxProperties} properties`);
  }
  for (const req of schema.required ?? []) {
    if (effective[req] === undefined) push(ctx, child(path, req), 'Required value');
  }
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
  for (const key of Object.keys(value)) {
    if (pruned.has(key)) continue;
    const p = root || embedded ? child(path, key) : (props[key] || additional === undefined ? child(path, key) : index(path, key));
    if ((root || embedded) && key === 'metadata') {
      validateObjectMeta(value.metadata, p, root, ctx.issues);
      continue;
    }
    if ((root || embedded) && (key === 'apiVersion' || key === 'kind') && !props[key]) {
      if (typeof value[key] !== 'string') push(ctx, p, `Invalid value: ${describe(value[key])}: ${key} must be a string`);
      continue;
    }
    if (props[key]) {
      effective[key] = validateNode(props[key], value[key], p, ctx, false, false);
    } else if (additional !== undefined && additional !== false) {
      if (typeof additional === 'object') effective[key] = validateNode(additional, value[key], index(path, key), ctx, false, false);
    } else if (!preserve && ctx.strict) {
      push(ctx, p, `unknown field "${p}"`);
    }
  }
  if (embedded && !root) {
    for (const k of ['apiVersion', 'kind']) {
      if (typeof value[k] !== 'string' || value[k] === '') push(ctx, child(path, k), 'Required value: must not be empty');
    }
  }
  return effective;
}

function checkCombinators(schema: any, value: any, path: string, ctx: Ctx): void {
  const branch = (s: any): Issue[] => {
    const sub: Ctx = { issues: [], strict: false };
    validateNode(s, value, path, sub, false, false);
    return sub.issues;
  };
  for (const s of schema.allOf ?? []) ctx.issues.push(...branch(s));
  if (Array.isArray(schema.anyOf) && schema.anyOf.length > 0) {
    const results = schema.anyOf.map(branch);
    if (!results.some((r: Issue[]) => r.length === 0)) {
      push(ctx, path, `Invalid value: ${describe(value)}: ${where(path)}must validate at least one schema (anyOf): ${results[0].map((i: Issue) => i.message).join('; ')}`);
    }
  }
  if (Array.isArray(schema.oneOf) && schema.oneOf.length > 0) {
    const passing = schema.oneOf.map(branch).filter((r: Issue[]) => r.length === 0).length;
    if (passing !== 1) push(ctx, path, `Invalid value: ${describe(value)}: ${where(path)}must validate one and only one schema (oneOf), ${passing} matched`);
  }
  if (schema.not && branch(schema.not).length === 0) {
    push(ctx, path, `Invalid value: ${describe(value)}: ${where(path)}must not validate the schema (not)`);
  }
}

function push(ctx: Ctx, path: string, message: string): void {
  ctx.issues.push({ path, message, rule: 'schema' });
}

function where(path: string): string {
  return path ? `${path} in body ` : 'body ';
}

/** JSON text with sorted keys, so that equal values have equal text. */
function canonical(v: any): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.keys(v).sort().map(k => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

function clone(v: any): any {
  return v === undefined ? v : JSON.parse(JSON.stringify(v));
}
