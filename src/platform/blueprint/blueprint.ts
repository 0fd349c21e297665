import { Construct } from 'constructs';
import { ClusterOverrides } from './overrides';
import { checkLayer, Layer } from './private/merge';
import { OutputMode } from '../../clusterclass/output-mode';
import { isDnsLabel } from '../../core/names';
import { ValidationError } from '../../core/validation-error';

/** Props of a `Blueprint`: the company standard for a kind of cluster, and its name. */
export interface BlueprintProps extends ClusterOverrides {
  /**
   * Blueprint name (value of the `capi-blueprints.io/blueprint` cluster label, used in messages
   * and fleet tables).
   * @default - the construct id
   */
  readonly blueprintName?: string;
  /**
   * The blueprint this one extends: its settings are the lower layer, this blueprint's win.
   * @default - none (a root blueprint, which defines the node pools)
   */
  readonly base?: Blueprint;
  /**
   * What the blueprint's clusters are written as: their objects, or a ClusterClass per site with
   * each cluster a managed topology (see docs/clusterclass.md). A site's `outputMode` wins.
   * @default - the base blueprint's, else OutputMode.objects()
   */
  readonly outputMode?: OutputMode;
}

const BRAND = Symbol.for('capi-blueprints.Blueprint');

/**
 * The company standard for a kind of cluster: Kubernetes version, per-provider infrastructure
 * settings, control plane, named node pools, addon bundles and LMA stack, labels, health-check
 * and rollout policy. Sites and clusters override it with the same (all-optional) fields; see
 * `ClusterOverrides` for the merge rule of each kind of field.
 *
 * ```ts
 * const standard = new Blueprint(platform, 'standard', {
 *   version: 'v1.33.4',
 *   controlPlane: { replicas: 3, machineType: 'm6i.xlarge' },
 *   nodePools: { general: { machineType: 'm6i.2xlarge', autoscaling: { minSize: 1, maxSize: 10 } } },
 *   addons: [baseAddons],
 * });
 * const gpu = standard.extend('gpu', { nodePools: { gpu: { addNew: true, machineType: 'g5.xlarge' } } });
 * ```
 */
export class Blueprint extends Construct {
  /** Whether `x` is a Blueprint. */
  public static isBlueprint(x: unknown): x is Blueprint {
    return x !== null && typeof x === 'object' && (x as any)[BRAND] === true;
  }

  /** Blueprint name. */
  public readonly blueprintName: string;
  /** The blueprint this one extends. */
  public readonly base?: Blueprint;
  /** This blueprint's own settings (without its base's). */
  public readonly settings: ClusterOverrides;
  /** The output mode set on this blueprint or inherited from its base, if any. */
  public readonly outputMode?: OutputMode;

  constructor(scope: Construct, id: string, props: BlueprintProps = {}) {
    super(scope, id);
    Object.defineProperty(this, BRAND, { value: true });
    const { blueprintName, base, outputMode, ...settings } = props;
    this.blueprintName = blueprintName ?? id;
    if (!isDnsLabel(this.blueprintName)) {
      throw new ValidationError(this, `blueprint name '${this.blueprintName}' is not a DNS label (it becomes a label value). Use at most 63 lower-case letters, digits and '-'.`);
    }
    if (base !== undefined && !Blueprint.isBlueprint(base)) {
      throw new ValidationError(this, 'base must be a Blueprint.');
    }
    this.base = base;
    if (outputMode !== undefined && !OutputMode.isOutputMode(outputMode)) {
      throw new ValidationError(this, `outputMode ${JSON.stringify(outputMode)} must be an OutputMode: OutputMode.objects() or OutputMode.clusterClass().`);
    }
    this.outputMode = outputMode ?? base?.outputMode;
    const errors = checkLayer(settings, false);
    if (errors.length > 0) throw new ValidationError(this, `blueprint '${this.blueprintName}': ${errors.join(' ')}`);
    this.settings = settings;
  }

  /** A blueprint derived from this one: `settings` override this blueprint's, field by field. */
  public extend(id: string, props: BlueprintProps = {}): Blueprint {
    if (props.base !== undefined && props.base !== this) {
      throw new ValidationError(this, `extend('${id}') derives from '${this.blueprintName}'; do not pass another base.`);
    }
    return new Blueprint(this.node.scope as Construct, id, { ...props, base: this });
  }

  /** The layers of this blueprint, root blueprint first. @internal */
  public _layers(): Layer[] {
    const chain: Blueprint[] = [];
    for (let b: Blueprint | undefined = this; b; b = b.base) chain.unshift(b);
    return chain.map((b, i) => ({ label: `blueprint '${b.blueprintName}'`, values: b.settings, definesPools: i === 0 }));
  }
}
