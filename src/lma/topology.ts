import { SecretKeyReference } from './alerting';
import { LmaLogsBackend } from './logs-backend';
import { LmaObjectStorage } from './object-storage';
import { validateHost } from './private/util';
import { isDnsSubdomain, isQualifiedName } from '../core/names';
import { checkSecretName } from '../core/secrets';
import { ValidationError } from '../core/validation-error';

/** The role of an LMA stack. */
export enum LmaRole {
  /** The central cluster: Thanos query/store/compactor, Loki, Grafana, Alertmanager. */
  HUB = 'hub',
  /** A cluster that ships its metrics, logs and alerts to a hub. */
  EDGE = 'edge',
  /** One cluster with everything, nothing shipped elsewhere. */
  ALL_IN_ONE = 'all-in-one',
}

/** How the hub's endpoints are exposed to edge clusters and users (one Ingress per endpoint). */
export interface LmaIngressOptions {
  /**
   * DNS domain of the endpoints: `loki.<domain>`, `thanos.<domain>`, `alertmanager.<domain>`
   * and `grafana.<domain>` (point a wildcard record at the ingress controller).
   */
  readonly domain: string;
  /**
   * Ingress class.
   * @default 'nginx'
   */
  readonly className?: string;
  /**
   * Secret (type `kubernetes.io/tls`, in the hub's LMA namespace) with a certificate for
   * `*.<domain>`; endpoints are then `https://`.
   * @default - no TLS on the Ingresses: endpoints are `http://` (terminate TLS in front of the controller)
   */
  readonly tlsSecretName?: string;
  /**
   * Annotations of every hub Ingress, e.g. an allow-list of the edges' egress addresses
   * (`nginx.ingress.kubernetes.io/whitelist-source-range`) or cert-manager's `cert-manager.io/cluster-issuer`.
   * @default - none
   */
  readonly annotations?: Record<string, string>;
  /**
   * Secret (in the hub's LMA namespace) with an htpasswd file under the key `auth`, the
   * ingress-nginx convention: the Loki, Thanos and Alertmanager Ingresses then require HTTP basic
   * authentication (`nginx.ingress.kubernetes.io/auth-type: basic`), and every edge must give
   * `hubCredentials`. In-cluster clients of the hub (its fluent-bit, Grafana) use the Services
   * directly and are not affected; Grafana keeps its own login.
   * @default - no authentication on the Ingresses
   */
  readonly basicAuthSecretName?: string;
}

/** How an edge authenticates to a hub whose Ingresses require basic authentication. */
export interface LmaHubCredentials {
  /** User name (one of the htpasswd entries of the hub's `basicAuthSecretName`). */
  readonly username: string;
  /**
   * Password, by Secret reference in the edge's LMA namespace: fluent-bit reads it from an
   * environment variable, Prometheus from the Secret mounted at `/etc/prometheus/secrets/<name>/<key>`.
   */
  readonly password: SecretKeyReference;
}

/** Externally reachable endpoints of a hub. */
export interface LmaEndpoints {
  /**
   * Loki push URL (`…/loki/api/v1/push`), when the hub runs Loki.
   * @default - none (the hub runs no Loki or has no Ingress)
   */
  readonly lokiPush?: string;
  /**
   * Thanos query (frontend) URL, the Prometheus-compatible query API of all clusters.
   * @default - none (no metrics or no Ingress on the hub)
   */
  readonly thanosQuery?: string;
  /**
   * Alertmanager URL that edge Prometheuses send alerts to.
   * @default - none (no alerting or no Ingress on the hub)
   */
  readonly alertmanager?: string;
  /**
   * Grafana URL.
   * @default - none (no Grafana or no Ingress on the hub)
   */
  readonly grafana?: string;
}

/** What an edge needs to know of its hub: handed from the hub (`toLmaHubConfig()`), never typed twice. */
export interface LmaHubConfig {
  /** Construct path of the hub stack (for messages). */
  readonly path: string;
  /** Name of the label that identifies a cluster in metrics, logs and alerts. */
  readonly clusterLabel: string;
  /** External endpoints (empty without an Ingress domain). */
  readonly endpoints: LmaEndpoints;
  /**
   * Domain of the endpoints' Ingresses (`loki.<domain>`…).
   * @default - none (the hub has no Ingress)
   */
  readonly domain?: string;
  /** Whether the endpoints use TLS. */
  readonly tls: boolean;
  /** Whether the Loki, Thanos and Alertmanager Ingresses require basic authentication. */
  readonly basicAuth: boolean;
  /** The object storage edges upload metric blocks to. */
  readonly storage: LmaObjectStorage;
  /** The logs backend. */
  readonly logsBackend: LmaLogsBackend;
  /** Whether the hub receives metrics (runs Thanos). */
  readonly metrics: boolean;
  /** Whether the hub receives logs (runs Loki, or points at OpenSearch). */
  readonly logs: boolean;
  /** Whether the hub runs Alertmanager. */
  readonly alerting: boolean;
}

