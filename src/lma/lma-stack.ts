import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { AlertReceiver, AlertRoute, AlertSeverity } from './alerting';
import { eventExporter } from './components/event-exporter';
import { fluentBit } from './components/fluent-bit';
import { grafana } from './components/grafana';
import { loki } from './components/loki';
import { alertmanagerValues, prometheusStack, runsAlertmanager } from './components/prometheus-stack';
import { thanos } from './components/thanos';
import { LmaLogsBackend, LmaLogsBackendKind } from './logs-backend';
import { LmaObjectStorage, LmaStorageCredentials, LmaStorageKind } from './object-storage';
import { LmaAlertingOptions, LmaComponents, LmaComponentsConfig, LmaGrafanaOptions, LmaLogsOptions, LmaMetricsOptions } from './options';
import { AlertingState, LmaModel, endpointHost } from './private/model';
import { isPromLabelName, promDuration, validateHost, wholeSeconds } from './private/util';
import { ILmaHub, LmaEndpoints, LmaHubConfig, LmaHubCredentials, LmaRole, LmaTopology } from './topology';
import { AddonBundle, AddonBundleProps } from '../addons/addon-bundle';
import { HelmAddon } from '../addons/helm-addon';
import { checkNotSynthesized } from '../core/lifecycle';
import { isDnsLabel } from '../core/names';
import { checkSecretKey, checkSecretName } from '../core/secrets';
import { ValidationError } from '../core/validation-error';
import { DeliveryKind } from '../delivery/addon-delivery';

/** Props of an `LmaStack`. */
export interface LmaStackProps extends AddonBundleProps {
  /** Hub, edge of a hub, or all-in-one. */
  readonly topology: LmaTopology;
  /**
   * Object storage of metric blocks and log chunks (hubs and all-in-one stacks).
   * @default - none: required on a hub; edges use the hub's; an all-in-one stack keeps data on local volumes only
   */
  readonly storage?: LmaObjectStorage;
  /**
   * Credentials of this cluster for the hub's storage (edges only).
   * @default - the hub storage's credentials (the same Secret name, or the same IRSA role)
   */
  readonly storageCredentials?: LmaStorageCredentials;
  /**
   * Which components run.
   * @default - all (dashboards on hubs and all-in-one stacks only)
   */
  readonly components?: LmaComponents;
  /**
   * Name of the label identifying the cluster in metrics (Prometheus external label), log
   * streams and alerts. Set on hubs and all-in-one stacks; edges take the hub's.
   * @default 'cluster'
   */
  readonly clusterLabel?: string;
  /**
   * Namespace of the LMA components in the workload clusters.
   * @default 'lma'
   */
  readonly lmaNamespace?: string;
  /**
   * Metrics settings.
   * @default - see LmaMetricsOptions
   */
  readonly metrics?: LmaMetricsOptions;
  /**
   * Logs settings.
   * @default - Loki on the hub, 30 days
   */
  readonly logs?: LmaLogsOptions;
  /**
   * Alerting settings.
   * @default - default rules, no receivers
   */
  readonly alerting?: LmaAlertingOptions;
  /**
   * Grafana settings.
   * @default - generated admin password
   */
  readonly grafana?: LmaGrafanaOptions;
  /**
   * Edges only: `host:port` at which the hub's Thanos query reaches this edge's Thanos sidecar
   * (the edge gets a LoadBalancer Service `lma-thanos-external`; point this address at it). The
   * hub then queries the edge's recent samples live.
   * @default - none: the hub sees an edge's metrics once the sidecar uploads a block (every 2 hours)
   */
  readonly thanosSidecarEndpoint?: string;
  /**
   * Edges only: credentials for a hub whose Ingresses require basic authentication
   * (`LmaIngressOptions.basicAuthSecretName`).
   * @default - none (required when the hub asks for basic authentication)
   */
  readonly hubCredentials?: LmaHubCredentials;
}

