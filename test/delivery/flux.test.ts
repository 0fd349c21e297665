import { AddonBundle, AddonDelivery, Catalog } from '../../src';
import { awsCluster, helm, named, ofKind, testApp } from '../addons/support';

describe('Flux delivery', () => {
  test('given a bundle on two clusters, then HelmReleases use each cluster kubeconfig Secret and dependsOn', () => {
    const app = testApp();
    const certManager = Catalog.certManager();
    const issuer = helm('issuer', { dependsOn: [certManager], install: { atomic: true } });
    const bundle = new AddonBundle(app, 'b', { addons: [certManager, issuer], delivery: AddonDelivery.flux() });
    bundle.attachTo(awsCluster(app, 'prod', { namespace: 'clusters' }), awsCluster(app, 'dev', { namespace: 'clusters' }));
    const release = named(bundle, 'HelmRelease', 'prod-issuer');
    expect(release.apiVersion).toEqual('helm.toolkit.fluxcd.io/v2');
    expect(release.metadata.namespace).toEqual('clusters');
    expect(release.spec.kubeConfig).toEqual({ secretRef: { name: 'prod-kubeconfig', key: 'value' } });
    expect(release.spec.dependsOn).toEqual([{ name: 'prod-cert-manager' }]);
    expect(release.spec.targetNamespace).toEqual('issuer');
    expect(release.spec.install.createNamespace).toBe(true);
    expect(release.spec.upgrade.remediation).toEqual({ retries: 3, strategy: 'rollback', remediateLastFailure: true });
    expect(named(bundle, 'HelmRelease', 'dev-cert-manager').spec.kubeConfig.secretRef.name).toEqual('dev-kubeconfig');
    // one HelmRepository per repository URL and namespace
    expect(ofKind(bundle, 'HelmRepository').map((r) => `${r.metadata.namespace}/${r.metadata.name}=${r.spec.url}`))
      .toEqual(['clusters/charts-jetstack-io=https://charts.jetstack.io', 'clusters/charts-example-com=https://charts.example.com']);
  });

  test('given an oci:// chart, then an OCIRepository with the chart layer and a chartRef', () => {
    const app = testApp();
    const bundle = new AddonBundle(app, 'b', { addons: [helm('web', { repository: 'oci://ghcr.io/org/charts', version: '2.1.0' })], delivery: AddonDelivery.flux() });
    bundle.attachTo(awsCluster(app, 'prod'));
    const source = named(bundle, 'OCIRepository', 'web-2-1-0');
    expect(source.spec).toMatchObject({ url: 'oci://ghcr.io/org/charts/web', ref: { tag: '2.1.0' }, layerSelector: { mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', operation: 'copy' } });
    expect(named(bundle, 'HelmRelease', 'prod-web').spec.chartRef).toEqual({ kind: 'OCIRepository', name: 'web-2-1-0' });
  });

  test('given the cluster autoscaler, then its HelmRelease runs on the management cluster (no kubeConfig)', () => {
    const app = testApp();
    const bundle = new AddonBundle(app, 'b', { addons: [Catalog.clusterAutoscaler()], delivery: AddonDelivery.flux() });
    bundle.attachTo(awsCluster(app, 'prod', { namespace: 'clusters' }));
    const release = named(bundle, 'HelmRelease', 'prod-cluster-autoscaler');
    expect(release.spec.kubeConfig).toBeUndefined();
    expect(release.spec.targetNamespace).toEqual('clusters');
    expect(release.spec.releaseName).toEqual('prod-cluster-autoscaler');
  });
});
