import { ManagedNodeRegistration } from '../../kubeadm/node-registration';

/**
 * containerd's CRI socket on BYOH hosts (BYOH's own cluster templates use this path, here with
 * the `unix://` scheme kubeadm expects).
 */
export const BYOH_CRI_SOCKET = 'unix:///var/run/containerd/containerd.sock';

/**
 * kubeadm preflight errors BYOH's own cluster templates (v0.5) ignore on every node: swap may be
 * on, `/etc/kubernetes/manifests` already holds the kube-vip static pod, and a kubelet.conf may
 * be left from the host image.
 */
export const BYOH_IGNORED_PREFLIGHT_ERRORS = [
  'Swap',
  'DirAvailable--etc-kubernetes-manifests',
  'FileAvailable--etc-kubernetes-kubelet.conf',
];

/** The node registration of every BYOH node (control plane and workers). */
export function byohNodeRegistration(): ManagedNodeRegistration {
  return {
    kubeletArgs: {},
    criSocket: BYOH_CRI_SOCKET,
    ignorePreflightErrors: BYOH_IGNORED_PREFLIGHT_ERRORS,
  };
}
