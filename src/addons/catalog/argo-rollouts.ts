import { CatalogAddonOptions, catalogAddon } from './common';
import { ImageValueType } from '../addon';
import { HelmAddon } from '../helm-addon';

/** Options of `Catalog.argoRollouts`. */
export interface ArgoRolloutsOptions extends CatalogAddonOptions {}

/**
 * Argo Rollouts (chart `argo-rollouts` 2.39.0 from https://argoproj.github.io/argo-helm), in
 * namespace argo-rollouts, two controller replicas with metrics, dashboard off. Keys of the chart's
 * values.yaml (and the old base values): `controller.{replicas,metrics.enabled}`,
 * `controller.image.{registry,repository}`, `dashboard.{enabled,image.registry,image.repository}`.
 * The old `taco-lma: enabled` nodeSelector is dropped: that label never reached Nodes.
 */
export function argoRollouts(options: ArgoRolloutsOptions = {}): HelmAddon {
  return catalogAddon({
    name: 'argo-rollouts',
    repository: 'https://argoproj.github.io/argo-helm',
    chart: 'argo-rollouts',
    version: '2.39.0',
    namespace: 'argo-rollouts',
    createNamespace: true,
    values: {
      controller: { replicas: 2, metrics: { enabled: true }, image: { registry: 'quay.io', repository: 'argoproj/argo-rollouts' } },
      dashboard: { enabled: false, image: { registry: 'quay.io', repository: 'argoproj/kubectl-argo-rollouts' } },
    },
    images: [
      { path: 'controller.image.registry', type: ImageValueType.REGISTRY },
      { path: 'dashboard.image.registry', type: ImageValueType.REGISTRY },
    ],
  }, options);
}
