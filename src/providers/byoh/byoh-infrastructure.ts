import { ByohInstall } from './byoh-install';
import type { ByohPoolOptions } from './byoh-pool';
import { ByohHostSelector } from './host-selector';
import { KubeVipOptions } from './kube-vip';
import { byohNodeRegistration } from './private/host-agent';
import { renderHostSelector, selectorKey } from './private/host-selector';
import { DEFAULT_INTERFACE_PLACEHOLDER, DEFAULT_KUBE_VIP_IMAGE, KUBE_VIP_POST_KUBEADM_COMMANDS, KUBE_VIP_PRE_KUBEADM_COMMANDS, kubeVipFiles } from './private/kube-vip-manifest';
import { rejectCloudMachineFields } from './private/machine-options';
import { renderByoMachineTemplate, renderInstallerTemplate } from './private/templates';
import { FileEncoding } from '../../bootstrap/node-bootstrap';
import { BootstrapSupport } from '../../bootstrap/private/validate';
import { ClusterInfrastructure } from '../../cluster/infrastructure';
import type { ManagedCluster } from '../../cluster/managed-cluster';
import { validateKubernetesVersion } from '../../core/kubernetes-version';
import { inRange, RANGES } from '../../core/ranges';
import { ValidationError } from '../../core/validation-error';
import * as byoh from '../../imports/byoh/infrastructure.cluster.x-k8s.io';
import type { NodePool } from '../../nodes/node-pool';
import { renderCluster } from '../capi/cluster';
import { API_GROUPS, ContractRef } from '../capi/contract-ref';
import { renderMachineDeployments } from '../capi/machine-deployment';
import { renderKubeadmConfigTemplate } from '../kubeadm/kubeadm-config-template';
import { renderKubeadmControlPlane } from '../kubeadm/kubeadm-control-plane';

/** The BYOH host agent runs only `write_files` and `runcmd` of the bootstrap data (and decodes base64, gzip+base64). */
const BYOH_BOOTSTRAP_SUPPORT: BootstrapSupport = {
  target: 'the BYOH host agent (it runs only the files and commands of the bootstrap data)',
  ignition: false,
  unsupported: {
    users: 'Create users on the host image, or write them with files (e.g. /etc/sudoers.d/ops) and run useradd in preKubeadmCommands.',
    ntp: "Configure time sync on the host image, or write a drop-in with files (e.g. /etc/systemd/timesyncd.conf.d/ntp.conf with '[Time]\\nNTP=ntp1.example.com') and restart the service in preKubeadmCommands.",
    diskSetup: 'Partition and format disks on the host before it registers (the host is yours), not in the bootstrap.',
    mounts: 'Mount file systems on the host before it registers (the host is yours), not in the bootstrap.',
  },
  unsupportedEncodings: [FileEncoding.GZIP],
};

/** The address clients reach the API servers at (ByoCluster `controlPlaneEndpoint`). */
export interface ByohControlPlaneEndpoint {
  /**
   * IP address (or DNS name) of the endpoint: the virtual IP kube-vip announces, or an
   * external load balancer. With kube-vip it must be an IP address on the hosts' network.
   */
  readonly host: string;
  /**
   * Port of the endpoint.
   * @default - the cluster's API server port (`network.apiServerPort`, 6443)
   */
  readonly port?: number;
}

/**
 * Settings of the BYOH infrastructure that a blueprint, a site or a cluster can set (the endpoint
 * and the control-plane host selector are facts of a cluster and a site).
 */
export interface ByohInfrastructureOptions {
  /**
   * How Kubernetes gets onto the control-plane hosts.
   * @default ByohInstall.preinstalled()
   */
  readonly controlPlaneInstall?: ByohInstall;
  /**
   * Run kube-vip on the control-plane hosts to announce `controlPlaneEndpoint.host` as a virtual
   * IP. Leave unset when the endpoint is an external load balancer.
   * @default - no kube-vip (the endpoint is provided outside the cluster)
   */
  readonly kubeVip?: KubeVipOptions;
  /**
   * Base registry of the ByoCluster's bundle lookup (`bundleLookupBaseRegistry`), e.g. an
   * air-gapped mirror of BYOH's bundles.
   * @default - not set (BYOH's default)
   */
  readonly bundleLookupBaseRegistry?: string;
}

/** Props of the BYOH (Bring Your Own Host) infrastructure. */
export interface ByohInfrastructureProps extends ByohInfrastructureOptions {
  /** Control-plane endpoint (VIP or load balancer) of the cluster. */
  readonly controlPlaneEndpoint: ByohControlPlaneEndpoint;
  /** Which registered hosts may become control-plane machines, by their labels. */
  readonly controlPlaneHosts: ByohHostSelector;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:]+$/;
