import { tmpdir, world } from './support';
import { AddonBundle, Catalog, Infrastructure, ManagedCluster, ManagementCluster, Platform } from '../../src';

describe('changes after synth()', () => {
  test.each([
    ['addNodePool', (c: ManagedCluster) => c.addNodePool('late'), /prod: adding node pool 'late' after synth\(\): the files are already written/],
    ['addLabel', (c: ManagedCluster) => c.addLabel('late', 'x'), /prod: addLabel\('late'\) after synth\(\)/],
    ['attachTo', (c: ManagedCluster, b: AddonBundle) => b.attachTo(c), /base: attachTo after synth\(\)/],
    ['addAddon', (_c: ManagedCluster, b: AddonBundle) => b.addAddon(Catalog.certManager()), /base: addAddon after synth\(\)/],
    ['addCluster', (c: ManagedCluster, _b: AddonBundle, m: ManagementCluster) => m.addCluster(c), /mgmt: addCluster after synth\(\)/],
  ])('given a synthesized platform, when %s is called, then it is a ValidationError instead of a silently lost change', (_name, change, expected) => {
    const platform = new Platform({ outdir: tmpdir() });
    const m = new ManagementCluster(platform, 'mgmt', { providers: { aws: { configSecret: 'capa-variables' } } });
    const cluster = new ManagedCluster(platform, 'prod', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'eu-west-1' }) });
    const bundle = new AddonBundle(platform, 'base', { addons: [Catalog.metricsServer()] });
    platform.synth();
    expect(() => change(cluster, bundle, m)).toThrow(expected);
  });

  test('given a synthesized platform, when a fleet cluster is added, then it is a ValidationError', () => {
    const { platform, standard, seoul, fleet } = world();
    platform.synth();
    expect(() => fleet.addCluster('late', { blueprint: standard, site: seoul })).toThrow(/fleet: adding cluster 'late' after synth\(\)/);
  });
});
