import { stringify } from 'yaml';
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

/** Values with every ClusterValue replaced by the literal value of `cluster`. */
export function resolveForCluster(values: any, cluster: ClusterFacts): any {
  if (values instanceof ClusterValue) return literal(values, cluster);
  if (Array.isArray(values)) return values.map((v) => resolveForCluster(v, cluster));
  if (isPlainObject(values)) {
    const out: Record<string, any> = {};
    for (const k of Object.keys(values).sort()) out[k] = resolveForCluster(values[k], cluster);
    return out;
  }
  return values;
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
        throw new ClusterValueError(`cluster '${cluster.name}' has no label '${v.labelKey}', which ClusterValue.label('${v.labelKey}') reads. Add it with cluster.addLabel('${v.labelKey}', …) or the cluster's labels prop.`);
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

/**
 * Values as a YAML document in which ClusterValues are template expressions, for CAAPH
 * (`valuesTemplate`) or an Argo CD ApplicationSet (`helm.values`). Literal `{{` in user strings is
 * escaped so that the template engine leaves it alone.
 */
export function renderTemplate(values: Record<string, any>, flavour: 'caaph' | 'appset'): string {
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
  let text = stringify(marked, { lineWidth: 0 });
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
