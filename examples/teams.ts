/**
 * Application teams and the service mesh on a small fleet: two sites (Seoul and Tokyo, both AWS
 * kubeadm), three clusters, Helm addons delivered by Flux (flat output layout: one file per
 * chart; add a `ManagementCluster` for the GitOps tree, as in company-platform.ts).
 *
 * - `payments` gets room on every cluster of the standard (the blueprint's `teams`).
 * - `search` gets room on the Tokyo site only: the site's `teams` list replaces the blueprint's
 *   (lists replace), so Tokyo lists `payments` too.
 * - `prod-seoul` runs the service mesh (Istio, Jaeger, Kiali); the LMA stack's Prometheus scrapes
 *   istiod and the proxies, and the teams accept traffic from the mesh's ingress gateway.
 *
 * Run: `npx ts-node --transpile-only scripts/synth-examples.ts teams`.
 */
import {
  AddonBundle,
  AddonDelivery,
  Blueprint,
  Catalog,
  Fleet,
  LmaStack,
  LmaTopology,
  Platform,
  PodSecurityLevel,
  ServiceMesh,
  Site,
  SiteInfrastructure,
  Team,
  TeamRole,
} from '../src';

const platform = new Platform({ outdir: process.env.CAPI_BLUEPRINTS_OUTDIR ?? 'dist/teams' });
const flux = AddonDelivery.flux();

// --- What every cluster needs to become Ready, and its LMA stack ------------------------------
const base = new AddonBundle(platform, 'base', {
  addons: [Catalog.cilium(), Catalog.awsCloudControllerManager(), Catalog.awsEbsCsiDriver(), Catalog.ingressNginx()],
  delivery: flux,
});
const lma = new LmaStack(platform, 'lma', { topology: LmaTopology.allInOne(), delivery: flux });

// --- Teams: namespaces, quota, RBAC, network policy -----------------------------------------
const ingressControllers = ['ingress-nginx', 'istio-ingress'];
const payments = new Team(platform, 'payments', {
  namespaces: [
    { name: 'payments' },
    { name: 'payments-batch', quota: { requestsCpu: '8', requestsMemory: '16Gi', limitsCpu: '16', limitsMemory: '32Gi', pods: 50 } },
  ],
  groups: [
    { name: 'oidc:payments-leads', role: TeamRole.ADMIN },
    { name: 'oidc:payments-devs', role: TeamRole.EDIT },
    { name: 'oidc:auditors', role: TeamRole.VIEW },
  ],
  labels: { 'acme.example/cost-center': 'cc-1042', 'istio-injection': 'enabled' },
  annotations: { 'acme.example/contact': 'payments@acme.example' },
  quota: { requestsCpu: '20', requestsMemory: '64Gi', limitsCpu: '40', limitsMemory: '128Gi', pods: 200, services: 50, loadBalancers: 0 },
  limitRange: { maxCpu: '8', maxMemory: '16Gi' },
  network: { ingressControllerNamespaces: ingressControllers, allowFromNamespaces: ['lma'] },
  imagePullSecrets: ['acme-registry'],
});
const search = new Team(platform, 'search', {
  namespaces: [{ name: 'search', podSecurity: PodSecurityLevel.BASELINE }],
  groups: [{ name: 'oidc:search-devs', role: TeamRole.ADMIN }],
  quota: { requestsCpu: '10', requestsMemory: '40Gi', requestsStorage: '500Gi', persistentVolumeClaims: 20 },
  network: { ingressControllerNamespaces: ingressControllers, restrictEgress: true, allowEgressToCidrs: ['10.40.0.0/16'] },
});

// --- The standard, two sites, three clusters ---------------------------------------------------
const standard = new Blueprint(platform, 'standard', {
  version: 'v1.33.4',
  // etcd metrics over plain HTTP on 2381 (kube-prometheus-stack's kubeEtcd default): what the old
  // prepare-etcd-secret release did by copying etcd's peer key into a Secret, without the key.
  controlPlane: { replicas: 3, machineType: 'm6i.xlarge', etcd: { extraArgs: { 'listen-metrics-urls': 'http://0.0.0.0:2381' } } },
  nodePools: { general: { machineType: 'm6i.2xlarge', availabilityZoneCount: 3, autoscaling: { minSize: 1, maxSize: 5 } } },
  addons: [base],
  lma,
  teams: [payments],
});
const seoul = new Site(platform, 'seoul', {
  infrastructure: SiteInfrastructure.aws({ region: 'ap-northeast-2' }),
  overrides: { namespace: 'apps-seoul' },
});
const tokyo = new Site(platform, 'tokyo', {
  infrastructure: SiteInfrastructure.aws({ region: 'ap-northeast-1' }),
  overrides: { namespace: 'apps-tokyo', teams: [payments, search] },
});

const fleet = new Fleet(platform, 'fleet');
const prodSeoul = fleet.addCluster('prod-seoul', { blueprint: standard, site: seoul, overrides: { labels: { environment: 'prod' } } });
fleet.addCluster('dev-seoul', { blueprint: standard, site: seoul, overrides: { controlPlane: { replicas: 1 }, labels: { environment: 'dev' } } });
fleet.addCluster('prod-tokyo', { blueprint: standard, site: tokyo, overrides: { labels: { environment: 'prod' } } });

// --- The service mesh on prod-seoul ------------------------------------------------------------
const mesh = new ServiceMesh(platform, 'mesh', { lma, delivery: flux, tracing: { samplingPercent: 5 } });
mesh.attachTo(prodSeoul);

platform.synth();
