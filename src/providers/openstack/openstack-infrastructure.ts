import { OpenStackApiServer } from './openstack-api-server';
import { OpenStackBastionOptions, OpenStackMachineOptions } from './openstack-machine-options';
import { OpenStackNetwork } from './openstack-network';
import type { OpenStackPoolOptions } from './openstack-pool';
import { OpenStackResource } from './openstack-resource';
import { OpenStackSecurityGroupsOptions } from './openstack-security-groups';
import { renderOpenStackCluster } from './private/cluster';
import { fromMachineOptions, mergeMachineLayers, openStackMachineSpec, rejectDoubleSettings, renderOpenStackMachineTemplate } from './private/machine';
import { checkZoneName } from './private/refs';
import { ClusterInfrastructure } from '../../cluster/infrastructure';
import type { ManagedCluster } from '../../cluster/managed-cluster';
import { checkUnique } from '../../core/collections';
import { validateKubernetesVersion } from '../../core/kubernetes-version';
import { ValidationError } from '../../core/validation-error';
import { NodePool, NodePoolKind } from '../../nodes/node-pool';
import { renderCluster } from '../capi/cluster';
import { resolveListedFailureDomains } from '../capi/failure-domains';
import { renderMachineDeployments } from '../capi/machine-deployment';
import { renderKubeadmConfigTemplate } from '../kubeadm/kubeadm-config-template';
import { renderKubeadmControlPlane } from '../kubeadm/kubeadm-control-plane';
import { ManagedNodeRegistration } from '../kubeadm/node-registration';

/** The OpenStack credentials CAPO uses: a Secret with a `clouds.yaml` key (never inline). */
export interface OpenStackIdentityOptions {
  /**
   * Name of the Secret in the cluster's namespace with the `clouds.yaml` key (and optionally
   * `cacert`), e.g. created by External Secrets.
   */
  readonly secretName: string;
  /** Name of the cloud in that `clouds.yaml` (the key under `clouds:`). */
  readonly cloudName: string;
  /**
   * Region, when the cloud has several.
   * @default - the region of the clouds.yaml entry
   */
  readonly region?: string;
}

/**
 * Settings of the OpenStack infrastructure that a blueprint, a site or a cluster can set (everything
 * but the identity, which is a fact of the site).
 */
export interface OpenStackInfrastructureOptions {
  /**
   * The cluster network.
   * @default OpenStackNetwork.managed() - a 10.6.0.0/24 network, subnet and router
   */
  readonly network?: OpenStackNetwork;
  /**
   * External (provider) network for the router and floating IPs.
   * @default - CAPO picks the cloud's only external network
   */
  readonly externalNetwork?: OpenStackResource;
  /**
   * Use no external network at all (no router gateway, no floating IPs); the API load balancer
   * must then be `loadBalancer({ floatingIp: false })`.
   * @default false
   */
  readonly disableExternalNetwork?: boolean;
  /**
   * How clients reach the API servers.
   * @default OpenStackApiServer.loadBalancer() - Octavia with a floating IP
   */
  readonly apiServer?: OpenStackApiServer;
  /**
   * Security groups CAPO creates, and extra rules (e.g. for the CNI).
   * @default - managed groups with Kubernetes' ports only
   */
  readonly securityGroups?: OpenStackSecurityGroupsOptions;
  /**
   * Create the managed network without port security (no security groups, no anti-spoofing;
   * needs `securityGroups: { managed: false }`). Only for `OpenStackNetwork.managed()`.
   * @default false
   */
  readonly disablePortSecurity?: boolean;
  /**
   * SSH bastion host; none unless set.
   * @default - no bastion
   */
  readonly bastion?: OpenStackBastionOptions;
  /**
   * The Nova availability zones the cluster uses, in order: control-plane machines spread over
   * all of them, and a pool's `availabilityZoneCount` takes the first N.
   * @default - all zones Nova reports (CAPO's default; may include unusable ones)
   */
  readonly availabilityZones?: string[];
  /**
   * Settings of every machine (flavor, image, SSH key, …); the control plane and pools
   * override them per field.
   * @default - none (flavor and image must then be set on the control plane and every pool)
   */
  readonly machine?: OpenStackMachineOptions;
  /**
   * Settings of the control-plane machines, over `machine`.
   * @default - `machine`
   */
  readonly controlPlaneMachine?: OpenStackMachineOptions;
  /**
   * MTU of the managed network.
   * @default - Neutron's default
   */
  readonly networkMtu?: number;
  /**
   * Neutron tags on the resources CAPO creates.
   * @default - none
   */
  readonly tags?: string[];
}

