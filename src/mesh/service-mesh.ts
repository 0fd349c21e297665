import { Construct } from 'constructs';
import { istioScrapeJobs } from './private/scrape';
import { MESH_CHARTS } from './private/versions';
import { ImageValueType } from '../addons/addon';
import { AddonBundle, AddonBundleProps } from '../addons/addon-bundle';
import { HelmAddon } from '../addons/helm-addon';
import { isDnsLabel, isDnsSubdomain } from '../core/names';
import { checkInteger, RANGES } from '../core/ranges';
import { ValidationError } from '../core/validation-error';
import type { LmaStack } from '../lma/lma-stack';
import { KPS_FULLNAME } from '../lma/private/model';

/** Type of the ingress gateway's Service. */
export enum GatewayServiceType {
  /** A cloud load balancer (the chart's default). */
  LOAD_BALANCER = 'LoadBalancer',
  /** A port on every node (on-premises without a load-balancer controller). */
  NODE_PORT = 'NodePort',
  /** Cluster-internal only (in front of another load balancer). */
  CLUSTER_IP = 'ClusterIP',
}

/** The mesh's ingress gateway. */
export interface MeshGatewayOptions {
  /**
   * Namespace of the gateway (teams allow ingress from it).
   * @default 'istio-ingress'
   */
  readonly namespace?: string;
  /**
   * Service type.
   * @default GatewayServiceType.LOAD_BALANCER
   */
  readonly serviceType?: GatewayServiceType;
  /**
   * Fewest replicas (the chart's HorizontalPodAutoscaler).
   * @default 2
   */
  readonly minReplicas?: number;
  /**
   * Most replicas.
   * @default 5
   */
  readonly maxReplicas?: number;
}

/** Tracing of the mesh. */
export interface MeshTracingOptions {
  /**
   * Run Jaeger and send the proxies' spans to it (OpenTelemetry, port 4317).
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Percentage of requests traced (istiod `traceSampling`), 0 to 100.
   * @default 1
   */
  readonly samplingPercent?: number;
}

/** Props of a `ServiceMesh`. */
export interface ServiceMeshProps extends AddonBundleProps {
  /**
   * Namespace of istiod, Kiali and Jaeger.
   * @default 'istio-system'
   */
  readonly meshNamespace?: string;
  /**
   * The ingress gateway.
   * @default - a LoadBalancer gateway in 'istio-ingress', 2 to 5 replicas
   */
  readonly gateway?: MeshGatewayOptions;
  /**
   * Also run an egress gateway (`istio-egressgateway`, ClusterIP) in the gateway namespace.
   * @default false
   */
  readonly egressGateway?: boolean;
  /**
   * Tracing backend and sampling.
   * @default - Jaeger, 1% of requests
   */
  readonly tracing?: MeshTracingOptions;
  /**
   * Run Kiali (the mesh console; it needs Prometheus: `lma` or `prometheusUrl`).
   * @default true
   */
  readonly kiali?: boolean;
  /**
   * The LMA stack of the mesh's clusters: its Prometheus gets scrape jobs for istiod and the
   * Envoy proxies (added to the stack's kube-prometheus-stack values), and Kiali reads from it.
   * @default - none
   */
  readonly lma?: LmaStack;
  /**
   * Prometheus Kiali reads from, when there is no `lma` stack.
   * @default - the LMA stack's Prometheus
   */
  readonly prometheusUrl?: string;
  /**
   * DNS domain of the clusters' Services (for the tracing provider's address).
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;
}

/**
 * The service-mesh app group as an addon bundle: Istio `base` (CRDs) → `istiod` → the ingress
 * gateway (and optionally an egress gateway), Jaeger as the tracing backend (istiod sends spans
 * to it through an OpenTelemetry extension provider) and Kiali (→ istiod), in dependency order.
 * With an `lma` stack, the stack's Prometheus scrapes istiod and the proxies and Kiali reads it.
 *
 * ```ts
 * const mesh = new ServiceMesh(platform, 'mesh', { lma: edge, delivery: AddonDelivery.argoCd() });
 * mesh.attachTo(prodSeoul);
 * ```
 */
export class ServiceMesh extends AddonBundle {
  /** Namespace of istiod, Kiali and Jaeger. */
  public readonly meshNamespace: string;
  /** Namespace of the gateways. */
  public readonly gatewayNamespace: string;
  /** Istio CRDs and cluster-wide resources. */
  public readonly istioBase: HelmAddon;
  /** The control plane. */
  public readonly istiod: HelmAddon;
  /** The ingress gateway. */
  public readonly ingressGateway: HelmAddon;
  /** The egress gateway, if enabled. */
  public readonly egressGateway?: HelmAddon;
  /** Jaeger, if tracing is enabled. */
  public readonly jaeger?: HelmAddon;
  /** Kiali, if enabled. */
  public readonly kiali?: HelmAddon;

