import { Duration } from 'cdk8s';
import { awsCluster, edgeStack, hubStack, s3Storage, testApp } from './support';
import {
  AlertReceiver, AlertSeverity, LmaLogsBackend, LmaObjectStorage, LmaStack, LmaStorageCredentials, LmaTopology, ValidationError,
} from '../../src';

const slack = (name = 'platform-slack') => AlertReceiver.slack({ name, channel: '#platform', apiUrl: { name: 'lma-slack', key: 'url' } });

describe('LmaStack topology errors', () => {
  test('given an edge without a hub, then the error says to create and pass the hub', () => {
    expect(() => LmaTopology.edge(undefined as any)).toThrow(/LmaTopology.edge: needs the hub stack .* LmaTopology.edge\(hub\)/);
  });

  test('given an edge of an edge, then the error says edges ship only to hubs', () => {
    const app = testApp();
    const hub = hubStack(app);
    const edge = edgeStack(app, 'lma-edge', hub);
    expect(() => edgeStack(app, 'lma-edge2', edge)).toThrow(/lma-edge: is a edge stack, not a hub: edges can only ship to a stack created with LmaTopology.hub\(\)/);
  });

  test('given a hub without storage, then the error asks for object storage', () => {
    const app = testApp();
    expect(() => new LmaStack(app, 'lma-hub', { topology: LmaTopology.hub({ ingress: { domain: 'lma.example.com' } }) }))
      .toThrow(/lma-hub: a hub needs object storage .* Set storage: LmaObjectStorage.s3\(\{...\}\)/);
  });

  test('given a hub without an Ingress domain, when an edge references it, then the error says the edge cannot reach it', () => {
    const app = testApp();
    const hub = new LmaStack(app, 'lma-hub', { topology: LmaTopology.hub(), storage: s3Storage() });
    expect(() => edgeStack(app, 'lma-edge', hub)).toThrow(/edge of hub 'lma-hub', which has no Ingress domain.*ingress: \{ domain/);
  });

  test('given logs disabled on the hub, when an edge ships logs, then the error names both fixes', () => {
    const app = testApp();
    const hub = hubStack(app, { components: { logs: false, events: false } });
    expect(() => edgeStack(app, 'lma-edge', hub))
      .toThrow(/components.logs is on, but hub 'lma-hub' has logs disabled, so nothing would receive this edge's logs\. Enable logs on the hub or set components.logs: false on the edge/);
  });

  test('given alerting disabled on the hub, when an edge alerts, then the error says so', () => {
    const app = testApp();
    const hub = hubStack(app, { components: { alerting: false } });
    expect(() => edgeStack(app, 'lma-edge', hub)).toThrow(/components.alerting is on, but hub 'lma-hub' has alerting disabled/);
  });

  test('given storage, receivers or a logs backend on an edge, then each error says it belongs to the hub', () => {
    const app = testApp();
    const hub = hubStack(app);
    expect(() => edgeStack(app, 'e1', hub, { storage: s3Storage() })).toThrow(/storage is set on an edge\. Edges upload to the hub's storage \('acme-lma-metrics'\)/);
    expect(() => edgeStack(app, 'e2', hub, { alerting: { receivers: [slack()] } })).toThrow(/alerting receivers and routes are set on an edge/);
    expect(() => edgeStack(app, 'e3', hub, { logs: { backend: LmaLogsBackend.loki() } })).toThrow(/logs.backend, logs.retention and logs.volumeSize are set on an edge/);
    expect(() => edgeStack(app, 'e4v', hub, { logs: { volumeSize: '100Gi' } })).toThrow(/logs\.volumeSize are set on an edge\. Edges run no log store/);
    expect(() => edgeStack(app, 'e4', hub, { clusterLabel: 'site' })).toThrow(/clusterLabel 'site' differs from the hub's \('cluster'\)/);
    expect(() => edgeStack(app, 'e5', hub, { components: { dashboards: true } })).toThrow(/Grafana runs on the hub/);
  });

  test('given events without logs, or alerting without metrics, then the error names the dependency', () => {
    const app = testApp();
    expect(() => hubStack(app, { components: { logs: false } })).toThrow(/components.events needs components.logs/);
    const app2 = testApp();
    expect(() => hubStack(app2, { components: { metrics: false } })).toThrow(/components.alerting needs components.metrics/);
  });

  test('given a hub attached to two clusters, when synthesized, then the error says a hub runs on one cluster', () => {
    const app = testApp();
    const hub = hubStack(app);
    hub.attachTo(awsCluster(app, 'a'), awsCluster(app, 'b'));
    expect(() => app.synth()).toThrow(/hub stack is attached to 2 clusters \(a, b\)\. A hub runs on one cluster/);
  });
});

describe('LmaStack receiver errors', () => {
  test('given two receivers with one name, then the error names the duplicate', () => {
    const app = testApp();
    expect(() => hubStack(app, { alerting: { receivers: [slack('team'), slack('team')] } }))
      .toThrow(/receiver name 'team' is already used in this stack\. Give each receiver a unique name/);
    const hub = hubStack(testApp());
    hub.addReceiver(slack('team'));
    expect(() => hub.addReceiver(slack('team'))).toThrow(/receiver name 'team' is already used/);
  });

  test('given a route to a receiver not in the stack, then the error says to add it first', () => {
    const hub = hubStack(testApp());
    expect(() => hub.addRoute({ severity: AlertSeverity.CRITICAL, receiver: slack() }))
      .toThrow(/route for severity 'critical' uses receiver 'platform-slack', which is not in this stack\. Add it first/);
  });

  test('given a second route for a severity after one that stops, then the error says it would never match and how to notify both', () => {
    const stack = () => {
      const hub = hubStack(testApp());
      const [first, second] = [slack('first'), slack('second')];
      hub.addReceiver(first);
      hub.addReceiver(second);
      return { hub, first, second };
    };
    const a = stack();
    a.hub.addRoute({ severity: AlertSeverity.CRITICAL, receiver: a.first });
    expect(() => a.hub.addRoute({ severity: AlertSeverity.CRITICAL, receiver: a.second }))
      .toThrow(/the route for severity 'critical' to receiver 'second' would never match: the route to 'first' before it takes the same alerts and stops\. Set continue: true on that route to notify both\./);
    const b = stack();
    b.hub.addRoute({ severity: AlertSeverity.CRITICAL, receiver: b.first, continue: true });
    expect(() => b.hub.addRoute({ severity: AlertSeverity.CRITICAL, receiver: b.second })).not.toThrow();
  });

  test('given a receiver added to an edge, then the error points to the hub', () => {
    const app = testApp();
    const edge = edgeStack(app, 'lma-edge', hubStack(app));
    expect(() => edge.addReceiver(slack())).toThrow(/an edge sends its alerts to the hub's Alertmanager/);
  });
});

describe('LmaStack retention and storage errors', () => {
  test.each([
    [{ metrics: { retention: Duration.hours(1) } }, /metrics.retention \(1h\) is shorter than 2 hours/],
    [{ metrics: { retention: Duration.days(10), longTermRetention: Duration.days(7) } }, /metrics.longTermRetention \(7d\) is shorter than metrics.retention \(10d\)/],
    [{ logs: { retention: Duration.hours(36) } }, /logs.retention \(36h\) is not a whole number of days/],
    [{ metrics: { volumeSize: '50 GB' } }, /metrics.volumeSize '50 GB' is not a Kubernetes quantity/],
    [{ metrics: { volumeSize: '0Gi' } }, /metrics\.volumeSize '0Gi' requests no storage; the API server rejects a volume claim of 0\. Use e\.g\. '100Gi'\./],
    [{ logs: { volumeSize: '0' } }, /logs\.volumeSize '0' requests no storage/],
    [{ clusterLabel: 'cluster-name' }, /clusterLabel 'cluster-name' is not a Prometheus label name/],
  ])('given %j, then the error names the value and the fix', (props, message) => {
    expect(() => hubStack(testApp(), props as any)).toThrow(message);
  });

  test('given IRSA credentials for an S3-compatible endpoint, then the error says IRSA is AWS-only', () => {
    expect(() => LmaObjectStorage.s3Compatible({
      endpoint: 'minio.example.com', bucketPrefix: 'dc1-lma', credentials: LmaStorageCredentials.irsa('arn:aws:iam::123456789012:role/x'),
    })).toThrow(/IRSA credentials work only with Amazon S3/);
  });

  test('given a bucket prefix S3 rejects, then the lmaBucketName error surfaces', () => {
    expect(() => LmaObjectStorage.s3({ bucketPrefix: 'Acme_LMA', region: 'ap-northeast-2', credentials: LmaStorageCredentials.fromSecret('s') }))
      .toThrow(/'Acme_LMA-metrics' is not a valid S3 bucket name/);
  });

  test('errors are ValidationErrors carrying the construct path', () => {
    try {
      new LmaStack(testApp(), 'lma-hub', { topology: LmaTopology.hub() });
      throw new Error('expected an error');
    } catch (e) {
      expect(ValidationError.isValidationError(e)).toBe(true);
      expect((e as ValidationError).path).toEqual('lma-hub');
    }
  });
});

describe('LmaStack all-in-one as a hub', () => {
  test('given an all-in-one stack used as a hub, then the error says edges need a hub', () => {
    const app = testApp();
    const solo = new LmaStack(app, 'lma', { topology: LmaTopology.allInOne() });
    expect(() => edgeStack(app, 'lma-edge', solo)).toThrow(/lma: is a all-in-one stack, not a hub/);
  });
});
