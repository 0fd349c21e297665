import { AlertReceiver, AlertRoute } from '../alerting';
import { LmaLogsBackend } from '../logs-backend';
import { LmaObjectStorage, LmaStorageCredentials } from '../object-storage';
import { LmaComponentsConfig } from '../options';
import { LmaHubConfig, LmaHubCredentials, LmaIngressOptions, LmaRole } from '../topology';

/** Component switches after defaults and topology rules. */
export type ResolvedComponents = LmaComponentsConfig;

/** Everything the component renderers need, resolved once by LmaStack. */
export interface LmaModel {
  readonly role: LmaRole;
  readonly path: string;
  readonly namespace: string;
  readonly clusterLabel: string;
  /** Object storage (own for hubs and all-in-one, the hub's for edges); undefined: local only. */
  readonly storage?: LmaObjectStorage;
  /** Credentials used in this cluster. */
  readonly credentials?: LmaStorageCredentials;
  readonly logsBackend: LmaLogsBackend;
  readonly components: ResolvedComponents;
  /** The hub's config (edges only). */
  readonly hub?: LmaHubConfig;
  /** Ingresses (hubs only). */
  readonly ingress?: LmaIngressOptions;
  readonly metricsRetention: string;
  readonly metricsRetentionSize?: string;
  readonly metricsVolumeSize: string;
  readonly longTermRetention: string;
  readonly scrapeInterval: string;
  readonly logsRetention: string;
  readonly logsVolumeSize: string;
  readonly defaultRules: boolean;
  readonly kubePrometheusRules: boolean;
  readonly grafanaAdminSecret?: string;
  /** Expose this edge's Thanos sidecar with a LoadBalancer Service. */
  readonly exposeSidecar: boolean;
  /** Credentials of an edge for a hub with basic authentication. */
  readonly hubCredentials?: LmaHubCredentials;
}

/** The alerting state of a stack (mutable through addReceiver/addRoute). */
export interface AlertingState {
  readonly receivers: readonly AlertReceiver[];
  readonly routes: readonly AlertRoute[];
  readonly defaultReceiver?: AlertReceiver;
}

/** Release names (and so Service name prefixes) of the components. */
export const RELEASE = {
  prometheus: 'lma-prometheus',
  thanos: 'lma-thanos',
  loki: 'lma-loki',
  fluentBit: 'lma-fluent-bit',
  grafana: 'lma-grafana',
  events: 'lma-event-exporter',
} as const;

/** `fullnameOverride` of kube-prometheus-stack: Services are `lma-prometheus`, `lma-alertmanager`, `lma-thanos-discovery`. */
export const KPS_FULLNAME = 'lma';

/** In-cluster service URLs of the components (namespace-qualified). */
export function serviceUrls(namespace: string) {
  return {
    prometheus: `http://${KPS_FULLNAME}-prometheus.${namespace}.svc:9090`,
    alertmanager: `http://${KPS_FULLNAME}-alertmanager.${namespace}.svc:9093`,
    thanosDiscovery: `${KPS_FULLNAME}-thanos-discovery`,
    thanosQueryFrontend: `http://${RELEASE.thanos}-query-frontend.${namespace}.svc:9090`,
    lokiGateway: `http://${RELEASE.loki}-gateway.${namespace}.svc`,
  };
}

/** The external host of a hub endpoint, e.g. `loki.lma.example.com`. */
export function endpointHost(domain: string, endpoint: 'loki' | 'thanos' | 'alertmanager' | 'grafana'): string {
  return `${endpoint}.${domain}`;
}

/** Annotations putting an IRSA role on a service account (empty without IRSA). */
export function irsaAnnotations(model: LmaModel): Record<string, string> {
  const arn = model.credentials?.roleArn;
  return arn ? { 'eks.amazonaws.com/role-arn': arn } : {};
}

/** `envFrom` entries injecting the storage credentials Secret (empty without one). */
export function credentialsEnvFrom(model: LmaModel): any[] {
  const secret = model.credentials?.secretName;
  return secret ? [{ secretRef: { name: secret } }] : [];
}

/** The Thanos objstore config (no credentials: they come from the environment or IRSA). */
export function thanosObjstore(storage: LmaObjectStorage): Record<string, any> {
  return {
    type: 'S3',
    config: {
      bucket: storage.metricsBucket,
      endpoint: storage.endpoint,
      region: storage.region,
      insecure: storage.insecure,
    },
  };
}

/**
 * The annotations of a hub Ingress, or undefined when there are none. `authenticated` Ingresses
 * (Loki, Thanos, Alertmanager) get ingress-nginx basic authentication when the hub asks for it.
 */
export function ingressAnnotations(model: LmaModel, authenticated: boolean): Record<string, string> | undefined {
  const out: Record<string, string> = { ...model.ingress?.annotations };
  const secret = model.ingress?.basicAuthSecretName;
  if (authenticated && secret) {
    out['nginx.ingress.kubernetes.io/auth-type'] = 'basic';
    out['nginx.ingress.kubernetes.io/auth-secret'] = secret;
    out['nginx.ingress.kubernetes.io/auth-realm'] = 'LMA hub';
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
