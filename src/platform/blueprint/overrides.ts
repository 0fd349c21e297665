import type { AddonBundle } from '../../addons/addon-bundle';
import { NodeBootstrapOptions } from '../../bootstrap/node-bootstrap';
import { ClusterNetworkOptions } from '../../cluster/cluster-network';
import { ControlPlaneOptions } from '../../cluster/control-plane';
import type { LmaStack } from '../../lma/lma-stack';
import { HealthCheckOptions } from '../../nodes/health-check';
import { NodePoolSettings } from '../../nodes/node-pool';
import { RolloutOptions } from '../../nodes/rollout';
import { AwsInfrastructureOptions } from '../../providers/aws/aws-infrastructure';
import { ByohInfrastructureOptions } from '../../providers/byoh/byoh-infrastructure';
import { ByohInstall } from '../../providers/byoh/byoh-install';
import { ByohHostSelector } from '../../providers/byoh/host-selector';
import { DockerInfrastructureProps } from '../../providers/docker/docker-infrastructure';
import { EksInfrastructureOptions } from '../../providers/eks/eks-infrastructure';
import { OpenStackInfrastructureOptions } from '../../providers/openstack/openstack-infrastructure';
import { OpenStackMachineOptions } from '../../providers/openstack/openstack-machine-options';
import type { Team } from '../../teams/team';

/**
 * Special values of overrides.
 *
 * ```ts
 * overrides: { labels: { team: Override.REMOVE } }   // drop a label a lower layer set
 * ```
 */
export class Override {
  /**
   * Put as the value of a map entry (labels, node labels, kubelet flags, extra args, tags, …) to
   * remove the entry a lower layer set.
   */
  public static readonly REMOVE = '(capi-blueprints:remove)';

  private constructor() {}
}

/** Autoscaler bounds in an override: either bound may be given alone. */
export interface AutoscalingOverrides {
  /**
   * Fewest machines (per AZ).
   * @default - the lower layer's value
   */
  readonly minSize?: number;
  /**
   * Most machines (per AZ).
   * @default - the lower layer's value
   */
  readonly maxSize?: number;
}

/** BYOH settings of a node pool in a blueprint, site or cluster layer. */
export interface ByohPoolOverrides {
  /**
   * Which registered hosts the pool's machines claim (replaced as a whole by a higher layer).
   * Required for every pool of a cluster on a BYOH site.
   * @default - the lower layer's selector
   */
  readonly hosts?: ByohHostSelector;
  /**
   * How Kubernetes gets onto the hosts.
   * @default ByohInstall.preinstalled()
   */
  readonly install?: ByohInstall;
}

/**
 * A node pool in a blueprint, site or cluster layer: the `NodePoolOptions` fields, every one
 * optional, merged field by field over the lower layers' pool of the same name.
 */
export interface NodePoolOverrides extends NodePoolSettings {
  /**
   * Autoscaler bounds (per AZ); each bound merges on its own.
   * @default - the lower layer's bounds (or fixed replicas)
   */
  readonly autoscaling?: AutoscalingOverrides;
  /**
   * BYOH host selection (used only when the cluster's site is on BYOH).
   * @default - none
   */
  readonly byoh?: ByohPoolOverrides;
  /**
   * OpenStack machine settings of the pool (used only when the cluster's site is on OpenStack;
   * replaced as a whole by a higher layer).
   * @default - the infrastructure's machine settings
   */
  readonly openstack?: OpenStackMachineOptions;
  /**
   * This layer adds a pool the lower layers do not have. Without it, an override of an unknown
   * pool is an error (a misspelled pool name would otherwise add a pool).
   * @default false
   */
  readonly addNew?: boolean;
  /**
   * Remove the pool a lower layer defined.
   * @default false
   */
  readonly remove?: boolean;
}

/**
 * What a layer of the company standard sets: a `Blueprint`, the overrides of a `Site`, or the
 * overrides of one cluster. Every field is optional; a higher layer wins. Merge rules:
 *
 * - scalars (strings, numbers, booleans) and value objects (`Capacity`, `MachineImage`,
 *   `AwsNetwork`, `Duration`, …) replace;
 * - structs (`controlPlane`, `network`, `rootVolume`, …) merge field by field;
 * - maps (`labels`, `nodeLabels`, `kubeletExtraArgs`, `extraArgs`, tags) merge by key, and
 *   `Override.REMOVE` as a value removes the key;
 * - `nodePools` merge by pool name: change a pool, add one (`addNew: true`) or remove one
 *   (`remove: true`);
 * - lists (`addons`, `taints`, `availabilityZones`, `certSans`, …) replace.
 */
export interface ClusterOverrides {
  /**
   * Kubernetes version, e.g. `v1.33.4` (on EKS sites the patch number is dropped: EKS picks it).
   * @default - the lower layer's version (a blueprint must set one)
   */
  readonly version?: string;
  /**
   * Namespace of the cluster's objects in the management cluster.
   * @default 'default'
   */
  readonly namespace?: string;
  /**
   * Pod and service networking.
   * @default - pods 192.168.0.0/16, services 10.96.0.0/12, domain cluster.local
   */
  readonly network?: ClusterNetworkOptions;
  /**
   * The kubeadm control plane (not applied on EKS sites, where AWS runs the control plane).
   * @default - three machines
   */
  readonly controlPlane?: ControlPlaneOptions;
  /**
   * Labels of the Cluster object (addon bundles select on them).
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * Node pools by name.
   * @default - none
   */
  readonly nodePools?: Record<string, NodePoolOverrides>;
  /**
   * Health check policy of every MachineDeployment pool (a pool's own `healthCheck` wins per field).
   * @default - startup 10 min, Ready=False/Unknown 5 min, at most 40% unhealthy
   */
  readonly workerHealthCheck?: HealthCheckOptions;
  /**
   * Rollout policy of every MachineDeployment pool (a pool's own `rollout` wins per field).
   * @default - rolling update, maxSurge 1, maxUnavailable 0
   */
  readonly workerRollout?: RolloutOptions;
  /**
   * Bootstrap of every node, control plane and workers (e.g. the site's NTP servers); a pool's or
   * the control plane's own `bootstrap` wins per field.
   * @default - none
   */
  readonly nodeBootstrap?: NodeBootstrapOptions;
  /**
   * Addon bundles delivered to the cluster (a list: a higher layer replaces it; compose a site
   * bundle from the standard one with `AddonBundle.compose`).
   * @default - none
   */
  readonly addons?: AddonBundle[];
  /**
   * Application teams given room on the cluster (namespaces, quota, RBAC, network policy); a list:
   * a higher layer replaces it.
   * @default - none
   */
  readonly teams?: Team[];
  /**
   * The LMA stack of the cluster (e.g. an edge of the company hub).
   * @default - none
   */
  readonly lma?: LmaStack;
  /**
   * AWS (kubeadm) settings, used when the cluster's site is on AWS.
   * @default - none
   */
  readonly aws?: AwsInfrastructureOptions;
  /**
   * EKS settings, used when the cluster's site is on EKS.
   * @default - none
   */
  readonly eks?: EksInfrastructureOptions;
  /**
   * BYOH settings, used when the cluster's site is on BYOH.
   * @default - none
   */
  readonly byoh?: ByohInfrastructureOptions;
  /**
   * OpenStack settings, used when the cluster's site is on OpenStack.
   * @default - none
   */
  readonly openstack?: OpenStackInfrastructureOptions;
  /**
   * Docker settings, used when the cluster's site is on Docker.
   * @default - none
   */
  readonly docker?: DockerInfrastructureProps;
}
