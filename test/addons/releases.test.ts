import { awsCluster, helm, objectsOf, testApp } from './support';
import { AddonBundle, AddonDelivery } from '../../src';

describe('Helm releases on one cluster', () => {
  test('given two addons that install the same release name into the same namespace, then a ValidationError names both and the fix', () => {
    const app = testApp();
    const bundle = new AddonBundle(app, 'b', { addons: [helm('a', { releaseName: 'same', namespace: 'ns' }), helm('b', { releaseName: 'same', namespace: 'ns' })] });
    bundle.attachTo(awsCluster(app, 'c1'));
    expect(() => objectsOf(bundle)).toThrow(
      /b: cluster 'c1' gets addons 'a' \(bundle 'b'\) and 'b' \(bundle 'b'\) that both install Helm release 'ns\/same'; each install would upgrade the other's release\. Give one of them another releaseName or namespace, or deliver only one\./,
    );
  });

  test('given the same release name from two bundles on one cluster, then it is reported too', () => {
    const app = testApp();
    const cluster = awsCluster(app, 'c1');
    new AddonBundle(app, 'b1', { addons: [helm('a', { releaseName: 'same', namespace: 'ns' })], delivery: AddonDelivery.flux() }).attachTo(cluster);
    const b2 = new AddonBundle(app, 'b2', { addons: [helm('b', { releaseName: 'same', namespace: 'ns' })], delivery: AddonDelivery.flux() });
    b2.attachTo(cluster);
    expect(() => objectsOf(b2)).toThrow(/cluster 'c1' gets addons 'a' \(bundle 'b1'\) and 'b' \(bundle 'b2'\) that both install Helm release 'ns\/same'/);
  });

  test('given the same release name in two namespaces, or on two clusters, then both are installed', () => {
    const app = testApp();
    const bundle = new AddonBundle(app, 'b', { addons: [helm('a', { releaseName: 'same', namespace: 'ns1' }), helm('b', { releaseName: 'same', namespace: 'ns2' })] });
    bundle.attachTo(awsCluster(app, 'c1'), awsCluster(app, 'c2'));
    expect(objectsOf(bundle).filter((o) => o.kind === 'HelmChartProxy')).toHaveLength(4);
  });
});
