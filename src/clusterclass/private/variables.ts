/**
 * Turns the differences between the clusters of a class into typed variables: where two clusters'
 * templates differ, the field becomes a variable (its schema from the TypeScript type of the
 * option behind it: enums, bounds, patterns) and a JSON patch sets it.
 */
import { AMI_ID, AWS_REGION, EC2_INSTANCE_TYPE } from '../../core/aws';
import { jsonEqual } from '../../core/json-equal';
import { RANGES } from '../../core/ranges';
import { VolumeType } from '../../machines/root-volume';
import { HealthCheckProtocol, LoadBalancerScheme, LoadBalancerType } from '../../providers/aws/load-balancer';

/** Stands for the cluster's name inside a normalized template. */
export const NAME_TOKEN = '\u0000cluster-name\u0000';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mapStrings(value: any, f: (s: string) => string): any {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]));
  return value;
}

/** `value` with every whole-word occurrence of the cluster name replaced by `NAME_TOKEN`. */
export function normalize(value: any, clusterName: string): any {
  const re = new RegExp(`(?<![a-z0-9])${escapeRegExp(clusterName)}(?![a-z0-9])`, 'g');
  return mapStrings(value, (s) => s.replace(re, NAME_TOKEN));
}

/** `value` with `NAME_TOKEN` replaced by `clusterName`. */
export function denormalize(value: any, clusterName: string): any {
  return mapStrings(value, (s) => s.split(NAME_TOKEN).join(clusterName));
}

function isObject(v: unknown): v is Record<string, any> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A field that differs from the class's template: replaced, added (absent in the class) or removed. */
export interface FieldDiff {
  readonly path: string[];
  readonly op: 'replace' | 'add' | 'remove';
}

/** The fields of `b` that differ from `a` (objects compared key by key, lists as a whole). */
export function diffFields(a: any, b: any, path: string[] = [], out: FieldDiff[] = []): FieldDiff[] {
  if (isObject(a) && isObject(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (a[k] === undefined && b[k] === undefined) continue;
      if (a[k] === undefined) out.push({ path: [...path, k], op: 'add' });
      else if (b[k] === undefined) out.push({ path: [...path, k], op: 'remove' });
      else diffFields(a[k], b[k], [...path, k], out);
    }
  } else if (!jsonEqual(a, b)) {
    out.push({ path, op: 'replace' });
  }
  return out;
}

/** The value at `path`, or undefined. */
export function getAt(value: any, path: string[]): any {
  let v = value;
  for (const k of path) v = isObject(v) ? v[k] : undefined;
  return v;
}

/** A JSON pointer for `path`. */
export function pointer(path: string[]): string {
  return path.map((k) => `/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** `controlPlane` + [`instanceType`] → `controlPlaneInstanceType` (variable names may not contain '.'). */
export function variableName(role: string, path: string[]): string {
  const words = [role, ...path].flatMap((w) => w.split(/[^A-Za-z0-9]+/)).filter((w) => w !== '');
  return words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}

/** Schemas of the options whose TypeScript type says more than the JSON value (enums, bounds, patterns). */
const KNOWN: Array<{ readonly match: RegExp; readonly schema: Record<string, any> }> = [
  { match: /(^|\/)instanceType$/, schema: { type: 'string', minLength: 2, pattern: EC2_INSTANCE_TYPE.source, description: 'EC2 instance type (machineType).' } },
  { match: /rootVolume\/size$/, schema: { type: 'integer', minimum: RANGES.ebsVolumeGiB.min, maximum: RANGES.ebsVolumeGiB.max, description: 'Root volume size in GiB.' } },
  { match: /rootVolume\/type$/, schema: { type: 'string', enum: Object.values(VolumeType) } },
  { match: /(^|\/)ami\/id$/, schema: { type: 'string', pattern: AMI_ID.source } },
  { match: /(^|\/)region$/, schema: { type: 'string', pattern: AWS_REGION.source } },
  { match: /controlPlaneLoadBalancer\/loadBalancerType$/, schema: { type: 'string', enum: Object.values(LoadBalancerType) } },
  { match: /controlPlaneLoadBalancer\/scheme$/, schema: { type: 'string', enum: Object.values(LoadBalancerScheme) } },
  { match: /controlPlaneLoadBalancer\/healthCheckProtocol$/, schema: { type: 'string', enum: Object.values(HealthCheckProtocol) } },
  { match: /Seconds$/, schema: { type: 'integer', minimum: RANGES.seconds.min, maximum: RANGES.seconds.max } },
  { match: /(^|\/)(replicas|iops|throughput)$/, schema: { type: 'integer', minimum: 0, maximum: RANGES.count.max } },
  { match: /(^|\/)imageRepository$/, schema: { type: 'string', minLength: 1 } },
];

/**
 * The openAPIV3Schema of a variable for the field at `path` holding `values` (one per cluster):
 * a known option's schema, else one inferred from the values (objects with their properties,
 * lists with their item type, strings non-empty).
 */
export function schemaFor(path: string[], values: any[]): Record<string, any> {
  const at = path.join('/');
  const known = KNOWN.find((k) => k.match.test(at));
  const inferred = infer(values);
  if (known && (known.schema.type === inferred.type)) return { ...inferred, ...known.schema };
  return inferred;
}

function infer(values: any[]): Record<string, any> {
  const present = values.filter((v) => v !== undefined);
  if (present.length === 0) return { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true };
  if (present.every((v) => typeof v === 'string')) return present.every((v) => v !== '') ? { type: 'string', minLength: 1 } : { type: 'string' };
  if (present.every((v) => typeof v === 'boolean')) return { type: 'boolean' };
  if (present.every((v) => typeof v === 'number')) return present.every(Number.isInteger) ? { type: 'integer' } : { type: 'number' };
  if (present.every(Array.isArray)) return { type: 'array', items: infer(present.flat()) };
  if (present.every(isObject)) {
    const keys = [...new Set(present.flatMap((v) => Object.keys(v)))].sort();
    if (keys.length === 0) return { type: 'object' };
    return { type: 'object', properties: Object.fromEntries(keys.map((k) => [k, infer(present.map((v) => v[k]))])) };
  }
  return { 'x-kubernetes-int-or-string': true };
}
