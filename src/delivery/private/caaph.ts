import { Construct } from 'constructs';
import { renderTemplate, ClusterValueError } from './cluster-values';
import { BundleRenderInfo, goDuration, objectLabels, objectName } from './common';
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
  const helm = addon.config.helm!;
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
  const isDependent = addon.dependsOn.length > 0;
  const isDependency = info.hasDependents.has(addon.name);
  const clusterSelector: caaph.HelmChartProxySpecClusterSelector = cluster
    ? { matchLabels: { [CLUSTER_NAME_SELECTOR_LABEL]: cluster.name } }
    : {
      matchLabels: selector!.matchLabels,
      matchExpressions: selector!.excludeClusters.length > 0
        ? [{ key: CLUSTER_NAME_SELECTOR_LABEL, operator: 'NotIn', values: [...selector!.excludeClusters].sort() }]
        : undefined,
    };
  new caaph.HelmChartProxy(scope, name, {
    metadata: { name, namespace: cluster ? cluster.namespace : info.namespace, labels: objectLabels(info, addon, cluster) },
    spec: {
      clusterSelector,
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
    },
  });
}
