/**
 * Package smoke test: the library as a package user gets it (`npx projen package-smoke`, which
 * compiles first; `.ci/run` runs it after `npm test`).
 *
 * 1. `npm pack` of the built library (`lib/` from `npx projen compile`); the tarball holds lib/,
 *    .jsii and the bundled `yaml`, and no sources, tests, examples or scripts.
 * 2. A fresh project in a temporary directory, written from the README section "Use it in your
 *    project" (its install lines, `tsconfig.json`, `cdk8s.yaml`, `main.ts`, validation-plugin
 *    block, `foundation.ts`, `cdktf.json`), so the documented snippets are what is tested.
 * 3. Manifest half, with only the documented peers installed (no cdktf, no AWS provider):
 *    `ts-node main.ts`, a plain-`node` program that must not load cdktf, `cdk8s synth --stdout`,
 *    `cdk8s synth -o DIR`, warnings printed with their construct path, strict mode
 *    (`CAPI_BLUEPRINTS_STRICT=1`) failing on that warning with nothing written, and the cdk8s
 *    validation plugin loaded from `./node_modules/capi-blueprints` (clean program passes, a
 *    schema error fails with its construct path; nothing installed into the plugin directory).
 * 4. Terraform half, after installing the documented cdktf lines: `ts-node foundation.ts` into
 *    `dist/aws-foundation` of a project without `dist/`, and `cdktf synth` (same Terraform JSON).
 *
 * No network at synth: the cdk8s and cdktf CLIs' version checks and telemetry are turned off;
 * `npm install` uses `--prefer-offline` (the npm registry is only asked for what the cache lacks).
 *
 * Run: `ts-node --transpile-only scripts/package-smoke.ts [--keep] [--crds DIR]`
 *   --keep      keep the temporary project (it is always kept when a check fails)
 *   --crds DIR  CRDs for the validation plugin (default ../shared/crds)
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';

const ROOT = path.resolve(__dirname, '..');
const SECTION = '## Use it in your project';

/** The environment of every command: no CLI version checks or telemetry, no outdir/strict leaking in. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['CDK8S_OUTDIR', 'CDKTF_OUTDIR', 'CAPI_BLUEPRINTS_OUTDIR', 'CAPI_BLUEPRINTS_STRICT', 'NODE_OPTIONS']) delete env[key];
  return {
    ...env,
    CDK8S_CHECK_UPGRADE: 'false',
    CHECKPOINT_DISABLE: '1',
    DISABLE_VERSION_CHECK: 'true',
    npm_config_update_notifier: 'false',
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    ...extra,
  };
}

class SmokeFailure extends Error {}

interface Result { readonly status: number | null; readonly stdout: string; readonly stderr: string; readonly output: string }

let checks = 0;

function check(condition: boolean, what: string, result?: Result): void {
  if (condition) {
    checks++;
    return;
  }
  const tail = (s: string) => s.split('\n').slice(-40).join('\n');
  const details = result ? `\n--- exit ${result.status}\n--- stdout (tail)\n${tail(result.stdout)}\n--- stderr (tail)\n${tail(result.stderr)}` : '';
  throw new SmokeFailure(`${what}${details}`);
}

function run(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = cleanEnv()): Result {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new SmokeFailure(`${command} ${args.join(' ')}: ${r.error.message}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, output: r.stdout + r.stderr };
}

function step<T>(title: string, fn: () => T): T {
  const start = Date.now();
  const value = fn();
  console.log(`  ok  ${title} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
  return value;
}

/** The README section for package users, and the first fenced block after a marker in it. */
function readmeSection(): string {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n${SECTION}\n`);
  if (start < 0) throw new SmokeFailure(`README.md has no '${SECTION}' section`);
  const end = readme.indexOf('\n## ', start + SECTION.length + 2);
  return readme.slice(start, end < 0 ? undefined : end);
}

export function blockAfter(text: string, marker: string, lang?: string): string {
  const at = text.indexOf(marker);
  if (at < 0) throw new SmokeFailure(`README '${SECTION}': no '${marker}'`);
  const fence = new RegExp('^```' + (lang ?? '[a-z]*') + '\\n([\\s\\S]*?)^```', 'm');
  const m = text.slice(at).match(fence);
  if (!m) throw new SmokeFailure(`README '${SECTION}': no ${lang ?? ''} code block after '${marker}'`);
  return m[1];
}

/** The package specs of the README's `npm install` lines, split into manifest and Terraform lines. */
export function installSpecs(shBlock: string, tarball: string): { manifest: string[]; terraform: string[] } {
  const manifest: string[] = [];
  const terraform: string[] = [];
  for (const line of shBlock.split('\n').map((l) => l.trim())) {
    if (!line.startsWith('npm install ')) continue;
    const specs = line.split(/\s+/).slice(2).filter((t) => !t.startsWith('-'))
      .map((t) => (t === 'capi-blueprints' ? tarball : t));
    (specs.some((s) => s.startsWith('cdktf') || s.startsWith('@cdktf/')) ? terraform : manifest).push(...specs);
  }
  return { manifest, terraform };
}

interface ObjectId { readonly kind: string; readonly name: string }

function objectsOf(yamlText: string): ObjectId[] {
  return parseAllDocuments(yamlText).map((d) => d.toJS()).filter((o) => o)
    .map((o) => ({ kind: String(o.kind), name: `${o.metadata?.namespace ?? ''}/${o.metadata?.name}` }));
}

function objectsIn(dir: string): ObjectId[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml')).sort()
    .flatMap((f) => objectsOf(fs.readFileSync(path.join(dir, f), 'utf8')));
}

const sorted = (objects: ObjectId[]) => objects.map((o) => `${o.kind} ${o.name}`).sort();

const WARN_PROGRAM = `import { AddonBundle, Catalog, Infrastructure, ManagedCluster, Platform } from 'capi-blueprints';

const platform = new Platform({ outdir: 'dist-warn' });
const cluster = new ManagedCluster(platform, 'dev', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'eu-west-1' }) });
cluster.addNodePool('general', { replicas: 2 });
const ccm = Catalog.awsCloudControllerManager();
const base = new AddonBundle(platform, 'base', { addons: [Catalog.cilium(), ccm] });
base.overrideAddon(ccm, { values: { replicaCuont: 2 } }); // a typo: a warning (an error in strict mode)
base.attachTo(cluster);
platform.synth();
`;

const BAD_PROGRAM = `import { ApiObject, Chart } from 'cdk8s';
import { Platform } from 'capi-blueprints';

