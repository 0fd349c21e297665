/**
 * The company's base addons, shared by an AWS cluster and a BYOH cluster, each with a site layer:
 *
 * - `base`: cert-manager, metrics-server, ingress-nginx, Argo Rollouts (the old
 *   `tks-cluster_base_resources.yaml`, without the TO_BE_FIXED placeholders);
 * - `aws-platform`: Cilium, the AWS cloud controller manager and the EBS CSI driver (the old
 *   `tks-cluster_infra_aws_resources.yaml`);
 * - `seoul-prod` = base + aws-platform + site overrides, delivered by HelmChartProxy (CAAPH);
 * - `dc1-edge` = base + Calico + local-path-provisioner for a BYOH cluster in an air-gapped data
 *   centre (images from the Harbor mirror), delivered by Argo CD;
 * - `seoul-dev` = base + aws-platform delivered by Flux, and `autoscaling`: the cluster autoscaler
 *   for every cluster, running on the management cluster, delivered by Flux.
 *
 * Run: `npx ts-node --transpile-only scripts/synth-examples.ts platform-addons`.
 */
import { Duration } from 'cdk8s';
import {
  AddonBundle,
  AddonDelivery,
  Catalog,
  ClusterValue,
  HelmAddon,
  Infrastructure,
  ManagedCluster,
  Platform,
} from '../src';

// Platform: the cdk8s App of capi-blueprints (linear-time synth; bundles used only as layers write no file).
const app = new Platform({ outdir: process.env.CAPI_BLUEPRINTS_OUTDIR ?? 'dist/platform-addons' });

// --- Clusters -------------------------------------------------------------------------------
const seoulProd = new ManagedCluster(app, 'seoul-prod', {
  version: 'v1.33.4',
  infrastructure: Infrastructure.aws({ region: 'ap-northeast-2' }),
  labels: { environment: 'prod', site: 'seoul' },
});
const seoulDev = new ManagedCluster(app, 'seoul-dev', {
  version: 'v1.33.4',
  infrastructure: Infrastructure.aws({ region: 'ap-northeast-2' }),
  labels: { environment: 'dev', site: 'seoul' },
});
const dc1Edge = new ManagedCluster(app, 'dc1-edge', {
  version: 'v1.33.4',
  network: { podCidrs: ['10.233.64.0/18'], serviceCidrs: ['10.233.0.0/18'] },
  infrastructure: Infrastructure.byoh({
    controlPlaneEndpoint: { host: '192.168.10.10' },
    controlPlaneHosts: { matchLabels: { role: 'control-plane' } },
    kubeVip: { image: 'harbor.example.com/mirror/kube-vip/kube-vip:v0.8.7' },
  }),
  controlPlane: { replicas: 3 },
  labels: { environment: 'prod', site: 'dc1' },
});

// --- The company standard -------------------------------------------------------------------
const certManager = Catalog.certManager();
const metricsServer = Catalog.metricsServer();
const ingressNginx = Catalog.ingressNginx();
const base = new AddonBundle(app, 'base', {
  addons: [certManager, metricsServer, ingressNginx, Catalog.argoRollouts()],
});

const awsPlatform = new AddonBundle(app, 'aws-platform', {
  addons: [Catalog.cilium(), Catalog.awsCloudControllerManager(), Catalog.awsEbsCsiDriver()],
});

// --- seoul-prod: HelmChartProxy (CAPI-native) -----------------------------------------------
// trust-manager needs cert-manager's webhook: CAAPH cannot order installs, so it is installed
// atomically and retried until cert-manager is ready (recorded as a bundle warning).
const trustManager = new HelmAddon({
  name: 'trust-manager',
  repository: 'https://charts.jetstack.io',
  chart: 'trust-manager',
  version: 'v0.16.0',
  namespace: 'cert-manager',
  createNamespace: false,
  values: { app: { trust: { namespace: 'cert-manager' } } },
  install: { timeout: Duration.minutes(10) },
  dependsOn: [certManager],
});
const prod = AddonBundle.compose(app, 'seoul-prod-addons', [base, awsPlatform], { addons: [trustManager] });
prod.overrideAddon(ingressNginx, {
  values: {
    controller: {
      replicaCount: 3,
      service: { annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' } },
    },
  },
  addNew: true, // `service.annotations` is not in the catalog's values: added on purpose
});
prod.attachTo(seoulProd);

// --- dc1-edge: Argo CD, air-gapped ----------------------------------------------------------
const dc1 = AddonBundle.compose(app, 'dc1-edge-addons', [base], {
  addons: [Catalog.calico(), Catalog.localPathProvisioner()], // local-path: a ClusterResourceSet
  delivery: AddonDelivery.argoCd({ project: 'platform' }),
  imageRegistry: 'harbor.example.com/mirror',
});
dc1.overrideAddon(ingressNginx, { values: { controller: { service: { type: 'NodePort' } } } });
dc1.overrideAddon(metricsServer, {
  // kubelets on these hosts serve self-signed certificates: arrays replace, they do not merge
  values: { args: ['--kubelet-insecure-tls', '--kubelet-preferred-address-types=InternalIP'] },
});
dc1.attachTo(dc1Edge);

// --- seoul-dev: the same layers, delivered by Flux -------------------------------------------
const dev = AddonBundle.compose(app, 'seoul-dev-addons', [base, awsPlatform], {
  delivery: AddonDelivery.flux(),
});
dev.overrideAddon(ingressNginx, {
  values: { controller: { replicaCount: 1, extraArgs: { 'default-ssl-certificate': ClusterValue.clusterName().wrap('ingress-nginx/', '-tls') } } },
  addNew: true,
});
dev.attachTo(seoulDev);

// --- Cluster autoscaler: on the management cluster, one release per workload cluster ---------
const autoscaling = new AddonBundle(app, 'autoscaling', {
  addons: [Catalog.clusterAutoscaler()],
  delivery: AddonDelivery.flux(),
});
autoscaling.attachTo(seoulProd, seoulDev, dc1Edge);

app.synth();
