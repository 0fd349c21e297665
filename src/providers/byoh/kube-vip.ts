/**
 * kube-vip as a static pod on the control-plane hosts, announcing the control-plane endpoint
 * (a virtual IP) by ARP with leader election. Written by KubeadmControlPlane as
 * `/etc/kubernetes/manifests/kube-vip.yaml` before kubeadm runs.
 */
export interface KubeVipOptions {
  /**
   * Network interface the VIP is bound to, e.g. `ens192`.
   * @default - `{{ .DefaultNetworkInterfaceName }}`, which the BYOH host agent replaces with the
   * host's default interface when it runs the bootstrap data
   */
  readonly networkInterface?: string;
  /**
   * kube-vip image; set it to a mirror for air-gapped registries.
   * @default 'ghcr.io/kube-vip/kube-vip:v0.8.7'
   */
  readonly image?: string;
}
