/**
 * Charts of the LMA stack, pinned. The values keys each component uses were checked against the
 * chart's published values.yaml / templates (see docs/lma.md, "Chart versions and keys").
 */
export const CHARTS = {
  kubePrometheusStack: { repository: 'https://prometheus-community.github.io/helm-charts', chart: 'kube-prometheus-stack', version: '67.8.0' },
  thanos: { repository: 'https://charts.bitnami.com/bitnami', chart: 'thanos', version: '15.7.12' },
  loki: { repository: 'https://grafana.github.io/helm-charts', chart: 'loki', version: '6.29.0' },
  fluentBit: { repository: 'https://fluent.github.io/helm-charts', chart: 'fluent-bit', version: '0.47.0' },
  grafana: { repository: 'https://grafana.github.io/helm-charts', chart: 'grafana', version: '8.8.2' },
  eventExporter: { repository: 'https://charts.bitnami.com/bitnami', chart: 'kubernetes-event-exporter', version: '2.15.2' },
} as const;
