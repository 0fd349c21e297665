import { CatalogAddonOptions, catalogAddon } from './common';
import { ImageValueType } from '../addon';
import { HelmAddon } from '../helm-addon';

/** Options of `Catalog.metricsServer`. */
export interface MetricsServerOptions extends CatalogAddonOptions {
  /**
   * Skip verifying kubelet serving certificates (`--kubelet-insecure-tls`, as the old base values
   * did). Needed when kubelets use self-signed serving certificates; prefer signed kubelet serving
   * certificates (`serverTLSBootstrap` with a CSR approver).
   * @default false
   */
  readonly kubeletInsecureTls?: boolean;
}

/**
 * metrics-server (chart `metrics-server` 3.12.2 from
 * https://kubernetes-sigs.github.io/metrics-server/), in kube-system, two replicas with a
 * PodDisruptionBudget. Keys of the chart's values.yaml: `image.repository`, `args`, `replicas`,
 * `podDisruptionBudget.{enabled,minAvailable}`.
 */
export function metricsServer(options: MetricsServerOptions = {}): HelmAddon {
  return catalogAddon({
    name: 'metrics-server',
    repository: 'https://kubernetes-sigs.github.io/metrics-server',
    chart: 'metrics-server',
    version: '3.12.2',
    namespace: 'kube-system',
    createNamespace: false,
    values: {
      image: { repository: 'registry.k8s.io/metrics-server/metrics-server' },
      args: options.kubeletInsecureTls ? ['--kubelet-insecure-tls'] : [],
      replicas: 2,
      podDisruptionBudget: { enabled: true, minAvailable: 1 },
    },
    images: [{ path: 'image.repository', type: ImageValueType.REPOSITORY }],
  }, options);
}
