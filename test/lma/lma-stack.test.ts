import { argoValues, awsCluster, byohCluster, edgeStack, hubStack, objectsOf, s3Storage, testApp } from './support';
import {
  AddonDelivery, AlertReceiver, AlertSeverity, LmaBucketNames, LmaLogsBackend, LmaObjectStorage, LmaStack, LmaStorageCredentials, LmaTopology,
} from '../../src';
import { expectValidManifests } from '../support/crd-validation';

/** A hub on `hub`, edges on `edge-a` (AWS) and `edge-b` (BYOH). */
function fleet(hubProps: Parameters<typeof hubStack>[1] = {}) {
  const app = testApp();
  const hub = hubStack(app, hubProps);
  hub.attachTo(awsCluster(app, 'hub'));
  const edgeA = edgeStack(app, 'lma-edge-a', hub);
  edgeA.attachTo(awsCluster(app, 'edge-a'));
  const edgeB = edgeStack(app, 'lma-edge-b', hub);
  edgeB.attachTo(byohCluster(app, 'edge-b'));
  return { app, hub, edgeA, edgeB };
}

describe('LmaStack cluster label', () => {
  test('given a hub and two edges, when rendered, then each cluster carries its name under the same label in metrics, logs and alerts', () => {
    const { hub, edgeA, edgeB } = fleet();
    for (const [stack, cluster] of [[hub, 'hub'], [edgeA, 'edge-a'], [edgeB, 'edge-b']] as const) {
      const prom = argoValues(stack, cluster, 'lma-prometheus');
      const fb = argoValues(stack, cluster, 'lma-fluent-bit');
      // metrics: the Prometheus external label (also added to every alert Prometheus sends)
      expect(prom.prometheus.prometheusSpec.externalLabels).toEqual({ cluster });
      // logs: the same name on every record and every Loki stream
      expect(fb.env).toContainEqual({ name: 'LMA_CLUSTER_NAME', value: cluster });
      expect(fb.config.filters).toContain('Add cluster ${LMA_CLUSTER_NAME}');
      expect(fb.config.outputs).toContain('labels job=fluent-bit, cluster=${LMA_CLUSTER_NAME},');
      // alerts: rule summaries name the cluster from the external label
      const summaries = prom.additionalPrometheusRulesMap['lma-default'].groups.flatMap((g: any) => g.rules.map((r: any) => r.annotations.summary));
      expect(summaries.length).toBeGreaterThan(5);
      for (const s of summaries) expect(s).toContain('{{ $externalLabels.cluster }}');
    }
    // the hub's Alertmanager groups alerts by that label
    expect(argoValues(hub, 'hub', 'lma-prometheus').alertmanager.config.route.group_by[0]).toEqual('cluster');
  });

  test('given a custom cluster label on the hub, when edges are created, then they use the hub\'s label', () => {
    const { edgeA } = fleet({ clusterLabel: 'k8s_cluster' });
    expect(edgeA.clusterLabel).toEqual('k8s_cluster');
    const prom = argoValues(edgeA, 'edge-a', 'lma-prometheus');
    const fb = argoValues(edgeA, 'edge-a', 'lma-fluent-bit');
    expect(prom.prometheus.prometheusSpec.externalLabels).toEqual({ k8s_cluster: 'edge-a' });
    expect(fb.config.filters).toContain('Add k8s_cluster ${LMA_CLUSTER_NAME}');
    expect(fb.config.outputs).toContain('k8s_cluster=${LMA_CLUSTER_NAME}');
  });

  test('given HelmChartProxy delivery, when rendered, then the cluster name is a CAAPH template over the CAPI Cluster', () => {
    const app = testApp();
    const hub = hubStack(app, { delivery: AddonDelivery.helmChartProxy() });
    hub.attachTo(awsCluster(app, 'hub'));
    const hcp = objectsOf(hub).find((o) => o.metadata.name === 'hub-lma-prometheus');
    expect(hcp.spec.valuesTemplate).toContain("cluster: '{{ .Cluster.metadata.name }}'");
  });
});

