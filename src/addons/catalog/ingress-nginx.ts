import { CatalogAddonOptions, catalogAddon } from './common';
import { ValidationError } from '../../core/validation-error';
import { ImageValueType } from '../addon';
import { HelmAddon } from '../helm-addon';

/** Service types the chart's `controller.service.type` takes (Kubernetes spells them exactly so). */
const SERVICE_TYPES = ['LoadBalancer', 'NodePort', 'ClusterIP'];

/** Options of `Catalog.ingressNginx`. */
export interface IngressNginxOptions extends CatalogAddonOptions {
  /**
   * Type of the controller Service: `LoadBalancer` (needs a cloud controller manager), `NodePort`
   * (BYOH hosts without a load balancer) or `ClusterIP` (behind another proxy).
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
  const serviceType = options.serviceType ?? 'LoadBalancer';
  if (!SERVICE_TYPES.includes(serviceType)) {
    throw new ValidationError('Catalog.ingressNginx', `serviceType '${serviceType}' is not a Service type the controller can be exposed with. Use one of ${SERVICE_TYPES.join(', ')}.`);
  }
  // externalTrafficPolicy applies to LoadBalancer and NodePort Services only (the API server rejects it on ClusterIP)
  const service = serviceType === 'ClusterIP' ? { type: serviceType } : { type: serviceType, externalTrafficPolicy: 'Local' };
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
        service,
      },
    },
    images: [
      { path: 'controller.image.registry', type: ImageValueType.REGISTRY },
      { path: 'controller.admissionWebhooks.patch.image.registry', type: ImageValueType.REGISTRY },
    ],
  }, options);
}