/**
 * The LMA (logging, monitoring, alerting) stack of one or more clusters, as an addon bundle:
 * every component is a Helm addon, so the bundle's delivery (HelmChartProxy, Argo CD, Flux)
 * and image registry apply as for any bundle.
 *
 * ```ts
 * const storage = LmaObjectStorage.s3({ bucketPrefix: 'acme-lma', region: 'ap-northeast-2',
 *   credentials: LmaStorageCredentials.irsa('arn:aws:iam::123456789012:role/acme-lma') });
 * const hub = new LmaStack(app, 'lma-hub', { topology: LmaTopology.hub({ ingress: { domain: 'lma.example.com' } }), storage });
 * hub.attachTo(hubCluster);
 * const edge = new LmaStack(app, 'lma-edge', { topology: LmaTopology.edge(hub) });
 * edge.attachTo(edgeCluster);
 * ```
 */
export class LmaStack extends AddonBundle implements ILmaHub {
  /** The role of the stack. */
  public readonly role: LmaRole;
  /** Label naming the cluster in metrics, logs and alerts. */
  public readonly clusterLabel: string;
  /** Namespace of the components. */
  public readonly lmaNamespace: string;
  /** Components that run. */
  public readonly components: LmaComponentsConfig;
  /** kube-prometheus-stack (metrics). */
  public readonly prometheusStack?: HelmAddon;
  /** Thanos (hubs and all-in-one stacks with storage). */
  public readonly thanos?: HelmAddon;
  /** Loki (hubs and all-in-one stacks with the Loki backend). */
  public readonly loki?: HelmAddon;
  /** fluent-bit (logs). */
  public readonly fluentBit?: HelmAddon;
  /** Grafana (dashboards). */
  public readonly grafana?: HelmAddon;
  /** kubernetes-event-exporter (events). */
  public readonly eventExporter?: HelmAddon;

  private readonly _model: LmaModel;
  private readonly _receivers: AlertReceiver[] = [];
  private readonly _routes: AlertRoute[] = [];
  private readonly _defaultReceiver?: AlertReceiver;
  private readonly _stores: string[] = [];