describe('LmaStack hub/edge wiring', () => {
  test('given a hub with an Ingress domain, then its endpoints are derived from the domain', () => {
    const { hub } = fleet();
    expect(hub.endpoints).toEqual({
      lokiPush: 'https://loki.lma.example.com/loki/api/v1/push',
      thanosQuery: 'https://thanos.lma.example.com',
      alertmanager: 'https://alertmanager.lma.example.com',
      grafana: 'https://grafana.lma.example.com',
    });
  });

  test('given edges, when rendered, then logs, alerts and metric blocks go to the hub\'s endpoints and bucket', () => {
    const { edgeA } = fleet();
    const fb = argoValues(edgeA, 'edge-a', 'lma-fluent-bit');
    expect(fb.config.outputs).toMatch(/Name loki\n\s+Match \*\n\s+Host loki\.lma\.example\.com\n\s+Port 443\n\s+Uri \/loki\/api\/v1\/push\n\s+tls On/);
    const spec = argoValues(edgeA, 'edge-a', 'lma-prometheus').prometheus.prometheusSpec;
    expect(spec.additionalAlertManagerConfigs).toEqual([{ scheme: 'https', api_version: 'v2', static_configs: [{ targets: ['alertmanager.lma.example.com:443'] }] }]);
    expect(spec.thanos.objectStorageConfig.secret.config.bucket).toEqual(LmaBucketNames.of('acme-lma', 'metrics'));
  });

  test('given an edge, then it runs no hub components (no Thanos, Loki, Grafana, Alertmanager)', () => {
    const { edgeA } = fleet();
    expect(edgeA.addons.map((a) => a.addonName)).toEqual(['lma-prometheus', 'lma-fluent-bit', 'lma-event-exporter']);
    expect(argoValues(edgeA, 'edge-a', 'lma-prometheus').alertmanager).toEqual({ enabled: false });
  });

  test('given a hub, then Grafana\'s datasources are the hub\'s Thanos query, Loki and Alertmanager', () => {
    const { hub } = fleet();
    expect(hub.addons.map((a) => a.addonName)).toEqual(['lma-prometheus', 'lma-thanos', 'lma-loki', 'lma-fluent-bit', 'lma-grafana', 'lma-event-exporter']);
    const ds = argoValues(hub, 'hub', 'lma-grafana').datasources['datasources.yaml'].datasources;
    expect(ds.map((d: any) => [d.type, d.url])).toEqual([
      ['prometheus', 'http://lma-thanos-query-frontend.lma.svc:9090'],
      ['loki', 'http://lma-loki-gateway.lma.svc'],
      ['alertmanager', 'http://lma-alertmanager.lma.svc:9093'],
    ]);
    // the hub's own fluent-bit ships to the local Loki gateway
    expect(argoValues(hub, 'hub', 'lma-fluent-bit').config.outputs).toContain('Host lma-loki-gateway.lma.svc');
  });

  test('given an edge with a sidecar endpoint, then the hub\'s Thanos query adds it and the edge exposes its sidecar', () => {
    const app = testApp();
    const hub = hubStack(app);
    hub.attachTo(awsCluster(app, 'hub'));
    const edge = edgeStack(app, 'lma-edge', hub, { thanosSidecarEndpoint: 'thanos-sidecar.edge.example.com:10901' });
    edge.attachTo(awsCluster(app, 'edge'));
    expect(argoValues(hub, 'hub', 'lma-thanos').query.stores).toEqual(['thanos-sidecar.edge.example.com:10901']);
    expect(argoValues(edge, 'edge', 'lma-prometheus').prometheus.thanosServiceExternal).toEqual({ enabled: true });
  });
});