const DNS_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * Self-managed Kubernetes (kubeadm) on hosts you bring, with the Cluster API BYOH provider
 * (v0.5, `infrastructure.cluster.x-k8s.io/v1beta1`): a ByoCluster, a KubeadmControlPlane on a
 * ByoMachineTemplate selecting control-plane hosts by label, an optional kube-vip static pod for
 * the endpoint VIP, and `ByohPool` node pools. No cloud provider.
 *
 * Hosts register themselves by running the BYOH host agent with a kubeconfig from a
 * `BootstrapKubeconfig`; pools only select them by label.
 */
export class ByohInfrastructure extends ClusterInfrastructure {
  /** Provider name: `byoh`. */
  public readonly provider = 'byoh';
  /** Control-plane endpoint. */
  public readonly controlPlaneEndpoint: ByohControlPlaneEndpoint;
  /** Control-plane host selector. */
  public readonly controlPlaneHosts: ByohHostSelector;
  /** How Kubernetes gets onto the control-plane hosts. */
  public readonly controlPlaneInstall: ByohInstall;
  /** kube-vip settings, when kube-vip announces the endpoint. */
  public readonly kubeVip: KubeVipOptions | undefined;
  /** Bundle lookup base registry. */
  public readonly bundleLookupBaseRegistry: string | undefined;

  /** Selector keys already claimed, per cluster, to reject two users of the same hosts. */
  private readonly claimed = new WeakMap<ManagedCluster, Map<string, string>>();

  constructor(props: ByohInfrastructureProps) {
    super();
    this.controlPlaneEndpoint = props.controlPlaneEndpoint;
    this.controlPlaneHosts = props.controlPlaneHosts;
    this.controlPlaneInstall = props.controlPlaneInstall ?? ByohInstall.preinstalled();
    this.kubeVip = props.kubeVip;
    this.bundleLookupBaseRegistry = props.bundleLookupBaseRegistry;
  }

  /** @internal */
  public _bindCluster(cluster: ManagedCluster): void {
    validateKubernetesVersion(cluster, 'version', cluster.version);
    rejectCloudMachineFields(cluster, 'controlPlane.', cluster.controlPlane);
    const endpoint = this.validateEndpoint(cluster);
    const infrastructure = this.renderByoCluster(cluster, endpoint);

    const baseName = `${cluster.clusterName}-control-plane`;
    const target = { scope: cluster, field: 'controlPlaneInstall', baseName, namespace: cluster.clusterNamespace, version: cluster.version };
    const selector = renderHostSelector(cluster, 'controlPlaneHosts', this.controlPlaneHosts);
    this.claim(cluster, selectorKey(selector), 'the control plane');
    const installerRef = renderInstallerTemplate(target, this.controlPlaneInstall);
    const machineTemplate = renderByoMachineTemplate(target, selector, installerRef);

    const controlPlane = renderKubeadmControlPlane(cluster, {
      machineTemplate,
      nodeRegistration: byohNodeRegistration(),
      componentArgs: {},
      files: this.kubeVip ? kubeVipFiles({
        address: endpoint.host,
        port: cluster.apiServerPort,
        networkInterface: this.kubeVip.networkInterface ?? DEFAULT_INTERFACE_PLACEHOLDER,
        image: this.kubeVip.image ?? DEFAULT_KUBE_VIP_IMAGE,
      }) : undefined,
      preKubeadmCommands: this.kubeVip ? KUBE_VIP_PRE_KUBEADM_COMMANDS : undefined,
      postKubeadmCommands: this.kubeVip ? KUBE_VIP_POST_KUBEADM_COMMANDS : undefined,
      bootstrapSupport: BYOH_BOOTSTRAP_SUPPORT,
    });
    renderCluster(cluster, { infrastructure, controlPlane });
  }

