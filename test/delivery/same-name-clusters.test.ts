import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject } from 'cdk8s';
import { AddonBundle, AddonDelivery, ManifestAddon, Platform, ValidationError } from '../../src';
import { awsCluster, helm } from '../addons/support';

/** Clusters named `c1` in namespaces a and b (valid in Cluster API), both attached to one bundle. */
function twoNamespaces(delivery: AddonDelivery, manifests = false): { platform: Platform; bundle: AddonBundle } {
  const platform = new Platform({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'same-name-')) });
  const a = awsCluster(platform as any, 'x1', { name: 'c1', namespace: 'a' });
  const b = awsCluster(platform as any, 'x2', { name: 'c1', namespace: 'b' });
  const addon = manifests
    ? new ManifestAddon({ name: 'm', manifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'default' }, data: { k: 'v' } }] })
    : helm('web');
  const bundle = new AddonBundle(platform, 'base', { addons: [addon], delivery });
  bundle.attachTo(a, b);
  return { platform, bundle };
}

function objects(bundle: AddonBundle): Array<{ kind: string; namespace: string; name: string }> {
  return bundle.node.findAll().filter(ApiObject.isApiObject)
    .map((o) => ({ kind: o.kind, namespace: o.metadata.namespace ?? '', name: o.name }))
    .sort((x, y) => `${x.kind}${x.namespace}`.localeCompare(`${y.kind}${y.namespace}`));
}

describe('clusters of the same name in two namespaces', () => {
  test.each([
    ['HelmChartProxy', AddonDelivery.helmChartProxy(), false, 'HelmChartProxy'],
    ['Flux', AddonDelivery.flux(), false, 'HelmRelease'],
    ['ClusterResourceSet', AddonDelivery.helmChartProxy(), true, 'ClusterResourceSet'],
  ])('given %s delivery, when synthesized, then each cluster gets its object in its own namespace', (_name, delivery, manifests, kind) => {
    const { platform, bundle } = twoNamespaces(delivery, manifests);
    expect(() => platform.synth()).not.toThrow();
    expect(objects(bundle).filter((o) => o.kind === kind)).toEqual([
      { kind, namespace: 'a', name: 'c1-' + (manifests ? 'm' : 'web') },
      { kind, namespace: 'b', name: 'c1-' + (manifests ? 'm' : 'web') },
    ]);
  });

  test('given Argo CD delivery (Applications share Argo CD\'s namespace), when synthesized, then a ValidationError names both (not a constructs error)', () => {
    const { platform } = twoNamespaces(AddonDelivery.argoCd());
    let error: unknown;
    try {
      platform.synth();
    } catch (e) {
      error = e;
    }
    expect(ValidationError.isValidationError(error)).toBe(true);
    expect((error as Error).message).toMatch(/base\/Rendered\/c1-web@b: renders argoproj\.io\/Application 'argocd\/c1-web', which 'base\/Rendered\/c1-web' renders too\. Rename one of them/);
  });
});
