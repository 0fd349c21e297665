import { AddonBundle, AddonDelivery, Catalog, ClusterValue } from '../../src';
import { awsCluster, helm, named, ofKind, testApp } from '../addons/support';

describe('HelmChartProxy delivery', () => {
  test('given a bundle attached to a cluster, then one HelmChartProxy per addon is named <cluster>-<addon> and selects the cluster', () => {
    const app = testApp();
    const cluster = awsCluster(app, 'prod', { namespace: 'clusters' });
    const bundle = new AddonBundle(app, 'base', { addons: [Catalog.certManager()] });
    bundle.attachTo(cluster);
    const hcp = named(bundle, 'HelmChartProxy', 'prod-cert-manager');
    expect(hcp.apiVersion).toEqual('addons.cluster.x-k8s.io/v1alpha1');
    expect(hcp.metadata.namespace).toEqual('clusters');
    expect(hcp.spec).toMatchObject({
      clusterSelector: { matchLabels: { 'capi-blueprints.io/cluster-name': 'prod' } },
      repoURL: 'https://charts.jetstack.io',
      chartName: 'cert-manager',
      version: 'v1.17.2',
      releaseName: 'cert-manager',
      namespace: 'cert-manager',
      options: { wait: true, timeout: '300s', install: { createNamespace: true } },
    });
  });

  test('given ClusterValues, then valuesTemplate uses CAAPH Go templates over .Cluster', () => {
    const app = testApp();
    const addon = helm('web', {
      values: {
        name: ClusterValue.clusterName(),
        ns: ClusterValue.clusterNamespace(),
        env: ClusterValue.label('env'),
        cidrs: ClusterValue.podCidrs(),
        first: ClusterValue.podCidr(),
        arg: ClusterValue.clusterName().wrap('--cluster-name='),
        literal: 'keep {{ braces }}',
      },
    });
    const bundle = new AddonBundle(app, 'b', { addons: [addon] });
    bundle.attachTo(awsCluster(app, 'prod', { labels: { env: 'prod' } }));
    expect(named(bundle, 'HelmChartProxy', 'prod-web').spec.valuesTemplate).toEqual([
      "arg: '--cluster-name={{ .Cluster.metadata.name }}'",
      'cidrs: {{ toJson .Cluster.spec.clusterNetwork.pods.cidrBlocks }}',
      'env: \'{{ index .Cluster.metadata.labels "env" }}\'',
      "first: '{{ index .Cluster.spec.clusterNetwork.pods.cidrBlocks 0 }}'",
      'literal: keep {{ "{{" }} braces }}',
      "name: '{{ .Cluster.metadata.name }}'",
      "ns: '{{ .Cluster.metadata.namespace }}'",
      '',
    ].join('\n'));
  });

  test('given a dependency, then the dependency waits and the dependent installs atomically, with a warning', () => {
    const app = testApp();
    const certManager = Catalog.certManager({ install: { wait: false } });
    const issuer = helm('issuer', { dependsOn: [certManager] });
    const bundle = new AddonBundle(app, 'b', { addons: [issuer, certManager] });
    bundle.attachTo(awsCluster(app, 'prod'));
    expect(named(bundle, 'HelmChartProxy', 'prod-cert-manager').spec.options).toEqual({ wait: true, timeout: '300s', install: { createNamespace: true } });
    expect(named(bundle, 'HelmChartProxy', 'prod-issuer').spec.options).toEqual({ wait: true, atomic: true, timeout: '300s', install: { createNamespace: true } });
    expect(bundle.warnings.join('\n')).toMatch(/addon 'issuer' depends on 'cert-manager'; HelmChartProxy \(CAAPH\) cannot order installs, so 'issuer' is installed atomically and retried/);
  });

  test('given rejectDependencies, then a dependency is a ValidationError', () => {
    const app = testApp();
    const certManager = Catalog.certManager();
    const bundle = new AddonBundle(app, 'b', {
      addons: [certManager, helm('issuer', { dependsOn: [certManager] })],
      delivery: AddonDelivery.helmChartProxy({ rejectDependencies: true }),
    });
    bundle.attachTo(awsCluster(app, 'prod'));
    expect(() => app.synth()).toThrow(/addon 'issuer' depends on 'cert-manager', but HelmChartProxy \(CAAPH\) cannot order installs\. Deliver this bundle with AddonDelivery.argoCd\(\) or .flux\(\)/);
  });

  test('given a management-cluster addon, then HelmChartProxy delivery is an error', () => {
    const app = testApp();
    const bundle = new AddonBundle(app, 'b', { addons: [Catalog.clusterAutoscaler()] });
    bundle.attachTo(awsCluster(app, 'prod'));
    expect(() => app.synth()).toThrow(/addon 'cluster-autoscaler' runs on the management cluster, but HelmChartProxy installs only into workload clusters/);
  });

  test('given a selector, then one HelmChartProxy per addon uses the bundle selector in the bundle namespace', () => {
    const app = testApp();
    const bundle = new AddonBundle(app, 'fleet', { addons: [Catalog.metricsServer()], namespace: 'clusters' });
    bundle.selectClusters({ matchLabels: { tier: 'edge' } });
    expect(ofKind(bundle, 'HelmChartProxy')).toHaveLength(1);
    const hcp = named(bundle, 'HelmChartProxy', 'fleet-metrics-server');
    expect(hcp.metadata.namespace).toEqual('clusters');
    expect(hcp.spec.clusterSelector).toEqual({ matchLabels: { tier: 'edge' } });
  });

  test('given an object name over 63 characters, then the error says what to shorten', () => {
    const app = testApp();
    const bundle = new AddonBundle(app, 'b', { addons: [helm('a-rather-long-addon-name-for-tests')] });
    bundle.attachTo(awsCluster(app, 'a-very-long-cluster-name-for-tests'));
    expect(() => app.synth()).toThrow(/object name 'a-very-long-cluster-name-for-tests-a-rather-long-addon-name-for-tests' is longer than 63 characters/);
  });
});
