import { CatalogAddonOptions, catalogAddon } from './common';
import { ImageValueType } from '../addon';
import { ClusterValue } from '../cluster-value';
import { HelmAddon } from '../helm-addon';

/** Options of `Catalog.cilium`. */
export interface CiliumOptions extends CatalogAddonOptions {}

/**
 * Cilium CNI (chart `cilium` 1.17.6 from https://helm.cilium.io), in kube-system.
 * Keys checked against the chart's values.yaml (install/kubernetes/cilium/values.yaml at v1.17):
 * `ipam.mode`, `ipam.operator.clusterPoolIPv4PodCIDRList`, `kubeProxyReplacement`,
 * `image.repository`, `operator.image.repository` (the chart appends `-generic`/`-aws` itself),
 * `envoy.image.repository`, `hubble.relay.image.repository`, `operator.replicas`.
 * Pod CIDRs come from the CAPI Cluster; kube-proxy (deployed by kubeadm) is kept.
 * Marks clusters with `capi-blueprints.io/cni: cilium`.
 */
export function cilium(options: CiliumOptions = {}): HelmAddon {
  return catalogAddon({
    name: 'cilium',
    repository: 'https://helm.cilium.io',
    chart: 'cilium',
    version: '1.17.6',
    namespace: 'kube-system',
    createNamespace: false,
    clusterLabels: { 'capi-blueprints.io/cni': 'cilium' },
    values: {
      ipam: { mode: 'cluster-pool', operator: { clusterPoolIPv4PodCIDRList: ClusterValue.podCidrs() } },
      kubeProxyReplacement: false,
      image: { repository: 'quay.io/cilium/cilium' },
      operator: { replicas: 2, image: { repository: 'quay.io/cilium/operator' } },
      envoy: { image: { repository: 'quay.io/cilium/cilium-envoy' } },
      hubble: { relay: { enabled: false, image: { repository: 'quay.io/cilium/hubble-relay' } } },
    },
    images: [
      { path: 'image.repository', type: ImageValueType.REPOSITORY },
      { path: 'operator.image.repository', type: ImageValueType.REPOSITORY },
      { path: 'envoy.image.repository', type: ImageValueType.REPOSITORY },
      { path: 'hubble.relay.image.repository', type: ImageValueType.REPOSITORY },
    ],
  }, options);
}
