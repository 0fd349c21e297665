/**
 * The default alert rules of the LMA stack: what a platform team must hear about first. Each
 * cluster's Prometheus evaluates them; its external labels (the cluster label) are added to every
 * alert it sends, so the hub's Alertmanager sees which cluster an alert comes from.
 *
 * Metric names: kube-state-metrics (`kube_node_status_condition`,
 * `kube_pod_container_status_waiting_reason`), node-exporter (`node_filesystem_*`), kubelet
 * (`kubelet_certificate_manager_client_ttl_seconds`), cert-manager
 * (`certmanager_certificate_expiration_timestamp_seconds`) and the API server scrape job of
 * kube-prometheus-stack (`job="apiserver"`).
 */
export function defaultAlertRules(clusterLabel: string): Record<string, any> {
  const where = `{{ $externalLabels.${clusterLabel} }}`;
  const rule = (alert: string, expr: string, forDuration: string, severity: string, summary: string) => ({
    alert,
    expr,
    for: forDuration,
    labels: { severity },
    annotations: { summary: `${summary} (cluster ${where})` },
  });
  return {
    groups: [
      {
        name: 'lma-nodes',
        rules: [
          rule('LmaNodeNotReady', 'kube_node_status_condition{condition="Ready",status="true"} == 0', '10m', 'critical',
            'Node {{ $labels.node }} has not been Ready for 10 minutes'),
          rule('LmaNodeDiskPressure', 'kube_node_status_condition{condition="DiskPressure",status="true"} == 1', '5m', 'warning',
            'Node {{ $labels.node }} reports DiskPressure'),
          rule('LmaNodeFilesystemAlmostFull',
            'node_filesystem_avail_bytes{fstype!~"tmpfs|overlay|squashfs"} / node_filesystem_size_bytes{fstype!~"tmpfs|overlay|squashfs"} < 0.10',
            '15m', 'warning', 'Filesystem {{ $labels.mountpoint }} on {{ $labels.instance }} has less than 10% space left'),
        ],
      },
      {
        name: 'lma-workloads',
        rules: [
          rule('LmaPodCrashLooping', 'max_over_time(kube_pod_container_status_waiting_reason{reason="CrashLoopBackOff"}[5m]) >= 1', '15m', 'warning',
            'Pod {{ $labels.namespace }}/{{ $labels.pod }} ({{ $labels.container }}) is crash-looping'),
        ],
      },
      {
        name: 'lma-certificates',
        rules: [
          rule('LmaCertificateExpiringSoon', '(certmanager_certificate_expiration_timestamp_seconds - time()) < 14 * 24 * 3600', '1h', 'warning',
            'Certificate {{ $labels.namespace }}/{{ $labels.name }} expires in less than 14 days'),
          rule('LmaKubeletClientCertificateExpiring', 'kubelet_certificate_manager_client_ttl_seconds < 7 * 24 * 3600', '1h', 'critical',
            'The kubelet client certificate on {{ $labels.node }} expires in less than 7 days'),
        ],
      },
      {
        name: 'lma-control-plane',
        rules: [
          rule('LmaControlPlaneDown', 'absent(up{job="apiserver"} == 1)', '5m', 'critical',
            'No Kubernetes API server has been reachable for 5 minutes'),
        ],
      },
    ],
  };
}
