import { awsCluster, helm, named, objectsOf, ofKind, testApp } from './support';
import { AddonBundle, AddonDelivery, Catalog } from '../../src';

describe('AddonBundle dependencies', () => {
  test('given a dependency outside the bundle, then the error names both addons and the fix', () => {
    const app = testApp();
    const certManager = helm('cert-manager');
    const web = helm('web', { dependsOn: [certManager] });
    const bundle = new AddonBundle(app, 'b', { addons: [web] });
    bundle.attachTo(awsCluster(app, 'prod'));
    expect(() => bundle.addons).toThrow(/addon 'web' depends on 'cert-manager', which is not in bundle 'b' or its bases\. Add it to the bundle/);
    expect(() => app.synth()).toThrow(/addon 'web' depends on 'cert-manager'/);
  });

  test('given a dependency cycle, then the error names the cycle', () => {
    const app = testApp();
    const a = helm('a');
    const b = helm('b', { dependsOn: [a] });
    const c = helm('c', { dependsOn: [b] });
    a.addDependency(c);
    const bundle = new AddonBundle(app, 'bundle', { addons: [a, b, c] });
    expect(() => bundle.addons).toThrow(/dependency cycle between addons: a -> c -> b -> a\. Remove one of these dependencies/);
  });

  test('given dependencies, then addons are ordered dependencies first and waves follow depth', () => {
    const app = testApp();
    const crds = helm('crds');
    const operator = helm('operator', { dependsOn: [crds] });
    const app1 = helm('app1', { dependsOn: [operator, crds] });
    const lone = helm('lone');
    const bundle = new AddonBundle(app, 'b', { addons: [app1, lone, operator, crds] });
    expect(bundle.addons.map((a) => a.addonName)).toEqual(['crds', 'operator', 'app1', 'lone']);
    expect([crds, operator, app1, lone].map((a) => bundle.waveOf(a))).toEqual([0, 1, 2, 0]);
  });

  test('given a dependency in the base layer, then the site layer may depend on it', () => {
    const app = testApp();
    const certManager = helm('cert-manager');
    const base = new AddonBundle(app, 'base', { addons: [certManager] });
    const site = AddonBundle.compose(app, 'site', [base], { addons: [helm('web', { dependsOn: [certManager] })] });
    expect(site.addons.map((a) => a.addonName)).toEqual(['cert-manager', 'web']);
  });

  test('a bundle cannot extend itself (directly or through a base)', () => {
    const app = testApp();
    const a = new AddonBundle(app, 'a');
    const b = AddonBundle.compose(app, 'b', [a]);
    expect(() => a.extend(b)).toThrow(/cannot extend 'b': that would make a bundle its own base/);
  });
});

describe('AddonBundle de-duplication', () => {
  test('given two bundles with the same addon definition on one cluster, then the cluster gets it once', () => {
    const app = testApp();
    const cluster = awsCluster(app, 'prod');
    const first = new AddonBundle(app, 'first', { addons: [Catalog.certManager(), Catalog.metricsServer()] });
    const second = new AddonBundle(app, 'second', { addons: [Catalog.certManager()] });
    first.attachTo(cluster);
    second.attachTo(cluster);
    expect(ofKind(first, 'HelmChartProxy').map((o) => o.metadata.name)).toEqual(['prod-cert-manager', 'prod-metrics-server']);
    expect(objectsOf(second)).toEqual([]);
  });

  test('given two bundles with different definitions of one addon on one cluster, then it is an error naming both bundles', () => {
    const app = testApp();
    const cluster = awsCluster(app, 'prod');
    new AddonBundle(app, 'first', { addons: [Catalog.certManager()] }).attachTo(cluster);
    new AddonBundle(app, 'second', { addons: [Catalog.certManager({ version: 'v1.18.0' })] }).attachTo(cluster);
    expect(() => app.synth()).toThrow(/cluster 'prod' gets addon 'cert-manager' from bundle 'first' and from bundle 'second' with different definitions \(version v1.17.2 vs v1.18.0, or values\)/);
  });

  test('given an attached bundle and a fleet bundle both delivering an addon, then the fleet object excludes the cluster', () => {
    const app = testApp();
    const prod = awsCluster(app, 'prod');
    awsCluster(app, 'dev');
    new AddonBundle(app, 'site', { addons: [Catalog.metricsServer()] }).attachTo(prod);
    const fleet = new AddonBundle(app, 'fleet', { addons: [Catalog.metricsServer()] });
    fleet.selectClusters({ matchLabels: { 'capi-blueprints.io/infrastructure': 'aws' } });
    const hcp = named(fleet, 'HelmChartProxy', 'fleet-metrics-server');
    expect(hcp.spec.clusterSelector).toEqual({
      matchLabels: { 'capi-blueprints.io/infrastructure': 'aws' },
      matchExpressions: [{ key: 'capi-blueprints.io/cluster-name', operator: 'NotIn', values: ['prod'] }],
    });
  });

  test('given two CNIs on one cluster, then the cluster label conflict is an error', () => {
    const app = testApp();
    const cluster = awsCluster(app, 'prod');
    new AddonBundle(app, 'a', { addons: [Catalog.cilium()] }).attachTo(cluster);
    new AddonBundle(app, 'b', { addons: [Catalog.calico()] }).attachTo(cluster);
    expect(() => app.synth()).toThrow(/cluster 'prod' gets label 'capi-blueprints.io\/cni' = 'cilium' from addon 'cilium' and 'calico' from addon 'calico'/);
  });
});

