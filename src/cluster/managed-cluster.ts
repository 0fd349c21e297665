import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ClusterNetworkOptions } from './cluster-network';
import { ControlPlaneOptions } from './control-plane';
import { ClusterInfrastructure } from './infrastructure';
import { clusterCidrProblem, ipv4CidrsOverlap, isCidr } from '../core/cidr';
import { INFRASTRUCTURE_LABEL, validateLabels } from '../core/labels';
import { checkNotSynthesized } from '../core/lifecycle';
import { isDnsLabel } from '../core/names';
import { inRange, RANGES } from '../core/ranges';
import { ValidationError } from '../core/validation-error';
import { NodePool, NodePoolOptions } from '../nodes/node-pool';
import { guardPlainApp } from '../output/private/synth-checks';

/** Props of a `ManagedCluster`. */
export interface ManagedClusterProps {
  /** Where the machines come from and which provider objects are generated. */
  readonly infrastructure: ClusterInfrastructure;
  /**
   * Kubernetes version of the workload cluster, e.g. `v1.33.4` (format per infrastructure).
   */
  readonly version: string;
  /**
   * Cluster name: a DNS label of at most 63 characters.
   * @default - the construct id
   */
  readonly name?: string;
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
   * The control plane (kubeadm infrastructures; managed control planes ignore machine settings
   * and reject them).
   * @default - three t3.large machines
   */
  readonly controlPlane?: ControlPlaneOptions;
  /**
   * Labels on the Cluster object, used to select addon bundles.
   * `capi-blueprints.io/infrastructure` is always added.
   * @default - only the infrastructure label
   */
  readonly labels?: Record<string, string>;
}

/**
 * A Cluster API workload cluster: the Cluster object, its control plane and its
 * infrastructure objects, in a chart of its own (one manifest file per cluster).
 *
 * Node pools are added with `addNodePool` or `new NodePool(...)`.
 */
export class ManagedCluster extends Chart {
  /** Cluster name. */
  public readonly clusterName: string;
  /** Namespace of the cluster's objects. */
  public readonly clusterNamespace: string;
  /** Kubernetes version. */
  public readonly version: string;
  /** The infrastructure the cluster runs on. */
  public readonly infrastructure: ClusterInfrastructure;
  /** Pod CIDR blocks. */
  public readonly podCidrs: string[];
  /** Service CIDR blocks. */
  public readonly serviceCidrs: string[];
  /** DNS domain of services. */
  public readonly serviceDomain: string;
  /** API server port. */
  public readonly apiServerPort: number;
  /** Control-plane intent as given. */
  public readonly controlPlane: ControlPlaneOptions;

  private readonly _clusterLabels: Record<string, string>;
  private readonly _nodePools: NodePool[] = [];
  private _clusterObject?: ApiObject;

  constructor(scope: Construct, id: string, props: ManagedClusterProps) {
    const namespace = props.namespace ?? 'default';
    super(scope, id, { namespace, disableResourceNameHashes: true });
    guardPlainApp(this); // a plain cdk8s App runs the Platform's checks before writing
    this.clusterName = props.name ?? id;
    this.clusterNamespace = namespace;
    this.version = props.version;
    this.infrastructure = props.infrastructure;
    this.podCidrs = props.network?.podCidrs ?? ['192.168.0.0/16'];
    this.serviceCidrs = props.network?.serviceCidrs ?? ['10.96.0.0/12'];
    this.serviceDomain = props.network?.serviceDomain ?? 'cluster.local';
    this.apiServerPort = props.network?.apiServerPort ?? 6443;
    this.controlPlane = props.controlPlane ?? {};
    this._clusterLabels = Object.assign({}, props.labels);

    this.validateProps(props);
    this.infrastructure._bindCluster(this);
  }

  /** The labels of the Cluster object (user labels plus the infrastructure label). */
  public get clusterLabels(): Record<string, string> {
    // Object.assign, not `{ ...a, k: v }`: V8 gives every object literal that adds keys after a
    // spread a hidden class of its own (docs/performance.md, "Shared hidden classes")
    return Object.assign({}, this._clusterLabels, { [INFRASTRUCTURE_LABEL]: this.infrastructure.provider });
  }

  /** The node pools added to this cluster, in the order they were added. */
  public get nodePools(): NodePool[] {
    return [...this._nodePools];
  }

