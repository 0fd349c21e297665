import { isDnsLabel } from '../core/names';
import { checkSecretKey, checkSecretName } from '../core/secrets';
import { ValidationError } from '../core/validation-error';

/**
 * One key of a Secret in the LMA namespace of the hub. Alertmanager mounts the Secret at
 * `/etc/alertmanager/secrets/<name>/<key>` and reads the value from that file (`*_file`
 * fields), so secret values never appear in the generated manifests.
 */
export interface SecretKeyReference {
  /** Secret name, e.g. `lma-slack`. */
  readonly name: string;
  /** Data key, e.g. `webhook-url`. */
  readonly key: string;
}

/** Alert severity, the `severity` label of the alert rules. */
export enum AlertSeverity {
  /** Someone must act now. */
  CRITICAL = 'critical',
  /** Needs attention during working hours. */
  WARNING = 'warning',
  /** For information. */
  INFO = 'info',
}

/** Options every receiver takes. */
export interface AlertReceiverOptions {
  /** Receiver name (a DNS label), unique in the stack. */
  readonly name: string;
  /**
   * Notify when alerts resolve.
   * @default true
   */
  readonly sendResolved?: boolean;
}

/** Options of `AlertReceiver.slack`. */
export interface SlackReceiverOptions extends AlertReceiverOptions {
  /** The Slack incoming-webhook URL, by Secret reference (`api_url_file`). */
  readonly apiUrl: SecretKeyReference;
  /** Channel, e.g. `#platform-alerts`. */
  readonly channel: string;
}

/** Options of `AlertReceiver.email`. */
export interface EmailReceiverOptions extends AlertReceiverOptions {
  /** Recipient address(es), comma-separated. */
  readonly to: string;
  /** Sender address. */
  readonly from: string;
  /** SMTP server `host:port`, e.g. `smtp.example.com:587`. */
  readonly smarthost: string;
  /**
   * SMTP user name.
   * @default - no authentication
   */
  readonly authUsername?: string;
  /**
   * SMTP password, by Secret reference (`auth_password_file`).
   * @default - no authentication
   */
  readonly authPassword?: SecretKeyReference;
  /**
   * Require STARTTLS.
   * @default true
   */
  readonly requireTls?: boolean;
}

/** Options of `AlertReceiver.webhook`. */
export interface WebhookReceiverOptions extends AlertReceiverOptions {
  /** The webhook URL, by Secret reference (`url_file`): URLs often embed tokens. */
  readonly url: SecretKeyReference;
}

/** Options of `AlertReceiver.pagerDuty`. */
export interface PagerDutyReceiverOptions extends AlertReceiverOptions {
  /** The Events API v2 integration (routing) key, by Secret reference (`routing_key_file`). */
  readonly routingKey: SecretKeyReference;
}

/** Which kind of receiver. */
export enum AlertReceiverKind {
  /** Slack incoming webhook. */
  SLACK = 'slack',
  /** E-mail over SMTP. */
  EMAIL = 'email',
  /** Generic webhook. */
  WEBHOOK = 'webhook',
  /** PagerDuty Events API v2. */
  PAGERDUTY = 'pagerduty',
}

/** Directory where the Alertmanager of kube-prometheus-stack mounts `alertmanagerSpec.secrets`. */
const SECRETS_DIR = '/etc/alertmanager/secrets';

/**
 * Where Alertmanager sends notifications. Secrets (webhook URLs, passwords, routing keys) are
 * taken only as references to Kubernetes Secrets: the API has no field for a secret value.
 *
 * ```ts
 * const slack = AlertReceiver.slack({ name: 'platform-slack', channel: '#platform',
 *   apiUrl: { name: 'lma-slack', key: 'webhook-url' } });
 * ```
 */
