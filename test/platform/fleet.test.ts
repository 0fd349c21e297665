import * as fs from 'fs';
import * as path from 'path';
import { tmpdir, world } from './support';
import { Blueprint, ManagementCluster, Site, SiteInfrastructure } from '../../src';

describe('Fleet: provenance in errors', () => {
  test('given a site that makes the control plane even, when the cluster is added, then the error names the value and the site that set it', () => {
    const { platform, standard, fleet } = world();
    const site = new Site(platform, 'busan', { infrastructure: SiteInfrastructure.aws({ region: 'ap-northeast-2' }), overrides: { controlPlane: { replicas: 2 } } });
    expect(() => fleet.addCluster('prod-busan', { blueprint: standard, site }))
      .toThrow(/^fleet\/prod-busan: controlPlane\.replicas \(2\) set by site 'busan' must be an odd number/);
  });

  test('given a cluster override that breaks a pool, when the cluster is added, then the error names the pool path and every layer involved', () => {
    const { standard, seoul, fleet } = world();
    expect(() => fleet.addCluster('a', { blueprint: standard, site: seoul, overrides: { nodePools: { general: { autoscaling: { minSize: 7 } } } } }))
      .toThrow(/^fleet\/a\/general: autoscaling\.minSize \(7\) set by cluster 'a' is greater than maxSize \(5\) set by blueprint 'standard'/);
  });

  test('given an invalid label from the blueprint, when the cluster is added, then the blueprint is named', () => {
    const { platform, seoul, fleet } = world();
    const bp = new Blueprint(platform, 'bad', { version: 'v1.33.4', labels: { team: 'not a label value' } });
    expect(() => fleet.addCluster('a', { blueprint: bp, site: seoul })).toThrow(/labels\['team'\] set by blueprint 'bad' has an invalid label value/);
  });

  test('given an override of a pool the blueprint lacks, when the cluster is added, then it is an error with the known pools and the fix', () => {
    const { standard, seoul, fleet } = world();
    expect(() => fleet.addCluster('a', { blueprint: standard, site: seoul, overrides: { nodePools: { genral: { replicas: 2 } } } }))
      .toThrow(/^fleet\/a: cluster 'a' overrides node pool 'genral', which the lower layers do not have \(pools: general, spot\)\. Did you mean 'general'\? Fix the name, or set addNew: true/);
  });

  test('given an override of a label capi-blueprints sets from the site or blueprint, when the cluster is added, then it is an error naming the layer (it was dropped silently)', () => {
    const { standard, seoul, fleet } = world();
    expect(() => fleet.addCluster('a', { blueprint: standard, site: seoul, overrides: { labels: { 'capi-blueprints.io/site': 'other' } } }))
      .toThrow(/^fleet\/a: cluster 'a' gets labels\['capi-blueprints\.io\/site'\] from cluster 'a', which capi-blueprints sets from the site \('seoul'\)\. Remove it; name the site \(siteName\) instead\./);
    expect(() => fleet.addCluster('b', { blueprint: standard, site: seoul, overrides: { labels: { 'capi-blueprints.io/site': 'seoul' } } })).not.toThrow(); // the same value
  });

  test('given removal of a pool the blueprint lacks, when the cluster is added, then it is an error', () => {
    const { standard, seoul, fleet } = world();
    expect(() => fleet.addCluster('a', { blueprint: standard, site: seoul, overrides: { nodePools: { gpu: { remove: true } } } }))
      .toThrow(/removes node pool 'gpu', which the lower layers do not have/);
  });

  test('given an unknown key from JavaScript, when the layer is created, then it is an error with a suggestion', () => {
    const { platform, standard, seoul, fleet } = world();
    expect(() => new Blueprint(platform, 'js', { version: 'v1.33.4', controlPlane: { replica: 3 } } as any))
      .toThrow(/^js: blueprint 'js': controlPlane\.replica is not a field of controlPlane\. Did you mean 'controlPlane\.replicas'\?/);
    expect(() => fleet.addCluster('a', { blueprint: standard, site: seoul, overrides: { nodePools: { general: { autoscaling: { maxsize: 4 } } } } as any }))
      .toThrow(/nodePools\.general\.autoscaling\.maxsize is not a field of nodePools\.general\.autoscaling\. Did you mean 'nodePools\.general\.autoscaling\.maxSize'\?/);
    expect(() => fleet.addCluster('b', { blueprint: standard, site: seoul, overrides: { controlPlane: { replicas: '3' } } as any }))
      .toThrow(/controlPlane\.replicas \('3'\) must be a number/);
  });

  test('given two clusters with one name in one namespace of one management cluster, when added, then the second is an error naming the first', () => {
    const { standard, seoul, fleet } = world();
    fleet.addCluster('prod', { blueprint: standard, site: seoul });
    expect(() => fleet.addCluster('prod', { blueprint: standard, site: seoul })).toThrow(/cluster 'prod' in namespace 'default' is already defined by cluster 'prod'/);
    fleet.addCluster('prod', { blueprint: standard, site: seoul, overrides: { namespace: 'other' } });
  });

  test('given a blueprint without a version, when a cluster is added, then the error says where to set it', () => {
    const { platform, seoul, fleet } = world();
    const bp = new Blueprint(platform, 'nover', {});
    expect(() => fleet.addCluster('a', { blueprint: bp, site: seoul })).toThrow(/^fleet\/a: cluster 'a' has no Kubernetes version: set version in blueprint 'nover'/);
  });

  test('given settings of another provider in a site, when a cluster is added, then it is an error', () => {
    const { platform, standard, fleet } = world();
    const site = new Site(platform, 'x', { infrastructure: SiteInfrastructure.aws({ region: 'eu-west-1' }), overrides: { eks: { associateOidcProvider: true } } });
    expect(() => fleet.addCluster('a', { blueprint: standard, site })).toThrow(/site 'x' sets 'eks' settings, but site 'x' runs on 'aws'/);
  });

  test('given a BYOH site, when a cluster has no endpoint or a pool no host selector, then each is an error with the fix', () => {
    const { platform, standard, fleet } = world();
    const dc1 = new Site(platform, 'dc1', { infrastructure: SiteInfrastructure.byoh({ controlPlaneHosts: { matchLabels: { role: 'cp' } } }), overrides: { network: { podCidrs: ['10.233.64.0/18'] } } });
    expect(() => fleet.addCluster('a', { blueprint: standard, site: dc1 })).toThrow(/needs a controlPlaneEndpoint/);
    expect(() => fleet.addCluster('b', { blueprint: standard, site: dc1, controlPlaneEndpoint: { host: '192.168.1.10' } }))
      .toThrow(/node pool 'general' on BYOH site 'dc1' has no host selector\. Set nodePools\.general\.byoh\.hosts/);
  });
});

