import { argoValues, awsCluster, edgeStack, hubStack, objectsOf, testApp } from './support';
import { AlertReceiver, AlertSeverity } from '../../src';

const slack = () => AlertReceiver.slack({ name: 'platform-slack', channel: '#platform', apiUrl: { name: 'lma-slack', key: 'webhook-url' } });
const pager = () => AlertReceiver.pagerDuty({ name: 'oncall', routingKey: { name: 'lma-pagerduty', key: 'routing-key' } });
const mail = () => AlertReceiver.email({
  name: 'platform-mail',
  to: 'platform@example.com',
  from: 'am@example.com',
  smarthost: 'smtp.example.com:587',
  authUsername: 'am',
  authPassword: { name: 'lma-smtp', key: 'password' },
});
const hook = () => AlertReceiver.webhook({ name: 'ticketing', url: { name: 'lma-ticketing', key: 'url' } });

describe('LmaStack alerting', () => {
  test('given receivers of every kind, then each reads its secret from a file of a mounted Secret', () => {
    const app = testApp();
    const hub = hubStack(app, { alerting: { receivers: [slack(), pager(), mail(), hook()] } });
    hub.attachTo(awsCluster(app, 'hub'));
    const am = argoValues(hub, 'hub', 'lma-prometheus').alertmanager;
    const byName = Object.fromEntries(am.config.receivers.map((r: any) => [r.name, r]));
    expect(byName['platform-slack'].slack_configs[0].api_url_file).toEqual('/etc/alertmanager/secrets/lma-slack/webhook-url');
    expect(byName.oncall.pagerduty_configs[0].routing_key_file).toEqual('/etc/alertmanager/secrets/lma-pagerduty/routing-key');
    expect(byName['platform-mail'].email_configs[0].auth_password_file).toEqual('/etc/alertmanager/secrets/lma-smtp/password');
    expect(byName.ticketing.webhook_configs[0].url_file).toEqual('/etc/alertmanager/secrets/lma-ticketing/url');
    expect(am.alertmanagerSpec.secrets).toEqual(['lma-pagerduty', 'lma-slack', 'lma-smtp', 'lma-ticketing']);
  });

  test('given receivers, when every object is rendered, then no secret value or inline secret field appears anywhere', () => {
    const app = testApp();
    const hub = hubStack(app, { alerting: { receivers: [slack(), pager(), mail(), hook()] } });
    hub.attachTo(awsCluster(app, 'hub'));
    const edge = edgeStack(app, 'lma-edge', hub);
    edge.attachTo(awsCluster(app, 'edge'));
    const objects = [...objectsOf(hub), ...objectsOf(edge)];
    const text = JSON.stringify(objects);
    // inline forms of the fields we use by file, and credential keys of objstore / Loki / Grafana configs
    const inline = ['"api_url"', '"slack_api_url"', '"routing_key"', '"service_key"', '"auth_password"', '"smtp_auth_password"',
      '"access_key"', '"secret_key"', '"accessKeyId"', '"secretAccessKey"', '"adminPassword"', '"password"'];
    expect(inline.filter((f) => text.includes(f))).toEqual([]);
    expect(text.match(/hooks\.slack\.com|AKIA[0-9A-Z]{16}/g)).toBeNull();
    // a webhook receiver never carries its URL inline
    const receivers = objects.flatMap((o) => o.spec?.source?.helm?.valuesObject?.alertmanager?.config?.receivers ?? []);
    expect(receivers.flatMap((r: any) => r.webhook_configs ?? []).map((w: any) => Object.keys(w).sort())).toEqual([['send_resolved', 'url_file']]);
  });

  test('given routes by severity and a default receiver, then the route tree matches severities in order after the Watchdog route', () => {
    const app = testApp();
    const s = slack();
    const p = pager();
    const hub = hubStack(app, {
      alerting: {
        receivers: [s, p],
        routes: [{ severity: AlertSeverity.CRITICAL, receiver: p, continue: true }, { severity: AlertSeverity.WARNING, receiver: s }],
        defaultReceiver: s,
      },
    });
    hub.attachTo(awsCluster(app, 'hub'));
    const route = argoValues(hub, 'hub', 'lma-prometheus').alertmanager.config.route;
    expect(route.receiver).toEqual('platform-slack');
    expect(route.routes).toEqual([
      { receiver: 'null', matchers: ['alertname = "Watchdog"'] },
      { receiver: 'oncall', matchers: ['severity = "critical"'], continue: true },
      { receiver: 'platform-slack', matchers: ['severity = "warning"'], continue: false },
    ]);
  });

  test('given receivers and routes added after construction, then the rendered config includes them', () => {
    const app = testApp();
    const hub = hubStack(app);
    hub.attachTo(awsCluster(app, 'hub'));
    const m = mail();
    hub.addReceiver(m);
    hub.addRoute({ severity: AlertSeverity.INFO, receiver: m });
    const am = argoValues(hub, 'hub', 'lma-prometheus').alertmanager;
    expect(am.config.receivers.map((r: any) => r.name)).toEqual(['null', 'platform-mail']);
    expect(am.config.route.routes[1]).toEqual({ receiver: 'platform-mail', matchers: ['severity = "info"'], continue: false });
    expect(am.alertmanagerSpec.secrets).toEqual(['lma-smtp']);
  });

  test('given alerting, then every cluster evaluates the default platform rules (node, disk, crash loop, certificates, control plane)', () => {
    const app = testApp();
    const hub = hubStack(app);
    const edge = edgeStack(app, 'lma-edge', hub);
    edge.attachTo(awsCluster(app, 'edge'));
    const rules = argoValues(edge, 'edge', 'lma-prometheus').additionalPrometheusRulesMap['lma-default'].groups.flatMap((g: any) => g.rules);
    expect(rules.map((r: any) => [r.alert, r.labels.severity])).toEqual([
      ['LmaNodeNotReady', 'critical'],
      ['LmaNodeDiskPressure', 'warning'],
      ['LmaNodeFilesystemAlmostFull', 'warning'],
      ['LmaPodCrashLooping', 'warning'],
      ['LmaCertificateExpiringSoon', 'warning'],
      ['LmaKubeletClientCertificateExpiring', 'critical'],
      ['LmaControlPlaneDown', 'critical'],
    ]);
  });

  test('given default rules disabled, then no rule map is rendered', () => {
    const app = testApp();
    const hub = hubStack(app, { alerting: { defaultRules: false } });
    hub.attachTo(awsCluster(app, 'hub'));
    expect(argoValues(hub, 'hub', 'lma-prometheus').additionalPrometheusRulesMap).toBeUndefined();
  });
});