  constructor(scope: Construct, id: string, props: LmaStackProps) {
    super(scope, id, props);
    if (!props.topology || typeof props.topology !== 'object' || !('role' in props.topology)) {
      throw new ValidationError(this, 'topology is required. Use LmaTopology.hub({...}), LmaTopology.edge(hub) or LmaTopology.allInOne().');
    }
    this.role = props.topology.role;
    this.lmaNamespace = props.lmaNamespace ?? 'lma';
    if (!isDnsLabel(this.lmaNamespace)) {
      throw new ValidationError(this, `lmaNamespace '${this.lmaNamespace}' is not a DNS label. Use lower-case letters, digits and '-'.`);
    }
    const hub = this.role === LmaRole.EDGE ? this.hubConfigOf(props.topology) : undefined;
    this.clusterLabel = this.resolveClusterLabel(props, hub);
    this.components = this.resolveComponents(props, hub);
    const storage = this.resolveStorage(props, hub);
    const credentials = this.resolveCredentials(props, storage);
    const logsBackend = this.resolveLogsBackend(props, hub);
    this.validateEdgeProps(props);

    const localRetention = props.metrics?.retention ?? Duration.days(storage ? 2 : 10);
    const localSeconds = wholeSeconds(this.node.path, 'metrics.retention', localRetention);
    if (localSeconds < 7200) {
      throw new ValidationError(this, `metrics.retention (${promDuration(localRetention)}) is shorter than 2 hours, the length of a Prometheus/Thanos block. Use at least Duration.hours(2).`);
    }
    const longTerm = props.metrics?.longTermRetention ?? Duration.days(90);
    if (wholeSeconds(this.node.path, 'metrics.longTermRetention', longTerm) < localSeconds) {
      throw new ValidationError(this, `metrics.longTermRetention (${promDuration(longTerm)}) is shorter than metrics.retention (${promDuration(localRetention)}). Keep blocks in object storage at least as long as locally.`);
    }
    const logsRetention = props.logs?.retention ?? Duration.days(30);
    const logsSeconds = wholeSeconds(this.node.path, 'logs.retention', logsRetention);
    if (logsSeconds % 86400 !== 0) {
      throw new ValidationError(this, `logs.retention (${promDuration(logsRetention)}) is not a whole number of days; Loki deletes by 24-hour index period. Use e.g. Duration.days(30).`);
    }
    const scrape = props.metrics?.scrapeInterval ?? Duration.seconds(30);
    wholeSeconds(this.node.path, 'metrics.scrapeInterval', scrape);
    for (const [field, size] of [['metrics.volumeSize', props.metrics?.volumeSize], ['logs.volumeSize', props.logs?.volumeSize]] as const) {
      if (size !== undefined && !/^\d+(\.\d+)?(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$/.test(size)) {
        throw new ValidationError(this, `${field} '${size}' is not a Kubernetes quantity. Use e.g. '100Gi'.`);
      }
      // the API server rejects a PersistentVolumeClaim that requests no storage
      if (size !== undefined && !(Number(/^[\d.]+/.exec(size)![0]) > 0)) {
        throw new ValidationError(this, `${field} '${size}' requests no storage; the API server rejects a volume claim of 0. Use e.g. '100Gi'.`);
      }
    }
    if (props.metrics?.retentionSize !== undefined && !/^\d+(B|KB|MB|GB|TB|PB|EB)$/.test(props.metrics.retentionSize)) {
      throw new ValidationError(this, `metrics.retentionSize '${props.metrics.retentionSize}' is not a Prometheus size. Use e.g. '40GB'.`);
    }
    if (props.grafana?.adminSecretName !== undefined) checkSecretName(this.node.path, 'grafana.adminSecretName', props.grafana.adminSecretName, 'lma-grafana-admin');
    if (props.thanosSidecarEndpoint !== undefined) validateHost(this.node.path, 'thanosSidecarEndpoint', props.thanosSidecarEndpoint);

    this._model = {
      role: this.role,
      path: this.node.path,
      namespace: this.lmaNamespace,
      clusterLabel: this.clusterLabel,
      storage,
      credentials,
      logsBackend,
      components: this.components,
      hub,
      ingress: this.role === LmaRole.HUB ? props.topology.hubOptions.ingress : undefined,
      metricsRetention: promDuration(localRetention),
      metricsRetentionSize: props.metrics?.retentionSize,
      metricsVolumeSize: props.metrics?.volumeSize ?? '50Gi',
      longTermRetention: promDuration(longTerm),
      scrapeInterval: promDuration(scrape),
      logsRetention: `${logsSeconds / 3600}h`,
      logsVolumeSize: props.logs?.volumeSize ?? '50Gi',
      defaultRules: props.alerting?.defaultRules ?? true,
      kubePrometheusRules: props.alerting?.kubePrometheusRules ?? false,
      grafanaAdminSecret: props.grafana?.adminSecretName,
      exposeSidecar: this.role === LmaRole.EDGE && props.thanosSidecarEndpoint !== undefined,
      hubCredentials: this.resolveHubCredentials(props, hub),
    };

    for (const r of props.alerting?.receivers ?? []) {
      this.checkReceiver(r);
      this._receivers.push(r);
    }
    for (const r of props.alerting?.routes ?? []) {
      this.checkRoute(r);
      this._routes.push(r);
    }
    if (props.alerting?.defaultReceiver) {
      this.checkKnown(props.alerting.defaultReceiver, 'alerting.defaultReceiver');
      this._defaultReceiver = props.alerting.defaultReceiver;
    }

    const c = this.components;
    const isCentral = this.role !== LmaRole.EDGE;
    if (c.metrics) {
      this.prometheusStack = prometheusStack(this._model, this.alertingState());
      this.addAddon(this.prometheusStack);
      if (isCentral && storage) {
        this.thanos = thanos(this._model);
        this.addAddon(this.thanos);
      }
    }
    if (c.logs) {
      if (isCentral && logsBackend.kind === LmaLogsBackendKind.LOKI) {
        this.loki = loki(this._model);
        this.addAddon(this.loki);
      }
      this.fluentBit = fluentBit(this._model);
      this.addAddon(this.fluentBit);
    }
    if (c.dashboards) {
      this.grafana = grafana(this._model);
      this.addAddon(this.grafana);
    }
    if (c.events) {
      this.eventExporter = eventExporter(this._model);
      this.addAddon(this.eventExporter);
    }

    if (c.metrics && this.delivery.kind === DeliveryKind.ARGO_CD && !this.delivery.argoCdOptions?.serverSideApply) {
      this._addWarning(`${this.node.path}: kube-prometheus-stack's CRDs exceed the 256 KiB annotation limit of Argo CD's client-side apply. Use AddonDelivery.argoCd({ serverSideApply: true }).`);
    }
    if (this.role === LmaRole.EDGE && props.thanosSidecarEndpoint !== undefined && c.metrics) {
      props.topology.hubStack!.addThanosStore(props.thanosSidecarEndpoint);
    }
    this.node.addValidation({
      validate: () => {
        if (this.role !== LmaRole.HUB) return [];
        const errors: string[] = [];
        if (this.attachedClusters.length > 1) {
          errors.push(`hub stack is attached to ${this.attachedClusters.length} clusters (${this.attachedClusters.map((x) => x.clusterName).join(', ')}). A hub runs on one cluster; give the others LmaTopology.edge(hub) stacks.`);
        }
        if (this.clusterSelector) {
          errors.push('hub stack selects clusters by labels. A hub runs on one cluster: use attachTo(hubCluster).');
        }
        return errors;
      },
    });
  }

  /** The hub's external endpoints (empty when the hub has no Ingress domain). Hubs only. */
  public get endpoints(): LmaEndpoints {
    return this.toLmaHubConfig().endpoints;
  }

  /** The receivers, in the order added. */
  public get receivers(): AlertReceiver[] {
    return [...this._receivers];
  }

  /** The severity routes, in the order added. */
  public get routes(): AlertRoute[] {
    return [...this._routes];
  }

  /** The hub's typed config for its edges. Throws when this stack is not a hub. */
  public toLmaHubConfig(): LmaHubConfig {
    if (this.role !== LmaRole.HUB) {
      throw new ValidationError(this, `is a ${this.role} stack, not a hub: edges can only ship to a stack created with LmaTopology.hub().`);
    }
    const m = this._model;
    const domain = m.ingress?.domain;
    const scheme = m.ingress?.tlsSecretName ? 'https' : 'http';
    const url = (endpoint: 'loki' | 'thanos' | 'alertmanager' | 'grafana', path: string = '') =>
      (domain ? `${scheme}://${endpointHost(domain, endpoint)}${path}` : undefined);
    const lokiOn = m.components.logs && m.logsBackend.kind === LmaLogsBackendKind.LOKI;
    return {
      path: this.node.path,
      clusterLabel: m.clusterLabel,
      endpoints: {
        lokiPush: lokiOn ? url('loki', '/loki/api/v1/push') : undefined,
        thanosQuery: m.components.metrics ? url('thanos') : undefined,
        alertmanager: runsAlertmanager(m) ? url('alertmanager') : undefined,
        grafana: m.components.dashboards ? url('grafana') : undefined,
      },
      domain,
      tls: scheme === 'https',
      basicAuth: m.ingress?.basicAuthSecretName !== undefined,
      storage: m.storage!,
      logsBackend: m.logsBackend,
      metrics: m.components.metrics,
      logs: m.components.logs,
      alerting: runsAlertmanager(m),
    };
  }

  /** Adds a Thanos StoreAPI endpoint (`host:port`) to the hub's Thanos query. Hubs only. */
  public addThanosStore(address: string): void {
    checkNotSynthesized(this, 'addThanosStore');
    if (this.role !== LmaRole.HUB || !this.thanos) {
      throw new ValidationError(this, `addThanosStore('${address}'): only a hub with metrics runs a Thanos query. Add stores to the hub stack.`);
    }
    validateHost(this.node.path, 'Thanos store address', address);
    if (!/:\d+$/.test(address)) {
      throw new ValidationError(this, `Thanos store address '${address}' has no port. Use 'host:port', e.g. 'thanos.edge1.example.com:10901'.`);
    }
    if (this._stores.includes(address)) return;
    this._stores.push(address);
    this.overrideAddon(this.thanos, { values: { query: { stores: [...this._stores] } }, addNew: true });
  }

  /** Adds an alert receiver; a name already used in this stack is an error. */
  public addReceiver(receiver: AlertReceiver): void {
    checkNotSynthesized(this, 'addReceiver');
    this.checkReceiver(receiver);
    this._receivers.push(receiver);
    this.syncAlerting();
  }

  /** Routes alerts of a severity to a receiver of this stack. */
  public addRoute(route: AlertRoute): void {
    checkNotSynthesized(this, 'addRoute');
    this.checkRoute(route);
    this._routes.push(route);
    this.syncAlerting();
  }

  private alertingState(): AlertingState {
    return { receivers: this._receivers, routes: this._routes, defaultReceiver: this._defaultReceiver };
  }

  private syncAlerting(): void {
    if (!this.prometheusStack) return;
    this.overrideAddon(this.prometheusStack, { values: { alertmanager: alertmanagerValues(this._model, this.alertingState()) } });
  }

  private checkAlertmanager(what: string): void {
    if (this.role === LmaRole.EDGE) {
      throw new ValidationError(this, `${what}: an edge sends its alerts to the hub's Alertmanager. Configure receivers and routes on the hub stack.`);
    }
    if (!this.components.alerting || !this.components.metrics) {
      throw new ValidationError(this, `${what}: alerting is disabled on this stack (components.alerting/metrics). Enable it or remove the receivers and routes.`);
    }
  }

  private checkReceiver(receiver: AlertReceiver): void {
    if (!(receiver instanceof AlertReceiver)) {
      throw new ValidationError(this, 'receivers are created with AlertReceiver.slack/email/webhook/pagerDuty({...}), which take secrets only as Secret references.');
    }
    this.checkAlertmanager(`receiver '${receiver.name}'`);
    const clash = this._receivers.find((r) => r.name === receiver.name);
    if (clash) {
      throw new ValidationError(this, `receiver name '${receiver.name}' is already used in this stack. Give each receiver a unique name.`);
    }
    if (receiver.name === 'null') {
      throw new ValidationError(this, "receiver name 'null' is reserved for dropped alerts. Choose another name.");
    }
  }

  private checkKnown(receiver: AlertReceiver, field: string): void {
    this.checkAlertmanager(field);
    if (!this._receivers.includes(receiver)) {
      throw new ValidationError(this, `${field} uses receiver '${receiver?.name}', which is not in this stack. Add it first with addReceiver() or the alerting.receivers prop.`);
    }
  }

  private checkRoute(route: AlertRoute): void {
    if (!Object.values(AlertSeverity).includes(route.severity)) {
      throw new ValidationError(this, `route severity '${route.severity}' is not an AlertSeverity. Use AlertSeverity.CRITICAL, WARNING or INFO.`);
    }
    this.checkKnown(route.receiver, `route for severity '${route.severity}'`);
    // Alertmanager stops at the first matching route unless it says continue
    const earlier = this._routes.find((r) => r.severity === route.severity && !r.continue);
    if (earlier) {
      throw new ValidationError(this, `the route for severity '${route.severity}' to receiver '${route.receiver.name}' would never match: the route to '${earlier.receiver.name}' before it takes the same alerts and stops. Set continue: true on that route to notify both.`);
    }
  }

  private hubConfigOf(topology: LmaTopology): LmaHubConfig {
    const hub = topology.hubStack!.toLmaHubConfig();
    if (!hub.domain) {
      throw new ValidationError(this, `edge of hub '${hub.path}', which has no Ingress domain, so the edge cannot reach its endpoints. Give the hub LmaTopology.hub({ ingress: { domain: 'lma.example.com' } }).`);
    }
    return hub;
  }

  private resolveClusterLabel(props: LmaStackProps, hub: LmaHubConfig | undefined): string {
    if (hub) {
      if (props.clusterLabel !== undefined && props.clusterLabel !== hub.clusterLabel) {
        throw new ValidationError(this, `clusterLabel '${props.clusterLabel}' differs from the hub's ('${hub.clusterLabel}'). Edges take the hub's label; remove clusterLabel from the edge.`);
      }
      return hub.clusterLabel;
    }
    const label = props.clusterLabel ?? 'cluster';
    if (!isPromLabelName(label)) {
      throw new ValidationError(this, `clusterLabel '${label}' is not a Prometheus label name. Use letters, digits and '_', not starting with a digit or '__', e.g. 'cluster'.`);
    }
    return label;
  }

  private resolveComponents(props: LmaStackProps, hub: LmaHubConfig | undefined): LmaComponentsConfig {
    const c = props.components ?? {};
    const isEdge = this.role === LmaRole.EDGE;
    if (isEdge && c.dashboards === true) {
      throw new ValidationError(this, 'components.dashboards: Grafana runs on the hub, which shows every edge. Remove dashboards from the edge.');
    }
    const out: LmaComponentsConfig = {
      metrics: c.metrics ?? true,
      logs: c.logs ?? true,
      alerting: c.alerting ?? true,
      dashboards: isEdge ? false : (c.dashboards ?? true),
      events: c.events ?? true,
    };
    if (out.events && !out.logs) {
      throw new ValidationError(this, 'components.events needs components.logs: events are exported into the log pipeline. Enable logs or set events: false.');
    }
    if (out.alerting && !out.metrics) {
      throw new ValidationError(this, 'components.alerting needs components.metrics: alert rules run in Prometheus. Enable metrics or set alerting: false.');
    }
    if (hub) {
      for (const [name, edgeOn, hubOn] of [['logs', out.logs, hub.logs], ['metrics', out.metrics, hub.metrics], ['alerting', out.alerting, hub.alerting]] as const) {
        if (edgeOn && !hubOn) {
          throw new ValidationError(this, `components.${name} is on, but hub '${hub.path}' has ${name} disabled, so nothing would receive this edge's ${name}. Enable ${name} on the hub or set components.${name}: false on the edge.`);
        }
      }
    }
    return out;
  }

  private resolveStorage(props: LmaStackProps, hub: LmaHubConfig | undefined): LmaObjectStorage | undefined {
    if (hub) {
      if (props.storage !== undefined) {
        throw new ValidationError(this, `storage is set on an edge. Edges upload to the hub's storage ('${hub.storage.metricsBucket}'); remove storage (use storageCredentials for this cluster's credentials).`);
      }
      return hub.storage;
    }
    if (props.storageCredentials !== undefined) {
      throw new ValidationError(this, 'storageCredentials is for edges. Give a hub or all-in-one stack its credentials inside storage.');
    }
    if (this.role === LmaRole.HUB && props.storage === undefined) {
      throw new ValidationError(this, 'a hub needs object storage for Thanos blocks and Loki chunks of all clusters. Set storage: LmaObjectStorage.s3({...}) or LmaObjectStorage.s3Compatible({...}).');
    }
    return props.storage;
  }

  private resolveCredentials(props: LmaStackProps, storage: LmaObjectStorage | undefined): LmaStorageCredentials | undefined {
    if (!storage) return undefined;
    const creds = props.storageCredentials ?? storage.credentials;
    if (creds.roleArn !== undefined && storage.kind !== LmaStorageKind.S3) {
      throw new ValidationError(this, 'storageCredentials: IRSA works only with Amazon S3, but the hub uses an S3-compatible endpoint. Use LmaStorageCredentials.fromSecret(name).');
    }
    return creds;
  }

  private resolveLogsBackend(props: LmaStackProps, hub: LmaHubConfig | undefined): LmaLogsBackend {
    if (hub) {
      if (props.logs?.backend !== undefined || props.logs?.retention !== undefined || props.logs?.volumeSize !== undefined) {
        throw new ValidationError(this, `logs.backend, logs.retention and logs.volumeSize are set on an edge. Edges run no log store and ship to the hub's backend ('${hub.logsBackend.kind}'); set them on the hub.`);
      }
      return hub.logsBackend;
    }
    const backend = props.logs?.backend ?? LmaLogsBackend.loki();
    if (backend.kind !== LmaLogsBackend.loki().kind && (props.logs?.retention !== undefined || props.logs?.volumeSize !== undefined)) {
      throw new ValidationError(this, `logs.retention and logs.volumeSize size the Loki this stack runs, but logs go to '${backend.kind}'. Remove them and configure retention and storage in that backend.`);
    }
    return backend;
  }

  private resolveHubCredentials(props: LmaStackProps, hub: LmaHubConfig | undefined): LmaHubCredentials | undefined {
    const creds = props.hubCredentials;
    if (!hub) {
      if (creds) throw new ValidationError(this, 'hubCredentials is for edges (how they authenticate to the hub).');
      return undefined;
    }
    if (hub.basicAuth && !creds) {
      throw new ValidationError(this, `hub '${hub.path}' requires basic authentication on its Ingresses, so this edge needs hubCredentials: { username, password: { name, key } } (a Secret in the edge's LMA namespace).`);
    }
    if (!hub.basicAuth && creds) {
      throw new ValidationError(this, `hubCredentials is set, but hub '${hub.path}' does not require authentication. Set ingress.basicAuthSecretName on the hub or remove hubCredentials.`);
    }
    if (creds) {
      if (typeof creds.username !== 'string' || !/^[^\s:]{1,255}$/.test(creds.username)) {
        throw new ValidationError(this, `hubCredentials.username '${creds.username}' is not an HTTP basic-auth user name (no spaces or ':').`);
      }
      checkSecretName(this.node.path, 'hubCredentials.password.name', creds.password?.name, 'lma-hub-auth');
      checkSecretKey(this.node.path, 'hubCredentials.password.key', creds.password?.key);
    }
    return creds;
  }

  private validateEdgeProps(props: LmaStackProps): void {
    if (this.role === LmaRole.EDGE) {
      if (props.alerting?.receivers?.length || props.alerting?.routes?.length || props.alerting?.defaultReceiver) {
        throw new ValidationError(this, "alerting receivers and routes are set on an edge. Edges send alerts to the hub's Alertmanager; configure receivers and routes on the hub.");
      }
      if (props.metrics?.longTermRetention !== undefined) {
        throw new ValidationError(this, 'metrics.longTermRetention is set on an edge. The hub\'s Thanos compactor keeps the blocks; set it on the hub.');
      }
      if (props.grafana !== undefined) {
        throw new ValidationError(this, 'grafana is set on an edge. Grafana runs on the hub.');
      }
    } else if (props.thanosSidecarEndpoint !== undefined) {
      throw new ValidationError(this, 'thanosSidecarEndpoint is for edges (the address at which the hub reaches the edge\'s sidecar).');
    }
  }
}
