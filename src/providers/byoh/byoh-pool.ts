import { Construct } from 'constructs';
import { ByohInstall } from './byoh-install';
import { ByohHostSelector } from './host-selector';
import { ValidationError } from '../../core/validation-error';
import { NodePool, NodePoolOptions, NodePoolProps } from '../../nodes/node-pool';

/** Options of a BYOH node pool: a `NodePool` whose machines claim registered hosts by label. */
export interface ByohPoolOptions extends NodePoolOptions {
  /**
   * Which registered hosts (ByoHosts) the pool's machines may claim, by their labels.
   * Pools and the control plane need distinct selectors.
   */
  readonly hosts: ByohHostSelector;
  /**
   * How Kubernetes gets onto the hosts.
   * @default ByohInstall.preinstalled()
   */
  readonly install?: ByohInstall;
}

/** Props of a `ByohPool`. */
export interface ByohPoolProps extends ByohPoolOptions, NodePoolProps {}

/**
 * A node pool on BYOH hosts: a MachineDeployment over a content-hashed ByoMachineTemplate that
 * selects hosts by label, a KubeadmConfigTemplate (never with an empty spec), a
 * K8sInstallerConfigTemplate for bundle installs, and a MachineHealthCheck.
 *
 * Everything `NodePool` offers applies (replicas or autoscaling, node labels that reach the
 * Nodes, taints, kubelet flags, rollout, deletion and health check settings); cloud machine
 * settings (`machineType`, `rootVolume`, …, availability zones) are rejected.
 */
export class ByohPool extends NodePool {
  private static checkInfrastructure(scope: Construct, id: string, props: ByohPoolProps): ByohPoolProps {
    const provider = props.cluster.infrastructure.provider;
    if (provider !== 'byoh') {
      const path = scope.node.path ? `${scope.node.path}/${id}` : id;
      throw new ValidationError(path, `ByohPool needs a cluster on BYOH infrastructure, but cluster '${props.cluster.clusterName}' runs on '${provider}'. Use Infrastructure.byoh({...}) for the cluster, or a NodePool (cluster.addNodePool) here.`);
    }
    return props;
  }

  /** The host selector. */
  public readonly hosts: ByohHostSelector;
  /** How Kubernetes gets onto the hosts. */
  public readonly install: ByohInstall;

  constructor(scope: Construct, id: string, props: ByohPoolProps) {
    super(scope, id, ByohPool.checkInfrastructure(scope, id, props));
    this.hosts = props.hosts;
    this.install = props.install ?? ByohInstall.preinstalled();
  }
}