describe('LmaStack object storage', () => {
  test('given S3 with a prefix, then Thanos and Loki use the buckets the Terraform LmaBucket creates', () => {
    const { hub } = fleet();
    const t = argoValues(hub, 'hub', 'lma-thanos');
    const l = argoValues(hub, 'hub', 'lma-loki');
    expect(t.objstoreConfig.config).toEqual({ bucket: 'acme-lma-metrics', endpoint: 's3.ap-northeast-2.amazonaws.com', region: 'ap-northeast-2', insecure: false });
    expect(l.loki.storage.bucketNames).toEqual({ chunks: 'acme-lma-logs', ruler: 'acme-lma-logs', admin: 'acme-lma-logs' });
    // credentials only by Secret reference, injected as environment
    expect(t.storegateway.extraEnvVarsSecret).toEqual('lma-s3');
    expect(t.compactor.extraEnvVarsSecret).toEqual('lma-s3');
    expect(l.singleBinary.extraEnvFrom).toEqual([{ secretRef: { name: 'lma-s3' } }]);
  });

  test('given IRSA, then the service accounts carry the role and no credentials Secret is referenced', () => {
    const app = testApp();
    const arn = 'arn:aws:iam::123456789012:role/acme-lma';
    const hub = hubStack(app, { storage: LmaObjectStorage.s3({ bucketPrefix: 'acme-lma', region: 'ap-northeast-2', credentials: LmaStorageCredentials.irsa(arn) }) });
    hub.attachTo(awsCluster(app, 'hub'));
    const prom = argoValues(hub, 'hub', 'lma-prometheus');
    expect(prom.prometheus.serviceAccount.annotations).toEqual({ 'eks.amazonaws.com/role-arn': arn });
    expect(prom.prometheus.prometheusSpec.containers).toBeUndefined();
    expect(argoValues(hub, 'hub', 'lma-loki').serviceAccount.annotations).toEqual({ 'eks.amazonaws.com/role-arn': arn });
    expect(argoValues(hub, 'hub', 'lma-thanos').compactor.serviceAccount.annotations).toEqual({ 'eks.amazonaws.com/role-arn': arn });
  });

  test('given an S3-compatible endpoint (MinIO), then Loki uses path-style requests to it', () => {
    const app = testApp();
    const hub = hubStack(app, {
      storage: LmaObjectStorage.s3Compatible({ endpoint: 'minio.storage.svc:9000', insecure: true, bucketPrefix: 'dc1-lma', credentials: LmaStorageCredentials.fromSecret('minio-lma') }),
    });
    hub.attachTo(awsCluster(app, 'hub'));
    expect(argoValues(hub, 'hub', 'lma-loki').loki.storage.s3).toEqual({ endpoint: 'http://minio.storage.svc:9000', region: 'us-east-1', s3ForcePathStyle: true, insecure: true });
    expect(argoValues(hub, 'hub', 'lma-thanos').objstoreConfig.config.endpoint).toEqual('minio.storage.svc:9000');
  });

  test('given an edge with its own credentials Secret, then its sidecar uses it', () => {
    const app = testApp();
    const hub = hubStack(app);
    const edge = edgeStack(app, 'lma-edge', hub, { storageCredentials: LmaStorageCredentials.fromSecret('edge-s3') });
    edge.attachTo(byohCluster(app, 'edge'));
    expect(argoValues(edge, 'edge', 'lma-prometheus').prometheus.prometheusSpec.containers).toEqual([{ name: 'thanos-sidecar', envFrom: [{ secretRef: { name: 'edge-s3' } }] }]);
  });
});

