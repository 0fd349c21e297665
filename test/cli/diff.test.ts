/**
 * `capi-blueprints diff` on crafted pairs of trees: small programs synthesized through the
 * library API (so template names are the real content hashes), and YAML edits for changes the
 * library itself never makes (immutable fields changed in place).
 */
import { cleanupTemp, cli, editTree, jsonPlan, synthProgram } from './support';
import { AddonDelivery, ClusterValue } from '../../src';

afterAll(cleanupTemp);

const base = () => synthProgram();
let baseDir: string;
beforeAll(() => { baseDir = base(); });

function cluster(plan: any, name: string): any {
  return plan.clusters.find((c: any) => c.name === name);
}

describe('diff: machines', () => {
  test('given the same program twice, when diffed, then nothing changes and it exits 0', () => {
    const r = cli(['diff', baseDir, base()]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/2 cluster\(s\): 0 changed, 0 created, 0 deleted, 2 unchanged/);
    expect(r.stdout).toMatch(/No changes\./);
  });

  test('given a Kubernetes version bump, when diffed, then the control plane rolls because of the version and every pool rolls', () => {
    const { status, plan } = jsonPlan(baseDir, synthProgram({ version: 'v1.34.1' }));
    expect(status).toBe(0);
    const prod = cluster(plan, 'prod');
    expect(prod.controlPlane).toMatchObject({ kind: 'KubeadmControlPlane', name: 'prod-control-plane', action: 'rolls', why: ['version v1.33.4 → v1.34.1'] });
    expect(prod.pools.map((p: any) => [p.name, p.action])).toEqual([
      ['prod-batch-ap-northeast-2a', 'rolls'], ['prod-batch-ap-northeast-2b', 'rolls'],
      ['prod-general-ap-northeast-2a', 'rolls'], ['prod-general-ap-northeast-2b', 'rolls'], ['prod-general-ap-northeast-2c', 'rolls'],
    ]);
    expect(plan.summary).toMatchObject({ controlPlaneRolls: 1, errors: 0 });
  });

  test('given a new control-plane machine type, when diffed, then the control plane rolls and the reason names the template field', () => {
    const r = cli(['diff', baseDir, synthProgram({ controlPlaneType: 'm6i.2xlarge' })]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/control plane KubeadmControlPlane prod-control-plane: ROLLS\n\s+machine template prod-control-plane-[0-9a-f]{8} → prod-control-plane-[0-9a-f]{8}\n\s+spec\.template\.spec\.instanceType: m6i\.xlarge → m6i\.2xlarge/);
  });

  test('given one pool with a new instance type, when diffed, then only that pool\'s MachineDeployments roll, with the template field as the reason', () => {
    const { status, plan } = jsonPlan(baseDir, synthProgram({ batchType: 'c7i.2xlarge' }));
    expect(status).toBe(0);
    const prod = cluster(plan, 'prod');
    expect(prod.controlPlane).toBeUndefined();
    expect(prod.pools.map((p: any) => [p.name, p.pool, p.action])).toEqual([
      ['prod-batch-ap-northeast-2a', 'batch', 'rolls'],
      ['prod-batch-ap-northeast-2b', 'batch', 'rolls'],
    ]);
    expect(prod.pools[0].why).toEqual([
      expect.stringMatching(/^infrastructure template prod-batch-[0-9a-f]{8} → prod-batch-[0-9a-f]{8}$/),
      '  spec.template.spec.instanceType: c6i.2xlarge → c7i.2xlarge',
    ]);
    expect(cluster(plan, 'eks').status).toBe('unchanged');
  });

  test('given new replicas and new autoscaler bounds, when diffed, then the MachineDeployments change in place and nothing rolls', () => {
    const { status, plan } = jsonPlan(baseDir, synthProgram({ batchReplicas: 4, generalMax: 8 }));
    expect(status).toBe(0);
    const prod = cluster(plan, 'prod');
    expect(prod.pools.every((p: any) => p.action === 'in-place')).toBe(true);
    expect(prod.pools.find((p: any) => p.name === 'prod-batch-ap-northeast-2a').inPlace).toEqual(['spec.replicas: 2 → 4']);
    expect(prod.pools.find((p: any) => p.name === 'prod-general-ap-northeast-2a').inPlace).toEqual(['metadata.annotations["cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size"]: 5 → 8']);
    expect(plan.summary).toMatchObject({ poolRolls: 0, poolsInPlace: 5 });
  });

  test('given new EKS node-group bounds, when diffed, then the MachinePool changes in place', () => {
    const { plan } = jsonPlan(baseDir, synthProgram({ eksMax: 6 }));
    const eks = cluster(plan, 'eks');
    expect(eks.pools).toEqual([expect.objectContaining({
      kind: 'MachinePool',
      action: 'in-place',
      inPlace: [
        'metadata.annotations["cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size"]: 4 → 6',
        'AWSManagedMachinePool spec.scaling.maxSize: 4 → 6',
      ],
    })]);
  });
});

