import { IConstruct } from 'constructs';
import { ClusterInfrastructure } from '../../cluster/infrastructure';
import type { ManagedCluster } from '../../cluster/managed-cluster';
import { checkUnique } from '../../core/collections';
import { validateKubernetesVersion } from '../../core/kubernetes-version';
import { hashedName } from '../../core/names';
import { ValidationError } from '../../core/validation-error';
import * as capd from '../../imports/capd/infrastructure.cluster.x-k8s.io';
import { NodePool, NodePoolKind } from '../../nodes/node-pool';
import { renderCluster } from '../capi/cluster';
import { API_GROUPS, ContractRef } from '../capi/contract-ref';
import { resolveListedFailureDomains } from '../capi/failure-domains';
import { renderMachineDeployments } from '../capi/machine-deployment';
import { renderKubeadmConfigTemplate } from '../kubeadm/kubeadm-config-template';
import { renderKubeadmControlPlane } from '../kubeadm/kubeadm-control-plane';
import { ManagedNodeRegistration } from '../kubeadm/node-registration';

/** The HAProxy container in front of the API servers. */
export interface DockerLoadBalancerOptions {
  /**
   * Image repository of the load balancer.
   * @default - kindest/haproxy (CAPD's default)
   */
  readonly imageRepository?: string;
  /**
   * Image tag of the load balancer.
   * @default - CAPD's default tag
   */
  readonly imageTag?: string;
}

/** Props of the Docker (local development) infrastructure. */
export interface DockerInfrastructureProps {
  /**
   * Failure domains to simulate (names only; all run on the same Docker host). Control-plane
   * machines spread over them, and a pool's `availabilityZoneCount` takes the first N.
   * @default - none
   */
  readonly failureDomains?: string[];
  /**
   * The API load balancer container.
   * @default - CAPD's HAProxy image
   */
  readonly loadBalancer?: DockerLoadBalancerOptions;
  /**
   * Node image of every machine, e.g. a mirror of `kindest/node:v1.33.4`.
   * @default - `kindest/node:<cluster version>`
   */
  readonly nodeImage?: string;
  /**
   * Images loaded into every node from the Docker host before Kubernetes starts (saves pulls).
   * @default - none
   */
  readonly preLoadImages?: string[];
  /**
   * Mount the host's Docker socket into the machines (only for running CAPD inside the
   * workload cluster; it gives the machines root on the host).
   * @default false
   */
  readonly mountDockerSocket?: boolean;
}

/**
 * Kubelet eviction thresholds of CAPD's own templates: a laptop's disk is often fuller than the
 * kubelet's default thresholds allow, which would evict every pod.
 */
export const DOCKER_KUBELET_EVICTION_HARD = 'nodefs.available<0%,nodefs.inodesFree<0%,imagefs.available<0%';

/** Machine settings a Docker container cannot honour (it is not a cloud machine). */
const CLOUD_FIELDS = ['machineType', 'rootVolume', 'image', 'additionalSecurityGroups', 'capacity', 'subnet', 'iamInstanceProfile', 'additionalTags'];

const IMAGE_REF = /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*(:[\w][\w.-]{0,127})?(@sha256:[a-f0-9]{64})?$/;

/**
 * A local workload cluster whose machines are Docker containers, with Cluster API's
 * development provider (CAPD v1.14: DevCluster and DevMachineTemplate,
 * `infrastructure.cluster.x-k8s.io/v1beta2`, Docker backend), managed from a kind cluster on
 * the same machine. For trying blueprints on a laptop; not for production. No cloud provider:
 * install a CNI from the catalog (e.g. `Catalog.calico()`).
 */
export class DockerInfrastructure extends ClusterInfrastructure {
  /** Provider name: `docker`. */
  public readonly provider = 'docker';
  /** Simulated failure domains. */
  public readonly failureDomains: string[] | undefined;
  /** Load balancer settings. */
  public readonly loadBalancer: DockerLoadBalancerOptions | undefined;
  /** Node image override. */
  public readonly nodeImage: string | undefined;
  /** Images preloaded into the nodes. */
  public readonly preLoadImages: string[] | undefined;
  /** Whether the Docker socket is mounted into the machines. */
  public readonly mountDockerSocket: boolean;

  constructor(props: DockerInfrastructureProps = {}) {
    super();
    this.failureDomains = props.failureDomains;
    this.loadBalancer = props.loadBalancer;
    this.nodeImage = props.nodeImage;
    this.preLoadImages = props.preLoadImages;
    this.mountDockerSocket = props.mountDockerSocket ?? false;
  }

  /** @internal */
  public _bindCluster(cluster: ManagedCluster): void {
    validateKubernetesVersion(cluster, 'version', cluster.version);
    rejectCloudFields(cluster, 'controlPlane.', cluster.controlPlane);
    this.validate(cluster);
    const infrastructure = this.renderDevCluster(cluster);
    const machineTemplate = this.renderMachineTemplate(cluster, `${cluster.clusterName}-control-plane`, cluster.clusterNamespace);
    const controlPlane = renderKubeadmControlPlane(cluster, {
      machineTemplate,
      nodeRegistration: this.nodeRegistration(),
      componentArgs: {},
    });
    renderCluster(cluster, { infrastructure, controlPlane });
  }

