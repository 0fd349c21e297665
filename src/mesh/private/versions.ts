/**
 * Charts of the service mesh, pinned. The values keys used were read from each chart's
 * values.yaml / templates at that version (see docs/teams.md, "Service mesh").
 */
export const MESH_CHARTS = {
  /** istio/istio `manifests/charts/base` (CRDs, validation webhook) at tag 1.30.3. */
  base: { repository: 'https://istio-release.storage.googleapis.com/charts', chart: 'base', version: '1.30.3' },
  /** istio/istio `manifests/charts/istio-control/istio-discovery` at tag 1.30.3. */
  istiod: { repository: 'https://istio-release.storage.googleapis.com/charts', chart: 'istiod', version: '1.30.3' },
  /** istio/istio `manifests/charts/gateway` at tag 1.30.3. */
  gateway: { repository: 'https://istio-release.storage.googleapis.com/charts', chart: 'gateway', version: '1.30.3' },
  /** kiali/helm-charts `kiali-server` at tag v2.29.0. */
  kiali: { repository: 'https://kiali.org/helm-charts', chart: 'kiali-server', version: '2.29.0' },
  /** jaegertracing/helm-charts `jaeger` 4.11.1 (Jaeger v2 2.19.0, all-in-one). */
  jaeger: { repository: 'https://jaegertracing.github.io/helm-charts', chart: 'jaeger', version: '4.11.1' },
} as const;
