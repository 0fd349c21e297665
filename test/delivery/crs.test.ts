import { AddonBundle, AddonDelivery, Catalog, ResourceSetResourceKind, ResourceSetStrategy } from '../../src';
import { awsCluster, helm, named, ofKind, testApp } from '../addons/support';

describe('ClusterResourceSet delivery', () => {
  test('given a manifest addon on two clusters, then each gets its own <cluster>-<addon> set and Secret', () => {
    const app = testApp();
    const bundle = new AddonBundle(app, 'byoh', { addons: [Catalog.localPathProvisioner()], delivery: AddonDelivery.argoCd() });
    bundle.attachTo(awsCluster(app, 'site-a'), awsCluster(app, 'site-b'));
    expect(ofKind(bundle, 'ClusterResourceSet').map((o) => o.metadata.name)).toEqual(['site-a-local-path-provisioner', 'site-b-local-path-provisioner']);
    const crs = named(bundle, 'ClusterResourceSet', 'site-a-local-path-provisioner');
    expect(crs.apiVersion).toEqual('addons.cluster.x-k8s.io/v1beta2');
    expect(crs.spec).toEqual({
      clusterSelector: { matchLabels: { 'capi-blueprints.io/cluster-name': 'site-a' } },
      resources: [{ kind: 'Secret', name: 'site-a-local-path-provisioner' }],
      strategy: 'ApplyOnce',
    });
    const secret = named(bundle, 'Secret', 'site-a-local-path-provisioner');
    expect(secret.type).toEqual('addons.cluster.x-k8s.io/resource-set');
    expect(secret.stringData['local-path-provisioner.yaml']).toContain('image: rancher/local-path-provisioner:v0.0.31');
  });

  test('given a registry and ConfigMap/Reconcile options, then images are rewritten and the ConfigMap is used', () => {
    const app = testApp();
    const bundle = new AddonBundle(app, 'b', {
      addons: [Catalog.localPathProvisioner()],
      imageRegistry: 'harbor.example.com/mirror',
      delivery: AddonDelivery.clusterResourceSet({ strategy: ResourceSetStrategy.RECONCILE, resourceKind: ResourceSetResourceKind.CONFIG_MAP }),
    });
    bundle.attachTo(awsCluster(app, 'prod'));
    const crs = named(bundle, 'ClusterResourceSet', 'prod-local-path-provisioner');
    expect(crs.spec.strategy).toEqual('Reconcile');
    expect(crs.spec.resources).toEqual([{ kind: 'ConfigMap', name: 'prod-local-path-provisioner' }]);
    const yaml: string = named(bundle, 'ConfigMap', 'prod-local-path-provisioner').data['local-path-provisioner.yaml'];
    expect(yaml).toContain('image: harbor.example.com/mirror/rancher/local-path-provisioner:v0.0.31');
    expect(yaml).toContain('image: harbor.example.com/mirror/library/busybox:1.37.0');
  });

  test('given a selector, then one set per addon named <bundle>-<addon> with the bundle selector', () => {
    const app = testApp();
    const bundle = new AddonBundle(app, 'byoh', { addons: [Catalog.localPathProvisioner()] });
    bundle.selectClusters({ matchLabels: { 'capi-blueprints.io/infrastructure': 'byoh' } });
    expect(named(bundle, 'ClusterResourceSet', 'byoh-local-path-provisioner').spec.clusterSelector).toEqual({ matchLabels: { 'capi-blueprints.io/infrastructure': 'byoh' } });
  });

  test('given a Helm addon in a ClusterResourceSet bundle, then the error says which deliveries can install charts', () => {
    const app = testApp();
    const bundle = new AddonBundle(app, 'b', { addons: [helm('web')], delivery: AddonDelivery.clusterResourceSet() });
    bundle.attachTo(awsCluster(app, 'prod'));
    expect(() => app.synth()).toThrow(/addon 'web' is a Helm chart, which a ClusterResourceSet cannot install/);
  });
});