  /** @internal */
  public _bindNodePool(pool: NodePool): void {
    if (pool.kind !== NodePoolKind.MACHINE_DEPLOYMENT) {
      throw new ValidationError(pool, `kind ${pool.kind} is not available on Docker: pools are MachineDeployments of containers. Remove kind.`);
    }
    rejectCloudFields(pool, '', pool.options, ['instanceTypes']);
    const zones = resolveListedFailureDomains(pool, { known: this.failureDomains, declaredBy: 'Infrastructure.docker({ failureDomains })' });
    const infrastructure = this.renderMachineTemplate(pool, `${pool.cluster.clusterName}-${pool.poolName}`, pool.cluster.clusterNamespace);
    const bootstrap = renderKubeadmConfigTemplate(pool, this.nodeRegistration());
    renderMachineDeployments(pool, { ...zones, bootstrap, infrastructure });
  }

  private nodeRegistration(): ManagedNodeRegistration {
    return { kubeletArgs: { 'eviction-hard': DOCKER_KUBELET_EVICTION_HARD } };
  }

  private validate(cluster: ManagedCluster): void {
    const fds = this.failureDomains;
    if (fds) {
      if (fds.length === 0 || fds.length > 100) {
        throw new ValidationError(cluster, `failureDomains lists ${fds.length} domains. List 1 to 100 names, or leave it unset.`);
      }
      for (const fd of fds) {
        if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(fd)) {
          throw new ValidationError(cluster, `failureDomains has '${fd}'. Use lower-case letters, digits and '-' (it becomes part of MachineDeployment names), e.g. 'fd1'.`);
        }
      }
      checkUnique(cluster, 'failureDomains', fds, 'name');
    }
    for (const [field, image] of [['nodeImage', this.nodeImage], ...(this.preLoadImages ?? []).map((i) => ['preLoadImages', i])] as Array<[string, string | undefined]>) {
      if (image !== undefined && !IMAGE_REF.test(image)) {
        throw new ValidationError(cluster, `${field} has '${image}', which is not an image reference. Use e.g. 'kindest/node:v1.33.4'.`);
      }
    }
    const lb = this.loadBalancer;
    if (lb?.imageRepository !== undefined && !IMAGE_REF.test(lb.imageRepository)) {
      throw new ValidationError(cluster, `loadBalancer.imageRepository '${lb.imageRepository}' is not an image repository. Use e.g. 'kindest/haproxy'.`);
    }
    if (lb?.imageTag !== undefined && !/^[\w][\w.-]{0,127}$/.test(lb.imageTag)) {
      throw new ValidationError(cluster, `loadBalancer.imageTag '${lb.imageTag}' is not an image tag. Use e.g. 'v20230606-42a2262b'.`);
    }
  }

  private renderDevCluster(cluster: ManagedCluster): ContractRef {
    // The DevCluster webhook requires failure domains sorted by name.
    const fds = this.failureDomains ? [...this.failureDomains].sort() : undefined;
    const lb = this.loadBalancer;
    new capd.DevCluster(cluster, 'DevCluster', {
      metadata: { name: cluster.clusterName, namespace: cluster.clusterNamespace },
      spec: {
        backend: {
          docker: {
            failureDomains: fds?.map((name) => ({ name, controlPlane: true })),
            loadBalancer: lb && (lb.imageRepository !== undefined || lb.imageTag !== undefined)
              ? { imageRepository: lb.imageRepository, imageTag: lb.imageTag }
              : undefined,
          },
        },
      },
    });
    return { apiGroup: API_GROUPS.infrastructure, kind: 'DevCluster', name: cluster.clusterName };
  }

  private renderMachineTemplate(scope: ManagedCluster | NodePool, baseName: string, namespace: string): ContractRef {
    const spec: capd.DevMachineTemplateSpecTemplateSpec = {
      backend: {
        docker: {
          customImage: this.nodeImage,
          preLoadImages: this.preLoadImages && this.preLoadImages.length > 0 ? [...this.preLoadImages] : undefined,
          extraMounts: this.mountDockerSocket
            ? [{ containerPath: '/var/run/docker.sock', hostPath: '/var/run/docker.sock' }]
            : undefined,
        },
      },
    };
    // DevMachineTemplate is immutable: a content hash in the name rolls machines on change.
    const name = hashedName(baseName, spec);
    new capd.DevMachineTemplate(scope, 'DevMachineTemplate', {
      metadata: { name, namespace },
      spec: { template: { spec } },
    });
    return { apiGroup: API_GROUPS.infrastructure, kind: 'DevMachineTemplate', name };
  }
}

function rejectCloudFields(scope: IConstruct, prefix: string, options: object, extra: string[] = []): void {
  const given = options as Record<string, unknown>;
  for (const field of [...CLOUD_FIELDS, ...extra]) {
    if (field === 'capacity' && (given.capacity as { isSpot?: boolean } | undefined)?.isSpot === false) continue; // on demand: harmless
    if (given[field] !== undefined) {
      throw new ValidationError(scope, `${prefix}${field} is a cloud machine setting, which the Docker provider cannot apply: machines are containers on this host. Remove ${prefix}${field} (set the node image with Infrastructure.docker({ nodeImage })).`);
    }
  }
}
