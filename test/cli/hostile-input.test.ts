/**
 * `capi-blueprints validate` under hostile input: every case runs the real CLI in a child process
 * with a 256 MiB heap and a time limit, and must end with a report (exit 1 and a finding naming
 * the file), never hang, crash or exhaust memory. A crash has its own exit code (3).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { runCli } from '../../src/cli/validate-command';
import { ManifestValidator } from '../../src/validation';
import { INPUT_LIMITS } from '../../src/validation/private/input-files';
import { CRD_DIR } from '../support/crd-validation';
import { validAwsCluster } from '../validation/fixtures';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'src/cli/index.ts');
const TIME_LIMIT_MS = 20_000;
const HEAP_MIB = 256;

interface Run { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number }

function cli(...args: string[]): Run {
  const t = Date.now();
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MIB}`, '-r', 'ts-node/register/transpile-only', CLI, ...args], {
    cwd: ROOT, encoding: 'utf8', timeout: TIME_LIMIT_MS, killSignal: 'SIGKILL',
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t };
}

let dirs: string[] = [];
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-hostile-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function validCluster(dir: string): void {
  fs.writeFileSync(path.join(dir, 'cluster.yaml'), validAwsCluster().map(o => YAML.stringify(o)).join('---\n'));
}

/** A YAML "billion laughs": nine levels of nine aliases each (9^9 leaves once expanded). */
function aliasBomb(): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: bomb', 'data:', '  a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i <= 9; i++) {
    const prev = `*a${i - 1}`;
    lines.push(`  a${i}: &a${i} [${Array(9).fill(prev).join(',')}]`);
  }
  return lines.join('\n') + '\n';
}

