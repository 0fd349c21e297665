import { Duration } from 'cdk8s';
import { helm } from './support';
import { AddonKind, Catalog, ClusterValue, ManifestAddon } from '../../src';

describe('HelmAddon', () => {
  test('given minimal props, then defaults are resolved (release = name, namespace = name, wait, 5 min)', () => {
    const addon = helm('web');
    const config = addon.toAddonConfig();
    expect(config.kind).toEqual(AddonKind.HELM_CHART);
    expect(config.namespace).toEqual('web');
    expect(config.createNamespace).toBe(true);
    expect(config.helm!.releaseName).toEqual('web');
    expect(config.helm!.install).toEqual({ wait: true, waitForJobs: false, timeoutSeconds: 300, atomic: false });
  });

  test.each([
    ['http://charts.example.com'],
    ['charts.example.com'],
    ['git://example.com/charts'],
  ])('given repository %s, then it is rejected: only https:// and oci://', (repository) => {
    expect(() => helm('web', { repository })).toThrow(/is not an https:\/\/ or oci:\/\/ URL/);
  });

  test.each([['latest'], ['^1.2.0'], ['~1.2'], ['>=1.0.0'], ['1.x'], ['*'], ['1.2']])('given version %s, then it is rejected as not exact', (version) => {
    expect(() => helm('web', { version })).toThrow(new RegExp(`chart version '${version.replace(/[*^.+]/g, '\\$&')}' is not an exact version`));
  });

  test('given oci:// and v-prefixed exact versions, then they are accepted', () => {
    expect(helm('web', { repository: 'oci://ghcr.io/org/charts', version: 'v1.2.3-rc.1' }).version).toEqual('v1.2.3-rc.1');
  });

  test('given an invalid name, then the error says what a name is', () => {
    expect(() => helm('Web_App')).toThrow(/addon name 'Web_App' is not a DNS label of at most 40 characters/);
  });

  test('given a timeout and atomic, then install config carries seconds', () => {
    expect(helm('web', { install: { timeout: Duration.minutes(10), atomic: true } }).install).toEqual({ wait: true, waitForJobs: false, timeoutSeconds: 600, atomic: true });
  });

  test('given addDependency with the addon itself, then it is rejected', () => {
    const a = helm('a');
    expect(() => a.addDependency(a)).toThrow(/cannot depend on itself/);
  });

  test('given a dependency given as a string, then the error asks for the addon object', () => {
    expect(() => helm('a').addDependency('b' as any)).toThrow(/takes addon objects \(IAddon\), not names/);
  });

  test('ClusterValue.wrap is refused on lists', () => {
    expect(() => ClusterValue.podCidrs().wrap('x')).toThrow(/is a list and cannot be wrapped/);
    expect(ClusterValue.clusterName().wrap('--cluster-name=').toString()).toEqual('--cluster-name=<cluster.name>');
  });
});

describe('ManifestAddon', () => {
  test('given a non-object manifest, then it is rejected', () => {
    expect(() => new ManifestAddon({ name: 'm', manifests: [{ kind: 'ConfigMap' }] })).toThrow(/is not a Kubernetes object/);
  });

  test('given no manifests, then the config is an error', () => {
    expect(() => new ManifestAddon({ name: 'm' }).toAddonConfig()).toThrow(/has no manifests/);
  });

  test('the local-path-provisioner catalog entry is a manifest addon with the pinned image', () => {
    const config = Catalog.localPathProvisioner().toAddonConfig();
    expect(config.kind).toEqual(AddonKind.MANIFESTS);
    const deployment = config.manifests!.find((m) => m.kind === 'Deployment');
    expect(deployment.spec.template.spec.containers[0].image).toEqual('rancher/local-path-provisioner:v0.0.31');
  });
});
