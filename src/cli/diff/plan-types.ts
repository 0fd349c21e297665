import { FieldChange } from './field-diff';

/** What happens to one object (or one group of objects) when the change is applied. */
export type ItemAction = 'created' | 'deleted' | 'rolls' | 'upgrades' | 'in-place';

/** The plan for one control plane, pool, infrastructure object or other object. */
export interface PlanItem {
  readonly kind: string;
  readonly name: string;
  /** The node pool (`capi-blueprints.io/node-pool`) of a MachineDeployment / MachinePool. */
  readonly pool?: string;
  readonly action: ItemAction;
  /** Why machines are replaced (or the control plane upgraded): one line each. */
  readonly why: string[];
  /** Changes applied without replacing machines: one line each. */
  readonly inPlace: string[];
  /** Every field that differs, for `--json`. */
  readonly changes: FieldChange[];
}

/** What happens to one addon of one cluster. */
export interface AddonPlan {
  readonly addon: string;
  readonly bundle?: string;
  readonly delivery: string;
  /** `Kind/name` of the delivery object (the new one, or the old one when removed). */
  readonly object: string;
  readonly action: 'added' | 'removed' | 'upgrade' | 'values' | 'changed' | 'delivery';
  readonly chart?: string;
  readonly fromVersion?: string;
  readonly toVersion?: string;
  /** Changed Helm values (or ClusterResourceSet resource data). */
  readonly values: FieldChange[];
  /** Other changed fields of the delivery object. */
  readonly other: FieldChange[];
  readonly notes: string[];
}

/** A change the API server (a webhook) or the cloud API would refuse on update. */
export interface PlanError {
  /** The cluster key, when the object belongs to one. */
  readonly cluster?: string;
  /** `Kind/namespace/name`. */
  readonly object: string;
  readonly field: string;
  readonly message: string;
}

/** The plan for one workload cluster. */
export interface ClusterPlan {
  readonly key: string;
  readonly name: string;
  readonly namespace: string;
  readonly managementCluster?: string;
  readonly site?: string;
  readonly status: 'created' | 'deleted' | 'changed' | 'unchanged';
  /** Deleting the cluster or a pool deletes machines. */
  readonly destructive: boolean;
  readonly controlPlane?: PlanItem;
  /** Cluster and infrastructure cluster objects (network, load balancer, labels, …). */
  readonly infrastructure: PlanItem[];
  readonly pools: PlanItem[];
  readonly addons: AddonPlan[];
  /** Health checks and other objects of the cluster. */
  readonly others: PlanItem[];
  /** For created / deleted clusters: what comes or goes. */
  readonly contents: string[];
  readonly warnings: string[];
}

/** Counts of a plan. */
export interface PlanSummary {
  readonly clusters: number;
  readonly created: number;
  readonly deleted: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly controlPlaneRolls: number;
  readonly poolRolls: number;
  readonly poolsInPlace: number;
  readonly addonUpgrades: number;
  readonly addonChanges: number;
  readonly errors: number;
}

/** The rollout plan between two synthesized trees. */
export interface RolloutPlan {
  readonly old: string;
  readonly new: string;
  readonly summary: PlanSummary;
  readonly destructive: boolean;
  readonly clusters: ClusterPlan[];
  /** Objects of no single cluster (management, bootstrap, identities, fleet-wide addons). */
  readonly shared: PlanItem[];
  readonly errors: PlanError[];
}
