/**
 * Builds one workload cluster from blueprint + site + cluster layers: merges them, turns the result
 * into `ManagedCluster` / `NodePool` props, attaches bundles, and names the layer that set a value
 * in every construct error.
 */
import { Construct } from 'constructs';
import { Layer, mergeLayers } from './merge';
import { annotateMessage } from './provenance';
import { MACHINE_FIELDS } from './schema';
import { ManagedCluster } from '../../../cluster/managed-cluster';
import { LABEL_PREFIX } from '../../../core/labels';
import { ValidationError } from '../../../core/validation-error';
import { NodePoolKind, NodePoolOptions } from '../../../nodes/node-pool';
import { ByohControlPlaneEndpoint } from '../../../providers/byoh/byoh-infrastructure';
import { ByohPool } from '../../../providers/byoh/byoh-pool';
import { OpenStackPool } from '../../../providers/openstack/openstack-pool';
import type { Blueprint } from '../blueprint';
import type { ClusterOverrides } from '../overrides';
import type { Site } from '../site';

/** Cluster label naming the site of a fleet cluster. */
export const SITE_LABEL = `${LABEL_PREFIX}/site`;
/** Cluster label naming the blueprint of a fleet cluster. */
export const BLUEPRINT_LABEL = `${LABEL_PREFIX}/blueprint`;

const PROVIDER_SECTIONS = ['aws', 'eks', 'byoh', 'openstack', 'docker'];
const ZONE_FIELDS = ['availabilityZones', 'availabilityZoneCount', 'instanceTypes', 'machinePool', 'managedNodeGroup'];
const POOL_SECTIONS = ['byoh', 'openstack'];

/** What `buildCluster` needs. */
export interface ClusterRequest {
  readonly name: string;
  readonly blueprint: Blueprint;
  readonly site: Site;
  readonly overrides?: ClusterOverrides;
  readonly controlPlaneEndpoint?: ByohControlPlaneEndpoint;
  /** Who set the cluster's overrides, e.g. `cluster 'prod'` or `fleet.yaml row 3`. */
  readonly label: string;
}

/** The provenance of each built cluster's merged settings (field path → layer that set it). */
export const CLUSTER_PROVENANCE = new WeakMap<ManagedCluster, Map<string, string>>();

/** Thrown for a request that cannot become a cluster; `Fleet` prefixes it with its path. */
export class RequestError extends Error {}

/** The blueprint layers without the settings the site's infrastructure does not have. */
function blueprintLayersFor(site: Site, layers: Layer[]): Layer[] {
  const infra = site.infrastructure;
  return layers.map((layer) => {
    const values: Record<string, any> = { ...layer.values };
    for (const section of PROVIDER_SECTIONS) if (section !== infra.provider) delete values[section];
    if (infra.managedControlPlane) delete values.controlPlane;
    if (!infra.createsMachines) {
      if (values.controlPlane) values.controlPlane = withoutKeys(values.controlPlane, MACHINE_FIELDS);
      if (values.nodePools) {
        values.nodePools = Object.fromEntries(Object.entries(values.nodePools as Record<string, any>)
          .map(([name, pool]) => [name, withoutKeys(pool, [...MACHINE_FIELDS, ...ZONE_FIELDS])]));
      }
    }
    if (values.nodePools) {
      const otherSections = POOL_SECTIONS.filter((section) => section !== infra.provider);
      values.nodePools = Object.fromEntries(Object.entries(values.nodePools as Record<string, any>)
        .map(([name, pool]) => [name, withoutKeys(pool, otherSections)]));
    }
    return { ...layer, values };
  });
}

function withoutKeys(o: Record<string, any>, keys: ReadonlyArray<string>): Record<string, any> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
}

/** Site and cluster layers may only set the section of the site's provider. */
function checkSections(site: Site, layers: Layer[]): void {
  for (const layer of layers) {
    for (const section of PROVIDER_SECTIONS) {
      if (section !== site.infrastructure.provider && layer.values?.[section] !== undefined) {
        throw new RequestError(`${layer.label} sets '${section}' settings, but site '${site.siteName}' runs on '${site.infrastructure.provider}'. Move them to the '${site.infrastructure.provider}' section or remove them.`);
      }
    }
  }
}

/** `v1.33.4` → `v1.33` on EKS, which takes minor versions only and picks the patch itself. */
function versionFor(site: Site, version: string): string {
  if (site.infrastructure.provider === 'eks') {
    const m = /^v(\d+)\.(\d+)\.\d+$/.exec(version);
    if (m) return `v${m[1]}.${m[2]}`;
  }
  return version;
}

