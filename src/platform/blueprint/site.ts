import { Construct } from 'constructs';
import { ClusterOverrides } from './overrides';
import { checkLayer, Layer } from './private/merge';
import { SiteInfrastructure } from './site-infrastructure';
import { AddonBundle } from '../../addons/addon-bundle';
import { OutputMode } from '../../clusterclass/output-mode';
import { isDnsLabel } from '../../core/names';
import { isRegistryPath } from '../../core/registry';
import { ValidationError } from '../../core/validation-error';
import { ManagementCluster } from '../../management/management-cluster';

/** Props of a `Site`. */
export interface SiteProps {
  /**
   * Site name (value of the `capi-blueprints.io/site` cluster label, used in messages and fleet tables).
   * @default - the construct id
   */
  readonly siteName?: string;
  /** Where the site's clusters run: provider, region or hosts, and provider settings. */
  readonly infrastructure: SiteInfrastructure;
  /**
   * The management cluster that creates the site's clusters (their folder in the GitOps tree).
   * @default - none: clusters go to the platform's only management cluster, or the flat layout
   */
  readonly managementCluster?: ManagementCluster;
  /**
   * What differs at this site from the blueprints (same fields as a blueprint, all optional).
   * @default - nothing
   */
  readonly overrides?: ClusterOverrides;
  /**
   * Registry mirror of the site (air-gapped data centres), e.g. `harbor.dc1.example.com/mirror`:
   * control-plane images (kubeadm `imageRepository`) and the images of every addon bundle of the
   * site's clusters (a site copy of each bundle with `imageRegistry` set) come from it. LMA stacks
   * keep their own `imageRegistry`.
   * @default - upstream registries
   */
  readonly registryMirror?: string;
  /**
   * What the site's clusters are written as; wins over their blueprints' `outputMode` (e.g.
   * `OutputMode.objects()` for an EKS site of a class-output blueprint).
   * @default - the blueprint's output mode
   */
  readonly outputMode?: OutputMode;
}

const BRAND = Symbol.for('capi-blueprints.Site');

/**
 * A site: where a group of clusters runs (a region, a data centre) and what differs there. Its
 * infrastructure settings and overrides are the layer between the blueprint and each cluster.
 *
 * ```ts
 * const seoul = new Site(platform, 'seoul', {
 *   infrastructure: SiteInfrastructure.aws({ region: 'ap-northeast-2' }),
 *   managementCluster: mgmt,
 *   overrides: { nodePools: { spot: { autoscaling: { maxSize: 40 } } } },
 * });
 * ```
 */
export class Site extends Construct {
  /** Whether `x` is a Site. */
  public static isSite(x: unknown): x is Site {
    return x !== null && typeof x === 'object' && (x as any)[BRAND] === true;
  }

  /** Site name. */
  public readonly siteName: string;
  /** Where the site's clusters run. */
  public readonly infrastructure: SiteInfrastructure;
  /** The site's management cluster, if set. */
  public readonly managementCluster?: ManagementCluster;
  /** The site's overrides. */
  public readonly overrides: ClusterOverrides;
  /** The site's registry mirror, if set. */
  public readonly registryMirror?: string;
  /** The site's output mode, if set. */
  public readonly outputMode?: OutputMode;

  private readonly mirroredBundles = new Map<AddonBundle, AddonBundle>();

  constructor(scope: Construct, id: string, props: SiteProps) {
    super(scope, id);
    Object.defineProperty(this, BRAND, { value: true });
    this.siteName = props.siteName ?? id;
    if (!isDnsLabel(this.siteName)) {
      throw new ValidationError(this, `site name '${this.siteName}' is not a DNS label (it becomes a label value). Use at most 63 lower-case letters, digits and '-'.`);
    }
    if (!(props.infrastructure instanceof SiteInfrastructure)) {
      throw new ValidationError(this, 'infrastructure must be a SiteInfrastructure, e.g. SiteInfrastructure.aws({ region: \'ap-northeast-2\' }).');
    }
    this.infrastructure = props.infrastructure;
    if (props.managementCluster !== undefined && !ManagementCluster.isManagementCluster(props.managementCluster)) {
      throw new ValidationError(this, 'managementCluster must be a ManagementCluster.');
    }
    this.managementCluster = props.managementCluster;
    const errors = checkLayer(props.overrides, false);
    if (errors.length > 0) throw new ValidationError(this, `site '${this.siteName}' overrides: ${errors.join(' ')}`);
    this.overrides = props.overrides ?? {};
    const mirror = props.registryMirror?.replace(/\/+$/, '');
    if (mirror !== undefined && !isRegistryPath(mirror)) {
      throw new ValidationError(this, `registryMirror '${props.registryMirror}' is not a registry host with an optional path. Use e.g. 'harbor.dc1.example.com/mirror'.`);
    }
    this.registryMirror = mirror;
    if (props.outputMode !== undefined && !OutputMode.isOutputMode(props.outputMode)) {
      throw new ValidationError(this, `outputMode ${JSON.stringify(props.outputMode)} must be an OutputMode: OutputMode.objects() or OutputMode.clusterClass().`);
    }
    this.outputMode = props.outputMode;
  }

  /** The site's layers: its infrastructure settings (and mirror), then its overrides. @internal */
  public _layers(): Layer[] {
    const label = `site '${this.siteName}'`;
    const facts: Record<string, any> = { [this.infrastructure.provider]: this.infrastructure._settings };
    if (this.registryMirror && !this.infrastructure.managedControlPlane) {
      facts.controlPlane = { imageRepository: this.registryMirror };
    }
    return [{ label, values: facts }, { label, values: this.overrides }];
  }

  /** `bundle` as delivered at this site: a copy pulling images from the mirror, if the site has one. @internal */
  public _siteBundle(bundle: AddonBundle): AddonBundle {
    if (!this.registryMirror) return bundle;
    let copy = this.mirroredBundles.get(bundle);
    if (!copy) {
      const bundleName = `${this.siteName}-${bundle.bundleName}`;
      if (bundleName.length > 40) {
        throw new ValidationError(this, `the site copy of bundle '${bundle.bundleName}' (mirror '${this.registryMirror}') would be named '${bundleName}', longer than 40 characters. Shorten the site or bundle name.`);
      }
      copy = AddonBundle.compose(this, `addons-${bundle.bundleName}`, [bundle], {
        bundleName,
        delivery: bundle.delivery,
        imageRegistry: this.registryMirror,
        strictValues: bundle.strictValues,
        namespace: bundle.fleetNamespace,
        resourceSet: bundle.resourceSet,
      });
      this.mirroredBundles.set(bundle, copy);
    }
    return copy;
  }
}
