/** Invalid LMA (logging, monitoring, alerting) stacks: topology, retention, storage, receivers, routes. */
import { Duration } from 'cdk8s';
import { awsCluster } from './builders';
import { BadInputCase, k8s } from './harness';
import {
  AddonDelivery, AlertReceiver, AlertSeverity, Infrastructure, LmaObjectStorage, LmaStack, LmaStackProps,
  LmaStorageCredentials, LmaTopology, ManagedCluster,
} from '../../src';
import { Platform } from '../../src/platform';

const storage = () => LmaObjectStorage.s3({ bucketPrefix: 'acme-lma', region: 'ap-northeast-2', credentials: LmaStorageCredentials.fromSecret('lma-s3') });
const slack = (name = 'platform-slack') => AlertReceiver.slack({ name, channel: '#platform', apiUrl: { name: 'lma-slack', key: 'url' } });
const hub = (app: Platform, props: Partial<LmaStackProps> = {}) => new LmaStack(app, 'lma-hub', {
  topology: LmaTopology.hub({ ingress: { domain: 'lma.example.com', tlsSecretName: 'lma-tls' } }),
  storage: storage(),
  delivery: AddonDelivery.argoCd(),
  ...props,
});

export const lmaCases: BadInputCase[] = [
  k8s('a hub Ingress class that is not a name', 'LmaTopology.hub', () => {
    LmaTopology.hub({ ingress: { domain: 'lma.example.com', className: 'Nginx Public' } });
  }, /^LmaTopology\.hub: ingress\.className 'Nginx Public' is not an IngressClass name\. Give the name of an IngressClass .* or leave it unset for 'nginx'\./),
  k8s('a hub without object storage', 'lma-hub', (app) => { new LmaStack(app, 'lma-hub', { topology: LmaTopology.hub({ ingress: { domain: 'lma.example.com' } }) }); },
    /^lma-hub: a hub needs object storage .* Set storage: LmaObjectStorage\.s3\(\{\.\.\.\}\)/),
  k8s('an edge of an edge', 'lma-edge', (app) => {
    const edge = new LmaStack(app, 'lma-edge', { topology: LmaTopology.edge(hub(app)) });
    new LmaStack(app, 'lma-edge2', { topology: LmaTopology.edge(edge) });
  }, /^lma-edge: is a edge stack, not a hub: edges can only ship to a stack created with LmaTopology\.hub\(\)\./),
  k8s('an edge of a hub without an Ingress domain', 'lma-edge', (app) => {
    const h = new LmaStack(app, 'lma-hub', { topology: LmaTopology.hub(), storage: storage() });
    new LmaStack(app, 'lma-edge', { topology: LmaTopology.edge(h) });
  }, /^lma-edge: edge of hub 'lma-hub', which has no Ingress domain, so the edge cannot reach its endpoints\. Give the hub LmaTopology\.hub\(\{ ingress: \{ domain/),
  k8s('a metrics retention below one Prometheus block', 'lma-hub', (app) => { hub(app, { metrics: { retention: Duration.hours(1) } }); },
    /^lma-hub: metrics\.retention \(1h\) is shorter than 2 hours, the length of a Prometheus\/Thanos block\. Use at least Duration\.hours\(2\)\./),
  k8s('long-term retention shorter than local retention', 'lma-hub', (app) => { hub(app, { metrics: { retention: Duration.days(10), longTermRetention: Duration.days(7) } }); },
    /^lma-hub: metrics\.longTermRetention \(7d\) is shorter than metrics\.retention \(10d\)\. /),
  k8s('a log retention that is not whole days', 'lma-hub', (app) => { hub(app, { logs: { retention: Duration.hours(36) } }); },
    /^lma-hub: logs\.retention \(36h\) is not a whole number of days; Loki deletes by 24-hour index period\. Use e\.g\. Duration\.days\(30\)\./),
  k8s('a metrics volume size that is not a quantity', 'lma-hub', (app) => { hub(app, { metrics: { volumeSize: '50 GB' } }); },
    /^lma-hub: metrics\.volumeSize '50 GB' is not a Kubernetes quantity\. Use e\.g\. '100Gi'\./),
  k8s('a cluster label that is not a Prometheus label name', 'lma-hub', (app) => { hub(app, { clusterLabel: 'cluster-name' }); },
    /^lma-hub: clusterLabel 'cluster-name' is not a Prometheus label name\. Use letters, digits and '_'/),
  k8s('an LMA namespace that is not a DNS label', 'lma-hub', (app) => { hub(app, { lmaNamespace: 'LMA' }); },
    /^lma-hub: lmaNamespace 'LMA' is not a DNS label\. Use lower-case letters, digits and '-'\./),
  k8s('a receiver name used twice', 'lma-hub', (app) => { hub(app, { alerting: { receivers: [slack('team'), slack('team')] } }); },
    /^lma-hub: receiver name 'team' is already used in this stack\. Give each receiver a unique name\./),
  k8s('a route to a receiver not in the stack', 'lma-hub', (app) => { hub(app, { alerting: { routes: [{ severity: AlertSeverity.CRITICAL, receiver: slack() }] } }); },
    /^lma-hub: route for severity 'critical' uses receiver 'platform-slack', which is not in this stack\. Add it first with addReceiver\(\) or the alerting\.receivers prop\./),
  k8s('receivers on an edge', 'lma-edge', (app) => { new LmaStack(app, 'lma-edge', { topology: LmaTopology.edge(hub(app)), alerting: { receivers: [slack()] } }); },
    /^lma-edge: alerting receivers and routes are set on an edge\. /),
  k8s('a Slack webhook URL given in place of a Secret name', 'AlertReceiver \'platform-slack\'', () => {
    AlertReceiver.slack({ name: 'platform-slack', channel: '#platform', apiUrl: { name: 'https://hooks.slack.com/services/T0/B0/x', key: 'url' } });
  }, /^AlertReceiver 'platform-slack': secret name 'https:\/\/hooks\.slack\.com\/services\/T0\/B0\/x' is not a Secret name\. Give the name of a Secret .* never the secret value itself\./),
  k8s('an e-mail receiver with an invalid address', 'AlertReceiver \'m\'', () => { AlertReceiver.email({ name: 'm', to: 'nobody', from: 'b@example.com', smarthost: 'smtp:25' }); },
    /^AlertReceiver 'm': to 'nobody' is not an e-mail address\. Use e\.g\. 'platform@example\.com'\./),
  k8s('IRSA credentials for an S3-compatible endpoint', 'LmaObjectStorage.s3Compatible', () => {
    LmaObjectStorage.s3Compatible({ endpoint: 'minio.example.com', bucketPrefix: 'dc1-lma', credentials: LmaStorageCredentials.irsa('arn:aws:iam::123456789012:role/x') });
  }, /^LmaObjectStorage\.s3Compatible: IRSA credentials work only with Amazon S3\. Use LmaStorageCredentials\.fromSecret\(\.\.\.\) for an S3-compatible endpoint\./),
  k8s('a hub attached to two clusters', 'lma-hub', (app) => {
    const h = hub(app);
    h.attachTo(awsCluster(app));
    h.attachTo(new ManagedCluster(app, 'other', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'ap-northeast-2' }) }));
  }, /^\s*lma-hub: .*hub stack is attached to 2 clusters \(prod, other\)\. A hub runs on one cluster; give the others LmaTopology\.edge\(hub\) stacks\./m),
];
