import { Yaml } from 'cdk8s';
import type { BundleRenderInfo } from './common';
import { ClusterFacts, ResolvedAddon } from './types';
import { ClusterField, ClusterValue } from '../../addons/cluster-value';
import { CLUSTER_VALUE_MARKER, isPlainObject } from '../../addons/private/values';

/** Thrown when a value cannot be rendered for a cluster; the message says why. */
export class ClusterValueError extends Error {
  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, ClusterValueError.prototype);
  }
}

/**
 * Values with every ClusterValue replaced by the literal value of `cluster` (keys sorted).
 * Parts without ClusterValues are the same for every cluster: they are prepared once per values
 * object and shared by the clusters' objects (which never modify them).
 */
export function resolveForCluster(values: any, cluster: ClusterFacts): any {
  if (values === null || typeof values !== 'object') return values;
  let p = prepared.get(values);
  if (!p) prepared.set(values, p = prepare(values));
  return p.fixed ? p.value : p.build(cluster);
}

/** A value prepared for many clusters: fixed (no ClusterValue inside), or built per cluster. */
type Prepared = { readonly fixed: true; readonly value: any } | { readonly fixed: false; readonly build: (cluster: ClusterFacts) => any };
const prepared = new WeakMap<object, Prepared>();

function prepare(value: any): Prepared {
  if (value instanceof ClusterValue) return { fixed: false, build: (cluster) => literal(value, cluster) };
  if (Array.isArray(value)) {
    const items = value.map(prepare);
    if (items.every((i) => i.fixed)) return { fixed: true, value: items.map((i) => (i as any).value) };
    return { fixed: false, build: (cluster) => items.map((i) => i.fixed ? i.value : i.build(cluster)) };
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value).sort();
    const entries = keys.map((k) => prepare(value[k]));
    if (entries.every((e) => e.fixed)) {
      const out: Record<string, any> = {};
      keys.forEach((k, i) => { out[k] = (entries[i] as any).value; });
      return { fixed: true, value: out };
    }
    return {
      fixed: false,
      build: (cluster) => {
        const out: Record<string, any> = {};
        keys.forEach((k, i) => {
          const e = entries[i];
          out[k] = e.fixed ? e.value : e.build(cluster);
        });
        return out;
      },
    };
  }
  return { fixed: true, value };
}

/** Why `cluster` cannot give `ClusterValue.label(key)` a value, and the fix. */
function missingLabel(cluster: ClusterFacts, key: string, consequence: string): string {
  return `cluster '${cluster.name}' has no label '${key}', which ClusterValue.label('${key}') reads${consequence}. Add it with cluster.addLabel('${key}', …) or the cluster's labels prop.`;
}

/** The label keys `ClusterValue.label` reads anywhere in `values` (found once per values object). */
function labelKeysOf(values: any): string[] {
  if (values === null || typeof values !== 'object') return [];
  let keys = labelKeys.get(values);
  if (!keys) {
    const found = new Set<string>();
    const walk = (v: any): void => {
      if (v instanceof ClusterValue) {
        if (v.field === ClusterField.LABEL) found.add(v.labelKey!);
      } else if (Array.isArray(v)) {
        v.forEach(walk);
      } else if (isPlainObject(v)) {
        for (const k of Object.keys(v)) walk(v[k]);
      }
    };
    walk(values);
    labelKeys.set(values, (keys = [...found].sort()));
  }
  return keys;
}
const labelKeys = new WeakMap<object, string[]>();

/**
 * For deliveries that render values on the management cluster (CAAPH's Go template): whether
 * `cluster` has every label the values read, else `false` after recording the missing one (the
 * template would render '<no value>' into the chart's values at install time).
 */
export function hasLabelsOrReport(info: BundleRenderInfo, addon: ResolvedAddon, cluster: ClusterFacts): boolean {
  for (const key of labelKeysOf(addon.values)) {
    if (cluster.labels[key] === undefined) {
      info.report.errors.push(`${info.path}: addon '${addon.name}': ${missingLabel(cluster, key, " (CAAPH would install the chart with '<no value>')")}`);
      return false;
    }
  }
  return true;
}

/**
 * The addon's values with literal per-cluster values (Argo CD, Flux), or `undefined` after
 * recording why they cannot be rendered for `cluster` in the bundle's report.
 */
export function literalValuesOrReport(info: BundleRenderInfo, addon: ResolvedAddon, cluster: ClusterFacts): { values: any } | undefined {
  try {
    return { values: resolveForCluster(addon.values, cluster) };
  } catch (e) {
    if (e instanceof ClusterValueError) {
      info.report.errors.push(`${info.path}: addon '${addon.name}': ${e.message}`);
      return undefined;
    }
    throw e;
  }
}