describe('diff: created and deleted', () => {
  test('given a cluster removed from the program, when diffed, then it is destructive and exits 1 unless --allow-delete', () => {
    const without = synthProgram({ withSecondCluster: false });
    const r = cli(['diff', baseDir, without]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/- default\/eks: DELETED \(destructive\)/);
    expect(r.stdout).toMatch(/Destructive: deletes cluster default\/eks\. Re-run with --allow-delete to accept\./);
    const allowed = cli(['diff', '--allow-delete', baseDir, without]);
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toMatch(/Destructive \(allowed by --allow-delete\): deletes cluster default\/eks\./);
  });

  test('given a cluster added, when diffed, then it is listed as created with its control plane, pools and addons, and exits 0', () => {
    const r = cli(['diff', synthProgram({ withSecondCluster: false }), baseDir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\+ default\/eks: created\n\s+control plane AWSManagedControlPlane eks-control-plane: v1\.33\n\s+pool ng: MachinePool eks-ng, m6i\.xlarge, autoscaled 1–4/);
    expect(r.stdout).toMatch(/addon podinfo 6\.7\.1 \(HelmChartProxy, bundle apps\)/);
  });

  test('given a pool removed, when diffed, then its MachineDeployments are deleted and the plan is destructive', () => {
    const { status, plan } = jsonPlan(baseDir, synthProgram({ withBatchPool: false }));
    expect(status).toBe(1);
    expect(plan.destructive).toBe(true);
    expect(cluster(plan, 'prod').pools.filter((p: any) => p.action === 'deleted').map((p: any) => p.name)).toEqual(['prod-batch-ap-northeast-2a', 'prod-batch-ap-northeast-2b']);
  });
});

describe('diff: addons', () => {
  test.each([
    ['HelmChartProxy', undefined, 'HelmChartProxy'],
    ['Argo CD', AddonDelivery.argoCd(), 'Argo CD Application'],
    ['Flux', AddonDelivery.flux(), 'Flux HelmRelease'],
  ])('given a chart version bump delivered by %s, when diffed, then each cluster gets an addon upgrade', (_name, delivery, kind) => {
    const { status, plan } = jsonPlan(synthProgram({ delivery }), synthProgram({ delivery, chartVersion: '6.8.0' }));
    expect(status).toBe(0);
    expect(cluster(plan, 'prod').addons).toEqual([expect.objectContaining({ addon: 'podinfo', bundle: 'apps', delivery: kind, action: 'upgrade', fromVersion: '6.7.1', toVersion: '6.8.0', values: [] })]);
    expect(plan.summary).toMatchObject({ addonUpgrades: 2, controlPlaneRolls: 0, poolRolls: 0 });
  });

  test('given new Helm values, when diffed, then the addon shows a values change with the changed path', () => {
    const r = cli(['diff', baseDir, synthProgram({ chartValues: { replicaCount: 3 } })]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/addon podinfo \(HelmChartProxy HelmChartProxy\/prod-podinfo, bundle apps\): values change\n\s+values replicaCount: 2 → 3/);
  });

  test('given HelmChartProxy values with cluster template expressions, when one value changes, then the change names the value path', () => {
    const program = (replicaCount: number) => synthProgram({ chartValues: { cidrs: ClusterValue.podCidrs(), replicaCount } });
    const { plan } = jsonPlan(program(2), program(3));
    expect(cluster(plan, 'prod').addons).toEqual([expect.objectContaining({ addon: 'podinfo', action: 'values', values: [{ path: 'replicaCount', old: 2, new: 3 }] })]);
  });

  test('given a values template that is not YAML before rendering, when changed, then the removed and added lines are shown', () => {
    const edit = (line: string) => editTree(baseDir, (o) => { if (o.kind === 'HelmChartProxy' && o.metadata.name === 'prod-podinfo') o.spec.valuesTemplate = `a: 1\nb: "{{ .X }}\n${line}\n`; });
    const { plan } = jsonPlan(edit('c: "unterminated'), edit('c: "unterminated too'));
    expect(cluster(plan, 'prod').addons).toEqual([expect.objectContaining({
      action: 'values',
      values: [{ path: 'values template line', old: 'c: "unterminated' }, { path: 'values template line', new: 'c: "unterminated too' }],
    })]);
  });

  test('given a ClusterResourceSet resource changed, when diffed, then the values change warns that ApplyOnce does not re-apply', () => {
    const { plan } = jsonPlan(synthProgram({ crsManifest: 'a' }), synthProgram({ crsManifest: 'b' }));
    const crs = cluster(plan, 'prod').addons.find((a: any) => a.delivery === 'ClusterResourceSet');
    expect(crs).toMatchObject({ addon: 'settings', action: 'values', notes: [expect.stringMatching(/ApplyOnce: changed resources are not applied again/)] });
  });
});

describe('diff: updates the API server would refuse', () => {
  test('given an EKS node group switched to spot, when diffed, then capacityType is an immutable-field error and it exits 1', () => {
    const r = cli(['diff', baseDir, synthProgram({ eksCapacitySpot: true })]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/✗ default\/eks: AWSManagedMachinePool\/default\/eks-ng spec\.capacityType: AWSManagedMachinePool spec\.capacityType is immutable \(CAPA webhook\): spec\.capacityType: onDemand → spot\./);
  });

  test('given a KubeadmControlPlane moved two minor versions, when diffed, then the webhook error says to go one minor at a time', () => {
    const { status, plan } = jsonPlan(baseDir, synthProgram({ version: 'v1.35.0' }));
    expect(status).toBe(1);
    expect(plan.errors).toContainEqual(expect.objectContaining({
      cluster: 'default/prod',
      object: 'KubeadmControlPlane/default/prod-control-plane',
      field: 'spec.version',
      message: expect.stringMatching(/refuses a version change of more than one minor version \(v1\.33\.4 → v1\.35\.0\): upgrade one minor version at a time \(v1\.33\.4 → v1\.34\.x first\)/),
    }));
  });

  test('given an AWSMachineTemplate edited under the same name, when diffed, then it is an error (immutable spec, no roll)', () => {
    const edited = editTree(baseDir, (o) => { if (o.kind === 'AWSMachineTemplate' && o.metadata.name.startsWith('prod-general-')) o.spec.template.spec.instanceType = 'm7i.2xlarge'; });
    const { status, plan } = jsonPlan(baseDir, edited);
    expect(status).toBe(1);
    expect(plan.errors).toEqual([expect.objectContaining({ cluster: 'default/prod', message: expect.stringMatching(/AWSMachineTemplate prod-general-[0-9a-f]{8} changes under the same name \(spec\.template\.spec\.instanceType: m6i\.2xlarge → m7i\.2xlarge\): CAPA refuses updates to its spec/) })]);
  });

  test('given a MachineDeployment with a new clusterName, when diffed, then it is an immutable-field error', () => {
    const edited = editTree(baseDir, (o) => { if (o.kind === 'MachineDeployment' && o.metadata.name === 'prod-batch-ap-northeast-2a') o.spec.clusterName = 'other'; });
    const { status, plan } = jsonPlan(baseDir, edited);
    expect(status).toBe(1);
    expect(plan.errors.map((e: any) => e.message)).toContainEqual(expect.stringMatching(/^MachineDeployment spec\.clusterName is immutable \(Cluster API webhook\): spec\.clusterName: prod → other\./));
  });

  test('given a ClusterResourceSet with a new strategy, when diffed, then it is an immutable-field error', () => {
    const old = synthProgram({ crsManifest: 'a' });
    const edited = editTree(old, (o) => { if (o.kind === 'ClusterResourceSet') o.spec.strategy = 'Reconcile'; });
    const { status, plan } = jsonPlan(old, edited);
    expect(status).toBe(1);
    expect(plan.errors).toEqual([expect.objectContaining({ field: 'spec.strategy', message: 'ClusterResourceSet spec.strategy is immutable (Cluster API webhook). Give the ClusterResourceSet a new name to change it.' })]);
  });

  test('given other AWSManagedMachinePool immutable fields changed, when diffed, then each is an error', () => {
    const edited = editTree(baseDir, (o) => { if (o.kind === 'AWSManagedMachinePool') { o.spec.amiType = 'BOTTLEROCKET_x86_64'; o.spec.diskSize = 100; } });
    const { plan } = jsonPlan(baseDir, edited);
    expect(plan.errors.map((e: any) => e.field).sort()).toEqual(['spec.amiType', 'spec.diskSize']);
  });
});

describe('diff: output formats and usage', () => {
  test('given --markdown, when diffed, then the plan is a pull-request comment with a summary table and a caution block for errors', () => {
    const r = cli(['diff', '--markdown', baseDir, synthProgram({ eksCapacitySpot: true, version: 'v1.34.1' })]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^## Rollout plan\n/);
    expect(r.stdout).toMatch(/\| clusters \| changed \| created \| deleted \| control planes roll \| pools roll/);
    expect(r.stdout).toMatch(/> \[!CAUTION\]\n> 1 change\(s\) would be refused by the API server/);
    expect(r.stdout).toMatch(/### `default\/prod` — changed\n\n- control plane KubeadmControlPlane prod-control-plane: \*\*ROLLS\*\*\n  - `version v1\.33\.4 → v1\.34\.1`/);
  });

  test('given --json and --markdown together, when run, then it is a usage error (exit 2)', () => {
    const r = cli(['diff', '--json', '--markdown', baseDir, baseDir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: --json and --markdown exclude each other\n\nUsage: capi-blueprints diff/);
  });

  test('given one directory, when run, then it is a usage error naming what is expected', () => {
    const r = cli(['diff', baseDir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: expected two directories OLD NEW, got 1/);
  });

  test('given a directory that does not exist, when run, then one error line without a stack trace (exit 2)', () => {
    const r = cli(['diff', baseDir, '/does/not/exist']);
    expect(r).toEqual({ status: 2, stdout: '', stderr: 'error: no such file or directory: /does/not/exist\n' });
  });
});
