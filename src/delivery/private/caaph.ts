import { Construct } from 'constructs';
import { hasLabelsOrReport, renderTemplate, ClusterValueError } from './cluster-values';
import { BundleRenderInfo, goDuration, objectId, objectLabels, objectName } from './common';
import { deepFreeze, PrerenderedObject } from './prerendered-object';
import { CLUSTER_NAME_SELECTOR_LABEL, ClusterFacts, ResolvedAddon, Selector } from './types';
import * as caaph from '../../imports/caaph/addons.cluster.x-k8s.io';

/**
 * HelmChartProxy for one addon. Per cluster (`cluster` given): named `<cluster>-<addon>` in the
 * cluster's namespace, selecting `capi-blueprints.io/cluster-name: <cluster>`. For a fleet: named
 * `<bundle>-<addon>` in the bundle's namespace with the bundle's selector.
 *
 * CAAPH reconciles every HelmChartProxy on its own and cannot order installs. Dependencies are
 * handled by retrying: a dependency waits for readiness (`wait`), a dependent installs atomically
 * (`atomic`: a failed install is rolled back and CAAPH tries again on its next reconcile).
 */
export function renderHelmChartProxy(
  scope: Construct, info: BundleRenderInfo, addon: ResolvedAddon, cluster: ClusterFacts | undefined, selector: Selector | undefined,
): void {
  const name = cluster ? objectName(info, cluster.name, addon.name) : objectName(info, info.bundleName, addon.name);
  let valuesTemplate: string;
  try {
    valuesTemplate = renderTemplate(addon.values, 'caaph');
  } catch (e) {
    if (e instanceof ClusterValueError) {
      info.report.errors.push(`${info.path}: addon '${addon.name}': ${e.message}`);
      return;
    }
    throw e;
  }
  if (cluster) {
    if (!hasLabelsOrReport(info, addon, cluster)) return;
    // one per cluster (thousands in a fleet): the shared template with this cluster's selector in its place
    const template = specTemplate(info, addon, valuesTemplate);
    const clusterSelector = { matchLabels: { [CLUSTER_NAME_SELECTOR_LABEL]: cluster.name } };
    const metadata = { name, namespace: cluster.namespace, labels: objectLabels(info, addon, cluster) };
    // no `{ ...a, b }` literals that add keys to a spread: V8 gives each such object a hidden class of its own
    const { apiVersion, kind } = caaph.HelmChartProxy.GVK;
    const props = { apiVersion, kind, metadata, spec: Object.assign({}, template.props, { clusterSelector }) };
    const body = { spec: { ...template.json, clusterSelector: { matchLabels: { [CLUSTER_NAME_SELECTOR_LABEL]: cluster.name } } } };
    new PrerenderedObject(scope, objectId(scope, name, cluster.namespace), props, helmChartProxyJson, body);
    return;
  }
  new caaph.HelmChartProxy(scope, name, {
    metadata: { name, namespace: info.namespace, labels: objectLabels(info, addon, undefined) },
    spec: {
      ...specProps(info, addon, valuesTemplate),
      clusterSelector: {
        matchLabels: selector!.matchLabels,
        matchExpressions: selector!.excludeClusters.length > 0
          ? [{ key: CLUSTER_NAME_SELECTOR_LABEL, operator: 'NotIn', values: [...selector!.excludeClusters].sort() }]
          : undefined,
      },
    },
  });
}

/** What the binding renders for resolved HelmChartProxy props. */
function helmChartProxyJson(resolved: any): any {
  return { ...caaph.HelmChartProxy.GVK, ...caaph.toJson_HelmChartProxyProps(resolved) };
}

/**
 * An addon's HelmChartProxy spec apart from its cluster selector, the same for every cluster: the
 * binding props and their JSON (with a placeholder selector, so that the cluster's takes its
 * place in the key order), made once per addon and render pass, shared and frozen.
 */
function specTemplate(info: BundleRenderInfo, addon: ResolvedAddon, valuesTemplate: string): SpecTemplate {
  const cached = templates.get(addon);
  if (cached && cached.info === info && cached.valuesTemplate === valuesTemplate) return cached;
  const props = deepFreeze(specProps(info, addon, valuesTemplate));
  const json = deepFreeze(caaph.toJson_HelmChartProxySpec({ ...props, clusterSelector: {} })!);
  const template = { info, valuesTemplate, props, json };
  templates.set(addon, template);
  return template;
}

/** Spec templates by addon (of one render pass: `info`). */
const templates = new WeakMap<ResolvedAddon, SpecTemplate>();

interface SpecTemplate {
  readonly info: BundleRenderInfo;
  readonly valuesTemplate: string;
  readonly props: Omit<caaph.HelmChartProxySpec, 'clusterSelector'>;
  readonly json: Record<string, any>;
}

/** The props of an addon's HelmChartProxy spec apart from its cluster selector. */
function specProps(info: BundleRenderInfo, addon: ResolvedAddon, valuesTemplate: string): Omit<caaph.HelmChartProxySpec, 'clusterSelector'> {
  const helm = addon.config.helm!;
  const isDependent = addon.dependsOn.length > 0;
  const isDependency = info.hasDependents.has(addon.name);
  return {
    repoUrl: helm.repository,
    chartName: helm.chart,
    version: addon.version,
    releaseName: helm.releaseName,
    namespace: addon.config.namespace,
    valuesTemplate: valuesTemplate === '' ? undefined : valuesTemplate,
    options: {
      wait: helm.install.wait || isDependency || helm.install.atomic || isDependent,
      waitForJobs: helm.install.waitForJobs || undefined,
      timeout: goDuration(helm.install.timeoutSeconds),
      atomic: helm.install.atomic || isDependent || undefined,
      install: { createNamespace: addon.config.createNamespace },
    },
  };
}
