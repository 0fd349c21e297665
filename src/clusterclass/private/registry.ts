/**
 * Which clusters are written as managed topologies, and where they come from (blueprint, site,
 * the layer that set each field). Filled by `Fleet`, read at synthesis and by the management
 * cluster's feature-gate derivation.
 */
import { IConstruct } from 'constructs';
import type { ManagedCluster } from '../../cluster/managed-cluster';

/** A cluster of class output: its blueprint and site (duck-typed to keep this module low). */
export interface ClassMember {
  readonly cluster: ManagedCluster;
  /** `Blueprint` (with `blueprintName` and `_layers()`). */
  readonly blueprint: any;
  /** `Site` (with `siteName`, `_layers()`, …). */
  readonly site: any;
  /** The layer label of the cluster's own overrides (`cluster 'x'`, `fleet.yaml row 3 (x)`). */
  readonly label: string;
  /** Field path → layer that set it (from the merge). */
  readonly provenance: Map<string, string>;
}

const MEMBERS = new WeakMap<IConstruct, ClassMember[]>();
const CLASS_BASED = new WeakSet<IConstruct>();

/** Records a cluster written as a topology. */
export function registerClassMember(member: ClassMember): void {
  const root = member.cluster.node.root;
  let members = MEMBERS.get(root);
  if (!members) MEMBERS.set(root, (members = []));
  members.push(member);
  CLASS_BASED.add(member.cluster);
}

/** The class-output clusters of the app of `root`, in the order they were added. */
export function classMembers(root: IConstruct): ClassMember[] {
  return [...(MEMBERS.get(root.node.root) ?? [])];
}

/** Whether `cluster` is written as a `Cluster` with `spec.topology` (needs the ClusterTopology gate). */
export function isClassBased(cluster: IConstruct): boolean {
  return CLASS_BASED.has(cluster);
}
