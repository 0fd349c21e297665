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

  test('given two repositories whose readable source names are the same, then each gets its own HelmRepository named with a hash of its URL (whatever the order)', () => {
    const sourcesOf = (first: string, second: string) => {
      const app = testApp();
      const bundle = new AddonBundle(app, 'b', { addons: [helm('a', { repository: first }), helm('b', { repository: second })], delivery: AddonDelivery.flux() });
      bundle.attachTo(awsCluster(app, 'prod'));
      const byUrl = Object.fromEntries(ofKind(bundle, 'HelmRepository').map((r) => [r.spec.url, r.metadata.name]));
      expect(named(bundle, 'HelmRelease', 'prod-a').spec.chart.spec.sourceRef.name).toEqual(byUrl[first]);
      expect(named(bundle, 'HelmRelease', 'prod-b').spec.chart.spec.sourceRef.name).toEqual(byUrl[second]);
      return byUrl;
    };
    const one = sourcesOf('https://charts.example.com/a-b', 'https://charts.example.com/a/b');
    expect(Object.values(one)).toEqual([expect.stringMatching(/^charts-example-com-a-b-[0-9a-f]{8}$/), expect.stringMatching(/^charts-example-com-a-b-[0-9a-f]{8}$/)]);
    expect(new Set(Object.values(one)).size).toBe(2);
    expect(sourcesOf('https://charts.example.com/a/b', 'https://charts.example.com/a-b')).toEqual(one); // the same names in the other order
    expect(sourcesOf('https://charts.example.com/a-b', 'https://charts.jetstack.io')['https://charts.example.com/a-b']).toEqual('charts-example-com-a-b'); // no collision: readable
  });

  test('given OCI charts of the same name and version from two registries, then each gets its own OCIRepository', () => {
    const app = testApp();
    const bundle = new AddonBundle(app, 'b', {
      addons: [
        helm('one', { repository: 'oci://ghcr.io/org1/charts', chart: 'x' }),
        helm('two', { repository: 'oci://ghcr.io/org2/charts', chart: 'x' }),
      ],
      delivery: AddonDelivery.flux(),
    });
    bundle.attachTo(awsCluster(app, 'prod'));
    const names = ofKind(bundle, 'OCIRepository').map((r) => r.metadata.name);
    expect(names).toEqual([expect.stringMatching(/^x-1-0-0-[0-9a-f]{8}$/), expect.stringMatching(/^x-1-0-0-[0-9a-f]{8}$/)]);
    expect(new Set(names).size).toBe(2);
  });

  test('given an OCI chart version with build metadata, then the tag has Helm\'s \'_\' for \'+\' (OCI tags have no \'+\')', () => {
    const app = testApp();
    const bundle = new AddonBundle(app, 'b', { addons: [helm('web', { repository: 'oci://ghcr.io/org/charts', version: '2.1.0+build.7' })], delivery: AddonDelivery.flux() });
    bundle.attachTo(awsCluster(app, 'prod'));
    expect(ofKind(bundle, 'OCIRepository')[0].spec.ref).toEqual({ tag: '2.1.0_build.7' });
  });

  test('given a management-cluster addon whose <cluster>-<release> name passes Helm\'s 53 characters, then a ValidationError says how long the release name may be', () => {
    const app = testApp();
    const bundle = new AddonBundle(app, 'b', { addons: [Catalog.clusterAutoscaler()], delivery: AddonDelivery.flux() });
    bundle.attachTo(awsCluster(app, 'seoul-production-workload-cluster-000001'));
    expect(() => ofKind(bundle, 'HelmRelease')).toThrow(
      /b: addon 'cluster-autoscaler' runs on the management cluster once per workload cluster, as Helm release 'seoul-production-workload-cluster-000001-cluster-autoscaler' \(59 characters\); Helm allows at most 53\. Shorten cluster '.*' or the addon's releaseName \(at most 12 characters here\)\./,
    );
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