/** Builds the cluster in `scope` (the fleet), registering it with the site's management cluster. */
export function buildCluster(scope: Construct, id: string, request: ClusterRequest): ManagedCluster {
  const { site, blueprint } = request;
  const ownLayers: Layer[] = [...site._layers(), { label: request.label, values: request.overrides }];
  checkSections(site, ownLayers.slice(1));
  const merged = mergeLayers([...blueprintLayersFor(site, blueprint._layers()), ...ownLayers]);
  if (merged.errors.length > 0) throw new RequestError(merged.errors.join(' '));
  const v = merged.values;
  const provenance = merged.provenance;
  const provider = site.infrastructure.provider;

  for (const [reserved, own] of [[SITE_LABEL, site.siteName], [BLUEPRINT_LABEL, blueprint.blueprintName]]) {
    if (v.labels?.[reserved] !== undefined && v.labels[reserved] !== own) {
      const by = provenance.get(`labels['${reserved}']`);
      throw new RequestError(`gets labels['${reserved}']${by ? ` from ${by}` : ''}, which capi-blueprints sets from the ${reserved === SITE_LABEL ? 'site' : 'blueprint'} ('${reserved === SITE_LABEL ? site.siteName : blueprint.blueprintName}'). Remove it; name the ${reserved === SITE_LABEL ? 'site (siteName)' : 'blueprint (blueprintName)'} instead.`);
    }
  }
  if (v.version === undefined) {
    throw new RequestError(`has no Kubernetes version: set version in blueprint '${blueprint.blueprintName}' (or in the site or cluster overrides).`);
  }
  if (site.infrastructure.needsControlPlaneEndpoint && !request.controlPlaneEndpoint) {
    throw new RequestError(`runs on ${provider} site '${site.siteName}' and needs a controlPlaneEndpoint ({ host: '<VIP or load balancer>' }). Give it with the cluster.`);
  }
  if (!site.infrastructure.needsControlPlaneEndpoint && request.controlPlaneEndpoint) {
    throw new RequestError(`gives a controlPlaneEndpoint, but site '${site.siteName}' runs on ${provider}, where the provider creates the endpoint. Remove it.`);
  }

  const rethrow = (e: unknown, fieldScope: string): never => {
    if (!ValidationError.isValidationError(e)) throw e;
    const message = e.message.startsWith(`${e.path}: `) ? e.message.slice(e.path.length + 2) : e.message;
    const aliases = fieldScope ? { 'workerHealthCheck.': 'healthCheck.', 'workerRollout.': 'rollout.', 'nodeBootstrap.': 'bootstrap.' } : { [`${provider}.`]: '', 'nodeBootstrap.': 'controlPlane.bootstrap.' };
    throw new ValidationError(e.path, annotateMessage(message, provenance, fieldScope, aliases));
  };

  let cluster: ManagedCluster;
  try {
    cluster = new ManagedCluster(scope, id, {
      name: request.name,
      version: versionFor(site, v.version),
      namespace: v.namespace,
      network: v.network,
      controlPlane: v.nodeBootstrap && !site.infrastructure.managedControlPlane
        ? { ...v.controlPlane, bootstrap: { ...v.nodeBootstrap, ...v.controlPlane?.bootstrap } }
        : v.controlPlane,
      labels: { ...v.labels, [SITE_LABEL]: site.siteName, [BLUEPRINT_LABEL]: blueprint.blueprintName },
      infrastructure: site.infrastructure._infrastructure(v[provider] ?? {}, request.controlPlaneEndpoint),
    });
  } catch (e) {
    return rethrow(e, '');
  }

  for (const [poolName, pool] of Object.entries((v.nodePools ?? {}) as Record<string, any>)) {
    const { byoh, openstack, ...settings } = pool;
    for (const section of POOL_SECTIONS) {
      if (pool[section] !== undefined && section !== provider) {
        throw new ValidationError(`${cluster.node.path}/${poolName}`, `nodePools.${poolName}.${section} is set${provenance.has(`nodePools.${poolName}.${section}`) ? ` by ${provenance.get(`nodePools.${poolName}.${section}`)}` : ''}, but site '${site.siteName}' runs on '${provider}'. Remove it or move it to the site of that provider.`);
      }
    }
    const options: Record<string, any> = { ...settings };
    const kind = options.kind ?? cluster.infrastructure.defaultNodePoolKind;
    if (v.nodeBootstrap) options.bootstrap = { ...v.nodeBootstrap, ...options.bootstrap };
    if (kind === NodePoolKind.MACHINE_DEPLOYMENT) {
      if (v.workerHealthCheck || options.healthCheck) options.healthCheck = { ...v.workerHealthCheck, ...options.healthCheck };
      if (v.workerRollout || options.rollout) options.rollout = { ...v.workerRollout, ...options.rollout };
    }
    try {
      if (provider === 'byoh') {
        if (!byoh?.hosts) {
          throw new ValidationError(`${cluster.node.path}/${poolName}`, `node pool '${poolName}' on BYOH site '${site.siteName}' has no host selector. Set nodePools.${poolName}.byoh.hosts (e.g. { matchLabels: { pool: '${poolName}' } }) in the site overrides.`);
        }
        new ByohPool(cluster, poolName, { ...(options as NodePoolOptions), hosts: byoh.hosts, install: byoh.install, cluster });
      } else if (openstack) {
        new OpenStackPool(cluster, poolName, { ...(options as NodePoolOptions), openstack, cluster });
      } else {
        cluster.addNodePool(poolName, options as NodePoolOptions);
      }
    } catch (e) {
      rethrow(e, `nodePools.${poolName}.`);
    }
  }

  try {
    for (const bundle of v.addons ?? []) site._siteBundle(bundle).attachTo(cluster);
    for (const team of v.teams ?? []) {
      if (typeof team?.attachTo !== 'function') throw new RequestError(`teams lists ${JSON.stringify(team)}, which is not a Team. Teams are set in code (blueprint, site or cluster overrides), not in fleet tables.`);
      team.attachTo(cluster);
    }
    v.lma?.attachTo(cluster);
  } catch (e) {
    rethrow(e, '');
  }
  site.managementCluster?.addCluster(cluster);
  CLUSTER_PROVENANCE.set(cluster, provenance);
  return cluster;
}
