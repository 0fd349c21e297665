import { Duration } from 'cdk8s';
import { AlertReceiver, AlertRoute } from './alerting';
import { LmaLogsBackend } from './logs-backend';

/** Which parts of the stack run. */
export interface LmaComponents {
  /**
   * Prometheus (kube-prometheus-stack) with node-exporter and kube-state-metrics; Thanos on hubs.
   * @default true
   */
  readonly metrics?: boolean;
  /**
   * fluent-bit shipping logs; Loki on hubs and all-in-one stacks (with the Loki backend).
   * @default true
   */
  readonly logs?: boolean;
  /**
   * Alert rules on every cluster; Alertmanager with receivers on hubs and all-in-one stacks.
   * @default true
   */
  readonly alerting?: boolean;
  /**
   * Grafana with datasources and the default dashboards (hubs and all-in-one stacks only).
   * @default - true on hubs and all-in-one stacks, false on edges
   */
  readonly dashboards?: boolean;
  /**
   * Kubernetes event export into the log pipeline.
   * @default true
   */
  readonly events?: boolean;
}

/** The components that run, after defaults and topology rules. */
export interface LmaComponentsConfig {
  /** Prometheus and exporters (Thanos on hubs). */
  readonly metrics: boolean;
  /** fluent-bit (Loki on hubs). */
  readonly logs: boolean;
  /** Alert rules (Alertmanager on hubs). */
  readonly alerting: boolean;
  /** Grafana. */
  readonly dashboards: boolean;
  /** Event export. */
  readonly events: boolean;
}

/** Metrics settings. */
export interface LmaMetricsOptions {
  /**
   * How long Prometheus keeps samples locally (at least 2 hours, Thanos' block length).
   * @default - Duration.days(2) with object storage (Thanos keeps the rest), else Duration.days(10)
   */
  readonly retention?: Duration;
  /**
   * Local size cap, e.g. `40GB` (Prometheus `retentionSize`).
   * @default - no size cap
   */
  readonly retentionSize?: string;
  /**
   * Size of each Prometheus volume.
   * @default '50Gi'
   */
  readonly volumeSize?: string;
  /**
   * How long the hub's Thanos compactor keeps blocks in the metrics bucket (every resolution);
   * at least the local retention. Hubs and all-in-one stacks with object storage only.
   * @default Duration.days(90)
   */
  readonly longTermRetention?: Duration;
  /**
   * Scrape and rule evaluation interval.
   * @default Duration.seconds(30)
   */
  readonly scrapeInterval?: Duration;
}

/** Logs settings (hubs and all-in-one stacks: edges use the hub's backend). */
export interface LmaLogsOptions {
  /**
   * Where logs go.
   * @default LmaLogsBackend.loki()
   */
  readonly backend?: LmaLogsBackend;
  /**
   * How long Loki keeps logs: whole days (Loki's index period is 24 h).
   * @default Duration.days(30)
   */
  readonly retention?: Duration;
  /**
   * Size of the Loki volume (WAL and index cache; chunks go to the logs bucket).
   * @default '50Gi'
   */
  readonly volumeSize?: string;
}

/** Alerting settings. Receivers and routes belong to the stack that runs Alertmanager (hub, all-in-one). */
export interface LmaAlertingOptions {
  /**
   * Receivers (more with `addReceiver`).
   * @default - none
   */
  readonly receivers?: AlertReceiver[];
  /**
   * Routes by severity (more with `addRoute`).
   * @default - none
   */
  readonly routes?: AlertRoute[];
  /**
   * Receiver of alerts no route matches.
   * @default - such alerts are dropped (the chart's `null` receiver)
   */
  readonly defaultReceiver?: AlertReceiver;
  /**
   * The LMA default rules: node not ready, disk pressure, filesystem almost full, pod
   * crash-looping, certificate expiry, control plane down.
   * @default true
   */
  readonly defaultRules?: boolean;
  /**
   * The ~200 upstream kube-prometheus rules as well (`defaultRules.create` of the chart).
   * @default false
   */
  readonly kubePrometheusRules?: boolean;
}

/** Grafana settings. */
export interface LmaGrafanaOptions {
  /**
   * Secret in the LMA namespace with the keys `admin-user` and `admin-password`.
   * @default - the chart generates a password into a Secret of its own
   */
  readonly adminSecretName?: string;
}
