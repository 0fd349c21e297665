import { CHARTS } from './versions';
import { ImageValueType } from '../../addons/addon';
import { HelmAddon } from '../../addons/helm-addon';
import { LmaLogsBackendKind } from '../logs-backend';
import { LmaModel, RELEASE, endpointHost, ingressAnnotations, serviceUrls } from '../private/model';

/**
 * Grafana on the hub or all-in-one cluster (chart `grafana` 8.8.2) with its datasources wired to
 * the stack's query endpoints: Thanos query-frontend (all clusters' metrics; Prometheus itself
 * when there is no object storage), Loki or OpenSearch, and the Alertmanager. The default
 * dashboards are the kube-prometheus-stack set (multi-cluster variant, a `cluster` variable),
 * deployed as ConfigMaps and loaded by the dashboard sidecar.
 *
 * Keys (chart 8.8.2 values.yaml): `global.imageRegistry`, `admin.existingSecret|userKey|passwordKey`,
 * `datasources."datasources.yaml"`, `sidecar.dashboards.{enabled,label,labelValue,searchNamespace}`,
 * `persistence.enabled`, `ingress.{enabled,ingressClassName,annotations,hosts,tls}`.
 */
export function grafana(model: LmaModel): HelmAddon {
  const urls = serviceUrls(model.namespace);
  const datasources: any[] = [];
  if (model.components.metrics) {
    datasources.push({
      name: model.storage ? 'Thanos' : 'Prometheus',
      uid: 'metrics',
      type: 'prometheus',
      access: 'proxy',
      url: model.storage ? urls.thanosQueryFrontend : urls.prometheus,
      isDefault: true,
      jsonData: { httpMethod: 'POST' },
    });
  }
  if (model.components.logs) {
    if (model.logsBackend.kind === LmaLogsBackendKind.LOKI) {
      datasources.push({ name: 'Loki', uid: 'logs', type: 'loki', access: 'proxy', url: urls.lokiGateway });
    } else {
      const os = model.logsBackend.openSearchProps!;
      datasources.push({
        name: 'OpenSearch',
        uid: 'logs',
        type: 'elasticsearch',
        access: 'proxy',
        url: `${(os.tls ?? true) ? 'https' : 'http'}://${os.host}:${os.port ?? 443}`,
        jsonData: { index: `${os.indexPrefix ?? 'lma'}-*`, timeField: '@timestamp' },
      });
    }
  }
  if (model.components.alerting) {
    datasources.push({
      name: 'Alertmanager',
      uid: 'alertmanager',
      type: 'alertmanager',
      access: 'proxy',
      url: urls.alertmanager,
      jsonData: { implementation: 'prometheus' },
    });
  }
  const values: Record<string, any> = {
    persistence: { enabled: true },
    datasources: { 'datasources.yaml': { apiVersion: 1, datasources } },
    sidecar: { dashboards: { enabled: true, label: 'grafana_dashboard', labelValue: '1', searchNamespace: 'ALL' } },
  };
  if (model.grafanaAdminSecret) {
    values.admin = { existingSecret: model.grafanaAdminSecret, userKey: 'admin-user', passwordKey: 'admin-password' };
  }
  if (model.ingress) {
    const host = endpointHost(model.ingress.domain, 'grafana');
    values.ingress = { enabled: true, ingressClassName: model.ingress.className ?? 'nginx', hosts: [host] };
    if (model.ingress.tlsSecretName) values.ingress.tls = [{ secretName: model.ingress.tlsSecretName, hosts: [host] }];
    const annotations = ingressAnnotations(model, false);
    if (annotations) values.ingress.annotations = annotations;
  }
  return new HelmAddon({
    name: RELEASE.grafana,
    ...CHARTS.grafana,
    namespace: model.namespace,
    values,
    install: { wait: true },
    images: [{ path: 'global.imageRegistry', type: ImageValueType.REGISTRY }],
  });
}
