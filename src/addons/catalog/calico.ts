import { CatalogAddonOptions, catalogAddon } from './common';
import { ImageValueType } from '../addon';
import { ClusterValue } from '../cluster-value';
import { HelmAddon } from '../helm-addon';

/** Options of `Catalog.calico`. */
export interface CalicoOptions extends CatalogAddonOptions {}

/**
 * Calico CNI through the Tigera operator (chart `tigera-operator` v3.29.4 from
 * https://docs.tigera.io/calico/charts), in namespace tigera-operator.
 * Keys of the chart's values.yaml: `installation.cni.type`, `installation.calicoNetwork.ipPools`,
 * `installation.registry` (with trailing slash, as in the old base chart values),
 * `tigeraOperator.{image,registry}`, `calicoctl.image`.
 * The IP pool uses the cluster's first pod CIDR with IP-in-IP encapsulation and BGP, which CAPA's
 * default security group rules (BGP 179/tcp and IP-in-IP) allow.
 * Marks clusters with `capi-blueprints.io/cni: calico`.
 */
export function calico(options: CalicoOptions = {}): HelmAddon {
  return catalogAddon({
    name: 'calico',
    repository: 'https://docs.tigera.io/calico/charts',
    chart: 'tigera-operator',
    version: 'v3.29.4',
    releaseName: 'calico',
    namespace: 'tigera-operator',
    createNamespace: true,
    clusterLabels: { 'capi-blueprints.io/cni': 'calico' },
    values: {
      installation: {
        cni: { type: 'Calico' },
        calicoNetwork: {
          ipPools: [{ cidr: ClusterValue.podCidr(), encapsulation: 'IPIP', natOutgoing: 'Enabled', nodeSelector: 'all()' }],
        },
      },
      tigeraOperator: { image: 'tigera/operator', registry: 'quay.io' },
      calicoctl: { image: 'docker.io/calico/ctl' },
    },
    images: [
      { path: 'installation.registry', type: ImageValueType.REGISTRY_WITH_SLASH },
      { path: 'tigeraOperator.registry', type: ImageValueType.REGISTRY },
      { path: 'calicoctl.image', type: ImageValueType.REPOSITORY },
    ],
  }, options);
}
