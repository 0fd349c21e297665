import { IConstruct } from 'constructs';
import { mergeArgs, toArgList } from '../../core/kubeadm-args';
import * as cp from '../../imports/capi/controlplane.cluster.x-k8s.io';
import { Taint } from '../../nodes/taint';

/** What an infrastructure needs in every kubeadm node registration. */
export interface ManagedNodeRegistration {
  /** Node name template, emitted literally (e.g. `{{ ds.meta_data.local_hostname }}`). */
  readonly name?: string;
  /** Kubelet flags the infrastructure must set (e.g. `cloud-provider: external`). */
  readonly kubeletArgs: Record<string, string>;
  /** CRI socket, e.g. `unix:///run/containerd/containerd.sock`. */
  readonly criSocket?: string;
  /** kubeadm preflight errors to ignore. */
  readonly ignorePreflightErrors?: string[];
}

/**
 * Builds a kubeadm `nodeRegistration`: the infrastructure's kubelet flags first, then the
 * user's (conflicts rejected), emitted as a sorted `{name, value}` list; taints registered by
 * the kubelet (the MachineTaintPropagation gate is off by default).
 */
export function renderNodeRegistration(
  scope: IConstruct,
  field: string,
  managed: ManagedNodeRegistration,
  userArgs: Record<string, string> | undefined,
  extraArgs: Record<string, string> = {},
  taints?: Taint[],
): cp.KubeadmControlPlaneSpecKubeadmConfigSpecJoinConfigurationNodeRegistration {
  const kubeletArgs = mergeArgs(scope, field, { ...managed.kubeletArgs, ...extraArgs }, userArgs);
  return {
    name: managed.name,
    criSocket: managed.criSocket,
    ignorePreflightErrors: managed.ignorePreflightErrors && managed.ignorePreflightErrors.length > 0 ? [...managed.ignorePreflightErrors] : undefined,
    kubeletExtraArgs: toArgList(kubeletArgs),
    taints: taints && taints.length > 0
      ? taints.map((t) => ({ key: t.key, value: t.value, effect: t.effect as string }))
      : undefined,
  };
}
