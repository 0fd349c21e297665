import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { byName, validAwsCluster } from './fixtures';
import { CRD_DIR } from '../support/crd-validation';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'src/cli/index.ts');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function writeManifests(objects: any[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-validate-'));
  const file = path.join(dir, 'cluster.yaml');
  fs.writeFileSync(file, objects.map(o => YAML.stringify(o)).join('---\n'));
  return file;
}

describe('capi-blueprints validate', () => {
  test('given valid manifests, when validated, then it exits 0 and says there are no findings', () => {
    const r = cli('validate', '--crds', CRD_DIR, writeManifests(validAwsCluster()));
    expect(r.stderr).toEqual('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('8 object(s) validated, no findings.');
  });

  test('given an invalid manifest, when validated, then it exits 1 and prints file, object, path and message', () => {
    const objects = validAwsCluster();
    byName(objects, 'KubeadmControlPlane', 'prod-control-plane').spec.replicas = 2;
    const file = writeManifests(objects);
    const r = cli('validate', '--crds', CRD_DIR, path.dirname(file));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/cluster\.yaml: KubeadmControlPlane clusters\/prod-control-plane: spec\.replicas: Forbidden: replicas \(2\) cannot be an even number.* \[webhook\]/);
  });

  test('given --json, when validated, then the report is JSON with the findings', () => {
    const objects = validAwsCluster();
    byName(objects, 'MachineDeployment', 'prod-workers-a').spec.deletion.order = 'Youngest';
    const r = cli('validate', '--json', `--crds=${CRD_DIR}`, writeManifests(objects));
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(false);
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'MachineDeployment', path: 'spec.deletion.order', rule: 'schema' })]);
  });

  test('given no paths, when run, then it exits 2 with usage', () => {
    const r = cli('validate', '--crds', CRD_DIR);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no manifest paths given[\s\S]*Usage:/);
  });

  test('given an unknown option, when run, then it exits 2', () => {
    const r = cli('validate', '--strict', 'x.yaml');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--strict'/);
  });

  test('given a missing manifest path, when run, then it exits 2', () => {
    const r = cli('validate', '--crds', CRD_DIR, 'does-not-exist.yaml');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no such file or directory: does-not-exist.yaml/);
  });

  test('given an unknown command, when run, then it exits 2', () => {
    const r = cli('lint');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'lint'/);
  });
});
