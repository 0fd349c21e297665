/**
 * The LMA (logging, monitoring, alerting) stack of a small fleet, replacing the old `lma` app
 * group (decapod `lma_base_resources.yaml`) with typed constructs:
 *
 * - `lma-hub` on the EKS cluster `hub-seoul`: Prometheus + Thanos sidecar, Thanos query / store
 *   gateway / compactor over the S3 metrics bucket, Loki on the S3 logs bucket, Alertmanager with
 *   Slack, e-mail, webhook and PagerDuty receivers routed by severity, Grafana with the Thanos,
 *   Loki and Alertmanager datasources, event export; endpoints exposed under `lma.example.com`
 *   (allow-listed, basic authentication for the edges).
 *   S3 access through an IRSA role; bucket names are those the Terraform `LmaBucket` creates
 *   with the same prefix. Delivered by HelmChartProxy (CAAPH).
 * - `lma-edge-aws` on the AWS cluster `edge-tokyo`: Prometheus, node-exporter, kube-state-metrics,
 *   fluent-bit and event export, shipping to the hub (blocks to the hub's bucket, logs to the hub's
 *   Loki, alerts to the hub's Alertmanager). Delivered by Flux.
 * - `lma-edge-dc1` on the BYOH cluster `edge-dc1` in an air-gapped data centre: the same, images
 *   from the Harbor mirror, S3 keys from a Secret. Delivered by Argo CD.
 *
 * Every endpoint, the cluster label and the storage of the edges come from the hub construct.
 *
 * Run: `npx ts-node --transpile-only scripts/synth-examples.ts lma-platform`.
 */
import { Duration } from 'cdk8s';
import {
  AddonBundle,
  AddonDelivery,
  Catalog,
  AlertReceiver,
  AlertSeverity,
  Infrastructure,
  LmaObjectStorage,
  LmaStack,
  LmaStorageCredentials,
  LmaTopology,
  ManagedCluster,
  Platform,
} from '../src';

const app = new Platform({ outdir: process.env.CAPI_BLUEPRINTS_OUTDIR ?? 'dist/lma-platform' });
const account = '111122223333';

// --- Clusters -------------------------------------------------------------------------------
const hubCluster = new ManagedCluster(app, 'hub-seoul', {
  version: 'v1.33',
  infrastructure: Infrastructure.eks({ region: 'ap-northeast-2', associateOidcProvider: true }),
  labels: { environment: 'prod', site: 'seoul' },
});
const tokyo = new ManagedCluster(app, 'edge-tokyo', {
  version: 'v1.33.4',
  infrastructure: Infrastructure.aws({ region: 'ap-northeast-1' }),
  labels: { environment: 'prod', site: 'tokyo' },
});
const dc1 = new ManagedCluster(app, 'edge-dc1', {
  version: 'v1.33.4',
  network: { podCidrs: ['10.233.64.0/18'], serviceCidrs: ['10.233.0.0/18'] },
  infrastructure: Infrastructure.byoh({
    controlPlaneEndpoint: { host: '192.168.10.10' },
    controlPlaneHosts: { matchLabels: { role: 'control-plane' } },
    kubeVip: { image: 'harbor.example.com/mirror/kube-vip/kube-vip:v0.8.7' },
  }),
  controlPlane: { replicas: 3 },
  labels: { environment: 'prod', site: 'dc1' },
});

// --- The hub --------------------------------------------------------------------------------
// Buckets `acme-prod-lma-metrics` and `acme-prod-lma-logs`: new LmaBucket(tf, 'metrics',
// { prefix: 'acme-prod-lma', purpose: 'metrics', irsa: {...} }) creates them and the role.
const storage = LmaObjectStorage.s3({
  bucketPrefix: 'acme-prod-lma',
  region: 'ap-northeast-2',
  credentials: LmaStorageCredentials.irsa(`arn:aws:iam::${account}:role/acme-prod-lma-irsa`),
});

const platformSlack = AlertReceiver.slack({
  name: 'platform-slack',
  channel: '#platform-alerts',
  apiUrl: { name: 'lma-slack', key: 'webhook-url' }, // a Secret in the hub's `lma` namespace
});
const onCall = AlertReceiver.pagerDuty({ name: 'platform-oncall', routingKey: { name: 'lma-pagerduty', key: 'routing-key' } });

const hub = new LmaStack(app, 'lma-hub', {
  topology: LmaTopology.hub({
    ingress: {
      domain: 'lma.example.com',
      tlsSecretName: 'lma-wildcard-tls',
      // only the edges' egress addresses, and only with a password, may push logs and alerts
      annotations: { 'nginx.ingress.kubernetes.io/whitelist-source-range': '203.0.113.0/24,198.51.100.0/24' },
      basicAuthSecretName: 'lma-hub-htpasswd',
    },
  }),
  storage,
  metrics: { retention: Duration.days(2), longTermRetention: Duration.days(180) },
  logs: { retention: Duration.days(30) },
  alerting: {
    receivers: [platformSlack, onCall],
    routes: [
      { severity: AlertSeverity.CRITICAL, receiver: onCall, continue: true },
      { severity: AlertSeverity.CRITICAL, receiver: platformSlack },
      { severity: AlertSeverity.WARNING, receiver: platformSlack },
    ],
    defaultReceiver: platformSlack,
  },
  grafana: { adminSecretName: 'lma-grafana-admin' },
  delivery: AddonDelivery.helmChartProxy(),
});
const mail = AlertReceiver.email({
  name: 'platform-mail',
  to: 'platform@example.com',
  from: 'alertmanager@example.com',
  smarthost: 'smtp.example.com:587',
  authUsername: 'alertmanager',
  authPassword: { name: 'lma-smtp', key: 'password' },
});
hub.addReceiver(mail);
hub.addRoute({ severity: AlertSeverity.INFO, receiver: mail });
hub.addReceiver(AlertReceiver.webhook({ name: 'ticketing', url: { name: 'lma-ticketing', key: 'url' } }));
hub.attachTo(hubCluster);

// --- Edges ----------------------------------------------------------------------------------
const tokyoLma = new LmaStack(app, 'lma-edge-aws', {
  topology: LmaTopology.edge(hub),
  storageCredentials: LmaStorageCredentials.fromSecret('lma-object-storage'),
  hubCredentials: { username: 'edge-tokyo', password: { name: 'lma-hub-auth', key: 'password' } },
  delivery: AddonDelivery.flux(),
});
tokyoLma.attachTo(tokyo);

const dc1Lma = new LmaStack(app, 'lma-edge-dc1', {
  topology: LmaTopology.edge(hub),
  storageCredentials: LmaStorageCredentials.fromSecret('lma-object-storage'),
  hubCredentials: { username: 'edge-dc1', password: { name: 'lma-hub-auth', key: 'password' } },
  delivery: AddonDelivery.argoCd({ project: 'platform', serverSideApply: true }), // kube-prometheus-stack CRDs
  imageRegistry: 'harbor.example.com/mirror',
});
dc1Lma.attachTo(dc1);

// --- What the edge clusters need to become Ready (the EKS hub gets its CNI from EKS) ----------
const cni = Catalog.cilium();
new AddonBundle(app, 'aws-base', { addons: [cni, Catalog.awsCloudControllerManager(), Catalog.awsEbsCsiDriver()] }).attachTo(tokyo);
new AddonBundle(app, 'dc1-base', { addons: [cni], imageRegistry: 'harbor.example.com/mirror' }).attachTo(dc1);

app.synth();