  /** @internal */
  public _bindNodePool(pool: NodePool): void {
    // ByohPool's own fields are set after NodePool's constructor (which calls this method)
    // returns, so the BYOH options are read from the props the pool was created with.
    const options = pool.options as ByohPoolOptions;
    if (options.hosts === undefined) {
      throw new ValidationError(pool, `node pool '${pool.poolName}' has no host selector. BYOH pools claim registered hosts by label: create them with \`new ByohPool(cluster, '${pool.node.id}', { hosts: { matchLabels: { role: 'worker' } }, ... })\` instead of cluster.addNodePool() or new NodePool().`);
    }
    rejectCloudMachineFields(pool, '', options, ['availabilityZones', 'availabilityZoneCount', 'instanceTypes', 'machinePool', 'managedNodeGroup']);
    const kind = (options as { kind?: string }).kind;
    if (kind !== undefined && kind !== 'MachineDeployment') {
      throw new ValidationError(pool, `kind '${kind}' is not available on BYOH: its pools are MachineDeployments over registered hosts (BYOH has no MachinePool). Remove kind.`);
    }
    const cluster = pool.cluster;
    const install = options.install ?? ByohInstall.preinstalled();
    const target = { scope: pool, field: 'install', baseName: `${cluster.clusterName}-${pool.poolName}`, namespace: cluster.clusterNamespace, version: cluster.version };
    const selector = renderHostSelector(pool, 'hosts', options.hosts);
    this.claim(cluster, selectorKey(selector), `node pool '${pool.poolName}'`, pool);
    const installerRef = renderInstallerTemplate(target, install);
    const infrastructure = renderByoMachineTemplate(target, selector, installerRef);
    const bootstrap = renderKubeadmConfigTemplate(pool, byohNodeRegistration(), { bootstrapSupport: BYOH_BOOTSTRAP_SUPPORT });
    renderMachineDeployments(pool, { failureDomains: [undefined], bootstrap, infrastructure });
  }

  private claim(cluster: ManagedCluster, key: string, who: string, scope: NodePool | ManagedCluster = cluster): void {
    let claimed = this.claimed.get(cluster);
    if (!claimed) {
      claimed = new Map();
      this.claimed.set(cluster, claimed);
    }
    const other = claimed.get(key);
    if (other) {
      throw new ValidationError(scope, `${who} selects the same hosts as ${other} (selector ${key}). Give each pool and the control plane its own host labels, e.g. { role: '<pool name>' }.`);
    }
    claimed.set(key, who);
  }

  private validateEndpoint(cluster: ManagedCluster): { host: string; port: number } {
    const host = this.controlPlaneEndpoint.host;
    const port = this.controlPlaneEndpoint.port ?? cluster.apiServerPort;
    const isIp = IPV4.test(host) || (host.includes(':') && IPV6.test(host));
    if (!isIp && !DNS_NAME.test(host)) {
      throw new ValidationError(cluster, `controlPlaneEndpoint.host '${host}' is not an IP address or DNS name. Use the VIP, e.g. '192.168.0.10'.`);
    }
    if (!inRange(port, RANGES.port)) {
      throw new ValidationError(cluster, `controlPlaneEndpoint.port (${port}) is not a port. Use an integer from 1 to 65535.`);
    }
    if (this.kubeVip) {
      if (!isIp) {
        throw new ValidationError(cluster, `controlPlaneEndpoint.host '${host}' must be an IP address when kube-vip announces it (ARP moves an IP, not a name). Use the VIP address, or remove kubeVip for an external load balancer.`);
      }
      if (port !== cluster.apiServerPort) {
        throw new ValidationError(cluster, `controlPlaneEndpoint.port (${port}) differs from the API server port (${cluster.apiServerPort}); kube-vip only moves the IP, so clients reach the API server on its own port. Remove controlPlaneEndpoint.port or set network.apiServerPort to ${port}.`);
      }
      const image = this.kubeVip.image;
      if (image !== undefined && (image.trim() === '' || /\s/.test(image))) {
        throw new ValidationError(cluster, `kubeVip.image '${image}' is not an image reference. Use e.g. 'registry.example.com/kube-vip/kube-vip:v0.8.7'.`);
      }
      const nic = this.kubeVip.networkInterface;
      if (nic !== undefined && !/^[A-Za-z0-9][-A-Za-z0-9_.:@]{0,14}$/.test(nic)) {
        throw new ValidationError(cluster, `kubeVip.networkInterface '${nic}' is not a network interface name. Use e.g. 'ens192', or leave it unset for the host's default interface.`);
      }
    }
    const registry = this.bundleLookupBaseRegistry;
    if (registry !== undefined && (registry.trim() === '' || /\s/.test(registry) || /^[a-z]+:\/\//.test(registry))) {
      throw new ValidationError(cluster, `bundleLookupBaseRegistry '${registry}' is not a registry path. Use e.g. 'harbor.example.com/cluster_api_provider_bringyourownhost' (no scheme), or leave it unset.`);
    }
    return { host, port };
  }

  private renderByoCluster(cluster: ManagedCluster, endpoint: { host: string; port: number }): ContractRef {
    new byoh.ByoCluster(cluster, 'ByoCluster', {
      metadata: { name: cluster.clusterName, namespace: cluster.clusterNamespace },
      spec: {
        bundleLookupBaseRegistry: this.bundleLookupBaseRegistry,
        controlPlaneEndpoint: { host: endpoint.host, port: endpoint.port },
      },
    });
    return { apiGroup: API_GROUPS.infrastructure, kind: 'ByoCluster', name: cluster.clusterName };
  }
}