  constructor(scope: Construct, id: string, props: ServiceMeshProps = {}) {
    super(scope, id, props);
    this.meshNamespace = props.meshNamespace ?? 'istio-system';
    this.gatewayNamespace = props.gateway?.namespace ?? 'istio-ingress';
    for (const [field, ns] of [['meshNamespace', this.meshNamespace], ['gateway.namespace', this.gatewayNamespace]]) {
      if (!isDnsLabel(ns)) throw new ValidationError(this, `${field} '${ns}' is not a DNS label. Use lower-case letters, digits and '-', e.g. 'istio-system'.`);
    }
    const clusterDomain = props.clusterDomain ?? 'cluster.local';
    if (!isDnsSubdomain(clusterDomain)) {
      throw new ValidationError(this, `clusterDomain '${clusterDomain}' is not a DNS domain. Use the clusters' service domain, e.g. 'cluster.local'.`);
    }
    const minReplicas = props.gateway?.minReplicas ?? 2;
    const maxReplicas = props.gateway?.maxReplicas ?? 5;
    checkInteger(this, 'gateway.minReplicas', minReplicas, RANGES.hpaReplicas);
    checkInteger(this, 'gateway.maxReplicas', maxReplicas, RANGES.hpaReplicas);
    if (maxReplicas < minReplicas) {
      throw new ValidationError(this, `gateway.minReplicas (${minReplicas}) is greater than gateway.maxReplicas (${maxReplicas}). Set minReplicas ≤ maxReplicas.`);
    }
    const serviceType = props.gateway?.serviceType ?? GatewayServiceType.LOAD_BALANCER;
    if (!Object.values(GatewayServiceType).includes(serviceType)) {
      throw new ValidationError(this, `gateway.serviceType '${serviceType}' is not a Service type. Use GatewayServiceType.LOAD_BALANCER, NODE_PORT or CLUSTER_IP.`);
    }
    const tracing = props.tracing?.enabled ?? true;
    const sampling = props.tracing?.samplingPercent ?? 1;
    if (typeof sampling !== 'number' || !(sampling >= 0 && sampling <= 100)) {
      throw new ValidationError(this, `tracing.samplingPercent (${sampling}) must be between 0 and 100.`);
    }

    const lma = props.lma;
    let prometheusUrl = props.prometheusUrl;
    if (prometheusUrl !== undefined && !/^https?:\/\/[^\s/]+(\/\S*)?$/.test(prometheusUrl)) {
      throw new ValidationError(this, `prometheusUrl '${prometheusUrl}' is not an http(s) URL. Use e.g. 'http://prometheus.monitoring.svc:9090'.`);
    }
    if (lma) {
      if (!lma.prometheusStack) {
        throw new ValidationError(this, `lma stack '${lma.bundleName}' runs no Prometheus (components.metrics is off), so Istio metrics would not be scraped. Enable metrics on the stack or remove lma.`);
      }
      lma.overrideAddon(lma.prometheusStack, {
        values: { prometheus: { prometheusSpec: { additionalScrapeConfigs: istioScrapeJobs(this.meshNamespace) } } },
        addNew: true,
      });
      prometheusUrl = prometheusUrl ?? `http://${KPS_FULLNAME}-prometheus.${lma.lmaNamespace}.svc:9090`;
    }
    const kiali = props.kiali ?? true;
    if (kiali && !prometheusUrl) {
      throw new ValidationError(this, 'Kiali needs Prometheus, and the mesh has neither an lma stack nor a prometheusUrl. Give lma (an LmaStack of the same clusters), prometheusUrl, or set kiali: false.');
    }

    const ns = this.meshNamespace;
    this.istioBase = new HelmAddon({
      name: 'istio-base',
      ...MESH_CHARTS.base,
      namespace: ns,
      values: { global: { istioNamespace: ns } },
    });
    const jaegerHost = `jaeger.${ns}.svc.${clusterDomain}`;
    const meshConfig: Record<string, any> = tracing
      ? {
        enableTracing: true,
        defaultProviders: { tracing: ['jaeger'] },
        extensionProviders: [{ name: 'jaeger', opentelemetry: { service: jaegerHost, port: 4317 } }],
      }
      : { enableTracing: false };
    this.istiod = new HelmAddon({
      name: 'istiod',
      ...MESH_CHARTS.istiod,
      namespace: ns,
      dependsOn: [this.istioBase],
      values: {
        global: { hub: 'docker.io/istio', istioNamespace: ns, proxy: { clusterDomain } },
        autoscaleMin: 2,
        traceSampling: sampling,
        meshConfig,
      },
      images: [{ path: 'global.hub', type: ImageValueType.REPOSITORY }],
    });
    const gatewayValues = (type: GatewayServiceType) => ({
      service: { type },
      autoscaling: { enabled: true, minReplicas, maxReplicas },
      ...(minReplicas > 1 ? { podDisruptionBudget: { minAvailable: 1 } } : {}),
    });
    this.ingressGateway = new HelmAddon({
      name: 'istio-ingressgateway',
      ...MESH_CHARTS.gateway,
      namespace: this.gatewayNamespace,
      dependsOn: [this.istiod],
      values: gatewayValues(serviceType),
    });
    this.addAddon(this.istioBase, this.istiod, this.ingressGateway);
    if (props.egressGateway) {
      this.egressGateway = new HelmAddon({
        name: 'istio-egressgateway',
        ...MESH_CHARTS.gateway,
        namespace: this.gatewayNamespace,
        dependsOn: [this.istiod],
        values: gatewayValues(GatewayServiceType.CLUSTER_IP),
      });
      this.addAddon(this.egressGateway);
    }
    if (tracing) {
      this.jaeger = new HelmAddon({
        name: 'jaeger',
        ...MESH_CHARTS.jaeger,
        namespace: ns,
        values: { jaeger: { image: { registry: 'docker.io' } } },
        images: [{ path: 'jaeger.image.registry', type: ImageValueType.REGISTRY }],
      });
      this.addAddon(this.jaeger);
    }
    if (kiali) {
      const externalServices: Record<string, any> = {
        prometheus: { url: prometheusUrl },
        grafana: { enabled: false },
        tracing: tracing
          ? { enabled: true, provider: 'jaeger', internal_url: `http://jaeger.${ns}.svc:16685`, use_grpc: true }
          : { enabled: false },
      };
      this.kiali = new HelmAddon({
        name: 'kiali',
        ...MESH_CHARTS.kiali,
        namespace: ns,
        dependsOn: this.jaeger ? [this.istiod, this.jaeger] : [this.istiod],
        values: {
          auth: { strategy: 'token' },
          deployment: { image_name: 'quay.io/kiali/kiali' },
          external_services: externalServices,
        },
        images: [{ path: 'deployment.image_name', type: ImageValueType.REPOSITORY }],
      });
      this.addAddon(this.kiali);
    }
  }
}
