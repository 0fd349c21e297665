import { CatalogAddonOptions, catalogAddon } from './common';
import { ImageValueType } from '../addon';
import { HelmAddon } from '../helm-addon';

/** Options of `Catalog.certManager`. */
export interface CertManagerOptions extends CatalogAddonOptions {}

const COMPONENTS = ['image', 'webhook.image', 'cainjector.image', 'startupapicheck.image', 'acmesolver.image'];

/**
 * cert-manager (chart `cert-manager` v1.17.2 from https://charts.jetstack.io), in namespace
 * cert-manager, CRDs installed and kept on uninstall. Keys of the chart's values.yaml at v1.17:
 * `crds.{enabled,keep}`, `image.repository` (`quay.io/jetstack/cert-manager-controller`),
 * `webhook|cainjector|startupapicheck|acmesolver.image.repository`, `replicaCount`.
 */
export function certManager(options: CertManagerOptions = {}): HelmAddon {
  return catalogAddon({
    name: 'cert-manager',
    repository: 'https://charts.jetstack.io',
    chart: 'cert-manager',
    version: 'v1.17.2',
    namespace: 'cert-manager',
    createNamespace: true,
    values: {
      crds: { enabled: true, keep: true },
      image: { repository: 'quay.io/jetstack/cert-manager-controller' },
      webhook: { image: { repository: 'quay.io/jetstack/cert-manager-webhook' } },
      cainjector: { image: { repository: 'quay.io/jetstack/cert-manager-cainjector' } },
      startupapicheck: { image: { repository: 'quay.io/jetstack/cert-manager-startupapicheck' } },
      acmesolver: { image: { repository: 'quay.io/jetstack/cert-manager-acmesolver' } },
    },
    images: COMPONENTS.map((c) => ({ path: `${c}.repository`, type: ImageValueType.REPOSITORY })),
  }, options);
}
