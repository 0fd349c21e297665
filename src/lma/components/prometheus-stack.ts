import { defaultAlertRules } from './alert-rules';
import { CHARTS } from './versions';
import { ImageValueType } from '../../addons/addon';
import { ClusterValue } from '../../addons/cluster-value';
import { HelmAddon } from '../../addons/helm-addon';
import { AlertingState, KPS_FULLNAME, LmaModel, RELEASE, credentialsEnvFrom, endpointHost, ingressAnnotations, irsaAnnotations, thanosObjstore } from '../private/model';
import { LmaRole } from '../topology';

/** Whether this stack runs the Alertmanager (hub or all-in-one with alerting on). */
export function runsAlertmanager(model: LmaModel): boolean {
  return model.role !== LmaRole.EDGE && model.components.alerting;
}

/**
 * The `alertmanager.config` receivers/route and `alertmanagerSpec.secrets` of kube-prometheus-stack
 * for the current receivers and routes. The chart's default `inhibit_rules` and `global` are kept
 * (maps merge); `receivers` and `route.routes` replace the chart's lists, so the chart's `null`
 * receiver and Watchdog route are written again.
 */
export function alertmanagerValues(model: LmaModel, state: AlertingState): Record<string, any> {
  const receivers = [{ name: 'null' }, ...state.receivers.map((r) => r.toAlertmanagerConfig(model.clusterLabel))];
  const routes: any[] = [{ receiver: 'null', matchers: ['alertname = "Watchdog"'] }];
  for (const route of state.routes) {
    routes.push({ receiver: route.receiver.name, matchers: [`severity = "${route.severity}"`], continue: route.continue ?? false });
  }
  const secrets = [...new Set(state.receivers.flatMap((r) => r.secretNames))].sort();
  return {
    config: {
      route: {
        receiver: state.defaultReceiver?.name ?? 'null',
        group_by: [model.clusterLabel, 'alertname', 'namespace'],
        routes,
      },
      receivers,
    },
    alertmanagerSpec: { secrets },
  };
}

/**
 * kube-prometheus-stack: the Prometheus Operator, Prometheus (with a Thanos sidecar uploading to
 * the metrics bucket when storage is known), node-exporter, kube-state-metrics, the default
 * alert rules, and on hubs the Alertmanager and the default Grafana dashboards (as ConfigMaps
 * for the Grafana sidecar).
 *
 * Keys (chart 67.8.0 values.yaml): `fullnameOverride`, `global.imageRegistry`,
 * `defaultRules.create`, `additionalPrometheusRulesMap`, `alertmanager.enabled|config|ingress`,
 * `alertmanager.alertmanagerSpec.secrets` (mounted at /etc/alertmanager/secrets/<name>),
 * `grafana.enabled|forceDeployDashboards|sidecar.dashboards.multicluster.global.enabled`,
 * `nodeExporter.enabled`, `kubeStateMetrics.enabled`, `prometheus.serviceAccount.annotations`,
 * `prometheus.thanosService.enabled`, `prometheus.thanosServiceExternal.enabled`,
 * `prometheus.prometheusSpec.{externalLabels, retention, retentionSize, scrapeInterval,
 * evaluationInterval, *SelectorNilUsesHelmValues, storageSpec, thanos.objectStorageConfig.secret,
 * containers, secrets, additionalAlertManagerConfigs}`.
 */
export function prometheusStack(model: LmaModel, alerting: AlertingState): HelmAddon {
  const storage = model.storage;
  const hub = model.hub;
  const prometheusSpec: Record<string, any> = {
    externalLabels: { [model.clusterLabel]: ClusterValue.clusterName() },
    retention: model.metricsRetention,
    scrapeInterval: model.scrapeInterval,
    evaluationInterval: model.scrapeInterval,
    serviceMonitorSelectorNilUsesHelmValues: false,
    podMonitorSelectorNilUsesHelmValues: false,
    ruleSelectorNilUsesHelmValues: false,
    probeSelectorNilUsesHelmValues: false,
    storageSpec: {
      volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: model.metricsVolumeSize } } } },
    },
  };
  if (model.metricsRetentionSize) prometheusSpec.retentionSize = model.metricsRetentionSize;
  if (storage) {
    prometheusSpec.thanos = { objectStorageConfig: { secret: thanosObjstore(storage) } };
    const envFrom = credentialsEnvFrom(model);
    if (envFrom.length > 0) prometheusSpec.containers = [{ name: 'thanos-sidecar', envFrom }];
  }
  if (model.role === LmaRole.EDGE && model.components.alerting && hub?.domain) {
    const alertmanager: Record<string, any> = {
      scheme: hub.tls ? 'https' : 'http',
      api_version: 'v2',
      static_configs: [{ targets: [`${endpointHost(hub.domain, 'alertmanager')}:${hub.tls ? 443 : 80}`] }],
    };
    const creds = model.hubCredentials;
    if (creds) {
      alertmanager.basic_auth = { username: creds.username, password_file: `/etc/prometheus/secrets/${creds.password.name}/${creds.password.key}` };
      prometheusSpec.secrets = [creds.password.name];
    }
    prometheusSpec.additionalAlertManagerConfigs = [alertmanager];
  }

  const prometheus: Record<string, any> = { prometheusSpec };
  const annotations = storage ? irsaAnnotations(model) : {};
  if (Object.keys(annotations).length > 0) prometheus.serviceAccount = { annotations };
  if (storage && model.role !== LmaRole.EDGE) prometheus.thanosService = { enabled: true };
  if (model.exposeSidecar) prometheus.thanosServiceExternal = { enabled: true };

  const values: Record<string, any> = {
    fullnameOverride: KPS_FULLNAME,
    defaultRules: { create: model.kubePrometheusRules },
    nodeExporter: { enabled: true },
    kubeStateMetrics: { enabled: true },
    grafana: { enabled: false },
    prometheus,
  };
  if (model.components.alerting && model.defaultRules) {
    values.additionalPrometheusRulesMap = { 'lma-default': defaultAlertRules(model.clusterLabel) };
  }
  if (model.role !== LmaRole.EDGE && model.components.dashboards) {
    values.grafana = {
      enabled: false,
      forceDeployDashboards: true,
      sidecar: { dashboards: { multicluster: { global: { enabled: true } } } },
    };
  }
  if (runsAlertmanager(model)) {
    values.alertmanager = { enabled: true, ...alertmanagerValues(model, alerting) };
    if (model.ingress) {
      const host = endpointHost(model.ingress.domain, 'alertmanager');
      values.alertmanager.ingress = {
        enabled: true,
        ingressClassName: model.ingress.className ?? 'nginx',
        hosts: [host],
        paths: ['/'],
        pathType: 'Prefix',
      };
      if (model.ingress.tlsSecretName) values.alertmanager.ingress.tls = [{ secretName: model.ingress.tlsSecretName, hosts: [host] }];
      const ingressNotes = ingressAnnotations(model, true);
      if (ingressNotes) values.alertmanager.ingress.annotations = ingressNotes;
    }
  } else {
    values.alertmanager = { enabled: false };
  }

  return new HelmAddon({
    name: RELEASE.prometheus,
    ...CHARTS.kubePrometheusStack,
    namespace: model.namespace,
    values,
    install: { wait: true },
    images: [{ path: 'global.imageRegistry', type: ImageValueType.REGISTRY }],
  });
}
