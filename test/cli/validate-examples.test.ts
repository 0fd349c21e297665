/**
 * The pipeline step users copy: synthesize every example into one directory, then run
 * `capi-blueprints validate --crds ../shared/crds <dir>` exactly as documented in
 * docs/validation.md; it must exit 0. Also checks the `--json` report of the same run.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments, stringify } from 'yaml';

const root = path.resolve(__dirname, '..', '..');
const examples = fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.ts')).map((f) => path.basename(f, '.ts')).sort();

function validate(...args: string[]) {
  return validateWith('../shared/crds', ...args);
}

function validateWith(crds: string, ...args: string[]) {
  return spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/index.ts', 'validate', '--crds', crds, ...args], {
    cwd: root,
    encoding: 'utf8',
  });
}

describe('capi-blueprints validate over all examples', () => {
  let dist: string;
  beforeAll(() => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-examples-'));
    for (const name of examples) {
      execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join('examples', `${name}.ts`)], {
        cwd: root,
        env: { ...process.env, CAPI_BLUEPRINTS_OUTDIR: path.join(dist, name) },
        stdio: 'pipe',
      });
    }
  });
  afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

  test('given every example synthesized into one directory, when the CLI validates it, then it exits 0 with no findings', () => {
    const files = (fs.readdirSync(dist, { recursive: true }) as string[]).filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(examples.length);
    const r = validate(dist);
    expect(r.stderr).toEqual('');
    expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 0, stdout: expect.stringMatching(/object\(s\) validated, no findings\.\n$/) });
  });

  test('given the same directory, when validated with --json, then the report is ok with zero findings', () => {
    const r = validate('--json', dist);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ ok: true, findings: [] });
  });

  test('given the CRDs exported as `kubectl get crd -o yaml` does (one List document), when the CLI validates the examples against them, then it exits 0', () => {
    const crdDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crds-list-'));
    try {
      const crdFiles = (fs.readdirSync(path.join(root, '..', 'shared', 'crds'), { recursive: true }) as string[]).filter((f) => /\.ya?ml$/.test(f));
      const items = crdFiles.flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(root, '..', 'shared', 'crds', f), 'utf8'), { maxAliasCount: -1 } as any)
        .map((d) => d.toJS({ maxAliasCount: -1 })).filter((o) => o?.kind === 'CustomResourceDefinition'));
      fs.writeFileSync(path.join(crdDir, 'crds.yaml'), stringify({ apiVersion: 'v1', kind: 'List', items, metadata: { resourceVersion: '' } }, { aliasDuplicateObjects: false }));
      const r = validateWith(crdDir, dist);
      expect(r.stderr).toEqual('');
      expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 0, stdout: expect.stringMatching(/object\(s\) validated, no findings\.\n$/) });
    } finally {
      fs.rmSync(crdDir, { recursive: true, force: true });
    }
  });
});
