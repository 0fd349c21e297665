/**
 * The benchmark fleet of `npx projen bench` (see scripts/bench-synth.ts): N AWS clusters, each with
 * 3 control-plane machines and two node pools over 3 availability zones (17 objects), and one
 * bundle of 12 Helm addons attached to every cluster (12 objects per cluster): 29 objects per
 * cluster. The library is passed in (compiled `lib/` or `src/`) so that the same fleet is built
 * from either.
 */

/** The delivery of the addon bundle. */
export type BenchDelivery = 'caaph' | 'argocd';

/** Objects per cluster of the fleet. */
export const OBJECTS_PER_CLUSTER = 29;

/** The names of the library the fleet uses. */
export const FLEET_NAMES = ['AddonBundle', 'AddonDelivery', 'Capacity', 'Catalog', 'ClusterValue', 'HelmAddon', 'Infrastructure', 'ManagedCluster', 'Platform'];

/** Builds the fleet into `platform` (a `Platform`) with the library `lib` (`require('capi-blueprints')`). */
export function buildFleet(lib: any, platform: any, clusters: number, delivery: BenchDelivery): void {
  const { AddonBundle, AddonDelivery, Capacity, Catalog, ClusterValue, HelmAddon, Infrastructure, ManagedCluster } = lib;
  const bundle = new AddonBundle(platform, 'fleet-addons', {
    delivery: delivery === 'argocd' ? AddonDelivery.argoCd({ applicationSets: false }) : AddonDelivery.helmChartProxy(),
    addons: [
      Catalog.cilium(),
      Catalog.awsCloudControllerManager(),
      Catalog.awsEbsCsiDriver(),
      Catalog.certManager(),
      Catalog.metricsServer(),
      Catalog.ingressNginx(),
      Catalog.argoRollouts(),
      new HelmAddon({
        name: 'external-dns',
        repository: 'https://kubernetes-sigs.github.io/external-dns',
        chart: 'external-dns',
        version: '1.16.1',
        values: {
          provider: { name: 'aws' },
          txtOwnerId: ClusterValue.clusterName(),
          domainFilters: ['example.com'],
          policy: 'upsert-only',
          sources: ['service', 'ingress'],
          extraArgs: ['--aws-zone-type=private', ClusterValue.clusterName().wrap('--txt-prefix=', '-')],
          resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } },
          tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
        },
      }),
      new HelmAddon({
        name: 'aws-load-balancer-controller',
        repository: 'https://aws.github.io/eks-charts',
        chart: 'aws-load-balancer-controller',
        version: '1.13.2',
        namespace: 'kube-system',
        createNamespace: false,
        values: {
          clusterName: ClusterValue.clusterName(),
          replicaCount: 2,
          enableServiceMutatorWebhook: false,
          podDisruptionBudget: { maxUnavailable: 1 },
          resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
          defaultTags: { 'managed-by': 'capi-blueprints', 'cost-center': '0042' },
        },
      }),
      new HelmAddon({
        name: 'kube-state-metrics',
        repository: 'https://prometheus-community.github.io/helm-charts',
        chart: 'kube-state-metrics',
        version: '5.30.1',
        namespace: 'monitoring',
        values: {
          prometheus: { monitor: { enabled: true, interval: '30s', additionalLabels: { release: 'prometheus' } } },
          metricLabelsAllowlist: ['pods=[app.kubernetes.io/name,app.kubernetes.io/instance]', 'nodes=[topology.kubernetes.io/zone]'],
          resources: { requests: { cpu: '10m', memory: '64Mi' }, limits: { memory: '256Mi' } },
          securityContext: { enabled: true, runAsNonRoot: true, runAsUser: 65534, fsGroup: 65534 },
          customLabels: { cluster: ClusterValue.clusterName() },
        },
      }),
      new HelmAddon({
        name: 'node-exporter',
        repository: 'https://prometheus-community.github.io/helm-charts',
        chart: 'prometheus-node-exporter',
        version: '4.44.1',
        namespace: 'monitoring',
        values: {
          hostNetwork: true,
          hostPID: true,
          prometheus: { monitor: { enabled: true, interval: '30s', relabelings: [{ targetLabel: 'cluster', replacement: ClusterValue.clusterName() }] } },
          tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }],
          extraArgs: ['--collector.filesystem.mount-points-exclude=^/(dev|proc|sys|var/lib/docker/.+)($|/)', '--no-collector.wifi'],
          resources: { requests: { cpu: '20m', memory: '32Mi' }, limits: { memory: '64Mi' } },
        },
      }),
      new HelmAddon({
        name: 'reloader',
        repository: 'https://stakater.github.io/stakater-charts',
        chart: 'reloader',
        version: '2.1.3',
        values: {
          reloader: {
            watchGlobally: true,
            reloadOnCreate: false,
            deployment: {
              replicas: 1,
              env: { open: [{ name: 'LOG_FORMAT', value: 'json' }, { name: 'VERBOSE', value: 'no' }] },
              resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '128Mi' } },
            },
          },
        },
      }),
    ],
  });
  for (let i = 0; i < clusters; i++) {
    const cluster = new ManagedCluster(platform, `cluster-${String(i).padStart(4, '0')}`, {
      version: 'v1.33.4',
      infrastructure: Infrastructure.aws({ region: 'ap-northeast-2' }),
      controlPlane: { replicas: 3, machineType: 'm6i.xlarge' },
      labels: { environment: i % 2 === 0 ? 'prod' : 'dev', team: `team-${i % 7}` },
    });
    cluster.addNodePool('general', {
      machineType: 'm6i.2xlarge',
      availabilityZoneCount: 3,
      autoscaling: { minSize: 1, maxSize: 10 },
      capacity: Capacity.spot(),
      nodeLabels: { 'node-role.kubernetes.io/worker': '', 'team': `team-${i % 7}` },
    });
    cluster.addNodePool('system', {
      machineType: 'm6i.large',
      availabilityZoneCount: 3,
      replicas: 1,
      nodeLabels: { 'node-role.kubernetes.io/system': '' },
    });
    bundle.attachTo(cluster);
  }
}
