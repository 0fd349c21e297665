/**
 * examples/eks-cluster.ts: every object validates against the pinned CRDs (schema, CEL,
 * webhook rules, references), and the example shows what it promises.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { expectValidManifests } from '../../support/crd-validation';
import { ofKind, one } from '../../support/synth';

const root = path.resolve(__dirname, '..', '..', '..');
let outdir: string;
let objects: any[];

beforeAll(() => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'eks-example-'));
  execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(root, 'examples', 'eks-cluster.ts')], {
    cwd: root,
    env: { ...process.env, CAPI_BLUEPRINTS_OUTDIR: outdir },
    stdio: 'pipe',
  });
  objects = fs.readdirSync(outdir).filter((f) => f.endsWith('.yaml')).sort()
    .flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(outdir, f), 'utf8')).map((d) => d.toJS()).filter((o) => o));
}, 120_000);
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

describe('examples/eks-cluster.ts', () => {
  test('given the example, when synthesized, then every object passes the offline API-server checks', () => {
    expect(objects.length).toBeGreaterThan(8);
    expectValidManifests(objects);
  });

  test('given the example, when synthesized, then the EKS control plane has managed addons and the role identity', () => {
    const cp = one(objects, 'AWSManagedControlPlane').spec;
    expect(cp.addons.map((a: any) => a.name)).toEqual(['vpc-cni', 'kube-proxy', 'coredns', 'aws-ebs-csi-driver']);
    expect(cp.identityRef).toEqual({ kind: 'AWSClusterRoleIdentity', name: 'workload-account' });
    expect(one(objects, 'AWSClusterRoleIdentity').metadata.name).toEqual('workload-account');
  });

  test('given the example, when synthesized, then the spot managed node group spans 3 AZs and carries the clusterapi autoscaler bounds', () => {
    const ng = one(objects, 'AWSManagedMachinePool').spec;
    expect(ng.capacityType).toEqual('spot');
    expect(ng.availabilityZones).toEqual(['ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2c']);
    expect(one(objects, 'MachinePool').metadata.annotations).toEqual({ 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': '1', 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size': '10' });
  });

  test('given the example, when synthesized, then the self-managed pool is MachineDeployments over an EKSConfigTemplate', () => {
    expect(ofKind(objects, 'MachineDeployment')).toHaveLength(2);
    expect(one(objects, 'EKSConfigTemplate').apiVersion).toEqual('bootstrap.cluster.x-k8s.io/v1beta2');
  });
});
