/** Prometheus jobs for Istio (as in Istio's Prometheus integration: istiod and Envoy stats). */
export function istioScrapeJobs(meshNamespace: string): any[] {
  return [
    {
      job_name: 'istiod',
      kubernetes_sd_configs: [{ role: 'endpoints', namespaces: { names: [meshNamespace] } }],
      relabel_configs: [{
        source_labels: ['__meta_kubernetes_service_name', '__meta_kubernetes_endpoint_port_name'],
        action: 'keep',
        regex: 'istiod;http-monitoring',
      }],
    },
    {
      job_name: 'envoy-stats',
      metrics_path: '/stats/prometheus',
      kubernetes_sd_configs: [{ role: 'pod' }],
      relabel_configs: [{ source_labels: ['__meta_kubernetes_pod_container_port_name'], action: 'keep', regex: '.*-envoy-prom' }],
    },
  ];
}
