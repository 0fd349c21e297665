import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
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

  test('given clusters, when synthesized, then the files are byte-identical to cdk8s App.synth (one per cluster)', () => {
    const viaApp = new App({ outdir: path.join(tmp, 'app') });
    build(viaApp);
    viaApp.synth();
    const viaPlatform = new Platform({ outdir: path.join(tmp, 'platform') });
    build(viaPlatform);
    viaPlatform.synth();
    expect(Object.keys(files(path.join(tmp, 'platform')))).toEqual(['seoul.k8s.yaml', 'tokyo.k8s.yaml']);
    expect(files(path.join(tmp, 'platform'))).toEqual(files(path.join(tmp, 'app')));
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
});
