import { isQualifiedName } from '../core/names';
import { ValidationError } from '../core/validation-error';

/** Which field of a workload cluster a `ClusterValue` stands for. */
export enum ClusterField {
  /** The cluster name (`metadata.name` of the CAPI Cluster). */
  NAME = 'name',
  /** The namespace of the CAPI Cluster in the management cluster. */
  NAMESPACE = 'namespace',
  /** One label of the CAPI Cluster. */
  LABEL = 'label',
  /** All pod CIDR blocks (a list). */
  POD_CIDRS = 'podCidrs',
  /** The first pod CIDR block (a string). */
  POD_CIDR = 'podCidr',
}

/**
 * A Helm value that differs per workload cluster, put anywhere inside an addon's values:
 *
 * ```ts
 * values: { cluster: { name: ClusterValue.clusterName() }, ipam: { operator: { clusterPoolIPv4PodCIDRList: ClusterValue.podCidrs() } } }
 * ```
 *
 * Each delivery renders it in its own way: HelmChartProxy as a Go template over the CAPI Cluster
 * (`{{ .Cluster.metadata.name }}`), Argo CD Applications, Flux HelmReleases and ClusterResourceSets
 * as the literal value of each cluster, Argo CD ApplicationSets as a cluster-generator parameter.
 */
export class ClusterValue {
  /** Whether `x` is a `ClusterValue`. */
  public static isClusterValue(x: any): boolean {
    return x instanceof ClusterValue;
  }

  /** The cluster name. */
  public static clusterName(): ClusterValue {
    return new ClusterValue(ClusterField.NAME);
  }

  /** The namespace of the cluster's objects in the management cluster. */
  public static clusterNamespace(): ClusterValue {
    return new ClusterValue(ClusterField.NAMESPACE);
  }

  /**
   * The value of one label of the CAPI Cluster object. A cluster without the label is an error
   * for deliveries that resolve values at synth time.
   */
  public static label(key: string): ClusterValue {
    // a key no Cluster can carry (or a quote, which would break CAAPH's Go template) is never resolved
    if (typeof key !== 'string' || !isQualifiedName(key)) {
      throw new ValidationError('ClusterValue.label', `'${key}' is not a label key. Use '[prefix/]name', e.g. 'environment' or 'example.com/team'.`);
    }
    return new ClusterValue(ClusterField.LABEL, key);
  }

  /** All pod CIDR blocks of the cluster, as a list. */
  public static podCidrs(): ClusterValue {
    return new ClusterValue(ClusterField.POD_CIDRS);
  }

  /** The first pod CIDR block of the cluster, as a string. */
  public static podCidr(): ClusterValue {
    return new ClusterValue(ClusterField.POD_CIDR);
  }

  /** The cluster field. */
  public readonly field: ClusterField;
  /** The label key (only for `ClusterField.LABEL`). */
  public readonly labelKey?: string;
  /** Text put before the value (string values only). */
  public readonly prefix: string;
  /** Text put after the value (string values only). */
  public readonly suffix: string;

  private constructor(field: ClusterField, labelKey?: string, prefix: string = '', suffix: string = '') {
    this.field = field;
    this.labelKey = labelKey;
    this.prefix = prefix;
    this.suffix = suffix;
  }

  /** Whether the value is a list (pod CIDRs) rather than a string. */
  public get isList(): boolean {
    return this.field === ClusterField.POD_CIDRS;
  }

  /**
   * The same value with text around it, e.g. `ClusterValue.clusterName().wrap('--cluster-name=')`
   * or `.wrap('', '-kubeconfig')`. Only for string values.
   *
   * @param prefix text before the value
   * @param suffix text after the value
   */
  public wrap(prefix: string, suffix: string = ''): ClusterValue {
    if (this.isList) {
      throw new Error(`ClusterValue.${this.field}() is a list and cannot be wrapped in text. Use ClusterValue.podCidr() for the first block.`);
    }
    return new ClusterValue(this.field, this.labelKey, prefix + this.prefix, this.suffix + suffix);
  }

  /** A readable form for messages and hashes, e.g. `<cluster.name>` or `<cluster.label[env]>`. */
  public toString(): string {
    const inner = this.field === ClusterField.LABEL ? `label[${this.labelKey}]` : this.field;
    return `${this.prefix}<cluster.${inner}>${this.suffix}`;
  }
}
