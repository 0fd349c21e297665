import { ManagedComponentArgs, renderClusterConfiguration } from './cluster-configuration';
import { ManagedNodeRegistration, renderNodeRegistration } from './node-registration';
import { renderKubeadmBootstrap } from '../../bootstrap/private/render';
import { BootstrapSupport, KUBEADM_CLOUD_INIT } from '../../bootstrap/private/validate';
import type { ManagedCluster } from '../../cluster/managed-cluster';
import { nonEmptyObject } from '../../core/collections';
import { wholeSeconds } from '../../core/durations';
import { checkOptionalInteger, INT32_MAX, inRange, RANGES } from '../../core/ranges';
import { ValidationError } from '../../core/validation-error';
import * as cp from '../../imports/capi/controlplane.cluster.x-k8s.io';
import { resolveHealthCheck } from '../../nodes/private/resolve-health-check';
import { API_GROUPS, ContractRef } from '../capi/contract-ref';
import { renderMachineHealthCheck } from '../capi/machine-health-check';

/** What an infrastructure contributes to its kubeadm control plane. */
export interface KubeadmControlPlaneInput {
  /** The infrastructure machine template of the control-plane machines. */
  readonly machineTemplate: ContractRef;
  /** Node registration every control-plane node needs. */
  readonly nodeRegistration: ManagedNodeRegistration;
  /** Component flags the infrastructure needs. */
  readonly componentArgs: ManagedComponentArgs;
  /** Files written before kubeadm runs (e.g. a kube-vip static pod). */
  readonly files?: cp.KubeadmControlPlaneSpecKubeadmConfigSpecFiles[];
  /** Commands run before kubeadm. */
  readonly preKubeadmCommands?: string[];
  /** Commands run after kubeadm. */
  readonly postKubeadmCommands?: string[];
  /** Which bootstrap options the infrastructure supports (default: all of cloud-init, no Ignition). */
  readonly bootstrapSupport?: BootstrapSupport;
  /** The Container Linux Config used with Ignition when the user gives none. */
  readonly defaultIgnitionConfig?: string;
}

/** Default days before certificate expiry at which control-plane machines are rolled. */
export const DEFAULT_CERTIFICATES_EXPIRY_DAYS = 21;

/**
 * Renders the KubeadmControlPlane of `cluster` (and the control-plane MachineHealthCheck),
 * returning the reference the Cluster points at.
 */
export function renderKubeadmControlPlane(cluster: ManagedCluster, input: KubeadmControlPlaneInput): ContractRef {
  const options = cluster.controlPlane;
  const replicas = options.replicas ?? 3;
  if (!inRange(replicas, { min: 1, max: INT32_MAX }) || replicas % 2 === 0) {
    throw new ValidationError(cluster, `controlPlane.replicas (${replicas}) must be an odd number ≥ 1 so stacked etcd keeps quorum. Use 1, 3 or 5.`);
  }
  const expiryDays = options.certificatesExpiryDays ?? DEFAULT_CERTIFICATES_EXPIRY_DAYS;
  if (!inRange(expiryDays, { min: 7, max: 364 })) {
    throw new ValidationError(cluster, `controlPlane.certificatesExpiryDays (${expiryDays}) must be a whole number of days from 7 to 364 (kubeadm certificates last one year).`);
  }
  const maxRetry = options.remediation?.maxRetry;
  checkOptionalInteger(cluster, 'controlPlane.remediation.maxRetry', maxRetry, RANGES.count, 'Use 0 to never retry, or leave it unset to retry without limit.');
  const name = `${cluster.clusterName}-control-plane`;
  const registration = (field: string) => renderNodeRegistration(cluster, field, input.nodeRegistration, options.kubeletExtraArgs);
  const boot = renderKubeadmBootstrap(cluster, 'controlPlane.bootstrap.', options.bootstrap, input.bootstrapSupport ?? KUBEADM_CLOUD_INIT, {
    files: input.files,
    preKubeadmCommands: input.preKubeadmCommands,
    postKubeadmCommands: input.postKubeadmCommands,
    defaultIgnitionConfig: input.defaultIgnitionConfig,
  });

  new cp.KubeadmControlPlane(cluster, 'KubeadmControlPlane', {
    metadata: { name, namespace: cluster.clusterNamespace },
    spec: {
      replicas,
      version: cluster.version,
      machineTemplate: { spec: { infrastructureRef: input.machineTemplate } },
      kubeadmConfigSpec: {
        clusterConfiguration: renderClusterConfiguration(cluster, options, input.componentArgs),
        initConfiguration: { nodeRegistration: registration('controlPlane.kubeletExtraArgs') as cp.KubeadmControlPlaneSpecKubeadmConfigSpecInitConfigurationNodeRegistration },
        joinConfiguration: { nodeRegistration: registration('controlPlane.kubeletExtraArgs') },
        ...boot as Pick<cp.KubeadmControlPlaneSpecKubeadmConfigSpec, 'files' | 'preKubeadmCommands' | 'postKubeadmCommands'>,
      },
      rollout: { before: { certificatesExpiryDays: expiryDays } },
      remediation: options.remediation ? nonEmptyObject({
        maxRetry: options.remediation.maxRetry,
        retryPeriodSeconds: wholeSeconds(cluster, 'controlPlane.remediation.retryPeriod', options.remediation.retryPeriod),
        minHealthyPeriodSeconds: wholeSeconds(cluster, 'controlPlane.remediation.minHealthyPeriod', options.remediation.minHealthyPeriod),
      }) : undefined,
    },
  });

  if (options.healthCheck?.maxUnhealthyPercent !== undefined) {
    throw new ValidationError(cluster, `controlPlane.healthCheck.maxUnhealthyPercent (${options.healthCheck.maxUnhealthyPercent}) does not apply to the control plane: KubeadmControlPlane remediates one machine at a time and only while etcd keeps quorum. Remove it; tune controlPlane.remediation (maxRetry, retryPeriod, minHealthyPeriod) instead.`);
  }
  renderMachineHealthCheck(cluster, {
    clusterName: cluster.clusterName,
    namespace: cluster.clusterNamespace,
    name,
    matchLabels: { 'cluster.x-k8s.io/control-plane': '' },
    capRemediation: false,
  }, resolveHealthCheck(cluster, 'controlPlane.healthCheck', options.healthCheck));

  return { apiGroup: API_GROUPS.controlPlane, kind: 'KubeadmControlPlane', name };
}
