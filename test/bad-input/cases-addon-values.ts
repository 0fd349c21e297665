/**
 * Addon values that are not data (class "addon values"): Helm values, bundle overrides and
 * manifests accept JSON-compatible data only (plus ClusterValues); anything else is a
 * ValidationError with the path to the offending value, and so is data over etcd's 1.5 MiB.
 */
import { awsCluster } from './builders';
import { BadInputCase, k8s } from './harness';
import { AddonBundle, HelmAddon, ManifestAddon } from '../../src';

const helm = (values: any) => new HelmAddon({ name: 'web', repository: 'https://charts.example.com', chart: 'web', version: '1.0.0', values });
const circular = (): any => { const o: any = { a: { b: {} } }; o.a.b.back = o; return o; };

export const addonValueCases: BadInputCase[] = [
  k8s('a function in Helm values', 'HelmAddon \'web\'', () => { helm({ resources: { limits: () => '1Gi' } }); },
    /^HelmAddon 'web': values\.resources\.limits is a function, which is not data a chart value or manifest can hold\. Call it and put its result in the values\./),
  k8s('a Symbol in Helm values', 'HelmAddon \'web\'', () => { helm({ tag: Symbol('v1') }); },
    /^HelmAddon 'web': values\.tag is a Symbol \(Symbol\(v1\)\), which is not data/),
  k8s('a BigInt in Helm values', 'HelmAddon \'web\'', () => { helm({ big: BigInt(10) ** BigInt(20) }); },
    /^HelmAddon 'web': values\.big is a BigInt \(100000000000000000000n\), which is not data .* Use a number \(if it fits in 2\^53\) or a string\./),
  k8s('circular Helm values', 'HelmAddon \'web\'', () => { helm(circular()); },
    /^HelmAddon 'web': values\.a\.b\.back is a reference back to one of its own parents \(a cycle\)/),
  k8s('a Date in Helm values', 'HelmAddon \'web\'', () => { helm({ since: new Date(Date.UTC(2026, 0, 1)) }); },
    /^HelmAddon 'web': values\.since is a Date \(2026-01-01T00:00:00\.000Z\), which is not data .* Use a string such as '2026-01-01T00:00:00Z'\./),
  k8s('NaN in Helm values', 'HelmAddon \'web\'', () => { helm({ ratio: NaN }); },
    /^HelmAddon 'web': values\.ratio is NaN, which is not data .* Use a finite number/),
  k8s('Infinity in a list of Helm values', 'HelmAddon \'web\'', () => { helm({ list: [1, Infinity] }); },
    /^HelmAddon 'web': values\.list\[1\] is Infinity, which is not data/),
  k8s('undefined in a list of Helm values', 'HelmAddon \'web\'', () => { helm({ list: ['a', undefined] }); },
    /^HelmAddon 'web': values\.list\[1\] is undefined, which is not data .* Remove the list item, or use null\./),
  k8s('a Map in Helm values', 'HelmAddon \'web\'', () => { helm({ m: new Map([['a', 1]]) }); },
    /^HelmAddon 'web': values\.m is an instance of Map, which is not data/),
  k8s('Helm values over 1.5 MiB', 'HelmAddon \'web\'', () => { helm({ dashboards: { big: 'x'.repeat(1_600_000) } }); },
    /^HelmAddon 'web': values is about \d+ bytes, more than the 1572864 bytes \(1\.5 MiB\) an object in etcd can hold\./),
  k8s('a function in a bundle override', 'addons', (app) => {
    const web = helm({});
    const bundle = new AddonBundle(app, 'addons', { addons: [web] });
    bundle.overrideAddon(web, { values: { replicas: () => 2 } });
    bundle.attachTo(awsCluster(app));
  }, /^addons: overrideAddon\('web'\): values\.replicas is a function, which is not data/),
  k8s('a manifest with a NaN field', 'ManifestAddon \'m\'', () => {
    new ManifestAddon({ name: 'm', manifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { n: NaN } }] });
  }, /^ManifestAddon 'm': manifest ConfigMap 'cm'\.data\.n is NaN, which is not data/),
  k8s('a circular manifest', 'ManifestAddon \'m\'', () => {
    const cm: any = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } };
    cm.data = { self: cm };
    new ManifestAddon({ name: 'm', manifests: [cm] });
  }, /^ManifestAddon 'm': manifest ConfigMap 'cm'\.data\.self is a reference back to one of its own parents \(a cycle\)/),
];