// An object that passes cdk8s but not the CRD schema: the validation plugin must fail synth.
const platform = new Platform();
const chart = new Chart(platform, 'raw');
new ApiObject(chart, 'broken', {
  apiVersion: 'cluster.x-k8s.io/v1beta2', kind: 'Cluster',
  metadata: { name: 'broken', namespace: 'default' },
  spec: { paused: 'yes' },
});
platform.synth();
`;

// Plain node, no TypeScript: loads the library, synthesizes, and lists the cdktf modules it loaded.
const MANIFEST_ONLY_PROGRAM = `const { Infrastructure, ManagedCluster, Platform } = require('capi-blueprints');
const platform = new Platform({ outdir: 'dist-node' });
new ManagedCluster(platform, 'plain', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'eu-west-1' }) })
  .addNodePool('general', { replicas: 1 });
platform.synth();
const loaded = Object.keys(require.cache).filter((k) => /node_modules[\\\\/](cdktf|@cdktf)[\\\\/]/.test(k));
console.log(JSON.stringify({ modules: Object.keys(require.cache).length, cdktf: loaded }));
`;

function main(): void {
  const argv = process.argv.slice(2);
  const keep = argv.includes('--keep');
  const crdsArg = argv.indexOf('--crds');
  const crds = path.resolve(ROOT, crdsArg >= 0 ? argv[crdsArg + 1] : '../shared/crds');
  const started = Date.now();
  if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js'))) {
    throw new SmokeFailure('lib/index.js is missing: build first (`npx projen compile`, or run `npx projen package-smoke`, which does)');
  }
  if (!fs.existsSync(crds)) throw new SmokeFailure(`no CRD directory at ${crds} (--crds DIR)`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-blueprints-smoke-'));
  const project = path.join(work, 'project');
  fs.mkdirSync(project);
  console.log(`package smoke in ${work}`);
  let ok = false;
  try {
    const section = readmeSection();
    const bin = (name: string) => path.join(project, 'node_modules', '.bin', name);

    // ---- 1. pack --------------------------------------------------------------------------------
    const tarball = step('npm pack', () => {
      const r = run(ROOT, 'npm', ['pack', '--json', '--pack-destination', work]);
      check(r.status === 0, 'npm pack exits 0', r);
      const [info] = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')));
      const files: string[] = info.files.map((f: { path: string }) => f.path);
      for (const needed of ['lib/index.js', 'lib/index.d.ts', 'lib/cli/index.js', 'lib/terraform/app.js', '.jsii', 'node_modules/yaml/package.json', 'README.md']) {
        check(files.includes(needed), `the tarball holds ${needed}`);
      }
      const stray = files.filter((f) => /^(src|test|examples|scripts|\.ci|\.tmp|dist|coverage)\//.test(f) || f.endsWith('.ts') && !f.endsWith('.d.ts'));
      check(stray.length === 0, `the tarball holds no sources, tests, examples or scripts (found: ${stray.slice(0, 5).join(', ')})`);
      return path.join(work, info.filename);
    });
    const specs = installSpecs(blockAfter(section, '```sh', 'sh'), tarball);
    check(specs.manifest.includes(tarball) && specs.terraform.length > 0, 'the README install block lists the library and the Terraform peers');

    // ---- 2. the manifest half, without cdktf --------------------------------------------------
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'smoke', version: '0.0.0', private: true }, undefined, 2));
    fs.writeFileSync(path.join(project, 'tsconfig.json'), blockAfter(section, '`tsconfig.json`', 'json'));
    const cdk8sYaml = blockAfter(section, '`cdk8s.yaml`', 'yaml');
    fs.writeFileSync(path.join(project, 'cdk8s.yaml'), cdk8sYaml);
    fs.writeFileSync(path.join(project, 'main.ts'), blockAfter(section, '`main.ts`', 'ts'));
    fs.writeFileSync(path.join(project, 'warn.ts'), WARN_PROGRAM);
    fs.writeFileSync(path.join(project, 'bad.ts'), BAD_PROGRAM);
    fs.writeFileSync(path.join(project, 'manifest-only.js'), MANIFEST_ONLY_PROGRAM);

    step(`npm install ${specs.manifest.map((s) => (s === tarball ? path.basename(s) : s)).join(' ')}`, () => {
      const r = run(project, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...specs.manifest]);
      check(r.status === 0, 'npm install of the library with its documented peers exits 0', r);
      for (const absent of ['cdktf', '@cdktf/provider-aws']) {
        check(!fs.existsSync(path.join(project, 'node_modules', absent)), `${absent} is not installed (optional peer)`);
      }
    });

    const dist = path.join(project, 'dist');
    const mainObjects = step('npx ts-node main.ts (README program, type-checked)', () => {
      const r = run(project, 'npx', ['ts-node', 'main.ts']);
      check(r.status === 0, 'ts-node main.ts exits 0', r);
      check(!/^warning:/m.test(r.stderr), 'the README program prints no warning', r);
      const objects = objectsIn(dist);
      check(objects.some((o) => o.kind === 'Cluster') && objects.some((o) => o.kind === 'KubeadmControlPlane') && objects.some((o) => o.kind === 'MachineDeployment'),
        `main.ts writes a Cluster, a KubeadmControlPlane and a MachineDeployment to dist/ (got ${sorted(objects).join(', ')})`);
      return objects;
    });

    step('node manifest-only.js (plain node; cdktf neither installed nor loaded)', () => {
      const r = run(project, 'node', ['manifest-only.js']);
      check(r.status === 0, 'node manifest-only.js exits 0', r);
      const report = JSON.parse(r.stdout.trim().split('\n').pop()!);
      check(report.cdktf.length === 0, `no cdktf module loaded (${report.cdktf.join(', ')})`, r);
      check(objectsIn(path.join(project, 'dist-node')).some((o) => o.kind === 'Cluster' && o.name === 'default/plain'), 'manifest-only.js writes its Cluster', r);
    });

    step('npx cdk8s synth --stdout', () => {
      const r = run(project, bin('cdk8s'), ['synth', '--stdout']);
      check(r.status === 0, 'cdk8s synth --stdout exits 0', r);
      check(JSON.stringify(sorted(objectsOf(r.stdout))) === JSON.stringify(sorted(mainObjects)), 'cdk8s synth --stdout prints the objects main.ts writes', r);
    });

    step('npx cdk8s synth -o out-cli', () => {
      const r = run(project, bin('cdk8s'), ['synth', '-o', 'out-cli']);
      check(r.status === 0, 'cdk8s synth -o exits 0', r);
      check(JSON.stringify(sorted(objectsIn(path.join(project, 'out-cli')))) === JSON.stringify(sorted(mainObjects)), 'cdk8s synth -o writes the objects of main.ts into out-cli/', r);
    });

    const warning = "warning: base: overrideAddon('aws-cloud-controller-manager') sets 'replicaCuont'";
    step('warnings printed (cdk8s synth of a program with an override typo)', () => {
      const r = run(project, bin('cdk8s'), ['synth', '--app', 'npx ts-node warn.ts', '-o', 'out-warn']);
      check(r.status === 0, 'a warning does not fail synth', r);
      check(r.output.includes(warning), 'the warning is printed with its construct path', r);
      check(r.output.includes('capi-blueprints: 1 warning(s)'), 'the warning count is printed', r);
      check(objectsIn(path.join(project, 'out-warn')).some((o) => o.kind === 'HelmChartProxy'), 'the manifests are written', r);
    });

    step('strict mode (CAPI_BLUEPRINTS_STRICT=1) fails on that warning', () => {
      const direct = run(project, 'npx', ['ts-node', 'warn.ts'], cleanEnv({ CAPI_BLUEPRINTS_STRICT: '1' }));
      check(direct.status !== 0, 'ts-node warn.ts exits non-zero in strict mode', direct);
      check(direct.stderr.includes('synthesis stopped by 1 warning(s) in strict mode') && direct.stderr.includes("'replicaCuont'"), 'the error names the warning', direct);
      check(!fs.existsSync(path.join(project, 'dist-warn')), 'nothing is written in strict mode', direct);
      const cli = run(project, bin('cdk8s'), ['synth', '--app', 'npx ts-node warn.ts', '-o', 'out-strict'], cleanEnv({ CAPI_BLUEPRINTS_STRICT: '1' }));
      check(cli.status !== 0, 'cdk8s synth exits non-zero in strict mode', cli);
      check(cli.output.includes('synthesis stopped by 1 warning(s) in strict mode'), 'cdk8s synth shows the strict-mode error', cli);
      check(!fs.existsSync(path.join(project, 'out-strict')) || objectsIn(path.join(project, 'out-strict')).length === 0, 'cdk8s synth writes no manifest in strict mode', cli);
    });

    step('cdk8s validation plugin from ./node_modules/capi-blueprints (README block)', () => {
      fs.symlinkSync(crds, path.join(project, 'crds'), 'dir'); // the README's `crds: crds`; a link, not a copy
      fs.writeFileSync(path.join(project, 'cdk8s.yaml'), `${cdk8sYaml.trimEnd()}\n${blockAfter(section, 'validation plugin to `cdk8s.yaml`', 'yaml')}`);
      const pluginsDir = path.join(work, 'cdk8s-plugins');
      const good = run(project, bin('cdk8s'), ['synth', '-o', 'out-validated', '--plugins-dir', pluginsDir]);
      check(good.status === 0, 'cdk8s synth with the plugin exits 0 on the README program', good);
      check(new RegExp(`capi-blueprints: ${mainObjects.length} object\\(s\\) validated, 0 finding\\(s\\)`).test(good.output), 'the plugin validated every object with no finding', good);
      check(/Status\s*│\s*success/.test(good.output), 'the plugin reports success', good);
      const bad = run(project, bin('cdk8s'), ['synth', '--app', 'npx ts-node bad.ts', '-o', 'out-bad', '--plugins-dir', pluginsDir]);
      check(bad.status !== 0, 'cdk8s synth with the plugin fails on a schema error', bad);
      check(bad.output.includes('capi-blueprints/schema') && bad.output.includes('spec.paused'), 'the violation names the rule and the field', bad);
      check(bad.output.includes('Construct Path: raw/broken'), 'the violation names the construct path', bad);
      check(!fs.existsSync(pluginsDir), 'cdk8s-cli installed nothing into its plugin directory');
    });

    // ---- 3. the Terraform half ------------------------------------------------------------------
    step(`npm install ${specs.terraform.join(' ')}`, () => {
      const r = run(project, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...specs.terraform]);
      check(r.status === 0, 'npm install of the Terraform peers and cdktf-cli exits 0', r);
    });
    fs.writeFileSync(path.join(project, 'foundation.ts'), blockAfter(section, '`foundation.ts`', 'ts'));
    fs.writeFileSync(path.join(project, 'cdktf.json'), blockAfter(section, '`cdktf.json`', 'json'));
    fs.rmSync(dist, { recursive: true, force: true }); // a fresh project: no dist/ yet

    const stackJson = (dir: string) => path.join(project, dir, 'stacks', 'aws-foundation', 'cdk.tf.json');
    const direct = step('npx ts-node foundation.ts (into dist/aws-foundation, no dist/ beforehand)', () => {
      const r = run(project, 'npx', ['ts-node', 'foundation.ts']);
      check(r.status === 0, 'ts-node foundation.ts exits 0', r);
      check(fs.existsSync(stackJson('dist/aws-foundation')), 'the stack is written to dist/aws-foundation/stacks/aws-foundation/cdk.tf.json', r);
      const tf = JSON.parse(fs.readFileSync(stackJson('dist/aws-foundation'), 'utf8'));
      for (const type of ['aws_iam_role', 'aws_iam_instance_profile', 'aws_vpc', 'aws_subnet']) check(tf.resource?.[type] !== undefined, `the stack has ${type}`);
      check(tf.terraform?.backend?.s3?.bucket === 'acme-terraform-state', 'the stack has the S3 backend');
      return fs.readFileSync(stackJson('dist/aws-foundation'), 'utf8');
    });

    step('npx cdktf synth (cdktf.json of the README)', () => {
      const r = run(project, bin('cdktf'), ['synth']);
      check(r.status === 0, 'cdktf synth exits 0', r);
      check(fs.existsSync(stackJson('cdktf.out')), 'cdktf synth writes cdktf.out/stacks/aws-foundation/cdk.tf.json', r);
      check(fs.readFileSync(stackJson('cdktf.out'), 'utf8') === direct, 'cdktf synth writes the same Terraform JSON as the direct run', r);
    });

    ok = true;
    console.log(`package smoke: ${checks} checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    if (ok && !keep) fs.rmSync(work, { recursive: true, force: true });
    else console.log(`package smoke: project kept in ${work}`);
  }
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    if (!(e instanceof SmokeFailure)) throw e;
    console.error(`package smoke: FAILED: ${e.message}`);
    process.exit(1);
  }
}
