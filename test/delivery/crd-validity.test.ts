import { AddonBundle, AddonDelivery, Catalog, ClusterValue, ResourceSetResourceKind, ResourceSetStrategy } from '../../src';
import { awsCluster, helm, objectsOf, testApp } from '../addons/support';
import { expectValidManifests } from '../support/crd-validation';

describe('every delivery validates against the pinned CRDs', () => {
  test('per-cluster and fleet objects of HelmChartProxy, Argo CD, Flux and ClusterResourceSet deliveries', () => {
    const app = testApp();
    const prod = awsCluster(app, 'prod', { labels: { tier: 'edge' } });
    awsCluster(app, 'dev', { labels: { tier: 'edge' } });
    const stage = awsCluster(app, 'stage', { namespace: 'stage', labels: { tier: 'core' } });
    const certManager = Catalog.certManager();
    const web = helm('web', { repository: 'oci://ghcr.io/org/charts', dependsOn: [certManager], values: { name: ClusterValue.clusterName(), tier: ClusterValue.label('tier') } });
    const bundles = [
      new AddonBundle(app, 'caaph', { addons: [certManager, web, Catalog.localPathProvisioner()] }),
      new AddonBundle(app, 'argo', { addons: [certManager, web], delivery: AddonDelivery.argoCd() }),
      new AddonBundle(app, 'flux', { addons: [certManager, web, Catalog.clusterAutoscaler()], delivery: AddonDelivery.flux() }),
      new AddonBundle(app, 'crs', {
        addons: [Catalog.localPathProvisioner()],
        delivery: AddonDelivery.clusterResourceSet({ strategy: ResourceSetStrategy.RECONCILE, resourceKind: ResourceSetResourceKind.CONFIG_MAP }),
      }),
    ];
    bundles[0].attachTo(prod);
    bundles[1].selectClusters({ matchLabels: { tier: 'edge' } });
    bundles[2].attachTo(stage); // prod gets cert-manager and web from 'caaph' already
    bundles[3].selectClusters({ matchLabels: { tier: 'edge' } });
    const objects = bundles.flatMap((b) => objectsOf(b));
    expect(new Set(objects.map((o) => o.kind))).toEqual(new Set(['HelmChartProxy', 'ClusterResourceSet', 'Secret', 'ApplicationSet', 'HelmRelease', 'HelmRepository', 'OCIRepository', 'ConfigMap']));
    expectValidManifests(objects);
  });
});
