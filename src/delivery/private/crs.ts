import { Yaml } from 'cdk8s';
import type * as Kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { BundleRenderInfo, objectId, objectLabels, objectName } from './common';
import { CLUSTER_NAME_SELECTOR_LABEL, ClusterFacts, ResolvedAddon, Selector } from './types';
import { sortKeysDeep } from '../../addons/private/values';
import * as capiAddons from '../../imports/capi/addons.cluster.x-k8s.io';
import { ResourceSetResourceKind, ResourceSetStrategy } from '../addon-delivery';

let kplusModule: typeof Kplus | undefined;
/** cdk8s-plus (a large library), loaded only when a bundle has manifest addons. */
function kplus(): typeof Kplus {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return kplusModule ??= require('cdk8s-plus-28');
}

/** The Secret type a ClusterResourceSet accepts. */
export const RESOURCE_SET_SECRET_TYPE = 'addons.cluster.x-k8s.io/resource-set';

/**
 * A ClusterResourceSet for a manifest addon and the Secret (type
 * `addons.cluster.x-k8s.io/resource-set`) or ConfigMap carrying its manifests, both named
 * `<cluster>-<addon>` in the cluster's namespace (never a fixed name: the old CCM set collided
 * across clusters), selecting `capi-blueprints.io/cluster-name: <cluster>`; or, for a fleet,
 * `<bundle>-<addon>` in the bundle's namespace with the bundle's (never empty) selector.
 */
/** Most data a Secret or ConfigMap may hold (the API server's limit). */
const MAX_DATA_BYTES = 1024 * 1024;

export function renderResourceSet(
  scope: Construct, info: BundleRenderInfo, addon: ResolvedAddon, cluster: ClusterFacts | undefined, selector: Selector | undefined,
): void {
  const name = cluster ? objectName(info, cluster.name, addon.name) : objectName(info, info.bundleName, addon.name);
  const namespace = cluster ? cluster.namespace : info.namespace;
  const id = cluster ? objectId(scope, name, namespace) : name;
  const labels = objectLabels(info, addon, cluster);
  const yaml = Yaml.stringify(...(addon.manifests ?? []).map(sortKeysDeep));
  const bytes = Buffer.byteLength(yaml, 'utf8');
  if (bytes > MAX_DATA_BYTES) {
    info.report.errors.push(`${info.path}: addon '${addon.name}' renders ${bytes} bytes of manifests into one ${info.resourceSet.resourceKind ?? ResourceSetResourceKind.SECRET}; the API server accepts at most ${MAX_DATA_BYTES} (1 MiB) per Secret or ConfigMap. Split it into several ManifestAddons, or deliver it as a Helm chart.`);
    return;
  }
  const key = `${addon.name}.yaml`;
  const kind = info.resourceSet.resourceKind ?? ResourceSetResourceKind.SECRET;
  if (kind === ResourceSetResourceKind.SECRET) {
    new (kplus().Secret)(scope, `${id}-secret`, { metadata: { name, namespace, labels }, type: RESOURCE_SET_SECRET_TYPE, stringData: { [key]: yaml } });
  } else {
    new (kplus().ConfigMap)(scope, `${id}-configmap`, { metadata: { name, namespace, labels }, data: { [key]: yaml } });
  }
  const strategy = info.resourceSet.strategy ?? ResourceSetStrategy.APPLY_ONCE;
  new capiAddons.ClusterResourceSet(scope, id, {
    metadata: { name, namespace, labels },
    spec: {
      clusterSelector: cluster
        ? { matchLabels: { [CLUSTER_NAME_SELECTOR_LABEL]: cluster.name } }
        : {
          matchLabels: selector!.matchLabels,
          matchExpressions: selector!.excludeClusters.length > 0
            ? [{ key: CLUSTER_NAME_SELECTOR_LABEL, operator: 'NotIn', values: [...selector!.excludeClusters].sort() }]
            : undefined,
        },
      resources: [{
        kind: kind === ResourceSetResourceKind.SECRET
          ? capiAddons.ClusterResourceSetSpecResourcesKind.SECRET
          : capiAddons.ClusterResourceSetSpecResourcesKind.CONFIG_MAP,
        name,
      }],
      strategy: strategy === ResourceSetStrategy.RECONCILE
        ? capiAddons.ClusterResourceSetSpecStrategy.RECONCILE
        : capiAddons.ClusterResourceSetSpecStrategy.APPLY_ONCE,
    },
  });
}
