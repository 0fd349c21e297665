/**
 * `synth`, `diff --git`, `--help` on every command, and errors without stack traces from the
 * real entry point.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { cleanupTemp, cli, ROOT, synthProgram, tempDir } from './support';
import { validAwsCluster } from '../validation/fixtures';

afterAll(cleanupTemp);

function writeYaml(file: string, objects: any[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, objects.map((o) => stringify(o)).join('---\n'));
}

describe('help and errors', () => {
  test.each(['synth', 'validate', 'diff', 'graph'])('given %s --help, when run, then it prints the command\'s usage and exits 0', (command) => {
    const r = cli([command, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: capi-blueprints ${command} `));
  });

  test('given no command, when run, then the command list goes to stderr with exit 2', () => {
    const r = cli([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Usage: capi-blueprints <command> \[options\]\n\nCommands:\n  synth .*\n  validate .*\n  diff .*\n  graph /);
  });

  test('given an unknown option, when run, then the error names it above the command\'s usage (exit 2)', () => {
    const r = cli(['graph', '--colour']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: unknown option '--colour'\n\nUsage: capi-blueprints graph/);
  });

  test('given the real entry point and a missing directory, when diff runs, then it prints one line, no stack trace, exit 2', () => {
    const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/index.ts', 'diff', 'no-such-old', 'no-such-new'], { cwd: ROOT, encoding: 'utf8' });
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 2, stdout: '', stderr: `error: no such file or directory: ${path.join(ROOT, 'no-such-old')}\n` });
  });
});

describe('synth', () => {
  test('given cdk8s.yaml with an app that writes valid manifests, when synth runs, then it validates them and exits 0', () => {
    const project = tempDir('cli-synth-');
    const manifests = path.join(project, 'fixture.yaml');
    writeYaml(manifests, validAwsCluster());
    fs.writeFileSync(path.join(project, 'cdk8s.yaml'), 'app: mkdir -p "$CDK8S_OUTDIR" && cp fixture.yaml "$CAPI_BLUEPRINTS_OUTDIR/"\noutput: out\n');
    fs.mkdirSync(path.join(project, 'out'));
    fs.writeFileSync(path.join(project, 'out', 'stale.k8s.yaml'), 'kind: Stale\n'); // emptied first
    const r = cli(['synth'], project);
    expect(r.stderr).toMatch(/synthesized 1 manifest file\(s\) into out\n$/);
    expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 0, stdout: expect.stringMatching(/object\(s\) validated, no findings\.\n$/) });
    expect(fs.readdirSync(path.join(project, 'out'))).toEqual(['fixture.yaml']);
  });

  test('given manifests with a webhook violation, when synth runs, then it reports the finding and exits 1 like validate', () => {
    const project = tempDir('cli-synth-');
    const objs = validAwsCluster();
    objs.find((o) => o.kind === 'KubeadmControlPlane').spec.replicas = 2;
    writeYaml(path.join(project, 'fixture.yaml'), objs);
    const r = cli(['synth', '--app', 'mkdir -p "$CDK8S_OUTDIR" && cp fixture.yaml "$CDK8S_OUTDIR/"', '--output', 'dist', '--json'], project);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, findings: [expect.objectContaining({ kind: 'KubeadmControlPlane', path: 'spec.replicas' })] });
  });

  test('given a program that fails, when synth runs, then the error names the command and exits 1', () => {
    const project = tempDir('cli-synth-');
    const r = cli(['synth', '--app', 'echo boom >&2; exit 3'], project);
    expect(r.status).toBe(1);
    expect(r.stderr).toEqual(`boom\nerror: the program 'echo boom >&2; exit 3' failed (exit 3) in ${project}\n`);
  });

  test('given no --app and no cdk8s.yaml, when synth runs, then it says how to name the program (exit 2)', () => {
    const project = tempDir('cli-synth-');
    const r = cli(['synth'], project);
    expect(r.status).toBe(2);
    expect(r.stderr).toEqual(`error: no program to run: pass --app CMD or add 'app: <command>' to ${path.join(project, 'cdk8s.yaml')}\n`);
  });

  test('given a program that writes nothing, when synth runs, then it says where it looked (exit 1)', () => {
    const project = tempDir('cli-synth-');
    const r = cli(['synth', '--app', 'true'], project);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: 'true' wrote no manifests to .*dist: give Platform \(or cdk8s App\) no outdir, or read it from CDK8S_OUTDIR/);
  });

  test('given --output naming the working directory, when synth runs, then it refuses to empty it (exit 2)', () => {
    const project = tempDir('cli-synth-');
    const r = cli(['synth', '--app', 'true', '--output', '.'], project);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is the working directory or one of its parents; it would be emptied/);
  });

  test('given a program written with the library, when synth runs it, then its output validates against the pinned CRDs', () => {
    const project = tempDir('cli-synth-');
    fs.writeFileSync(path.join(project, 'main.ts'), [
      `import { Infrastructure, ManagedCluster, Platform } from ${JSON.stringify(path.join(ROOT, 'src'))};`,
      'const platform = new Platform();',
      "const c = new ManagedCluster(platform, 'demo', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'eu-west-1' }) });",
      "c.addNodePool('workers', { machineType: 'm6i.large', replicas: 2 });",
      'platform.synth();',
    ].join('\n'));
    fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs', moduleResolution: 'node', target: 'ES2022' } }));
    const tsNode = path.join(ROOT, 'node_modules', 'ts-node', 'register', 'transpile-only');
    fs.writeFileSync(path.join(project, 'cdk8s.yaml'), `app: ${JSON.stringify(`${process.execPath} -r ${tsNode} main.ts`)}\n`);
    const r = cli(['synth'], project);
    expect(r.stderr).toMatch(/synthesized 1 manifest file\(s\) into dist\n$/);
    expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 0, stdout: expect.stringMatching(/object\(s\) validated, no findings\.\n$/) });
    expect(fs.readdirSync(path.join(project, 'dist'))).toEqual(['demo.k8s.yaml']);
  });
});

describe('diff --git', () => {
  function repoWithTree(): string {
    const repo = tempDir('cli-git-');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'test');
    fs.cpSync(synthProgram(), path.join(repo, 'tree'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'cdk8s.yaml'), 'app: mkdir -p "$CDK8S_OUTDIR" && cp -r tree/. "$CDK8S_OUTDIR/"\n');
    git('add', '-A');
    git('commit', '-qm', 'base');
    return repo;
  }

  test('given a committed program and a working tree with a version bump, when diff --git HEAD runs, then the plan compares HEAD with the working tree', () => {
    const repo = repoWithTree();
    fs.rmSync(path.join(repo, 'tree'), { recursive: true });
    fs.cpSync(synthProgram({ version: 'v1.34.1' }), path.join(repo, 'tree'), { recursive: true });
    const r = cli(['diff', '--git', 'HEAD'], repo);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Rollout plan HEAD \([0-9a-f]{7}\) → working tree\n/);
    expect(r.stdout).toMatch(/control plane KubeadmControlPlane prod-control-plane: ROLLS\n\s+version v1\.33\.4 → v1\.34\.1/);
    // the temporary worktree is gone
    expect(execFileSync('git', ['worktree', 'list'], { cwd: repo, encoding: 'utf8' }).trim().split('\n')).toHaveLength(1);
  });

  test('given a ref that does not exist, when diff --git runs, then one error line and exit 2', () => {
    const repo = repoWithTree();
    const r = cli(['diff', '--git', 'no-such-branch'], repo);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: git rev-parse --verify --quiet no-such-branch\^\{commit\}/);
  });

  test('given --git with OLD NEW directories too, when run, then it is a usage error', () => {
    const r = cli(['diff', '--git', 'HEAD', 'a', 'b']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: --git REF compares with the working tree: give no OLD NEW directories/);
  });
});

describe('capi-blueprints --version', () => {
  test('given --version, when run, then the package version is printed and the exit code is 0', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runCli } = require('../../src/cli/cli');
    const out: string[] = [];
    expect(runCli(['--version'], { stdout: (s: string) => out.push(s), stderr: () => undefined, defaultCrdDir: '.' })).toBe(0);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(out.join('')).toBe(`${require('../../package.json').version}\n`);
  });
});