/**
 * A hub stack as seen by the edges that reference it: its typed config, and a way to add an
 * edge's Thanos sidecar to the hub's query fan-out.
 */
export interface ILmaHub {
  /** The hub's config: endpoints, labels, storage. Throws when the stack is not a hub. */
  toLmaHubConfig(): LmaHubConfig;
  /**
   * Adds a Thanos StoreAPI endpoint (`host:port`, e.g. an edge's exposed sidecar) to the hub's
   * Thanos query.
   */
  addThanosStore(address: string): void;
}

/** Options of `LmaTopology.hub`. */
export interface LmaHubOptions {
  /**
   * Ingresses for the hub's endpoints. Required as soon as an edge references the hub.
   * @default - no Ingresses: the hub is usable only from inside its own cluster
   */
  readonly ingress?: LmaIngressOptions;
}

/**
 * Where a stack sits: a hub, an edge of a hub, or a single cluster with everything.
 *
 * ```ts
 * const hub = new LmaStack(app, 'lma-hub', { topology: LmaTopology.hub({ ingress: { domain: 'lma.example.com' } }), storage });
 * const edge = new LmaStack(app, 'lma-edge', { topology: LmaTopology.edge(hub) });
 * ```
 */
export class LmaTopology {
  /** The central cluster of a hub/edge setup. */
  public static hub(options: LmaHubOptions = {}): LmaTopology {
    const ingress = options.ingress;
    if (ingress) {
      validateHost('LmaTopology.hub', 'ingress.domain', ingress.domain);
      if (ingress.domain.includes(':')) {
        throw new ValidationError('LmaTopology.hub', `ingress.domain '${ingress.domain}' has a port. Give the DNS domain only, e.g. 'lma.example.com'.`);
      }
      if (ingress.className !== undefined && !isDnsSubdomain(ingress.className)) {
        throw new ValidationError('LmaTopology.hub', `ingress.className '${ingress.className}' is not an IngressClass name. Give the name of an IngressClass (a DNS subdomain, e.g. 'nginx'), or leave it unset for 'nginx'.`);
      }
      if (ingress.tlsSecretName !== undefined) checkSecretName('LmaTopology.hub', 'ingress.tlsSecretName', ingress.tlsSecretName, 'lma-wildcard-tls');
      if (ingress.basicAuthSecretName !== undefined) checkSecretName('LmaTopology.hub', 'ingress.basicAuthSecretName', ingress.basicAuthSecretName, 'lma-hub-htpasswd');
      for (const [key, value] of Object.entries(ingress.annotations ?? {})) {
        if (!isQualifiedName(key) || typeof value !== 'string') {
          throw new ValidationError('LmaTopology.hub', `ingress.annotations has an invalid annotation '${key}'. Use '[prefix/]name' keys and string values.`);
        }
      }
    }
    return new LmaTopology(LmaRole.HUB, undefined, options);
  }

  /**
   * A cluster shipping to `hub`: endpoints, cluster label, storage and logs backend all come
   * from the hub's typed config, so they cannot drift.
   */
  public static edge(hub: ILmaHub): LmaTopology {
    if (hub === undefined || hub === null || typeof (hub as any).toLmaHubConfig !== 'function') {
      throw new ValidationError('LmaTopology.edge', 'needs the hub stack (an LmaStack with LmaTopology.hub()). Create the hub first and pass it: LmaTopology.edge(hub).');
    }
    return new LmaTopology(LmaRole.EDGE, hub, {});
  }

  /** One cluster with every component and nothing shipped elsewhere. */
  public static allInOne(): LmaTopology {
    return new LmaTopology(LmaRole.ALL_IN_ONE, undefined, {});
  }

  /** The role. */
  public readonly role: LmaRole;
  /** The hub an edge ships to (edges only). */
  public readonly hubStack?: ILmaHub;
  /** Hub options (hubs only). */
  public readonly hubOptions: LmaHubOptions;

  private constructor(role: LmaRole, hub: ILmaHub | undefined, hubOptions: LmaHubOptions) {
    this.role = role;
    this.hubStack = hub;
    this.hubOptions = hubOptions;
  }
}
