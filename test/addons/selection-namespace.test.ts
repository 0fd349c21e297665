import { awsCluster, helm, objectsOf, testApp } from './support';
import { AddonBundle, AddonDelivery, ManifestAddon } from '../../src';

const configMap = new ManifestAddon({ name: 'm', manifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'default' }, data: { k: 'v' } }] });

describe('selectClusters and namespaces', () => {
  test.each([
    ['HelmChartProxy', helm('a'), 'a'],
    ['ClusterResourceSet', configMap, 'm'],
  ])('given a %s bundle selecting a cluster of another namespace, then a ValidationError says nothing would be installed and how to fix it', (kind, addon, addonName) => {
    const app = testApp();
    awsCluster(app, 'c1', { namespace: 'team-a', labels: { env: 'prod' } });
    const bundle = new AddonBundle(app, 'b', { addons: [addon] });
    bundle.selectClusters({ matchLabels: { env: 'prod' } });
    expect(() => objectsOf(bundle)).toThrow(new RegExp(
      `b: cluster 'c1' \\(namespace 'team-a'\\) matches the bundle's selector, but the ${kind} of addon '${addonName}' lives in namespace 'default' and selects clusters of that namespace only: nothing would be installed\\. Set the namespace of the selecting objects to 'team-a' \\(AddonBundle namespace, Team fleetNamespace\\), or attach to the cluster instead`,
    ));
  });

  test('given the bundle in the clusters\' namespace, or Argo CD ApplicationSets (any namespace), then it renders', () => {
    const app = testApp();
    awsCluster(app, 'c1', { namespace: 'team-a', labels: { env: 'prod' } });
    const same = new AddonBundle(app, 'same', { addons: [helm('a')], namespace: 'team-a' });
    same.selectClusters({ matchLabels: { env: 'prod' } });
    expect(objectsOf(same).filter((o) => o.kind === 'HelmChartProxy').map((o) => o.metadata.namespace)).toEqual(['team-a']);
    const argo = new AddonBundle(app, 'argo', { addons: [helm('b')], delivery: AddonDelivery.argoCd() });
    argo.selectClusters({ matchLabels: { env: 'prod' } });
    expect(objectsOf(argo).filter((o) => o.kind === 'ApplicationSet')).toHaveLength(1);
  });
});
