import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import { objectsIn, tmpdir, world } from './support';
import {
  AddonBundle, AddonDelivery, Catalog, GitOps, Infrastructure, ManagedCluster, ManagementCluster, NodePoolKind, OutputLayout, Platform, Site,
  SiteInfrastructure,
} from '../../src';
import { expectValidManifests } from '../support/crd-validation';

const WAVE = 'argocd.argoproj.io/sync-wave';
const AWS_PROVIDERS = { aws: { configSecret: 'capa-variables' } };

function files(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}

/** Two clusters at seoul (namespace seoul) under management cluster `mgmt`, addons by the given delivery. */
function gitOpsWorld(gitOps: GitOps, delivery: AddonDelivery) {
  const w = world();
  const mgmt = new ManagementCluster(w.platform, 'mgmt', { gitOps, providers: AWS_PROVIDERS });
  const site = new Site(w.platform, 'seoul-mgmt', {
    siteName: 'seoul-m',
    infrastructure: SiteInfrastructure.aws({ region: 'ap-northeast-2' }),
    managementCluster: mgmt,
    overrides: { namespace: 'seoul', addons: [new AddonBundle(w.platform, 'base', { addons: [Catalog.cilium(), Catalog.metricsServer()], delivery })] },
  });
  w.fleet.addCluster('prod', { blueprint: w.standard, site });
  w.fleet.addCluster('dev', { blueprint: w.standard, site, overrides: { controlPlane: { replicas: 1 } } });
  return { ...w, mgmt };
}