/** Props of the OpenStack infrastructure (CAPO v0.14). */
export interface OpenStackInfrastructureProps extends OpenStackInfrastructureOptions {
  /** Credentials, by Secret reference. */
  readonly identity: OpenStackIdentityOptions;
}

/** Kubelet node name on OpenStack: the server's hostname, a cloud-init template emitted literally. */
export const OPENSTACK_NODE_NAME = '{{ local_hostname }}';
/** Kubelet provider ID on OpenStack, as CAPO's templates set it (cloud-init template, literal). */
export const OPENSTACK_PROVIDER_ID = "openstack:///'{{ instance_id }}'";

/**
 * Self-managed Kubernetes (kubeadm) on OpenStack with CAPO v0.14
 * (`infrastructure.cluster.x-k8s.io/v1beta1`): an OpenStackCluster, a KubeadmControlPlane on
 * an OpenStackMachineTemplate, and MachineDeployment node pools (one per availability zone),
 * wired for the external cloud provider — install `Catalog.openstackCloudControllerManager()`
 * and `Catalog.openstackCinderCsi()`.
 */
export class OpenStackInfrastructure extends ClusterInfrastructure {
  /** Provider name: `openstack`. */
  public readonly provider = 'openstack';
  /** Credentials reference. */
  public readonly identity: OpenStackIdentityOptions;
  /** The cluster network. */
  public readonly network: OpenStackNetwork;
  /** External network, if chosen. */
  public readonly externalNetwork: OpenStackResource | undefined;
  /** Whether the external network is disabled. */
  public readonly disableExternalNetwork: boolean;
  /** API endpoint. */
  public readonly apiServer: OpenStackApiServer;
  /** Security group settings. */
  public readonly securityGroups: OpenStackSecurityGroupsOptions;
  /** Whether port security is disabled. */
  public readonly disablePortSecurity: boolean | undefined;
  /** Bastion, if wanted. */
  public readonly bastion: OpenStackBastionOptions | undefined;
  /** Declared availability zones. */
  public readonly availabilityZones: string[] | undefined;
  /** Settings of every machine. */
  public readonly machine: OpenStackMachineOptions;
  /** Settings of the control-plane machines. */
  public readonly controlPlaneMachine: OpenStackMachineOptions | undefined;
  /** Network MTU. */
  public readonly networkMtu: number | undefined;
  /** Neutron tags. */
  public readonly tags: string[] | undefined;

  constructor(props: OpenStackInfrastructureProps) {
    super();
    this.identity = props.identity;
    this.network = props.network ?? OpenStackNetwork.managed();
    this.externalNetwork = props.externalNetwork;
    this.disableExternalNetwork = props.disableExternalNetwork ?? false;
    this.apiServer = props.apiServer ?? OpenStackApiServer.loadBalancer();
    this.securityGroups = props.securityGroups ?? {};
    this.disablePortSecurity = props.disablePortSecurity;
    this.bastion = props.bastion;
    this.availabilityZones = props.availabilityZones;
    this.machine = props.machine ?? {};
    this.controlPlaneMachine = props.controlPlaneMachine;
    this.networkMtu = props.networkMtu;
    this.tags = props.tags;
  }