  /** Adds (or overrides) a label on the Cluster object, e.g. for addon bundle selection. */
  public addLabel(key: string, value: string): void {
    checkNotSynthesized(this, `addLabel('${key}')`);
    validateLabels(this, 'label', { [key]: value });
    if (key === INFRASTRUCTURE_LABEL) {
      throw new ValidationError(this, `label '${key}' is set by capi-blueprints from the infrastructure ('${this.infrastructure.provider}'). Use another key.`);
    }
    this._clusterLabels[key] = value;
    this._clusterObject?.metadata.addLabel(key, value);
  }

  /** Adds a node pool to this cluster. */
  public addNodePool(id: string, options: NodePoolOptions = {}): NodePool {
    return new NodePool(this, id, Object.assign({}, options, { cluster: this })); // not a spread: see clusterLabels
  }

  /**
   * Called by the provider that rendered the CAPI Cluster object, so that labels added later
   * reach it.
   * @internal
   */
  public _attachClusterObject(cluster: ApiObject): void {
    this._clusterObject = cluster;
  }

  /**
   * Called by NodePool to register itself; rejects two pools with one name.
   * @internal
   */
  public _registerNodePool(pool: NodePool): void {
    const clash = this._nodePools.find((p) => p.poolName === pool.poolName);
    if (clash) {
      throw new ValidationError(pool, `node pool name '${pool.poolName}' is already used by '${clash.node.path}' in cluster '${this.clusterName}'. Give each pool a unique name.`);
    }
    this._nodePools.push(pool);
  }

  private validateProps(props: ManagedClusterProps): void {
    if (!isDnsLabel(this.clusterName)) {
      throw new ValidationError(this, `cluster name '${this.clusterName}' is not a DNS label. Use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit.`);
    }
    if (!isDnsLabel(this.clusterNamespace)) {
      throw new ValidationError(this, `namespace '${this.clusterNamespace}' is not a DNS label. Use at most 63 lower-case letters, digits and '-'.`);
    }
    for (const [field, cidrs] of [['network.podCidrs', this.podCidrs], ['network.serviceCidrs', this.serviceCidrs]] as const) {
      if (cidrs.length === 0) {
        throw new ValidationError(this, `${field} is empty. Give at least one CIDR block or leave it unset for the default.`);
      }
      for (const cidr of cidrs) {
        if (!isCidr(cidr)) throw new ValidationError(this, `${field} has '${cidr}', which is not a CIDR block. Use e.g. '10.0.0.0/16'.`);
      }
    }
    const cmArgs = props.controlPlane?.controllerManager?.extraArgs ?? {};
    const nodeMask = (key: string, fallback: number): number => (/^\d+$/.test(cmArgs[key] ?? '') ? Number(cmArgs[key]) : fallback);
    const cidrProblem = clusterCidrProblem(this.podCidrs, this.serviceCidrs, {
      nodeMaskIpv4: nodeMask('node-cidr-mask-size-ipv4', nodeMask('node-cidr-mask-size', 24)),
      nodeMaskIpv6: nodeMask('node-cidr-mask-size-ipv6', nodeMask('node-cidr-mask-size', 64)),
    });
    if (cidrProblem) throw new ValidationError(this, cidrProblem);
    for (const pod of this.podCidrs) {
      const clash = this.serviceCidrs.find((svc) => ipv4CidrsOverlap(pod, svc));
      if (clash) {
        throw new ValidationError(this, `network.podCidrs '${pod}' overlaps network.serviceCidrs '${clash}'. Give pods and services disjoint ranges, e.g. pods '192.168.0.0/16' and services '10.96.0.0/12' (the defaults).`);
      }
    }
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(this.serviceDomain)) {
      throw new ValidationError(this, `network.serviceDomain '${this.serviceDomain}' is not a DNS domain. Use e.g. 'cluster.local'.`);
    }
    if (!inRange(this.apiServerPort, RANGES.port)) {
      throw new ValidationError(this, `network.apiServerPort (${this.apiServerPort}) is not a port. Use an integer from 1 to 65535.`);
    }
    validateLabels(this, 'labels', props.labels);
    if (props.labels && INFRASTRUCTURE_LABEL in props.labels) {
      throw new ValidationError(this, `labels['${INFRASTRUCTURE_LABEL}'] is set by capi-blueprints from the infrastructure. Remove it.`);
    }
  }
}
