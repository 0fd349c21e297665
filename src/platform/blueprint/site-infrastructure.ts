import { ClusterInfrastructure } from '../../cluster/infrastructure';
import { Infrastructure } from '../../infrastructure';
import { AwsInfrastructureOptions, AwsInfrastructureProps } from '../../providers/aws/aws-infrastructure';
import { ByohControlPlaneEndpoint, ByohInfrastructureOptions } from '../../providers/byoh/byoh-infrastructure';
import { ByohHostSelector } from '../../providers/byoh/host-selector';
import { DockerInfrastructureProps } from '../../providers/docker/docker-infrastructure';
import { EksInfrastructureOptions, EksInfrastructureProps } from '../../providers/eks/eks-infrastructure';
import { OpenStackInfrastructureOptions, OpenStackInfrastructureProps } from '../../providers/openstack/openstack-infrastructure';

/** Props of `SiteInfrastructure.byoh`: the site's host facts and BYOH settings. */
export interface ByohSiteProps extends ByohInfrastructureOptions {
  /** Which registered hosts of the site may become control-plane machines, by their labels. */
  readonly controlPlaneHosts: ByohHostSelector;
}

/**
 * Where a site's clusters run: the infrastructure facts of the site (region, hosts) and its
 * settings for that provider, merged over the blueprint's settings for the same provider.
 */
export class SiteInfrastructure {
  /** AWS, self-managed kubeadm clusters (CAPA). */
  public static aws(props: AwsInfrastructureProps): SiteInfrastructure {
    const { region, ...settings } = props;
    return new SiteInfrastructure('aws', region, settings, true, false, (s) => Infrastructure.aws({ ...(s as AwsInfrastructureOptions), region }));
  }

  /** Amazon EKS (CAPA managed control plane); blueprint control-plane settings do not apply. */
  public static eks(props: EksInfrastructureProps): SiteInfrastructure {
    const { region, ...settings } = props;
    return new SiteInfrastructure('eks', region, settings, true, true, (s) => Infrastructure.eks({ ...(s as EksInfrastructureOptions), region }));
  }

  /**
   * OpenStack (CAPO): the site's cloud credentials (identity) and OpenStack settings. Blueprint
   * machine settings are AWS instance settings and do not apply: give flavors (`machineType`) and
   * volumes in the site's overrides.
   */
  public static openstack(props: OpenStackInfrastructureProps): SiteInfrastructure {
    const { identity, ...settings } = props;
    return new SiteInfrastructure('openstack', undefined, settings, false, false, (s) => Infrastructure.openstack({ ...(s as OpenStackInfrastructureOptions), identity }));
  }

  /** Docker (CAPD, development clusters on a laptop); blueprint machine settings do not apply. */
  public static docker(props: DockerInfrastructureProps = {}): SiteInfrastructure {
    return new SiteInfrastructure('docker', undefined, { ...props }, false, false, (s) => Infrastructure.docker(s as DockerInfrastructureProps));
  }

  /**
   * Bring Your Own Host: each cluster gives its `controlPlaneEndpoint`; blueprint machine
   * settings (machine types, volumes, zones) do not apply to hosts.
   */
  public static byoh(props: ByohSiteProps): SiteInfrastructure {
    const { controlPlaneHosts, ...settings } = props;
    return new SiteInfrastructure('byoh', undefined, settings, false, false, (s, endpoint) => Infrastructure.byoh({
      ...(s as ByohInfrastructureOptions),
      controlPlaneHosts,
      controlPlaneEndpoint: endpoint!,
    }));
  }

  /** The provider (`aws`, `eks`, `byoh`): the section of the layers that applies. */
  public readonly provider: string;
  /** The region (cloud sites). */
  public readonly region?: string;
  /**
   * Whether the blueprint's machine settings (AWS instance types, volumes, zones, spot) apply:
   * true on AWS and EKS; other providers take machine settings from the site and cluster layers.
   */
  public readonly createsMachines: boolean;
  /** Whether the provider runs the control plane itself (so `controlPlane` settings do not apply). */
  public readonly managedControlPlane: boolean;
  /** The site's provider settings, as a layer section. @internal */
  public readonly _settings: Record<string, any>;
  private readonly create: (settings: Record<string, any>, endpoint?: ByohControlPlaneEndpoint) => ClusterInfrastructure;

  private constructor(
    provider: string,
    region: string | undefined,
    settings: Record<string, any>,
    createsMachines: boolean,
    managedControlPlane: boolean,
    create: (settings: Record<string, any>, endpoint?: ByohControlPlaneEndpoint) => ClusterInfrastructure,
  ) {
    this.provider = provider;
    this.region = region;
    this._settings = settings;
    this.createsMachines = createsMachines;
    this.managedControlPlane = managedControlPlane;
    this.create = create;
  }

  /** Whether clusters of this site must give a control-plane endpoint. */
  public get needsControlPlaneEndpoint(): boolean {
    return this.provider === 'byoh';
  }

  /** The infrastructure of one cluster from its merged provider section. @internal */
  public _infrastructure(settings: Record<string, any>, endpoint?: ByohControlPlaneEndpoint): ClusterInfrastructure {
    return this.create(settings, endpoint);
  }
}