describe('LmaStack components and modes', () => {
  test('given events and dashboards disabled on the hub, then neither Grafana, dashboards nor the event exporter are rendered', () => {
    const app = testApp();
    const hub = hubStack(app, { components: { events: false, dashboards: false } });
    hub.attachTo(awsCluster(app, 'hub'));
    expect(hub.addons.map((a) => a.addonName)).toEqual(['lma-prometheus', 'lma-thanos', 'lma-loki', 'lma-fluent-bit']);
    expect(argoValues(hub, 'hub', 'lma-prometheus').grafana).toEqual({ enabled: false });
  });

  test('given logs disabled on an edge, then the edge runs metrics only', () => {
    const app = testApp();
    const hub = hubStack(app);
    const edge = edgeStack(app, 'lma-edge', hub, { components: { logs: false, events: false } });
    expect(edge.addons.map((a) => a.addonName)).toEqual(['lma-prometheus']);
  });

  test('given an all-in-one stack without storage, then there is no Thanos, Loki keeps chunks locally and Grafana queries Prometheus', () => {
    const app = testApp();
    const stack = new LmaStack(app, 'lma', { topology: LmaTopology.allInOne(), delivery: AddonDelivery.argoCd() });
    stack.attachTo(awsCluster(app, 'solo'));
    expect(stack.addons.map((a) => a.addonName)).not.toContain('lma-thanos');
    expect(argoValues(stack, 'solo', 'lma-loki').loki.storage).toEqual({ type: 'filesystem' });
    expect(argoValues(stack, 'solo', 'lma-prometheus').prometheus.prometheusSpec.thanos).toBeUndefined();
    expect(argoValues(stack, 'solo', 'lma-prometheus').prometheus.prometheusSpec.retention).toEqual('10d');
    expect(argoValues(stack, 'solo', 'lma-grafana').datasources['datasources.yaml'].datasources[0].url).toEqual('http://lma-prometheus.lma.svc:9090');
  });

  test('given the OpenSearch backend on the hub, then no Loki runs and fluent-bit ships to OpenSearch with credentials from a Secret', () => {
    const app = testApp();
    const hub = hubStack(app, {
      logs: {
        backend: LmaLogsBackend.openSearch({ host: 'logs.example.com', username: { name: 'os-creds', key: 'username' }, password: { name: 'os-creds', key: 'password' } }),
      },
    });
    hub.attachTo(awsCluster(app, 'hub'));
    const edge = edgeStack(app, 'lma-edge', hub);
    edge.attachTo(awsCluster(app, 'edge'));
    expect(hub.addons.map((a) => a.addonName)).not.toContain('lma-loki');
    expect(hub.endpoints.lokiPush).toBeUndefined();
    const fb = argoValues(edge, 'edge', 'lma-fluent-bit');
    expect(fb.config.outputs).toMatch(/Name es\n\s+Match \*\n\s+Host logs\.example\.com\n\s+Port 443/);
    expect(fb.config.outputs).toContain('HTTP_Passwd ${LMA_LOGS_PASSWORD}');
    expect(fb.env).toContainEqual({ name: 'LMA_LOGS_PASSWORD', valueFrom: { secretKeyRef: { name: 'os-creds', key: 'password' } } });
    expect(argoValues(hub, 'hub', 'lma-grafana').datasources['datasources.yaml'].datasources[1]).toMatchObject({ type: 'elasticsearch', url: 'https://logs.example.com:443' });
  });

  test('given an image registry on an edge bundle, then every chart pulls from the mirror', () => {
    const app = testApp();
    const hub = hubStack(app);
    const edge = edgeStack(app, 'lma-edge', hub, { imageRegistry: 'harbor.example.com/mirror' });
    edge.attachTo(byohCluster(app, 'edge'));
    expect(argoValues(edge, 'edge', 'lma-prometheus').global).toEqual({ imageRegistry: 'harbor.example.com/mirror' });
    expect(argoValues(edge, 'edge', 'lma-fluent-bit').image.repository).toEqual('harbor.example.com/mirror/fluent/fluent-bit');
    expect(argoValues(edge, 'edge', 'lma-event-exporter').global).toEqual({ imageRegistry: 'harbor.example.com/mirror' });
  });

  test('given retention settings, then Prometheus, the Thanos compactor and Loki get them in their units', () => {
    const { hub } = fleet();
    const prom = argoValues(hub, 'hub', 'lma-prometheus');
    expect(prom.prometheus.prometheusSpec.retention).toEqual('2d');
    expect(argoValues(hub, 'hub', 'lma-thanos').compactor.retentionResolutionRaw).toEqual('90d');
    expect(argoValues(hub, 'hub', 'lma-loki').loki.limits_config.retention_period).toEqual('720h');
  });
});

describe('LmaStack output validity', () => {
  test.each([
    ['HelmChartProxy', AddonDelivery.helmChartProxy()],
    ['Argo CD', AddonDelivery.argoCd()],
    ['Flux', AddonDelivery.flux()],
  ])('given %s delivery, when a hub and an edge are synthesized, then every object passes the CRD checks', (_name, delivery) => {
    const app = testApp();
    const hub = new LmaStack(app, 'lma-hub', {
      topology: LmaTopology.hub({ ingress: { domain: 'lma.example.com' } }), storage: s3Storage(), delivery,
    });
    hub.attachTo(awsCluster(app, 'hub'));
    const edge = new LmaStack(app, 'lma-edge', { topology: LmaTopology.edge(hub), delivery });
    edge.attachTo(byohCluster(app, 'edge'));
    const objects = [...objectsOf(hub), ...objectsOf(edge)];
    expect(objects.length).toBeGreaterThan(8);
    expectValidManifests(objects);
  });
});

describe('LmaStack dashboards', () => {
  test('given metrics disabled on an all-in-one stack, then Grafana has only the logs datasource', () => {
    const app = testApp();
    const stack = new LmaStack(app, 'lma', {
      topology: LmaTopology.allInOne(), components: { metrics: false, alerting: false }, delivery: AddonDelivery.argoCd(),
    });
    stack.attachTo(awsCluster(app, 'solo'));
    expect(stack.addons.map((a) => a.addonName)).toEqual(['lma-loki', 'lma-fluent-bit', 'lma-grafana', 'lma-event-exporter']);
    expect(argoValues(stack, 'solo', 'lma-grafana').datasources['datasources.yaml'].datasources.map((d: any) => d.type)).toEqual(['loki']);
  });

  test('given a hub, then kube-prometheus-stack deploys its multi-cluster dashboards for the Grafana sidecar', () => {
    const app = testApp();
    const hub = hubStack(app);
    hub.attachTo(awsCluster(app, 'hub'));
    expect(argoValues(hub, 'hub', 'lma-prometheus').grafana).toEqual({
      enabled: false, forceDeployDashboards: true, sidecar: { dashboards: { multicluster: { global: { enabled: true } } } },
    });
    expect(argoValues(hub, 'hub', 'lma-grafana').sidecar.dashboards).toEqual({ enabled: true, label: 'grafana_dashboard', labelValue: '1', searchNamespace: 'ALL' });
  });
});

