/**
 * A Kubernetes cluster on hosts you bring (Cluster API BYOH provider), replacing the
 * `cluster-api-byoh` Helm chart:
 *
 * - a three-node control plane behind a kube-vip virtual IP,
 * - `normal`: workers on hosts with Kubernetes preinstalled (the agent runs with
 *   `--skip-installation`), sized by the cluster autoscaler,
 * - `tks`: workers whose host agent installs Kubernetes from a self-built installer bundle,
 * - the BootstrapKubeconfig the host agents register with,
 * - time sync to the data centre's NTP servers on every node (the BYOH agent runs only the files
 *   and commands of the bootstrap data, so NTP is a systemd-timesyncd drop-in plus a restart).
 *
 * Hosts join by running the BYOH host agent with labels matching the selectors below, e.g.
 * `byoh-hostagent --bootstrap-kubeconfig bootstrap-kubeconfig.conf --label role=worker --skip-installation`.
 */
import {
  AddonBundle, BootstrapKubeconfig, ByohInstall, Catalog, ByohPool, HostSelectorOperator, Infrastructure, ManagedCluster,
  NodeBootstrapOptions, Platform,
} from '../src';

// Every node syncs its clock with the data centre's NTP servers before kubeadm runs (etcd and
// certificate checks need it). On BYOH this is a file and a command; on cloud machines the typed
// `ntp: { servers }` option does the same through cloud-init.
const timeSync: NodeBootstrapOptions = {
  files: [{
    path: '/etc/systemd/timesyncd.conf.d/10-datacentre.conf',
    content: '[Time]\nNTP=ntp1.dc1.example.com ntp2.dc1.example.com\n',
    permissions: '0644',
    owner: 'root:root',
  }],
  preKubeadmCommands: ['systemctl restart systemd-timesyncd'],
};

const app = new Platform({ outdir: process.env.CAPI_BLUEPRINTS_OUTDIR ?? 'dist/byoh-cluster' });

const cluster = new ManagedCluster(app, 'byoh-cluster', {
  version: 'v1.33.4',
  network: {
    podCidrs: ['10.233.64.0/18'],
    serviceCidrs: ['10.233.0.0/18'],
  },
  infrastructure: Infrastructure.byoh({
    controlPlaneEndpoint: { host: '192.168.0.10' },
    controlPlaneHosts: { matchLabels: { role: 'control-plane' } },
    // kube-vip announces 192.168.0.10 on each host's default interface (the agent fills in
    // `{{ .DefaultNetworkInterfaceName }}`); the image comes from the air-gapped mirror.
    kubeVip: { image: 'harbor.example.com/kube-vip/kube-vip:v0.8.7' },
    bundleLookupBaseRegistry: 'harbor.example.com/cluster_api_provider_bringyourownhost',
  }),
  controlPlane: {
    replicas: 3,
    imageRepository: 'registry.k8s.io',
    apiServer: {
      certSans: ['localhost', '127.0.0.1'],
      oidc: {
        issuerUrl: 'https://keycloak.example.com/auth/realms/kubernetes',
        clientId: 'kubernetes',
        usernameClaim: 'preferred_username',
        usernamePrefix: '-',
        groupsClaim: 'groups',
      },
    },
    etcd: {
      extraArgs: { 'listen-metrics-urls': 'http://0.0.0.0:2381' },
    },
    bootstrap: timeSync,
  },
});

// Recommended: hosts with containerd, kubeadm and kubelet v1.33.4 baked in (declared, so that a
// version bump without re-imaged hosts fails at synth instead of at join time).
new ByohPool(cluster, 'normal', {
  cluster,
  hosts: { matchLabels: { role: 'worker' } },
  install: ByohInstall.preinstalled({ kubernetesVersion: 'v1.33.4' }),
  bootstrap: timeSync,
  autoscaling: { minSize: 1, maxSize: 5 },
  nodeLabels: { 'node-role.kubernetes.io/worker': '' },
});

// BYOH's published installer bundles cover Kubernetes v1.24 to v1.26 only, and Cluster API
// v1.14 needs v1.31 or later, so a bundle install at the cluster's v1.33.4 needs a bundle we
// built ourselves (with BYOH's bundle builder, for Ubuntu and v1.33.4) and pushed to our
// registry. `customBundleCoversVersion: true` states that this repository covers v1.33.4;
// without it, synth fails instead of producing hosts that can never install Kubernetes.
new ByohPool(cluster, 'tks', {
  cluster,
  hosts: {
    matchLabels: { role: 'tks' },
    matchExpressions: [{ key: 'maintenance', operator: HostSelectorOperator.DOES_NOT_EXIST }],
  },
  install: ByohInstall.bundle({
    bundleRepo: 'harbor.example.com/byoh-bundles',
    bundleType: 'k8s',
    customBundleCoversVersion: true,
  }),
  replicas: 1,
  bootstrap: timeSync,
  // The chart's pool labels, which never reached the Nodes there: now set by the kubelet.
  nodeLabels: {
    'servicemesh': 'enabled',
    'taco-egress-gateway': 'enabled',
    'taco-ingress-gateway': 'enabled',
    'taco-lma': 'enabled',
  },
});

// What the host agents use to register their hosts with the management cluster. Replace the
// URL and CA (base64 of the PEM certificate, as in a kubeconfig) with your management cluster's.
new BootstrapKubeconfig(cluster, 'host-registration', {
  apiServer: 'https://mgmt.example.com:6443',
  certificateAuthorityData: [
    'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJwakNDQVV1Z0F3SUJBZ0lVUzBNR3VoRzNxVTg1MzUwSWw3RnpVcy9zOS9Vd0NnWUlLb1pJemowRUF3SXcKS0RF',
    'bU1DUUdBMVVFQXd3ZFpYaGhiWEJzWlMxdFlXNWhaMlZ0Wlc1MExXTnNkWE4wWlhJdFkyRXdIaGNOTWpZeApNVEl4TWpNek1EQTFXaGNOTXpZeE1URTRNak16TURBMVdq',
    'QW9NU1l3SkFZRFZRUUREQjFsZUdGdGNHeGxMVzFoCmJtRm5aVzFsYm5RdFkyeDFjM1JsY2kxallUQlpNQk1HQnlxR1NNNDlBZ0VHQ0NxR1NNNDlBd0VIQTBJQUJNcVIK',
    'Y2VpNjA5ekxpUUlCaUVBdlZlMUtjMTdFTGEzUjNBeEwzZUZTenA0WVRKaG9EQzVORjFtMlZLbURPT3NtRXpWZAozcWV2c2hpVUppS1N1S1lLVW4ralV6QlJNQjBHQTFV',
    'ZERnUVdCQlNzZk4vQitaVGxqNE9STmI1UERCcUlxU1Z0CitUQWZCZ05WSFNNRUdEQVdnQlNzZk4vQitaVGxqNE9STmI1UERCcUlxU1Z0K1RBUEJnTlZIUk1CQWY4RUJU',
    'QUQKQVFIL01Bb0dDQ3FHU000OUJBTUNBMGtBTUVZQ0lRRFd0QWhPU2d5OWNtYm14bDB6V05qT0Qya2kyVUVmbzFydApGOEZCcm9HcXR3SWhBSUFsQ24ramQ2ZStzYUVl',
    'MkRyVFNheUxXS0ZPUEF3NHcvK2xVRnFEaHhsdAotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==',
  ].join(''),
});

// Nodes become Ready only with a CNI (no cloud provider on BYOH).
new AddonBundle(app, 'byoh-base', { addons: [Catalog.cilium()] }).attachTo(cluster);

app.synth();