export class AlertReceiver {
  /** A Slack channel. */
  public static slack(options: SlackReceiverOptions): AlertReceiver {
    const r = new AlertReceiver(AlertReceiverKind.SLACK, options, [options.apiUrl]);
    if (!/^[#@]?[\w.-]{1,80}$/.test(options.channel ?? '')) {
      throw new ValidationError(r.scope, `channel '${options.channel}' is not a Slack channel. Use e.g. '#platform-alerts'.`);
    }
    r._build = (clusterLabel) => ({
      slack_configs: [{
        send_resolved: r.sendResolved,
        api_url_file: fileOf(options.apiUrl),
        channel: options.channel,
        title: `[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }} ({{ .CommonLabels.${clusterLabel} }})`,
        text: '{{ range .Alerts }}{{ .Annotations.summary }}\n{{ end }}',
      }],
    });
    return r;
  }

  /** E-mail over SMTP. */
  public static email(options: EmailReceiverOptions): AlertReceiver {
    const r = new AlertReceiver(AlertReceiverKind.EMAIL, options, options.authPassword ? [options.authPassword] : []);
    for (const [field, value] of [['to', options.to], ['from', options.from]] as const) {
      if (!/^[^\s@,]+@[^\s@,]+(\s*,\s*[^\s@,]+@[^\s@,]+)*$/.test(value ?? '')) {
        throw new ValidationError(r.scope, `${field} '${value}' is not an e-mail address. Use e.g. 'platform@example.com'.`);
      }
    }
    const smartPort = Number((options.smarthost ?? '').split(':')[1]);
    if (!/^[a-z0-9.-]+:\d{1,5}$/i.test(options.smarthost ?? '') || smartPort < 1 || smartPort > 65535) {
      throw new ValidationError(r.scope, `smarthost '${options.smarthost}' is not 'host:port'. Use e.g. 'smtp.example.com:587'.`);
    }
    if ((options.authUsername === undefined) !== (options.authPassword === undefined)) {
      throw new ValidationError(r.scope, 'authUsername and authPassword go together. Give both (the password as a Secret reference) or neither.');
    }
    r._build = () => ({
      email_configs: [{
        send_resolved: r.sendResolved,
        to: options.to,
        from: options.from,
        smarthost: options.smarthost,
        auth_username: options.authUsername,
        auth_password_file: options.authPassword ? fileOf(options.authPassword) : undefined,
        require_tls: options.requireTls ?? true,
      }],
    });
    return r;
  }

  /** A generic webhook (the Alertmanager webhook payload, version 4). */
  public static webhook(options: WebhookReceiverOptions): AlertReceiver {
    const r = new AlertReceiver(AlertReceiverKind.WEBHOOK, options, [options.url]);
    r._build = () => ({ webhook_configs: [{ send_resolved: r.sendResolved, url_file: fileOf(options.url) }] });
    return r;
  }

  /** PagerDuty (Events API v2). */
  public static pagerDuty(options: PagerDutyReceiverOptions): AlertReceiver {
    const r = new AlertReceiver(AlertReceiverKind.PAGERDUTY, options, [options.routingKey]);
    r._build = () => ({ pagerduty_configs: [{ send_resolved: r.sendResolved, routing_key_file: fileOf(options.routingKey) }] });
    return r;
  }

  /** Receiver name. */
  public readonly name: string;
  /** Kind of receiver. */
  public readonly kind: AlertReceiverKind;
  /** Whether resolved alerts are notified. */
  public readonly sendResolved: boolean;
  /** The Secrets this receiver reads (mounted into Alertmanager). */
  public readonly secretNames: string[];

  private _build?: (clusterLabel: string) => Record<string, any>;

  private constructor(kind: AlertReceiverKind, options: AlertReceiverOptions, secrets: SecretKeyReference[]) {
    this.kind = kind;
    this.name = options.name;
    if (typeof options.name !== 'string' || !isDnsLabel(options.name)) {
      throw new ValidationError(`AlertReceiver.${kind}`, `name '${options.name}' is not a DNS label. Use lower-case letters, digits and '-', e.g. 'platform-slack'.`);
    }
    this.sendResolved = options.sendResolved ?? true;
    for (const s of secrets) {
      if (s === null || typeof s !== 'object') {
        throw new ValidationError(this.scope, `takes secrets only as Secret references ({ name, key }), got ${typeof s}. Create a Secret in the LMA namespace and reference it.`);
      }
      checkSecretName(this.scope, 'secret name', s.name, 'lma-slack');
      checkSecretKey(this.scope, `key of Secret '${s.name}'`, s.key);
    }
    this.secretNames = [...new Set(secrets.map((s) => s.name))].sort();
  }

  /**
   * The Alertmanager `receivers[]` entry.
   * @param clusterLabel the label naming the cluster, shown in notification titles
   */
  public toAlertmanagerConfig(clusterLabel: string = 'cluster'): Record<string, any> {
    return { name: this.name, ...stripUndefined(this._build?.(clusterLabel) ?? {}) };
  }

  private get scope(): string {
    return `AlertReceiver '${this.name}'`;
  }
}

/** Routes alerts of one severity to a receiver. */
export interface AlertRoute {
  /** The severity the route matches (`severity` label). */
  readonly severity: AlertSeverity;
  /** The receiver (added to the stack with `addReceiver` or the `receivers` prop). */
  readonly receiver: AlertReceiver;
  /**
   * Keep matching later routes after this one.
   * @default false
   */
  readonly continue?: boolean;
}

function fileOf(ref: SecretKeyReference): string {
  return `${SECRETS_DIR}/${ref?.name}/${ref?.key}`;
}

function stripUndefined(value: any): any {
  if (Array.isArray(value)) return value.map(stripUndefined);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, any> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = stripUndefined(v);
    return out;
  }
  return value;
}