describe('LmaStack hub Ingresses', () => {
  test('given Ingress annotations on the hub, then the Loki, Thanos, Alertmanager and Grafana Ingresses all carry them', () => {
    const app = testApp();
    const annotations = { 'nginx.ingress.kubernetes.io/whitelist-source-range': '203.0.113.0/24,198.51.100.0/24' };
    const hub = hubStack(app, { topology: LmaTopology.hub({ ingress: { domain: 'lma.example.com', annotations } }) });
    hub.attachTo(awsCluster(app, 'hub'));
    expect(argoValues(hub, 'hub', 'lma-loki').gateway.ingress.annotations).toEqual(annotations);
    expect(argoValues(hub, 'hub', 'lma-thanos').queryFrontend.ingress.annotations).toEqual(annotations);
    expect(argoValues(hub, 'hub', 'lma-prometheus').alertmanager.ingress.annotations).toEqual(annotations);
    expect(argoValues(hub, 'hub', 'lma-grafana').ingress.annotations).toEqual(annotations);
  });

  test('given a hub without TLS, then endpoints are plain HTTP and edges ship to port 80', () => {
    const app = testApp();
    const hub = hubStack(app, { topology: LmaTopology.hub({ ingress: { domain: 'lma.dc1.internal' } }) });
    const edge = edgeStack(app, 'lma-edge', hub);
    edge.attachTo(byohCluster(app, 'edge'));
    expect(hub.endpoints.lokiPush).toEqual('http://loki.lma.dc1.internal/loki/api/v1/push');
    expect(argoValues(edge, 'edge', 'lma-fluent-bit').config.outputs).toMatch(/Port 80\n\s+Uri \/loki\/api\/v1\/push\n\s+tls Off/);
    expect(argoValues(edge, 'edge', 'lma-prometheus').prometheus.prometheusSpec.additionalAlertManagerConfigs[0])
      .toEqual({ scheme: 'http', api_version: 'v2', static_configs: [{ targets: ['alertmanager.lma.dc1.internal:80'] }] });
  });

  test('given an invalid Ingress domain or annotation, then the error names it', () => {
    expect(() => LmaTopology.hub({ ingress: { domain: 'https://lma.example.com' } })).toThrow(/ingress.domain 'https:\/\/lma.example.com' is not a host name/);
    expect(() => LmaTopology.hub({ ingress: { domain: 'lma.example.com', annotations: { 'bad key!': 'x' } } })).toThrow(/invalid annotation 'bad key!'/);
  });
});

describe('LmaStack hub config', () => {
  test('given a hub, then toLmaHubConfig() hands edges its label, storage, backend and endpoints as data', () => {
    const { hub } = fleet();
    const config = hub.toLmaHubConfig();
    expect(config).toMatchObject({
      path: 'lma-hub', clusterLabel: 'cluster', domain: 'lma.example.com', tls: true, metrics: true, logs: true, alerting: true,
    });
    expect(config.storage.metricsBucket).toEqual('acme-lma-metrics');
    expect(config.logsBackend.kind).toEqual('loki');
  });

  test('given receivers, routes and sidecar stores added later, then the bundle records no value warnings', () => {
    const app = testApp();
    const hub = hubStack(app);
    hub.attachTo(awsCluster(app, 'hub'));
    const s = AlertReceiver.slack({ name: 's', channel: '#c', apiUrl: { name: 'lma-slack', key: 'url' } });
    hub.addReceiver(s);
    hub.addRoute({ severity: AlertSeverity.WARNING, receiver: s });
    hub.addThanosStore('edge.example.com:10901');
    objectsOf(hub);
    expect(hub.warnings).toEqual([]);
  });
});

describe('LmaStack store endpoints', () => {
  test('given a Thanos store with a port outside 1–65535, then a ValidationError', () => {
    const hub = hubStack(testApp());
    expect(() => hub.addThanosStore('thanos.edge1.example.com:99999')).toThrow(/'thanos\.edge1\.example\.com:99999' is not a host name \(optionally with ':port', 1 to 65535\)/);
    expect(() => hub.addThanosStore('thanos.edge1.example.com:0')).toThrow(/is not a host name/);
    expect(() => hub.addThanosStore('thanos.edge1.example.com:10901')).not.toThrow();
  });
});

