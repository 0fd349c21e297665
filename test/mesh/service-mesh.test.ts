import {
  AddonDelivery, GatewayServiceType, LmaStack, LmaTopology, ServiceMesh, ServiceMeshProps,
} from '../../src';
import { awsCluster, named, ofKind, testApp } from '../addons/support';

function mesh(props: Partial<ServiceMeshProps> = {}, withLma = true) {
  const app = testApp();
  const lma = withLma ? new LmaStack(app, 'lma', { topology: LmaTopology.allInOne() }) : undefined;
  const m = new ServiceMesh(app, 'mesh', { lma, ...props });
  return { app, lma, mesh: m };
}

describe('ServiceMesh', () => {
  test('given the defaults, then Istio base, istiod, the ingress gateway, Jaeger and Kiali are installed in dependency order', () => {
    const { mesh: m } = mesh();
    expect(m.addons.map((a) => a.addonName)).toEqual(['istio-base', 'istiod', 'istio-ingressgateway', 'jaeger', 'kiali']);
    expect(m.waveOf(m.istioBase)).toEqual(0);
    expect(m.waveOf(m.istiod)).toEqual(1);
    expect(m.waveOf(m.ingressGateway)).toEqual(2);
    expect(m.waveOf(m.kiali!)).toEqual(2);
    for (const a of [m.istioBase, m.istiod, m.ingressGateway]) expect(a.version).toEqual('1.30.3');
    expect(m.ingressGateway.namespace).toEqual('istio-ingress');
  });

  test('given tracing, then istiod sends spans to Jaeger over OpenTelemetry with the sampling percentage', () => {
    const { mesh: m } = mesh({ tracing: { samplingPercent: 5 } });
    const values = m.valuesOf(m.istiod);
    expect(values.traceSampling).toEqual(5);
    expect(values.global).toEqual({ hub: 'docker.io/istio', istioNamespace: 'istio-system', proxy: { clusterDomain: 'cluster.local' } });
    expect(values.meshConfig).toEqual({
      enableTracing: true,
      defaultProviders: { tracing: ['jaeger'] },
      extensionProviders: [{ name: 'jaeger', opentelemetry: { service: 'jaeger.istio-system.svc.cluster.local', port: 4317 } }],
    });
  });

  test('given an LMA stack, then its Prometheus scrapes istiod and the Envoy proxies and Kiali reads from it', () => {
    const { mesh: m, lma } = mesh();
    const jobs = lma!.valuesOf(lma!.prometheusStack!).prometheus.prometheusSpec.additionalScrapeConfigs;
    expect(jobs.map((j: any) => j.job_name)).toEqual(['istiod', 'envoy-stats']);
    expect(jobs[0].relabel_configs[0]).toEqual({
      source_labels: ['__meta_kubernetes_service_name', '__meta_kubernetes_endpoint_port_name'], action: 'keep', regex: 'istiod;http-monitoring',
    });
    expect(jobs[1].metrics_path).toEqual('/stats/prometheus');
    const kiali = m.valuesOf(m.kiali!);
    expect(kiali.external_services).toEqual({
      prometheus: { url: 'http://lma-prometheus.lma.svc:9090' },
      grafana: { enabled: false },
      tracing: { enabled: true, provider: 'jaeger', internal_url: 'http://jaeger.istio-system.svc:16685', use_grpc: true },
    });
    expect(kiali.auth).toEqual({ strategy: 'token' });
  });

  test('given the gateway options and an egress gateway, then the gateway chart values carry them', () => {
    const { mesh: m } = mesh({ gateway: { serviceType: GatewayServiceType.NODE_PORT, minReplicas: 3, maxReplicas: 6 }, egressGateway: true });
    expect(m.valuesOf(m.ingressGateway)).toEqual({
      service: { type: 'NodePort' }, autoscaling: { enabled: true, minReplicas: 3, maxReplicas: 6 }, podDisruptionBudget: { minAvailable: 1 },
    });
    expect(m.valuesOf(m.egressGateway!).service).toEqual({ type: 'ClusterIP' });
  });

  test('given tracing off, then no Jaeger, tracing disabled in the mesh config and in Kiali', () => {
    const { mesh: m } = mesh({ tracing: { enabled: false } });
    expect(m.jaeger).toBeUndefined();
    expect(m.addons.map((a) => a.addonName)).not.toContain('jaeger');
    expect(m.valuesOf(m.istiod).meshConfig).toEqual({ enableTracing: false });
    expect(m.valuesOf(m.kiali!).external_services.tracing).toEqual({ enabled: false });
  });

  test('given an image registry, then istiod, Jaeger and Kiali images come from it', () => {
    const { mesh: m } = mesh({ imageRegistry: 'harbor.example.com/mirror' });
    expect(m.valuesOf(m.istiod).global.hub).toEqual('harbor.example.com/mirror/istio');
    expect(m.valuesOf(m.jaeger!).jaeger.image.registry).toEqual('harbor.example.com/mirror');
    expect(m.valuesOf(m.kiali!).deployment.image_name).toEqual('harbor.example.com/mirror/kiali/kiali');
  });

  test('given Flux delivery, then the HelmReleases depend on each other in install order', () => {
    const { app, mesh: m } = mesh({ delivery: AddonDelivery.flux() });
    m.attachTo(awsCluster(app, 'prod'));
    expect(named(m, 'HelmRelease', 'prod-istiod').spec.dependsOn).toEqual([{ name: 'prod-istio-base' }]);
    expect(named(m, 'HelmRelease', 'prod-istio-ingressgateway').spec.dependsOn).toEqual([{ name: 'prod-istiod' }]);
    expect(named(m, 'HelmRelease', 'prod-kiali').spec.dependsOn).toEqual([{ name: 'prod-istiod' }, { name: 'prod-jaeger' }]);
  });

  test('given Argo CD delivery, then the Applications carry the install order as sync waves', () => {
    const { app, mesh: m } = mesh({ delivery: AddonDelivery.argoCd() });
    m.attachTo(awsCluster(app, 'prod'));
    const waves = Object.fromEntries(ofKind(m, 'Application').map((a) => [a.metadata.name, a.metadata.annotations['argocd.argoproj.io/sync-wave']]));
    expect(waves).toEqual({ 'prod-istio-base': '0', 'prod-jaeger': '0', 'prod-istiod': '1', 'prod-istio-ingressgateway': '2', 'prod-kiali': '2' });
  });

  test.each<[string, Partial<ServiceMeshProps>, boolean, RegExp]>([
    ['Kiali without Prometheus', {}, false, /Kiali needs Prometheus, and the mesh has neither an lma stack nor a prometheusUrl/],
    ['a sampling percentage above 100', { tracing: { samplingPercent: 150 } }, true, /tracing.samplingPercent \(150\) must be between 0 and 100/],
    ['minReplicas above maxReplicas', { gateway: { minReplicas: 4, maxReplicas: 2 } }, true, /gateway.minReplicas \(4\) is greater than gateway.maxReplicas \(2\)/],
    ['zero gateway replicas', { gateway: { minReplicas: 0 } }, true, /gateway.minReplicas \(0\) must be a whole number from 1 to 2147483647/],
    ['gateway replicas beyond int32', { gateway: { maxReplicas: 2 ** 31 } }, true,
      /gateway.maxReplicas \(2147483648\) must be a whole number from 1 to 2147483647 \(HorizontalPodAutoscaler replicas are an int32 of at least 1\)/],
    ['a bad namespace', { meshNamespace: 'Istio' }, true, /meshNamespace 'Istio' is not a DNS label/],
    ['a bad Prometheus URL', { prometheusUrl: 'prometheus:9090' }, false, /prometheusUrl 'prometheus:9090' is not an http\(s\) URL/],
    ['an unknown service type', { gateway: { serviceType: 'Ingress' as any } }, true, /gateway.serviceType 'Ingress' is not a Service type/],
  ])('given %s, then a ValidationError says so', (_what, props, withLma, message) => {
    expect(() => mesh(props, withLma)).toThrow(message);
  });

  test('given an LMA stack without metrics, then the error says the mesh would not be scraped', () => {
    const app = testApp();
    const lma = new LmaStack(app, 'lma', { topology: LmaTopology.allInOne(), components: { metrics: false, alerting: false } });
    expect(() => new ServiceMesh(app, 'mesh', { lma })).toThrow(/lma stack 'lma' runs no Prometheus/);
  });

  test('given no LMA stack but a Prometheus URL, then Kiali reads from it', () => {
    const { mesh: m } = mesh({ prometheusUrl: 'http://prometheus.monitoring.svc:9090' }, false);
    expect(m.valuesOf(m.kiali!).external_services.prometheus).toEqual({ url: 'http://prometheus.monitoring.svc:9090' });
  });
});