function literal(v: ClusterValue, cluster: ClusterFacts): any {
  switch (v.field) {
    case ClusterField.NAME: return `${v.prefix}${cluster.name}${v.suffix}`;
    case ClusterField.NAMESPACE: return `${v.prefix}${cluster.namespace}${v.suffix}`;
    case ClusterField.POD_CIDRS: return [...cluster.podCidrs];
    case ClusterField.POD_CIDR: return `${v.prefix}${cluster.podCidrs[0]}${v.suffix}`;
    case ClusterField.LABEL: {
      const value = cluster.labels[v.labelKey!];
      if (value === undefined) {
        throw new ClusterValueError(missingLabel(cluster, v.labelKey!, ''));
      }
      return `${v.prefix}${value}${v.suffix}`;
    }
  }
}

/** A Go template expression of CAAPH (the CAPI Cluster is `.Cluster`). */
function caaphExpression(v: ClusterValue): string {
  switch (v.field) {
    case ClusterField.NAME: return '{{ .Cluster.metadata.name }}';
    case ClusterField.NAMESPACE: return '{{ .Cluster.metadata.namespace }}';
    case ClusterField.POD_CIDR: return '{{ index .Cluster.spec.clusterNetwork.pods.cidrBlocks 0 }}';
    // sprig's toJson (CAAPH parses valuesTemplate with sprig.TxtFuncMap): a JSON list is a YAML flow sequence.
    case ClusterField.POD_CIDRS: return '{{ toJson .Cluster.spec.clusterNetwork.pods.cidrBlocks }}';
    case ClusterField.LABEL: return `{{ index .Cluster.metadata.labels "${v.labelKey}" }}`;
  }
}

/** An Argo CD ApplicationSet cluster-generator expression (goTemplate mode). */
function appSetExpression(v: ClusterValue): string {
  switch (v.field) {
    case ClusterField.NAME: return '{{ .name }}';
    case ClusterField.LABEL: return `{{ index .metadata.labels "${v.labelKey}" }}`;
    default:
      throw new ClusterValueError(`ClusterValue ${v.toString()} is not known to Argo CD's cluster generator (only the name and labels are). Attach the bundle to clusters (bundle.attachTo) to render literal values, or set applicationSets: false.`);
  }
}

/** Rendered templates (or the error) per values object and flavour. */
const templates = new WeakMap<object, Map<string, string | ClusterValueError>>();

/**
 * Values as a YAML document in which ClusterValues are template expressions, for CAAPH
 * (`valuesTemplate`) or an Argo CD ApplicationSet (`helm.values`). Literal `{{` in user strings is
 * escaped so that the template engine leaves it alone.
 *
 * The text does not depend on the cluster, so it is rendered once per values object (an addon's
 * resolved values, which are never modified: a model change resolves new ones) and flavour.
 */
export function renderTemplate(values: Record<string, any>, flavour: 'caaph' | 'appset'): string {
  let byFlavour = templates.get(values);
  if (!byFlavour) templates.set(values, byFlavour = new Map());
  let text = byFlavour.get(flavour);
  if (text === undefined) {
    try {
      text = renderTemplateOnce(values, flavour);
    } catch (e) {
      if (!(e instanceof ClusterValueError)) throw e;
      text = e;
    }
    byFlavour.set(flavour, text);
  }
  if (text instanceof ClusterValueError) throw text;
  return text;
}

function renderTemplateOnce(values: Record<string, any>, flavour: 'caaph' | 'appset'): string {
  const found: ClusterValue[] = [];
  // a marker no user string or key contains, so user text is never rewritten
  let marker = CLUSTER_VALUE_MARKER;
  while (containsText(values, marker)) marker += 'Q';
  const mark = (v: any): any => {
    if (v instanceof ClusterValue) {
      found.push(v);
      return `${marker}${found.length - 1}X`;
    }
    if (Array.isArray(v)) return v.map(mark);
    if (isPlainObject(v)) {
      const out: Record<string, any> = {};
      for (const k of Object.keys(v).sort()) if (v[k] !== undefined) out[k] = mark(v[k]);
      return out;
    }
    return v;
  };
  const marked = mark(values);
  if (Object.keys(marked).length === 0) return '';
  // cdk8s's YAML writer (the `yaml` package with lineWidth 0, already loaded with cdk8s).
  let text = Yaml.stringify(marked);
  text = text.replace(/\{\{/g, '{{ "{{" }}');
  return text.replace(new RegExp(`${marker}(\\d+)X`, 'g'), (_all, i: string) => {
    const v = found[Number(i)];
    const expr = flavour === 'caaph' ? caaphExpression(v) : appSetExpression(v);
    if (v.isList) return expr;
    return `'${(v.prefix + expr + v.suffix).replace(/'/g, "''")}'`;
  });
}

/** Whether any string or key of a value tree contains `text`. */
function containsText(value: any, text: string): boolean {
  if (typeof value === 'string') return value.includes(text);
  if (Array.isArray(value)) return value.some((v) => containsText(v, text));
  if (isPlainObject(value)) return Object.entries(value).some(([k, v]) => k.includes(text) || containsText(v, text));
  return false;
}
