import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { byName, validAwsCluster } from './fixtures';
import { CapiManifestValidation } from '../../src/validation';
import { CRD_DIR } from '../support/crd-validation';

class FakeReport {
  public readonly violations: any[] = [];
  public status?: string;
  public metadata?: Record<string, string>;
  addViolation(v: any): void { this.violations.push(v); }
  submit(status: string, metadata?: Record<string, string>): void { this.status = status; this.metadata = metadata; }
}

function fakeContext(objects: any[]): { manifests: string[]; report: FakeReport; logger: { log: (m: string) => void } } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-plugin-'));
  const file = path.join(dir, 'app.k8s.yaml');
  fs.writeFileSync(file, objects.map(o => YAML.stringify(o)).join('---\n'));
  return { manifests: [file], report: new FakeReport(), logger: { log: () => undefined } };
}

describe('CapiManifestValidation (cdk8s plugin)', () => {
  test('given valid manifests, when validate runs, then the report is submitted as success', async () => {
    const context = fakeContext(validAwsCluster());
    await new CapiManifestValidation({ crds: CRD_DIR }).validate(context);
    expect(context.report.status).toEqual('success');
    expect(context.report.violations).toEqual([]);
  });

  test('given an even KCP replica count, when validate runs, then a violation names the resource and field', async () => {
    const objects = validAwsCluster();
    byName(objects, 'KubeadmControlPlane', 'prod-control-plane').spec.replicas = 4;
    const context = fakeContext(objects);
    await new CapiManifestValidation({ crds: CRD_DIR }).validate(context);
    expect(context.report.status).toEqual('failure');
    expect(context.report.violations).toHaveLength(1);
    const v = context.report.violations[0];
    expect(v.ruleName).toEqual('capi-blueprints/webhook');
    expect(v.recommendation).toMatch(/replicas \(4\) cannot be an even number/);
    expect(v.violatingResources).toEqual([{ resourceName: 'prod-control-plane', locations: ['spec.replicas'], manifestPath: expect.stringContaining('app.k8s.yaml') }]);
  });
});
