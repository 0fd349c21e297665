import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { parseAllDocuments } from 'yaml';
import { Capacity, Infrastructure, ManagedCluster, Platform } from '../../src';

function build(app: App): void {
  for (const name of ['seoul', 'tokyo']) {
    const cluster = new ManagedCluster(app, name, { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'ap-northeast-2' }) });
    cluster.addNodePool('spot', { availabilityZoneCount: 3, autoscaling: { minSize: 1, maxSize: 3 }, capacity: Capacity.spot() });
  }
}

function files(dir: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).sort().map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

describe('Platform', () => {
  let tmp: string;
  beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-')); });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('given clusters, when synthesized, then the files parse to the same objects as cdk8s App.synth writes (one per cluster)', () => {
    const viaApp = new App({ outdir: path.join(tmp, 'app') });
    build(viaApp);
    viaApp.synth();
    const viaPlatform = new Platform({ outdir: path.join(tmp, 'platform') });
    build(viaPlatform);
    viaPlatform.synth();
    const platformFiles = files(path.join(tmp, 'platform'));
    expect(Object.keys(platformFiles)).toEqual(['seoul.k8s.yaml', 'tokyo.k8s.yaml']);
    const parsed = (all: Record<string, string>) =>
      Object.fromEntries(Object.entries(all).map(([f, text]) => [f, parseAllDocuments(text).map((d) => d.toJS())]));
    expect(parsed(platformFiles)).toEqual(parsed(files(path.join(tmp, 'app'))));
    expect(parsed(platformFiles)['seoul.k8s.yaml'].filter((o: any) => o.kind === 'MachineDeployment')).toHaveLength(3);
  });

  test('given a synthesized platform, when synthesized again unchanged, then no file is rewritten; when one cluster changes, only its file is', () => {
    const outdir = path.join(tmp, 'out');
    const synth = (replicas: number) => {
      const platform = new Platform({ outdir });
      build(platform);
      const extra = new ManagedCluster(platform, 'osaka', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'ap-northeast-3' }) });
      extra.addNodePool('fixed', { replicas });
      platform.synth();
    };
    synth(2);
    const past = new Date('2020-01-01T00:00:00Z');
    for (const f of fs.readdirSync(outdir)) fs.utimesSync(path.join(outdir, f), past, past);
    const mtimes = () => Object.fromEntries(fs.readdirSync(outdir).sort().map((f) => [f, fs.statSync(path.join(outdir, f)).mtime.toISOString()]));

    synth(2);
    expect(mtimes()).toEqual({ 'osaka.k8s.yaml': past.toISOString(), 'seoul.k8s.yaml': past.toISOString(), 'tokyo.k8s.yaml': past.toISOString() });

    synth(3);
    const after = mtimes();
    expect(after['seoul.k8s.yaml']).toEqual(past.toISOString());
    expect(after['tokyo.k8s.yaml']).toEqual(past.toISOString());
    expect(after['osaka.k8s.yaml']).not.toEqual(past.toISOString());
    expect(fs.readFileSync(path.join(outdir, 'osaka.k8s.yaml'), 'utf8')).toMatch(/replicas: 3/);
  });

  test('given constructs with validation errors, when synthesized, then all errors are reported with their paths and nothing is written', () => {
    const platform = new Platform({ outdir: path.join(tmp, 'out') });
    const chart = new Chart(platform, 'chart');
    const a = new Construct(chart, 'a');
    a.node.addValidation({ validate: () => ['first problem'] });
    const b = new Construct(chart, 'b');
    b.node.addValidation({ validate: () => ['second problem'] });
    expect(() => platform.synth()).toThrow(/2 validation error\(s\):\n {2}chart\/a: first problem\n {2}chart\/b: second problem/);
    expect(fs.existsSync(path.join(tmp, 'out'))).toBe(false);
  });

  test('given two charts rendering the same object (another API version of it too), when synthesized, then every duplicate is reported with both paths and nothing is written', () => {
    const platform = new Platform({ outdir: path.join(tmp, 'out') });
    const configMap = (chart: Chart, id: string, apiVersion: string, namespace = 'ns') => new ApiObject(chart, id, { apiVersion, kind: 'ConfigMap', metadata: { name: 'same', namespace } });
    const deployment = (chart: Chart, id: string, apiVersion: string) => new ApiObject(chart, id, { apiVersion, kind: 'Deployment', metadata: { name: 'web', namespace: 'ns' } });
    const first = new Chart(platform, 'first');
    const second = new Chart(platform, 'second');
    configMap(first, 'cm', 'v1');
    configMap(second, 'cm', 'v1');
    deployment(first, 'web', 'apps/v1');
    deployment(second, 'web', 'apps/v1beta2');
    configMap(second, 'other-namespace', 'v1', 'other');
    let message = '';
    try {
      platform.synth();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/synthesis stopped by 2 duplicate object\(s\):/);
    expect(message).toMatch(/second\/cm: renders ConfigMap 'ns\/same', which 'first\/cm' renders too/);
    expect(message).toMatch(/second\/web: renders apps\/Deployment 'ns\/web', which 'first\/web' renders too/);
    expect(fs.existsSync(path.join(tmp, 'out'))).toBe(false);
  });
});