  /** @internal */
  public _bindCluster(cluster: ManagedCluster): void {
    validateKubernetesVersion(cluster, 'version', cluster.version);
    this.validate(cluster);
    const infrastructure = renderOpenStackCluster(cluster, this);
    const generic = fromMachineOptions(cluster, 'controlPlane.', cluster.controlPlane);
    rejectDoubleSettings(cluster, generic, this.controlPlaneMachine, { generic: 'controlPlane.', openstack: 'controlPlaneMachine' });
    const spec = openStackMachineSpec(cluster, 'control plane machine ', mergeMachineLayers([this.machine, this.controlPlaneMachine, generic]));
    const machineTemplate = renderOpenStackMachineTemplate(cluster, `${cluster.clusterName}-control-plane`, cluster.clusterNamespace, spec);
    const controlPlane = renderKubeadmControlPlane(cluster, {
      machineTemplate,
      nodeRegistration: this.nodeRegistration(),
      componentArgs: { controllerManager: { 'cloud-provider': 'external' } },
    });
    renderCluster(cluster, { infrastructure, controlPlane });
  }

  /** @internal */
  public _bindNodePool(pool: NodePool): void {
    if (pool.kind !== NodePoolKind.MACHINE_DEPLOYMENT) {
      throw new ValidationError(pool, `kind ${pool.kind} is not available on OpenStack: CAPO has no machine pools or managed node groups. Remove kind (pools are MachineDeployments, one per availability zone).`);
    }
    // OpenStackPool's own fields are set after NodePool's constructor (which calls this method)
    // returns, so the OpenStack options are read from the props the pool was created with.
    const options = pool.options as OpenStackPoolOptions;
    if (options.instanceTypes !== undefined) {
      throw new ValidationError(pool, 'instanceTypes is an AWS mixed-instances setting. Set the flavor with machineType (or openstack.flavor).');
    }
    const generic = fromMachineOptions(pool, '', options);
    rejectDoubleSettings(pool, generic, options.openstack, { generic: '', openstack: 'openstack' });
    const zones = resolveListedFailureDomains(pool, { known: this.availabilityZones, declaredBy: 'Infrastructure.openstack({ availabilityZones })' });
    const spec = openStackMachineSpec(pool, 'pool machine ', mergeMachineLayers([this.machine, options.openstack, generic]));
    const infrastructure = renderOpenStackMachineTemplate(pool, `${pool.cluster.clusterName}-${pool.poolName}`, pool.cluster.clusterNamespace, spec);
    const bootstrap = renderKubeadmConfigTemplate(pool, this.nodeRegistration());
    renderMachineDeployments(pool, { ...zones, bootstrap, infrastructure });
  }

  private nodeRegistration(): ManagedNodeRegistration {
    return { name: OPENSTACK_NODE_NAME, kubeletArgs: { 'cloud-provider': 'external', 'provider-id': OPENSTACK_PROVIDER_ID } };
  }

  private validate(cluster: ManagedCluster): void {
    const zones = this.availabilityZones;
    if (zones) {
      if (zones.length === 0) {
        throw new ValidationError(cluster, 'availabilityZones is empty. List the Nova zones to use, or leave it unset.');
      }
      zones.forEach((z) => checkZoneName(cluster, 'availabilityZones', z));
      checkUnique(cluster, 'availabilityZones', zones, 'zone');
    }
    if (this.disablePortSecurity && this.securityGroups.managed !== false) {
      throw new ValidationError(cluster, 'disablePortSecurity is true, but CAPO-managed security groups are on: CAPO would attach them to ports of a network without port security, which Neutron rejects. Set securityGroups: { managed: false } as well, or keep port security.');
    }
    if (this.disablePortSecurity !== undefined && this.network.existingOptions) {
      throw new ValidationError(cluster, 'disablePortSecurity only applies to the network CAPO creates, but the network is existing (its own port security setting applies). Remove disablePortSecurity, or set disablePortSecurity on the machines\' ports.');
    }
  }
}