describe('validate CLI: hostile manifests are reported, not crashed on', () => {
  jest.setTimeout(60_000);

  test('given a YAML alias bomb, when validated, then it exits 1 within the time and memory bounds with an input finding', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'bomb.yaml'), aliasBomb());
    validCluster(dir);
    const r = cli('validate', '--crds', CRD_DIR, dir);
    expect(r.signal).toBeNull();
    expect(r.stderr).toEqual('');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/bomb\.yaml: YAML aliases expand too much \(more than 100 alias nodes\).* \[input\]/);
    expect(r.stdout).toMatch(/8 object\(s\) validated, 1 finding\(s\)\./);
    expect(r.ms).toBeLessThan(TIME_LIMIT_MS);
  });

  test('given a YAML merge-key bomb, when validated, then the alias guard stops it too', () => {
    const dir = tmp();
    const lines = ['a0: &a0 {k0: x, k1: x, k2: x, k3: x, k4: x, k5: x, k6: x, k7: x, k8: x}'];
    for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
    fs.writeFileSync(path.join(dir, 'merge.yaml'), lines.join('\n') + '\n');
    const r = cli('validate', '--crds', CRD_DIR, dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/merge\.yaml: YAML aliases expand too much/);
  });

  test('given a symbolic link loop and a link back to a parent directory, when validated, then both are handled and the real files validated once', () => {
    const dir = tmp();
    validCluster(dir);
    fs.symlinkSync(path.join(dir, 'loop-b.yaml'), path.join(dir, 'loop-a.yaml'));
    fs.symlinkSync(path.join(dir, 'loop-a.yaml'), path.join(dir, 'loop-b.yaml'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.symlinkSync(dir, path.join(dir, 'sub', 'parent'));
    const r = cli('validate', '--crds', CRD_DIR, dir);
    expect(r.stderr).toEqual('');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/loop-a\.yaml: cannot read: ELOOP.*; skipped \[input\]/);
    expect(r.stdout).toMatch(/loop-b\.yaml: cannot read: ELOOP.*; skipped \[input\]/);
    expect(r.stdout).toMatch(/8 object\(s\) validated, 2 finding\(s\)\./);
  });

  test('given a symbolic link loop as the path argument, when validated, then it is a finding, not a crash', () => {
    const dir = tmp();
    fs.symlinkSync(path.join(dir, 'x.yaml'), path.join(dir, 'x.yaml'));
    const r = cli('validate', '--crds', CRD_DIR, path.join(dir, 'x.yaml'));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/x\.yaml: cannot read: ELOOP/);
  });

  test('given a FIFO named *.yaml, when validated, then it is skipped without being opened (no hang)', () => {
    const dir = tmp();
    validCluster(dir);
    const fifo = path.join(dir, 'pipe.yaml');
    const mk = spawnSync('mkfifo', [fifo]);
    if (mk.status !== 0) return; // no mkfifo on this system: nothing to test
    const r = cli('validate', '--crds', CRD_DIR, dir);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/pipe\.yaml: not a regular file \(a FIFO\); skipped without reading it \[input\]/);
    expect(r.stdout).toMatch(/8 object\(s\) validated, 1 finding\(s\)\./);
  });

  test('given a file larger than the input limit, when validated, then it is reported without being read', () => {
    const dir = tmp();
    const big = path.join(dir, 'big.yaml');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, INPUT_LIMITS.maxFileBytes + 1); // sparse: no disk or memory used
    const r = cli('validate', '--crds', CRD_DIR, dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`big\\.yaml: file is ${INPUT_LIMITS.maxFileBytes + 1} bytes, more than the ${INPUT_LIMITS.maxFileBytes} bytes the validator reads`));
  });

  test('given a document nested deeper than the limit, when validated, then it is an input finding, not a stack overflow', () => {
    const dir = tmp();
    for (const depth of [1500, 5000, 50000]) {
      fs.writeFileSync(path.join(dir, `deep-${depth}.yaml`), `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    }
    const r = cli('validate', '--crds', CRD_DIR, dir);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    for (const depth of [1500, 5000, 50000]) expect(r.stdout).toMatch(new RegExp(`deep-${depth}\\.yaml: document is nested more than`));
  });

  test('given a binary file named *.yaml, when validated, then it is an input finding', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'bin.yaml'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]));
    const r = cli('validate', '--crds', CRD_DIR, dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/bin\.yaml: not a text file/);
  });
});

describe('validate CLI: a broken CRD directory is reported, not crashed on', () => {
  jest.setTimeout(60_000);

  // An invented CRD (example.com Widget, not one of the pinned CRDs, which are read from ../shared/crds):
  // the validator must report a broken CRD file in a user's --crds directory and keep the others.
  const widgetCrd = (schemaTail: string): string => [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata:',
    '  name: widgets.example.com',
    'spec:',
    '  group: example.com',
    '  names:',
    '    kind: Widget',
    '    plural: widgets',
    '  scope: Namespaced',
    '  versions:',
    '  - name: v1',
    '    served: true',
    '    storage: true',
    '    schema:',
    '      openAPIV3Schema:',
    schemaTail,
  ].join('\n') + '\n';

  test('given one CRD file with a syntax error among good ones, when validated, then the others are used and the broken file is a finding', () => {
    const crds = tmp();
    fs.symlinkSync(CRD_DIR, path.join(crds, 'pinned'));
    fs.writeFileSync(path.join(crds, 'widgets.yaml'), widgetCrd('        type: object\n        properties: {spec: [unclosed'));
    fs.writeFileSync(path.join(crds, 'garbage.yaml'), 'kind: CustomResourceDefinition\nspec: {group: [\n');
    fs.symlinkSync(path.join(crds, 'nowhere'), path.join(crds, 'dangling.yaml'));
    const dir = tmp();
    validCluster(dir);
    fs.writeFileSync(path.join(dir, 'widget.yaml'), 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, namespace: default}\n');
    const r = cli('validate', '--crds', crds, dir);
    expect(r.stderr).toEqual('');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/widgets\.yaml: CRD file does not parse: YAML parse error: .*; its CRDs are ignored \[input\]/);
    expect(r.stdout).toMatch(/garbage\.yaml: CRD file does not parse: YAML parse error/);
    expect(r.stdout).toMatch(/dangling\.yaml: CRD cannot read: ENOENT/);
    // the objects of the good CRDs are validated: only the Widget lacks its CRD
    expect(r.stdout).toMatch(/Widget default\/w: apiVersion: no matches for kind "Widget"/);
    expect(r.stdout).toMatch(/9 object\(s\) validated, 4 finding\(s\)\./);
  });
});

describe('validate CLI: exit codes', () => {
  test('given the validator fails internally, when run, then it exits 3 (not 1, the code of findings) and says the report is incomplete', () => {
    const spy = jest.spyOn(ManifestValidator, 'fromCrdDirectory').mockImplementation(() => { throw new TypeError('boom'); });
    try {
      const out: string[] = [];
      const err: string[] = [];
      const dir = tmp();
      validCluster(dir);
      const code = runCli(['validate', '--crds', CRD_DIR, dir], { stdout: s => out.push(s), stderr: s => err.push(s), defaultCrdDir: CRD_DIR });
      expect(code).toBe(3);
      expect(out.join('')).toEqual('');
      expect(err.join('')).toMatch(/^internal error: the validator failed: boom\nThe report is incomplete/);
    } finally {
      spy.mockRestore();
    }
  });

  test('given the usage text, when printed, then it documents exit code 3', () => {
    const out: string[] = [];
    expect(runCli(['--help'], { stdout: s => out.push(s), stderr: () => undefined, defaultCrdDir: CRD_DIR })).toBe(0);
    expect(out.join('')).toMatch(/3 when the\s+validator itself failed/);
  });
});