describe('LMA AlertReceiver errors', () => {
  test('given a secret value where a Secret reference is expected, then the error says to reference a Secret', () => {
    expect(() => AlertReceiver.slack({ name: 'x', channel: '#c', apiUrl: 'https://hooks.slack.com/services/T/B/X' as any }))
      .toThrow(/takes secrets only as Secret references \(\{ name, key \}\), got string/);
    expect(() => AlertReceiver.webhook({ name: 'x', url: { name: 'https://example.com/hook?token=abc', key: 'url' } }))
      .toThrow(/secret name 'https:\/\/example.com\/hook\?token=abc' is not a Secret name\. Give the name of a Secret .* never the secret value itself/);
  });

  test('given an e-mail receiver with a user but no password reference, then the error asks for both', () => {
    expect(() => AlertReceiver.email({ name: 'm', to: 'a@example.com', from: 'b@example.com', smarthost: 'smtp:25', authUsername: 'u' }))
      .toThrow(/authUsername and authPassword go together/);
  });

  test('given an invalid receiver name or address, then the error names the value', () => {
    expect(() => slack() && AlertReceiver.slack({ name: 'Bad Name', channel: '#c', apiUrl: { name: 's', key: 'k' } })).toThrow(/name 'Bad Name' is not a DNS label/);
    expect(() => AlertReceiver.email({ name: 'm', to: 'nobody', from: 'b@example.com', smarthost: 'smtp:25' })).toThrow(/to 'nobody' is not an e-mail address/);
    expect(() => AlertReceiver.email({ name: 'm', to: 'a@example.com', from: 'b@example.com', smarthost: 'smtp.example.com:99999' })).toThrow(/smarthost 'smtp\.example\.com:99999' is not 'host:port'/);
  });
});