describe('Fleet: table input', () => {
  test('given valid rows, when added, then clusters are built from the named site and blueprint', () => {
    const { platform, fleet } = world();
    const clusters = fleet.addRows([
      { name: 'a', site: 'seoul', blueprint: 'standard' },
      { name: 'b', site: 'seoul', blueprint: 'standard', overrides: { controlPlane: { replicas: 1 }, labels: { env: 'dev' } } },
    ]);
    expect(clusters.map((c) => c.clusterName)).toEqual(['a', 'b']);
    expect(clusters[1].controlPlane.replicas).toBe(1);
    expect(platform.node.findAll().filter((c: any) => c.kind === 'KubeadmControlPlane')).toHaveLength(2);
  });

  test.each([
    [{ name: 'x', site: 'sel', blueprint: 'standard' }, /fleet\.yaml row 2 \(x\): site 'sel' is not defined\. Sites: seoul\./],
    [{ name: 'x', site: 'seoul', blueprint: 'std' }, /fleet\.yaml row 2 \(x\): blueprint 'std' is not defined\. Blueprints: standard\./],
    [{ name: 'x', site: 'seoul' }, /fleet\.yaml row 2 \(x\): blueprint is missing/],
    [{ name: 'x', site: 'seoul', blueprint: 'standard', overide: {} }, /row 2 \(x\): 'overide' is not a row field/],
    [{ name: 'x', site: 'seoul', blueprint: 'standard', overrides: { controlPlane: { machinetype: 'm6i.large' } } }, /row 2 \(x\): overrides\.controlPlane\.machinetype is not a field of controlPlane\. Did you mean 'controlPlane\.machineType'\?/],
    [{ name: 'x', site: 'seoul', blueprint: 'standard', overrides: { nodePools: { spot: { capacity: 'spot' } } } }, /row 2 \(x\): overrides\.nodePools\.spot\.capacity takes a value object \(e\.g\. Capacity\.spot\(\)\) and cannot be set from a table/],
    [{ name: 'x', site: 'seoul', blueprint: 'standard', overrides: { controlPlane: { replicas: 4 } } }, /^fleet\/x: fleet\.yaml row 2 \(x\): controlPlane\.replicas|controlPlane\.replicas \(4\) set by fleet\.yaml row 2 \(x\) must be an odd number/],
    [{ name: 'X_bad', site: 'seoul', blueprint: 'standard' }, /row 2 \(X_bad\): cluster name 'X_bad' is not a DNS label/],
  ])('given a bad row %j, when added, then the error names the row, the field and the fix', (row, expected) => {
    const { fleet } = world();
    expect(() => fleet.addRows([{ name: 'ok', site: 'seoul', blueprint: 'standard' }, row as any], 'fleet.yaml')).toThrow(expected);
  });

  test('given a YAML file of rows, when added, then its rows become clusters and errors name the file and row', () => {
    const { fleet } = world();
    const dir = tmpdir();
    const file = path.join(dir, 'fleet.yaml');
    fs.writeFileSync(file, 'clusters:\n  - name: a\n    site: seoul\n    blueprint: standard\n    overrides:\n      nodePools:\n        spot:\n          autoscaling: { maxSize: 30 }\n');
    expect(fleet.addFromFile(file).map((c) => c.clusterName)).toEqual(['a']);
    fs.writeFileSync(file, '- name: b\n  site: seoul\n  blueprint: standard\n- name: c\n  site: nowhere\n  blueprint: standard\n');
    expect(() => fleet.addFromFile(file)).toThrow(/fleet\.yaml row 2 \(c\): site 'nowhere' is not defined/);
    fs.writeFileSync(file, 'name: [unclosed');
    expect(() => fleet.addFromFile(file)).toThrow(/fleet file '.*fleet\.yaml' is not valid YAML\/JSON/);
    expect(() => fleet.addFromFile(path.join(dir, 'missing.yaml'))).toThrow(/cannot read fleet file/);
  });

  test('given a thousand rows, when added, then every cluster is built', () => {
    const { fleet } = world();
    const rows = Array.from({ length: 1000 }, (_, i) => ({ name: `c${i}`, site: 'seoul', blueprint: 'standard' }));
    expect(fleet.addRows(rows)).toHaveLength(1000);
  });
});

describe('Fleet: nothing is written when a configuration is invalid', () => {
  test('given an invalid override, when the program stops, then no file exists', () => {
    const outdir = path.join(tmpdir(), 'out');
    const { platform, standard, seoul, fleet } = world(outdir);
    new ManagementCluster(platform, 'mgmt');
    expect(() => fleet.addCluster('a', { blueprint: standard, site: seoul, overrides: { controlPlane: { replicas: 2 } } })).toThrow();
    expect(fs.existsSync(outdir)).toBe(false);
  });
});
