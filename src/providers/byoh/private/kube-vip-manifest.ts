import * as YAML from 'yaml';

/**
 * Placeholder the BYOH host agent replaces with the host's default network interface when it
 * runs the bootstrap data. It must reach the host literally (the old Helm chart rendered it
 * away).
 */
export const DEFAULT_INTERFACE_PLACEHOLDER = '{{ .DefaultNetworkInterfaceName }}';

/** kube-vip image pinned by capi-blueprints. */
export const DEFAULT_KUBE_VIP_IMAGE = 'ghcr.io/kube-vip/kube-vip:v0.8.7';

/** Path of the kube-vip static pod manifest. */
export const KUBE_VIP_MANIFEST_PATH = '/etc/kubernetes/manifests/kube-vip.yaml';

/** Hosts file mounted into kube-vip instead of `hostAliases` (kube-vip issue #692). */
export const KUBE_VIP_HOSTS_PATH = '/etc/kube-vip.hosts';

/** What the kube-vip manifest needs. */
export interface KubeVipManifestInput {
  /** The virtual IP (the control-plane endpoint host). */
  readonly address: string;
  /** API server port behind the VIP. */
  readonly port: number;
  /** Interface name or the agent placeholder. */
  readonly networkInterface: string;
  readonly image: string;
}

/**
 * The KubeadmControlPlane `files` entries that run kube-vip as a static pod.
 *
 * The pod is the one `kube-vip manifest pod --controlplane --arp --leaderElection
 * --leaseDuration 15 --leaseRenewDuration 10 --leaseRetry 2` generates for v0.8.7 (as pinned by
 * cluster-api-provider-vsphere's kube-vip flavor, without its `--services` part), with the image
 * pull policy `IfNotPresent`, and `/etc/hosts` mounted from a prepared file instead of
 * `hostAliases` (kube-vip issue #692). kube-vip reads `/etc/kubernetes/admin.conf`, which since
 * kubeadm v1.29 has no RBAC permissions until `kubeadm init` has finished — but init waits for the
 * API server on the VIP kube-vip cannot announce without them (kube-vip issue #684). So, as in
 * cluster-api-provider-vsphere's kube-vip flavor, `/etc/kube-vip-prepare.sh` (a pre-kubeadm
 * command, see `KUBE_VIP_PRE_KUBEADM_COMMANDS`) points the pod at `super-admin.conf` on the node
 * that runs `kubeadm init`, and a post-kubeadm command (`KUBE_VIP_POST_KUBEADM_COMMANDS`) points
 * it back at `admin.conf` once kubeadm has granted it, so no node keeps a kubeconfig that bypasses
 * RBAC. Every Kubernetes version Cluster API v1.14 accepts (v1.31+) needs this.
 */
export function kubeVipFiles(input: KubeVipManifestInput): any[] {
  const cidr = input.address.includes(':') ? '128' : '32';
  const env: Array<[string, string]> = [
    ['vip_arp', 'true'],
    ['port', String(input.port)],
    ['vip_interface', input.networkInterface],
    ['vip_cidr', cidr],
    ['cp_enable', 'true'],
    ['cp_namespace', 'kube-system'],
    ['vip_ddns', 'false'],
    ['vip_leaderelection', 'true'],
    ['vip_leasename', 'plndr-cp-lock'],
    ['vip_leaseduration', '15'],
    ['vip_renewdeadline', '10'],
    ['vip_retryperiod', '2'],
    ['address', input.address],
    ['prometheus_server', ':2112'],
  ];
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'kube-vip', namespace: 'kube-system' },
    spec: {
      containers: [{
        name: 'kube-vip',
        image: input.image,
        imagePullPolicy: 'IfNotPresent',
        args: ['manager'],
        env: env.map(([name, value]) => ({ name, value })),
        securityContext: { capabilities: { add: ['NET_ADMIN', 'NET_RAW'] } },
        volumeMounts: [
          { name: 'kubeconfig', mountPath: '/etc/kubernetes/admin.conf' },
          { name: 'etchosts', mountPath: '/etc/hosts' },
        ],
      }],
      hostNetwork: true,
      volumes: [
        { name: 'kubeconfig', hostPath: { path: '/etc/kubernetes/admin.conf' } },
        { name: 'etchosts', hostPath: { path: KUBE_VIP_HOSTS_PATH, type: 'File' } },
      ],
    },
  };
  return [
    { path: KUBE_VIP_MANIFEST_PATH, owner: 'root:root', permissions: '0644', content: YAML.stringify(pod, { lineWidth: 0 }) },
    { path: KUBE_VIP_HOSTS_PATH, owner: 'root:root', permissions: '0644', content: '127.0.0.1 localhost kubernetes\n' },
    { path: KUBE_VIP_PREPARE_PATH, owner: 'root:root', permissions: '0700', content: KUBE_VIP_PREPARE_SCRIPT },
  ];
}

/** Path of the script that applies the kube-vip issue #684 workaround before `kubeadm init`. */
export const KUBE_VIP_PREPARE_PATH = '/etc/kube-vip-prepare.sh';

/** Only the node that runs `kubeadm init` has this file (CAPI's kubeadm bootstrap writes it for init, not for join). */
const KUBEADM_INIT_MARKER = '/run/kubeadm/kubeadm.yaml';

/**
 * The pre-kubeadm script (as in cluster-api-provider-vsphere): on the `kubeadm init` node with
 * kubeadm ≥ v1.29, kube-vip uses `super-admin.conf` until init has finished.
 */
const KUBE_VIP_PREPARE_SCRIPT = `#!/bin/bash
# Workaround for kubeadm init with kube-vip (https://github.com/kube-vip/kube-vip/issues/684):
# since kubeadm v1.29, admin.conf has no RBAC permissions until kubeadm init has finished.
set -e
KUBEADM_MINOR="$(kubeadm version -o short | cut -d '.' -f 2)"
if [[ "$KUBEADM_MINOR" -lt "29" ]]; then
  exit 0
fi
if [[ -f ${KUBEADM_INIT_MARKER} ]]; then
  sed -i 's#path: /etc/kubernetes/admin.conf#path: /etc/kubernetes/super-admin.conf#' ${KUBE_VIP_MANIFEST_PATH}
fi
`;

/** Pre-kubeadm commands of kube-vip control planes. */
export const KUBE_VIP_PRE_KUBEADM_COMMANDS = [KUBE_VIP_PREPARE_PATH];

/** Post-kubeadm commands: after init, kube-vip goes back to `admin.conf` (now bound to cluster-admin). */
export const KUBE_VIP_POST_KUBEADM_COMMANDS = [
  `if [ -f ${KUBEADM_INIT_MARKER} ]; then sed -i 's#path: /etc/kubernetes/super-admin.conf#path: /etc/kubernetes/admin.conf#' ${KUBE_VIP_MANIFEST_PATH}; fi`,
];
