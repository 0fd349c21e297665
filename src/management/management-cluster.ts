import { Construct, IConstruct } from 'constructs';
import { GitOps } from './gitops';
import type { ManagedCluster } from '../cluster/managed-cluster';
import { isDnsLabel } from '../core/names';
import { ValidationError } from '../core/validation-error';

/** Props of a `ManagementCluster`. */
export interface ManagementClusterProps {
  /**
   * Name of the management cluster: the folder of its clusters (`clusters/<name>/…`) and of its
   * own objects (`management/<name>/`).
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * How the management cluster applies its part of the GitOps tree (the root objects are written
   * to `bootstrap/<name>/`).
   * @default - no engine: the tree is written without bootstrap objects (apply it your own way)
   */
  readonly gitOps?: GitOps;
}

const MEMBERSHIP = Symbol.for('capi-blueprints.ManagementCluster.membership');
const BRAND = Symbol.for('capi-blueprints.ManagementCluster');

/**
 * A management cluster: the Cluster API cluster that creates and manages a set of workload
 * clusters. In the GitOps layout of `Platform`, its clusters are written to
 * `clusters/<name>/<namespace>/<cluster>/`, its own objects (namespaces, identities, charts created
 * under it) to `management/<name>/`, and its GitOps engine's root objects to `bootstrap/<name>/`.
 *
 * Clusters join it through a `Site` (`managementCluster`), or with `addCluster`.
 */
export class ManagementCluster extends Construct {
  /** Whether `x` is a ManagementCluster. */
  public static isManagementCluster(x: unknown): x is ManagementCluster {
    return x !== null && typeof x === 'object' && (x as any)[BRAND] === true;
  }

  /**
   * The management cluster `cluster` belongs to: the one it was added to, else the one whose
   * construct scope contains it.
   */
  public static of(cluster: IConstruct): ManagementCluster | undefined {
    const explicit = (cluster as any)[MEMBERSHIP] as ManagementCluster | undefined;
    if (explicit) return explicit;
    return cluster.node.scopes.slice().reverse().find(ManagementCluster.isManagementCluster);
  }

  /** Name of the management cluster. */
  public readonly clusterName: string;
  /** Its GitOps engine, if any. */
  public readonly gitOps?: GitOps;

  private readonly _clusters: ManagedCluster[] = [];

  constructor(scope: Construct, id: string, props: ManagementClusterProps = {}) {
    super(scope, id);
    this.clusterName = props.name ?? id;
    if (!isDnsLabel(this.clusterName)) {
      throw new ValidationError(this, `management cluster name '${this.clusterName}' is not a DNS label. Use at most 63 lower-case letters, digits and '-'.`);
    }
    this.gitOps = props.gitOps;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** The workload clusters added to this management cluster, in the order they were added. */
  public get clusters(): ManagedCluster[] {
    return [...this._clusters];
  }

  /** Makes this the management cluster of `clusters`. A cluster belongs to one management cluster. */
  public addCluster(...clusters: ManagedCluster[]): void {
    for (const cluster of clusters) {
      const current = (cluster as any)[MEMBERSHIP] as ManagementCluster | undefined;
      if (current === this) continue;
      if (current) {
        throw new ValidationError(this, `cluster '${cluster.clusterName}' already belongs to management cluster '${current.clusterName}'. A cluster has one management cluster; add it to one only.`);
      }
      Object.defineProperty(cluster, MEMBERSHIP, { value: this, configurable: false });
      this._clusters.push(cluster);
    }
  }
}
