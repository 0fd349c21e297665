import { Duration } from 'cdk8s';
import { ApiServerOptions, ComponentOptions, EtcdOptions } from './kubernetes-components';
import { NodeBootstrapOptions } from '../bootstrap/node-bootstrap';
import { MachineOptions } from '../machines/machine-options';
import { HealthCheckOptions } from '../nodes/health-check';

/** How the control plane remediates unhealthy machines (KubeadmControlPlane `remediation`). */
export interface ControlPlaneRemediationOptions {
  /**
   * How many times a failed machine is remediated before giving up.
   * @default - unlimited (CAPI's default)
   */
  readonly maxRetry?: number;
  /**
   * Wait between two remediations of the same machine.
   * @default - CAPI's default (5 minutes)
   */
  readonly retryPeriod?: Duration;
  /**
   * How long a machine must be healthy before a later failure counts as a new one.
   * @default - CAPI's default (1 hour)
   */
  readonly minHealthyPeriod?: Duration;
}

/** The kubeadm control plane of a cluster. */
export interface ControlPlaneOptions extends MachineOptions {
  /**
   * Number of control-plane machines; odd, for etcd quorum.
   * @default 3
   */
  readonly replicas?: number;
  /**
   * API server settings.
   * @default - none beyond what the infrastructure needs
   */
  readonly apiServer?: ApiServerOptions;
  /**
   * Controller manager settings.
   * @default - none beyond what the infrastructure needs
   */
  readonly controllerManager?: ComponentOptions;
  /**
   * Scheduler settings.
   * @default - none
   */
  readonly scheduler?: ComponentOptions;
  /**
   * Local etcd settings.
   * @default - none
   */
  readonly etcd?: EtcdOptions;
  /**
   * Kubelet flags of control-plane nodes, merged after the ones the infrastructure sets.
   * @default - none
   */
  readonly kubeletExtraArgs?: Record<string, string>;
  /**
   * Registry the control-plane images come from (air-gapped registries).
   * @default - registry.k8s.io
   */
  readonly imageRepository?: string;
  /**
   * Roll control-plane machines this many days before their certificates expire (≥ 7).
   * @default 21
   */
  readonly certificatesExpiryDays?: number;
  /**
   * Remediation of unhealthy control-plane machines.
   * @default - CAPI's defaults
   */
  readonly remediation?: ControlPlaneRemediationOptions;
  /**
   * MachineHealthCheck of the control-plane machines (KubeadmControlPlane remediates them,
   * keeping etcd quorum); `maxUnhealthyPercent` does not apply.
   * @default - enabled: startup 10 min, Ready=False/Unknown 5 min
   */
  readonly healthCheck?: HealthCheckOptions;
  /**
   * Bootstrap of the control-plane machines: files, commands, users, NTP, disks, Ignition.
   * @default - only what the infrastructure needs
   */
  readonly bootstrap?: NodeBootstrapOptions;
}