describe('LmaStack hub basic authentication', () => {
  const authHub = (app: ReturnType<typeof testApp>) => hubStack(app, {
    topology: LmaTopology.hub({ ingress: { domain: 'lma.example.com', tlsSecretName: 'lma-tls', basicAuthSecretName: 'lma-hub-htpasswd' } }),
  });

  test('given a hub with basic authentication, then the Loki, Thanos and Alertmanager Ingresses require it and Grafana\'s does not', () => {
    const app = testApp();
    const hub = authHub(app);
    hub.attachTo(awsCluster(app, 'hub'));
    const auth = {
      'nginx.ingress.kubernetes.io/auth-type': 'basic',
      'nginx.ingress.kubernetes.io/auth-secret': 'lma-hub-htpasswd',
      'nginx.ingress.kubernetes.io/auth-realm': 'LMA hub',
    };
    expect(argoValues(hub, 'hub', 'lma-loki').gateway.ingress.annotations).toEqual(auth);
    expect(argoValues(hub, 'hub', 'lma-thanos').queryFrontend.ingress.annotations).toEqual(auth);
    expect(argoValues(hub, 'hub', 'lma-prometheus').alertmanager.ingress.annotations).toEqual(auth);
    expect(argoValues(hub, 'hub', 'lma-grafana').ingress.annotations).toBeUndefined();
    // the hub's own fluent-bit uses the in-cluster Service, without credentials
    expect(argoValues(hub, 'hub', 'lma-fluent-bit').config.outputs).not.toContain('http_user');
  });

  test('given an edge with hub credentials, then fluent-bit and Prometheus authenticate with the password from a Secret', () => {
    const app = testApp();
    const hub = authHub(app);
    const edge = edgeStack(app, 'lma-edge', hub, { hubCredentials: { username: 'edge', password: { name: 'lma-hub-auth', key: 'password' } } });
    edge.attachTo(awsCluster(app, 'edge'));
    const fb = argoValues(edge, 'edge', 'lma-fluent-bit');
    expect(fb.config.outputs).toContain('    http_user edge\n    http_passwd ${LMA_HUB_PASSWORD}\n');
    expect(fb.env).toContainEqual({ name: 'LMA_HUB_PASSWORD', valueFrom: { secretKeyRef: { name: 'lma-hub-auth', key: 'password' } } });
    const spec = argoValues(edge, 'edge', 'lma-prometheus').prometheus.prometheusSpec;
    expect(spec.secrets).toEqual(['lma-hub-auth']);
    expect(spec.additionalAlertManagerConfigs[0].basic_auth).toEqual({ username: 'edge', password_file: '/etc/prometheus/secrets/lma-hub-auth/password' });
  });

  test('given a hub with basic authentication and an edge without credentials (or the reverse), then the error says what to set', () => {
    const app = testApp();
    expect(() => edgeStack(app, 'e1', authHub(app))).toThrow(/hub 'lma-hub' requires basic authentication on its Ingresses, so this edge needs hubCredentials/);
    const app2 = testApp();
    expect(() => edgeStack(app2, 'e2', hubStack(app2), { hubCredentials: { username: 'edge', password: { name: 's', key: 'k' } } }))
      .toThrow(/hubCredentials is set, but hub 'lma-hub' does not require authentication/);
  });
});

describe('LmaStack with Argo CD', () => {
  test('given Argo CD delivery with server-side apply, then the Applications sync server-side (kube-prometheus-stack CRDs)', () => {
    const app = testApp();
    const hub = hubStack(app);
    hub.attachTo(awsCluster(app, 'hub'));
    const application = objectsOf(hub).find((o) => o.metadata.name === 'hub-lma-prometheus');
    expect(application.spec.syncPolicy.syncOptions).toEqual(['CreateNamespace=true', 'ServerSideApply=true']);
    expect(hub.warnings).toEqual([]);
  });

  test('given Argo CD delivery without server-side apply, then the stack warns about the CRD size', () => {
    const app = testApp();
    const hub = hubStack(app, { delivery: AddonDelivery.argoCd() });
    expect(hub.warnings).toEqual([expect.stringMatching(/exceed the 256 KiB annotation limit .* AddonDelivery.argoCd\(\{ serverSideApply: true \}\)/)]);
  });
});
