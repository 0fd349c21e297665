import * as fs from 'fs';
import * as path from 'path';
import { tmpdir } from './support';
import { AddonBundle, Catalog, HelmAddon, Infrastructure, ManagedCluster, Platform } from '../../src';

function withEnv<T>(env: Record<string, string | undefined>, f: () => T): T {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  try {
    return f();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** A bundle whose override adds a key the addon's values do not have: a warning. */
function warningProgram(platform: Platform): void {
  const cluster = new ManagedCluster(platform, 'prod', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'eu-west-1' }) });
  const metrics = Catalog.metricsServer();
  const bundle = new AddonBundle(platform, 'base', { addons: [metrics] });
  bundle.overrideAddon(metrics, { values: { replicaCountt: 2 } });
  bundle.attachTo(cluster);
}

describe('Platform under the cdk8s CLI', () => {
  test('given CDK8S_OUTDIR (cdk8s synth -o / --stdout), when synthesized, then it wins over the outdir prop', () => {
    const cli = tmpdir();
    const prop = path.join(tmpdir(), 'prop');
    withEnv({ CDK8S_OUTDIR: cli }, () => {
      const platform = new Platform({ outdir: prop });
      new ManagedCluster(platform, 'prod', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'eu-west-1' }) });
      platform.synth();
    });
    expect(fs.readdirSync(cli)).toEqual(['prod.k8s.yaml']);
    expect(fs.existsSync(prop)).toBe(false);
  });

  test('given CDK8S_RECORD_CONSTRUCT_METADATA, when synthesized, then construct-metadata.json maps objects to construct paths', () => {
    const outdir = tmpdir();
    withEnv({ CDK8S_RECORD_CONSTRUCT_METADATA: 'true' }, () => {
      const platform = new Platform({ outdir });
      new ManagedCluster(platform, 'prod', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'eu-west-1' }) });
      platform.synth();
    });
    const metadata = JSON.parse(fs.readFileSync(path.join(outdir, 'construct-metadata.json'), 'utf8'));
    expect(metadata.resources.prod).toEqual({ path: 'prod/Cluster' });
  });
});

describe('Platform warnings', () => {
  test('given an override that adds a key, when synthesized, then the warning is printed to standard error with its path and counted', () => {
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const platform = new Platform({ outdir: tmpdir(), strict: false });
      warningProgram(platform);
      expect(platform.warnings).toEqual([expect.stringMatching(/^base: .*replicaCountt/)]);
      platform.synth();
      const printed = write.mock.calls.map((c) => String(c[0])).join('');
      expect(printed).toMatch(/warning: base: .*replicaCountt/);
      expect(printed).toMatch(/capi-blueprints: 1 warning\(s\)/);
    } finally {
      write.mockRestore();
    }
  });

  test('given the same warning on many constructs (a blueprint-wide setting on every pool), when synthesized, then it is printed once with the other paths counted, and all are listed by Platform.warnings', () => {
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const platform = new Platform({ outdir: tmpdir(), strict: false });
      for (const name of ['a', 'b', 'c', 'd', 'e']) {
        const cluster = new ManagedCluster(platform, name, { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'eu-west-1' }) });
        cluster.addNodePool('workers', { replicas: 1, bootstrap: { preKubeadmCommands: ['apt-get install -y nfs-common'] } });
      }
      expect(platform.warnings).toHaveLength(5);
      expect(platform.warnings[4]).toMatch(/^e\/workers: bootstrap\.preKubeadmCommands: 'apt-get install -y nfs-common' installs packages/);
      platform.synth();
      const printed = write.mock.calls.map((c) => String(c[0])).join('');
      const lines = printed.split('\n').filter((l) => l.startsWith('warning: '));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^warning: a\/workers: bootstrap\.preKubeadmCommands: 'apt-get install -y nfs-common' installs packages .* \(the same at 4 other construct\(s\): b\/workers, c\/workers, d\/workers, and 1 more\)$/);
      expect(printed).toMatch(/capi-blueprints: 5 warning\(s\) \(1 distinct\)/);
    } finally {
      write.mockRestore();
    }
  });

  test.each([
    ['the strict prop', {}, true],
    ['CAPI_BLUEPRINTS_STRICT=true', { CAPI_BLUEPRINTS_STRICT: 'true' }, undefined],
  ])('given %s, when a warning exists, then synthesis stops and writes nothing', (_name, env, strict) => {
    const outdir = path.join(tmpdir(), 'out');
    withEnv(env, () => {
      const platform = new Platform({ outdir, strict });
      warningProgram(platform);
      expect(() => platform.synth()).toThrow(/synthesis stopped by 1 warning\(s\) in strict mode:\n {2}base: .*replicaCountt/);
    });
    expect(fs.existsSync(outdir)).toBe(false);
  });

  test('given no warnings and strict mode, when synthesized, then files are written', () => {
    const platform = new Platform({ outdir: tmpdir(), strict: true });
    new AddonBundle(platform, 'b', { addons: [new HelmAddon({ name: 'x', repository: 'https://charts.example.com', chart: 'x', version: '1.0.0' })] })
      .attachTo(new ManagedCluster(platform, 'prod', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'eu-west-1' }) }));
    platform.synth();
    expect(fs.readdirSync(platform.outdir).sort()).toEqual(['b.k8s.yaml', 'prod.k8s.yaml']);
  });
});
