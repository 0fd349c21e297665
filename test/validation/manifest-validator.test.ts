import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { validAwsCluster } from './fixtures';
import { FindingRule, ManifestValidator } from '../../src/validation';
import { CRD_DIR, loadCrdValidator, validationFindings } from '../support/crd-validation';

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'capi-validator-'));
}

describe('ManifestValidator', () => {
  test('given core Kubernetes kinds, when validated, then only metadata is checked', () => {
    const objects = [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'clusters' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'clusters' }, data: { a: 'b' } },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { whatever: true } },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' }, rules: [] },
    ];
    expect(validationFindings(objects)).toEqual([]);
  });

  test('given a core kind without a name, when validated, then the name is required', () => {
    expect(validationFindings([{ apiVersion: 'v1', kind: 'Secret', metadata: {} }])).toEqual([
      { apiVersion: 'v1', kind: 'Secret', name: '', path: 'metadata.name', message: 'Required value: name or generateName is required', rule: FindingRule.SCHEMA },
    ]);
  });

  test('given a kind no CRD defines, when validated, then it is an error', () => {
    const findings = validationFindings([{ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }]);
    expect(findings.map(f => f.message)).toEqual(['no matches for kind "Widget" in version "example.com/v1": no CRD defines it']);
  });

  test('given bad label keys and values, when validated, then each is reported at its key', () => {
    const findings = validationFindings([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', labels: { 'bad key': 'x', 'ok': 'bad value!' }, annotations: { a: 1 } } }]);
    expect(findings.map(f => f.path)).toEqual(['metadata.labels[bad key]', 'metadata.labels[ok]', 'metadata.annotations[a]']);
  });

  test('given an unknown metadata field, when validated, then strict validation rejects it', () => {
    const findings = validationFindings([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', label: { a: 'b' } } }]);
    expect(findings.map(f => f.message)).toEqual(['unknown field "metadata.label"']);
  });

  test('given an object that is not a map, when validated, then it is reported', () => {
    expect(validationFindings(['nope'])[0].message).toMatch(/must be a map with apiVersion, kind and metadata/);
  });

  test('given the same directory twice, when loaded, then the validator reuses the cached CRDs', () => {
    const a = ManifestValidator.fromCrdDirectory(CRD_DIR);
    const t = Date.now();
    const b = ManifestValidator.fromCrdDirectory(CRD_DIR);
    expect(Date.now() - t).toBeLessThan(50);
    expect(b.validateObjects(validAwsCluster()).ok).toBe(a.validateObjects(validAwsCluster()).ok);
  });

  test('given a missing CRD directory, when loaded, then it throws a clear error', () => {
    expect(() => ManifestValidator.fromCrdDirectory('/does/not/exist')).toThrow(/CRD directory '\/does\/not\/exist' does not exist/);
  });

  test('given a directory of multi-document YAML files, when validated as files, then every document is one object with its file', () => {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, 'nested'));
    fs.writeFileSync(path.join(dir, 'a.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: B\n');
    fs.writeFileSync(path.join(dir, 'nested', 'b.yml'), 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: c\n');
    fs.writeFileSync(path.join(dir, 'ignored.txt'), 'not yaml: [');
    const report = loadCrdValidator().validateFiles([dir]);
    expect(report.objectCount).toBe(3);
    expect(report.findings).toEqual([expect.objectContaining({ file: expect.stringMatching(/a\.yaml$/), kind: 'ConfigMap', name: 'B', path: 'metadata.name' })]);
  });

  test('given broken YAML, when validated as files, then a parse error finding names the file', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'broken.yaml');
    fs.writeFileSync(file, 'a: [1, 2\n');
    const report = loadCrdValidator().validateFiles([file]);
    expect(report.ok).toBe(false);
    expect(report.findings[0].message).toMatch(/^YAML parse error/);
  });

  test('given a report with findings, when formatted, then each line has file, object, path, message and rule', () => {
    const report = loadCrdValidator().validateYaml('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad\n  namespace: ns\n', 'cm.yaml');
    expect(report.format().split('\n')[0]).toMatch(/^cm\.yaml: ConfigMap ns\/Bad: metadata\.name: Invalid value: "Bad": .* \[schema\]$/);
    expect(report.format()).toMatch(/1 object\(s\) validated, 1 finding\(s\)\.$/);
    expect(report.toJson()).toEqual(expect.objectContaining({ ok: false, objectCount: 1, findings: [expect.objectContaining({ file: 'cm.yaml', rule: 'schema' })] }));
  });

  test('given webhook rules and references disabled, when validated, then only schema and CEL findings remain', () => {
    const objects = validAwsCluster();
    objects[2].spec.replicas = 2;
    objects[2].spec.machineTemplate.spec.infrastructureRef.name = 'gone';
    const v = ManifestValidator.fromCrdDirectory(CRD_DIR, { webhookRules: false, crossReferences: false });
    expect(v.validateObjects(objects).findings).toEqual([]);
  });

  test('given the ClusterTopology gate enabled, when a Cluster uses topology, then no gate finding is reported', () => {
    const objects = validAwsCluster();
    objects[0].spec.topology = { classRef: { name: 'aws' }, version: 'v1.33.4' };
    const v = ManifestValidator.fromCrdDirectory(CRD_DIR, { featureGates: ['ClusterTopology'] });
    expect(v.validateObjects(objects).findings.filter(f => f.path === 'spec.topology')).toEqual([]);
  });

  test('given a large object, when validated, then validation time stays small', () => {
    const objects = validAwsCluster();
    const kct = objects[5];
    kct.spec.template.spec.files = Array.from({ length: 200 }, (_, i) => ({ path: `/etc/f${i}`, content: 'x'.repeat(1000) }));
    const t = Date.now();
    for (let i = 0; i < 20; i++) validationFindings(objects);
    expect(Date.now() - t).toBeLessThan(3000);
  });
});

describe('ManifestValidator YAML reading', () => {
  test('given an unquoted on as a label value, when read like kubectl (YAML 1.1), then it is a bool and rejected', () => {
    const report = loadCrdValidator().validateYaml('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  labels:\n    mesh: on\n');
    expect(report.findings.map(f => `${f.path}: ${f.message}`)).toEqual(['metadata.labels[mesh]: Invalid value: true: must be a string (quote numbers and booleans)']);
  });

  test('given duplicate keys, when read, then it is a parse error as with strict kubectl', () => {
    const report = loadCrdValidator().validateYaml('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  name: other\n');
    expect(report.findings[0].message).toMatch(/^YAML parse error: .*unique/i);
  });
});
