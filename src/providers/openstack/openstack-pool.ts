import { Construct } from 'constructs';
import { OpenStackMachineOptions } from './openstack-machine-options';
import { ValidationError } from '../../core/validation-error';
import { NodePool, NodePoolOptions, NodePoolProps } from '../../nodes/node-pool';

/** Options of an OpenStack node pool: a `NodePool` with OpenStack machine settings. */
export interface OpenStackPoolOptions extends NodePoolOptions {
  /**
   * OpenStack settings of the pool's machines (flavor, image, root volume, server group,
   * ports, …), over the infrastructure's `machine` settings.
   * @default - the infrastructure's `machine` settings
   */
  readonly openstack?: OpenStackMachineOptions;
}

/** Props of an `OpenStackPool`. */
export interface OpenStackPoolProps extends OpenStackPoolOptions, NodePoolProps {}

/**
 * A node pool on OpenStack with OpenStack-specific machine settings. Everything `NodePool`
 * offers applies (replicas or autoscaling per zone, one MachineDeployment per availability
 * zone, node labels, taints, kubelet flags, rollout, deletion, health check). A plain
 * `cluster.addNodePool()` works too when the infrastructure's `machine` settings suffice.
 */
export class OpenStackPool extends NodePool {
  private static checkInfrastructure(scope: Construct, id: string, props: OpenStackPoolProps): OpenStackPoolProps {
    const provider = props.cluster.infrastructure.provider;
    if (provider !== 'openstack') {
      const path = scope.node.path ? `${scope.node.path}/${id}` : id;
      throw new ValidationError(path, `OpenStackPool needs a cluster on OpenStack infrastructure, but cluster '${props.cluster.clusterName}' runs on '${provider}'. Use Infrastructure.openstack({...}) for the cluster, or a NodePool (cluster.addNodePool) here.`);
    }
    return props;
  }

  /** The pool's OpenStack machine settings, as given. */
  public readonly openstack: OpenStackMachineOptions | undefined;

  constructor(scope: Construct, id: string, props: OpenStackPoolProps) {
    super(scope, id, OpenStackPool.checkInfrastructure(scope, id, props));
    this.openstack = props.openstack;
  }
}
