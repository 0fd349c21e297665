import { CatalogAddonOptions, catalogAddon } from './common';
import { ImageValueType } from '../addon';
import { HelmAddon } from '../helm-addon';

/** Options of `Catalog.ingressNginx`. */
export interface IngressNginxOptions extends CatalogAddonOptions {
  /**
   * Type of the controller Service (`LoadBalancer` needs a cloud controller manager; use
   * `NodePort` on BYOH hosts without a load balancer).
   * @default 'LoadBalancer'
   */
  readonly serviceType?: string;
}

/**
 * ingress-nginx (chart `ingress-nginx` 4.12.1 from https://kubernetes.github.io/ingress-nginx, the
 * release that fixed CVE-2025-1974), in namespace ingress-nginx. Keys of the chart's values.yaml
 * (and the old base values): `controller.image.{registry,image}`,
 * `controller.admissionWebhooks.patch.image.{registry,image}`, `controller.replicaCount`,
 * `controller.service.{type,externalTrafficPolicy}`, `controller.allowSnippetAnnotations`.
 * Note: the ingress-nginx project announced its retirement (maintenance ends March 2026).
 */
export function ingressNginx(options: IngressNginxOptions = {}): HelmAddon {
  return catalogAddon({
    name: 'ingress-nginx',
    repository: 'https://kubernetes.github.io/ingress-nginx',
    chart: 'ingress-nginx',
    version: '4.12.1',
    namespace: 'ingress-nginx',
    createNamespace: true,
    values: {
      controller: {
        image: { registry: 'registry.k8s.io', image: 'ingress-nginx/controller' },
        admissionWebhooks: { patch: { image: { registry: 'registry.k8s.io', image: 'ingress-nginx/kube-webhook-certgen' } } },
        replicaCount: 2,
        allowSnippetAnnotations: false,
        service: { type: options.serviceType ?? 'LoadBalancer', externalTrafficPolicy: 'Local' },
      },
    },
    images: [
      { path: 'controller.image.registry', type: ImageValueType.REGISTRY },
      { path: 'controller.admissionWebhooks.patch.image.registry', type: ImageValueType.REGISTRY },
    ],
  }, options);
}