describe('GitOps layout', () => {
  test('given Argo CD, when synthesized, then each cluster has a folder, objects are ordered by sync waves and the root is an app-of-apps', () => {
    const { platform, outdir } = gitOpsWorld(GitOps.argoCd({ repoUrl: 'https://git.example.com/platform.git', path: 'fleet' }), AddonDelivery.argoCd());
    platform.synth();
    expect(files(outdir)).toEqual([
      'README.md',
      'bootstrap/mgmt/apps/applications.yaml',
      'bootstrap/mgmt/argo-cd-values.json',
      'bootstrap/mgmt/root.yaml',
      'clusters/mgmt/seoul/dev/addons/base.yaml',
      'clusters/mgmt/seoul/dev/cluster/dev.yaml',
      'clusters/mgmt/seoul/prod/addons/base.yaml',
      'clusters/mgmt/seoul/prod/cluster/prod.yaml',
      'management/mgmt/argocd-cluster-registration.yaml',
      'management/mgmt/deletion-protection.yaml',
      'management/mgmt/namespaces.yaml',
      'management/mgmt/providers.yaml',
    ]);
    const all = objectsIn(outdir);
    for (const { object } of all.filter((o) => o.file.endsWith('/cluster/prod.yaml'))) expect(object.metadata.annotations[WAVE]).toBe('-1');
    const addonApps = all.filter((o) => o.file.endsWith('prod/addons/base.yaml')).map((o) => o.object);
    expect(addonApps.every((a) => a.kind === 'Application' && Number(a.metadata.annotations[WAVE]) >= 0)).toBe(true);
    expect(all.find((o) => o.file === 'management/mgmt/namespaces.yaml')!.object).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'seoul' } });
    expect(all.filter((o) => o.file === 'management/mgmt/providers.yaml').map((o) => o.object.kind)).toContain('CoreProvider');
    const apps = all.filter((o) => o.file === 'bootstrap/mgmt/apps/applications.yaml').map((o) => o.object);
    expect(apps.map((a) => [a.metadata.name, a.metadata.annotations[WAVE], a.spec.source.path])).toEqual([
      ['mgmt-management', '-1', 'fleet/management/mgmt'],
      ['dev.seoul', '0', 'fleet/clusters/mgmt/seoul/dev'],
      ['prod.seoul', '0', 'fleet/clusters/mgmt/seoul/prod'],
    ]);
    expect(apps.every((a) => a.spec.syncPolicy.automated.prune === false && a.spec.source.directory.recurse === true)).toBe(true);
    const root = all.find((o) => o.file === 'bootstrap/mgmt/root.yaml')!.object;
    expect(root.spec.source).toMatchObject({ repoURL: 'https://git.example.com/platform.git', path: 'fleet/bootstrap/mgmt/apps', targetRevision: 'HEAD' });
    const readme = fs.readFileSync(path.join(outdir, 'README.md'), 'utf8');
    expect(readme).toContain('| [prod](clusters/mgmt/seoul/prod/) | seoul | seoul-m | standard | aws | v1.33.4 | 3 × m6i.xlarge |');
    expectValidManifests(all.map((o) => o.object));
  });

  test('given Argo CD and a MachinePool resized by an external autoscaler, when synthesized, then only that cluster\'s Application ignores (and respects ignoring) its replicas', () => {
    const outdir = tmpdir();
    const platform = new Platform({ outdir });
    const mgmt = new ManagementCluster(platform, 'mgmt', { gitOps: GitOps.argoCd({ repoUrl: 'https://git.example.com/platform.git' }), providers: AWS_PROVIDERS });
    for (const name of ['a', 'b']) {
      const cluster = new ManagedCluster(platform, name, { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'eu-west-1' }) });
      if (name === 'a') cluster.addNodePool('ext', { kind: NodePoolKind.MACHINE_POOL, replicas: 2, machinePool: { externalAutoscaling: { minSize: 1, maxSize: 5 } } });
      mgmt.addCluster(cluster);
    }
    platform.synth();
    const apps = objectsIn(outdir).filter((o) => o.file === 'bootstrap/mgmt/apps/applications.yaml').map((o) => o.object);
    const spec = (name: string) => apps.find((a) => a.metadata.name === name)!.spec;
    expect(spec('a.default').ignoreDifferences).toEqual([{ group: 'cluster.x-k8s.io', kind: 'MachinePool', name: 'a-ext', jsonPointers: ['/spec/replicas'] }]);
    expect(spec('a.default').syncPolicy.syncOptions).toEqual(['RespectIgnoreDifferences=true']);
    expect(spec('b.default').ignoreDifferences).toBeUndefined();
    expect(spec('b.default').syncPolicy.syncOptions).toBeUndefined();
    expectValidManifests(apps);
  });

  test('given Flux, when synthesized, then Kustomizations order management → cluster → addons with dependsOn and clusters are never pruned', () => {
    const { platform, outdir } = gitOpsWorld(GitOps.flux({ repoUrl: 'ssh://git@git.example.com/platform.git', secretName: 'platform-git' }), AddonDelivery.flux());
    platform.synth();
    const all = objectsIn(outdir);
    const flux = all.filter((o) => o.file === 'bootstrap/mgmt/flux.yaml').map((o) => o.object);
    expect(flux[0]).toMatchObject({ kind: 'GitRepository', spec: { url: 'ssh://git@git.example.com/platform.git', ref: { branch: 'main' }, secretRef: { name: 'platform-git' } } });
    const ks = Object.fromEntries(flux.slice(1).map((k) => [k.metadata.name, k.spec]));
    expect(Object.keys(ks)).toEqual(['mgmt-management', 'dev.seoul', 'dev.seoul.addons', 'prod.seoul', 'prod.seoul.addons']);
    expect(ks['prod.seoul']).toMatchObject({ path: './clusters/mgmt/seoul/prod/cluster', prune: false, wait: true, timeout: '1800s', dependsOn: [{ name: 'mgmt-management' }] });
    expect(ks['prod.seoul.addons']).toMatchObject({ path: './clusters/mgmt/seoul/prod/addons', prune: true, dependsOn: [{ name: 'prod.seoul' }] });
    expect(ks['mgmt-management'].prune).toBe(false);
    for (const { object } of all.filter((o) => o.file.includes('/cluster/'))) expect(object.metadata.annotations?.[WAVE]).toBeUndefined();
    expectValidManifests(all.map((o) => o.object));
  });

  test('given Argo CD in another namespace than the bundles\' Argo CD delivery, then a ValidationError says which namespace to deliver to', () => {
    const { platform } = gitOpsWorld(GitOps.argoCd({ repoUrl: 'https://git.example.com/platform.git', namespace: 'gitops' }), AddonDelivery.argoCd());
    expect(() => platform.synth()).toThrow(
      /mgmt: bundle 'base' delivers with Argo CD in namespace 'argocd' \(the default\), but this management cluster's Argo CD \(GitOps\.argoCd\) runs in 'gitops', .* Use AddonDelivery\.argoCd\(\{ namespace: 'gitops' \}\)/,
    );
    const ok = gitOpsWorld(GitOps.argoCd({ repoUrl: 'https://git.example.com/platform.git', namespace: 'gitops' }), AddonDelivery.argoCd({ namespace: 'gitops' }));
    expect(() => ok.platform.synth()).not.toThrow();
  });

  test('given good repository URLs and paths, then they are kept as given (a path starting with a dot is not cut)', () => {
    expect(GitOps.argoCd({ repoUrl: 'git@github.com:acme/platform.git' }).repoUrl).toEqual('git@github.com:acme/platform.git');
    expect(GitOps.flux({ repoUrl: 'ssh://git@git.example.com:2222/acme/platform.git' }).repoUrl).toEqual('ssh://git@git.example.com:2222/acme/platform.git');
    expect(GitOps.flux({ repoUrl: 'https://git.example.com/p.git', path: '.gitops' }).repoPath('clusters')).toEqual('.gitops/clusters');
    expect(GitOps.flux({ repoUrl: 'https://git.example.com/p.git', path: './gitops/' }).repoPath('clusters')).toEqual('gitops/clusters');
    expect(GitOps.argoCd({ repoUrl: 'https://git.example.com/p.git', revision: 'release/2026.12' }).revision).toEqual('release/2026.12');
    expect(GitOps.argoCd({ repoUrl: 'https://git.example.com/p.git', revision: '3f2a9c1e' }).revision).toEqual('3f2a9c1e');
    expect(GitOps.argoCd({ repoUrl: 'https://git.example.com/p.git', revision: '1.*' }).revision).toEqual('1.*'); // Argo CD semver tag tracking
    expect(GitOps.argoCd({ repoUrl: 'git@gitserver:/srv/git/platform.git' }).repoUrl).toEqual('git@gitserver:/srv/git/platform.git');
    expect(GitOps.argoCd({ repoUrl: 'https://first.last%40corp.com@git.example.com/p.git' }).repoUrl).toContain('%40');
    expect(GitOps.flux({ repoUrl: 'ssh://git@[fd00::1]:22/p.git' }).repoUrl).toEqual('ssh://git@[fd00::1]:22/p.git');
    // a bundle naming another namespace runs with an Argo CD of its own there
    const other = gitOpsWorld(GitOps.argoCd({ repoUrl: 'https://git.example.com/platform.git', namespace: 'gitops' }), AddonDelivery.argoCd({ namespace: 'argocd-addons' }));
    expect(() => other.platform.synth()).not.toThrow();
  });

  test('given cluster and namespace names too long for a label value together, then Kustomization and Application names are cut with a hash (kustomize-controller and Argo CD copy them into labels)', () => {
    for (const gitOps of [GitOps.flux({ repoUrl: 'https://git.example.com/p.git' }), GitOps.argoCd({ repoUrl: 'https://git.example.com/p.git' })]) {
      const w = world();
      const mgmt = new ManagementCluster(w.platform, 'm'.repeat(60), { gitOps, providers: AWS_PROVIDERS });
      const delivery = gitOps.engine === 'flux' ? AddonDelivery.flux() : AddonDelivery.argoCd();
      const site = new Site(w.platform, 'long', {
        infrastructure: SiteInfrastructure.aws({ region: 'ap-northeast-2' }),
        managementCluster: mgmt,
        overrides: { namespace: 'n'.repeat(40), addons: [new AddonBundle(w.platform, 'base', { addons: [Catalog.metricsServer()], delivery })] },
      });
      w.fleet.addCluster('c'.repeat(30), { blueprint: w.standard, site });
      w.platform.synth();
      const names = objectsIn(w.outdir).filter((o) => o.file.startsWith('bootstrap/')).map((o) => o.object.metadata.name as string);
      expect(names.length).toBeGreaterThanOrEqual(3);
      for (const n of names) expect(n.length).toBeLessThanOrEqual(63);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  test('given the same program twice, when synthesized, then the trees are byte-identical', () => {
    const read = () => {
      const { platform, outdir } = gitOpsWorld(GitOps.argoCd({ repoUrl: 'https://git.example.com/platform.git' }), AddonDelivery.argoCd());
      platform.synth();
      return Object.fromEntries(files(outdir).map((f) => [f, fs.readFileSync(path.join(outdir, f), 'utf8')]));
    };
    expect(read()).toEqual(read());
  });

  test('given a management cluster, when the layout is FLAT, then one file per cluster is still written', () => {
    const outdir = tmpdir();
    const platform = new Platform({ outdir, layout: OutputLayout.FLAT });
    new ManagementCluster(platform, 'mgmt', { providers: AWS_PROVIDERS });
    const fleetParent = new Construct(platform, 'nested');
    new ManagedCluster(fleetParent, 'inner', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'eu-west-1' }) });
    new ManagedCluster(platform, 'outer', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'eu-west-1' }) });
    expect(platform.layout).toBe(OutputLayout.FLAT);
    platform.synth();
    expect(files(outdir)).toEqual(['inner.k8s.yaml', 'mgmt.management.k8s.yaml', 'outer.k8s.yaml']);
  });

  test('given no management cluster, when no layout is set, then the layout is FLAT; with one, GITOPS', () => {
    const platform = new Platform({ outdir: tmpdir() });
    expect(platform.layout).toBe(OutputLayout.FLAT);
    new ManagementCluster(platform, 'm');
    expect(platform.layout).toBe(OutputLayout.GITOPS);
  });

  test('given two constructs rendering one object, when synthesized, then it is an error naming both and nothing is written', () => {
    const outdir = path.join(tmpdir(), 'out');
    const platform = new Platform({ outdir });
    new ManagedCluster(platform, 'a', { name: 'same', version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'eu-west-1' }) });
    new ManagedCluster(platform, 'b', { name: 'same', version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'eu-west-1' }) });
    expect(() => platform.synth()).toThrow(/b\/Cluster: renders cluster\.x-k8s\.io\/Cluster 'default\/same', which 'a\/Cluster' renders too/);
    expect(fs.existsSync(outdir)).toBe(false);
  });

  test('given two management clusters, when a cluster belongs to neither, then synthesis names it and the fix', () => {
    const platform = new Platform({ outdir: tmpdir() });
    const m1 = new ManagementCluster(platform, 'm1', { providers: AWS_PROVIDERS });
    new ManagementCluster(platform, 'm2', { providers: AWS_PROVIDERS });
    const a = new ManagedCluster(platform, 'a', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'eu-west-1' }) });
    new ManagedCluster(platform, 'b', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'eu-west-1' }) });
    m1.addCluster(a);
    expect(() => platform.synth()).toThrow(/^b: cluster 'b' belongs to no management cluster, and the platform has 2 \(m1, m2\)\. Add it with managementCluster\.addCluster\(\)/);
    expect(() => new ManagementCluster(platform, 'm3').addCluster(a)).toThrow(/cluster 'a' already belongs to management cluster 'm1'/);
  });

  test('given clusters with one name under two management clusters, when synthesized, then both are written in their own folders', () => {
    const platform = new Platform({ outdir: tmpdir() });
    for (const m of ['m1', 'm2']) {
      const mgmt = new ManagementCluster(platform, m, { providers: AWS_PROVIDERS });
      new ManagedCluster(mgmt, 'prod', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'eu-west-1' }) });
    }
    platform.synth();
    expect(files(platform.outdir).filter((f) => f.startsWith('clusters/'))).toEqual(['clusters/m1/default/prod/cluster/prod.yaml', 'clusters/m2/default/prod/cluster/prod.yaml']);
  });

  test.each([
    [() => GitOps.argoCd({ repoUrl: 'not a url' }), /repoUrl 'not a url' is not a Git repository URL/],
    [() => GitOps.argoCd({ repoUrl: 'https://git.example.com/p.git', path: '../up' }), /path '\.\.\/up' must be a relative directory/],
    [() => GitOps.flux({ repoUrl: 'https://git.example.com/p.git', namespace: 'Flux' }), /namespace 'Flux' is not a namespace name/],
    [() => GitOps.flux({ repoUrl: 'https://git.example.com/p.git', branch: 'my branch' }), /branch 'my branch' is not a Git branch name/],
    [() => GitOps.flux({ repoUrl: 'https://git.example.com/p.git', branch: 'feature..x~1:' }), /branch 'feature\.\.x~1:' is not a Git branch name/],
    [() => GitOps.flux({ repoUrl: 'https://git.example.com/p.git', branch: 'refs/heads/main' }), /branch 'refs\/heads\/main' is not a Git branch name \(Flux's ref\.branch takes the short name\)/],
    [() => GitOps.argoCd({ repoUrl: 'https://git.example.com/p.git', revision: 'a..b' }), /revision 'a\.\.b' is not a Git revision/],
    [() => GitOps.argoCd({ repoUrl: 'https://git.example.com/p.git', revision: 'release/' }), /revision 'release\/' is not a Git revision/],
    // Flux's GitRepository CRD: url must match ^(http|https|ssh)://
    [() => GitOps.flux({ repoUrl: 'git@github.com:acme/platform.git' }), /repoUrl 'git@github\.com:acme\/platform\.git' is not a Git repository URL Flux can use\. Flux takes ssh:\/\/, not the scp form: 'ssh:\/\/git@github\.com\/acme\/platform\.git'\./],
    [() => GitOps.argoCd({ repoUrl: 'ssh://git@github.com:acme/p.git' }), /repoUrl 'ssh:\/\/git@github\.com:acme\/p\.git' is not a Git repository URL\. Use e\.g\./], // a port must be a number
    [() => GitOps.argoCd({ repoUrl: 'https://bot:s3cret@github.com/acme/p.git' }), /repoUrl 'https:\/\/\*\*\*@github\.com\/acme\/p\.git' has credentials in it, which would be committed to Git\./],
  ])('given bad GitOps options (%#), when created, then it is a ValidationError with the fix', (make, expected) => {
    expect(make).toThrow(expected);
  });
});
