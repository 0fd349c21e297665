import { IConstruct } from 'constructs';
import { AddonDelivery, ClusterResourceSetDeliveryOptions } from '../addon-delivery';
import { ADDON_LABEL, BUNDLE_LABEL, CLUSTER_NAME_SELECTOR_LABEL, ClusterFacts, RenderReport, ResolvedAddon } from './types';
import { MAX_HELM_RELEASE_NAME_LENGTH, MAX_LABEL_VALUE_LENGTH } from '../../core/names';

/** What every renderer gets about the bundle it renders for. */
export interface BundleRenderInfo {
  /** Bundle name (prefix of fleet object names). */
  readonly bundleName: string;
  /** Construct path of the bundle, for messages. */
  readonly path: string;
  /** Namespace of fleet objects (HelmChartProxy and ClusterResourceSet select clusters of their own namespace). */
  readonly namespace: string;
  readonly delivery: AddonDelivery;
  readonly resourceSet: ClusterResourceSetDeliveryOptions;
  /** All addons of the bundle by name (for dependency lookups). */
  readonly addonsByName: Map<string, ResolvedAddon>;
  /** Names of addons something in the bundle depends on. */
  readonly hasDependents: Set<string>;
  readonly report: RenderReport;
}

/**
 * The construct id of a per-cluster object named `name`: the name itself, or `name@namespace` when
 * the scope has that id already — clusters of the same name in two namespaces (valid in Cluster
 * API) render objects of the same name. Where those objects land in one namespace (Argo CD
 * Applications), the duplicate-object check at synthesis names both.
 */
export function objectId(scope: IConstruct, name: string, namespace: string): string {
  return scope.node.tryFindChild(name) === undefined ? name : `${name}@${namespace}`;
}

/**
 * The Helm release name of an addon on `cluster`: its own, or `<cluster>-<release>` for addons of
 * the management cluster (one release per workload cluster there). The addon's release name was
 * checked alone; with the cluster's name in front it can pass Helm's 53 characters: reported.
 */
export function releaseNameOn(info: BundleRenderInfo, addon: ResolvedAddon, cluster: ClusterFacts, management: boolean): string {
  const own = addon.config.helm!.releaseName;
  if (!management) return own;
  const name = `${cluster.name}-${own}`;
  if (name.length > MAX_HELM_RELEASE_NAME_LENGTH) {
    info.report.errors.push(`${info.path}: addon '${addon.name}' runs on the management cluster once per workload cluster, as Helm release '${name}' (${name.length} characters); Helm allows at most ${MAX_HELM_RELEASE_NAME_LENGTH}. Shorten cluster '${cluster.name}' or the addon's releaseName (at most ${MAX_HELM_RELEASE_NAME_LENGTH - cluster.name.length - 1} characters here).`);
  }
  return name;
}

/** `<prefix>-<addon>`, checked to be a DNS label (most generated names are also label values). */
export function objectName(info: BundleRenderInfo, prefix: string, addon: string): string {
  const name = `${prefix}-${addon}`;
  if (name.length > MAX_LABEL_VALUE_LENGTH) {
    info.report.errors.push(`${info.path}: object name '${name}' is longer than ${MAX_LABEL_VALUE_LENGTH} characters. Shorten the cluster/bundle name ('${prefix}') or the addon name ('${addon}').`);
  }
  return name;
}

/** Labels of every generated object. */
export function objectLabels(info: BundleRenderInfo, addon: ResolvedAddon, cluster?: ClusterFacts): Record<string, string> {
  const labels: Record<string, string> = { [ADDON_LABEL]: addon.name, [BUNDLE_LABEL]: info.bundleName };
  if (cluster) labels[CLUSTER_NAME_SELECTOR_LABEL] = cluster.name;
  return labels;
}

/** A Go duration for a number of seconds (`300s`). */
export function goDuration(seconds: number): string {
  return `${seconds}s`;
}