describe('AddonBundle cluster selection and labels', () => {
  test('given attachTo, then the cluster carries its name label and the CNI label of its addons', () => {
    const app = testApp();
    const cluster = awsCluster(app, 'prod');
    new AddonBundle(app, 'base', { addons: [Catalog.cilium()] }).attachTo(cluster);
    expect(cluster.clusterLabels).toEqual({
      'capi-blueprints.io/cluster-name': 'prod',
      'capi-blueprints.io/cni': 'cilium',
      'capi-blueprints.io/infrastructure': 'aws',
    });
    const capiCluster = objectsOf(cluster).find((o) => o.kind === 'Cluster');
    expect(capiCluster.metadata.labels['capi-blueprints.io/cni']).toEqual('cilium');
  });

  test('given a bundle selecting on the CNI label, then it reaches clusters whose attached bundle has that CNI', () => {
    const app = testApp();
    const withCilium = awsCluster(app, 'a');
    const without = awsCluster(app, 'b');
    new AddonBundle(app, 'cni', { addons: [Catalog.cilium()] }).attachTo(withCilium);
    const hubble = new AddonBundle(app, 'hubble', { addons: [helm('hubble-ui')], delivery: AddonDelivery.flux() });
    hubble.selectClusters({ matchLabels: { 'capi-blueprints.io/cni': 'cilium' } });
    expect(ofKind(hubble, 'HelmRelease').map((o) => o.metadata.name)).toEqual(['a-hubble-ui']);
    expect(without.clusterLabels['capi-blueprints.io/cni']).toBeUndefined();
  });

  test('given an empty selector, then it is rejected (ClusterResourceSet needs a non-empty selector)', () => {
    const bundle = new AddonBundle(testApp(), 'b');
    expect(() => bundle.selectClusters({ matchLabels: {} })).toThrow(/needs at least one label in matchLabels/);
  });

  test('given a second selector, then it is rejected', () => {
    const bundle = new AddonBundle(testApp(), 'b');
    bundle.selectClusters({ matchLabels: { a: 'b' } });
    expect(() => bundle.selectClusters({ matchLabels: { c: 'd' } })).toThrow(/already selects clusters/);
  });

  test('given addons added after attachTo, then the output reflects them', () => {
    const app = testApp();
    const bundle = new AddonBundle(app, 'b');
    bundle.attachTo(awsCluster(app, 'prod'));
    expect(objectsOf(bundle)).toEqual([]);
    bundle.addAddon(Catalog.metricsServer());
    expect(ofKind(bundle, 'HelmChartProxy').map((o) => o.metadata.name)).toEqual(['prod-metrics-server']);
  });
});

describe('AddonBundle used only as a base', () => {
  test('given a base with a management-cluster addon and the default delivery, when a Flux site extends it, then only the site delivers it', () => {
    const app = testApp();
    const base = new AddonBundle(app, 'base', { addons: [Catalog.clusterAutoscaler()] });
    const site = AddonBundle.compose(app, 'site', [base], { delivery: AddonDelivery.flux() });
    site.attachTo(awsCluster(app, 'prod'));
    expect(ofKind(site, 'HelmRelease').map((o) => o.metadata.name)).toEqual(['prod-cluster-autoscaler']);
    expect(objectsOf(base)).toEqual([]);
  });
});
