/**
 * The company platform (examples/company-platform.ts) in both output modes: every class-based cluster, expanded from its
 * ClusterClass and topology (variables and patches applied), carries the same fields as its
 * objects-mode output; the clusters of objects-output sites are identical in both modes.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { compareModes } from '../support/clusterclass-equivalence';
import { validationFindings } from '../support/crd-validation';

const root = path.resolve(__dirname, '..', '..');

/** Runs examples/company-platform.ts in the given output mode (`CAPI_BLUEPRINTS_OUTPUT_MODE`). */
function synth(mode: 'objects' | 'cluster-class'): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `cc-${mode}-`));
  execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(root, 'examples', 'company-platform.ts')], {
    cwd: root, env: { ...process.env, CAPI_BLUEPRINTS_OUTDIR: outdir, CAPI_BLUEPRINTS_OUTPUT_MODE: mode }, stdio: 'pipe',
  });
  return outdir;
}

function read(dir: string, filter: (f: string) => boolean = () => true): any[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml') && filter(f)).sort()
    .flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8')).map((d) => d.toJS()).filter((o) => o));
}

describe('company-platform in objects and ClusterClass output', () => {
  let objectsDir: string;
  let classesDir: string;
  beforeAll(() => {
    objectsDir = synth('objects');
    classesDir = synth('cluster-class');
  });
  afterAll(() => {
    fs.rmSync(objectsDir, { recursive: true, force: true });
    fs.rmSync(classesDir, { recursive: true, force: true });
  });

  test('given class output, then the management cluster enables ClusterTopology and everything validates with that gate; without it only the topologies are refused', () => {
    const classes = read(classesDir);
    const core = classes.find((o) => o.kind === 'CoreProvider');
    expect(core.spec.manager.featureGates).toEqual({ ClusterTopology: true, MachinePool: true });
    expect(validationFindings(classes, ['ClusterTopology']).map((f) => `${f.kind} ${f.name} ${f.message}`)).toEqual([]);
    expect(validationFindings(classes).map((f) => `${f.kind} ${f.name} ${f.path} ${f.message}`)).toEqual([
      'Cluster dev-seoul spec.topology Forbidden: can be set only if the ClusterTopology feature flag is enabled',
      'Cluster prod-seoul spec.topology Forbidden: can be set only if the ClusterTopology feature flag is enabled',
    ]);
    expect(read(objectsDir).find((o) => o.kind === 'CoreProvider').spec.manager.featureGates).toEqual({ MachinePool: true });
  });

  test('given class output at seoul, then the class, its templates and two topology Clusters replace the seoul objects', () => {
    const classes = read(classesDir);
    expect(classes.filter((o) => o.kind === 'ClusterClass').map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['seoul/standard-seoul']);
    expect(classes.filter((o) => o.kind === 'Cluster' && o.spec.topology).map((o) => o.metadata.name).sort()).toEqual(['dev-seoul', 'prod-seoul']);
    expect(classes.filter((o) => o.kind === 'MachineDeployment' && o.metadata.namespace === 'seoul')).toEqual([]);
    const cc = classes.find((o) => o.kind === 'ClusterClass');
    expect(cc.spec.variables.map((v: any) => v.name)).toEqual(['controlPlaneMachineInstanceType']);
    expect(cc.spec.workers.machineDeployments.map((c: any) => c.class)).toEqual(['general', 'spot']);
    for (const t of classes.filter((o) => o.metadata?.name?.startsWith('standard-seoul-'))) expect(t.metadata.name).toMatch(/-[0-9a-f]{8}$/);
  });

  test.each(['prod-seoul', 'dev-seoul'])('given %s, when its topology is expanded with the class, then every field both modes carry is equal', (name) => {
    const cmp = compareModes(name, read(objectsDir, (f) => f.includes(`/${name}/cluster/`)), read(classesDir));
    expect(cmp.classes).toEqual(cmp.objects);
    expect(cmp.objects.length).toBeGreaterThan(8);
  });

  test('given the sites that keep objects output, then their clusters are identical in both modes', () => {
    for (const name of ['prod-tokyo', 'prod-dc1', 'prod-pangyo']) {
      const only = (f: string) => f.includes(`/${name}/`);
      expect(read(classesDir, only)).toEqual(read(objectsDir, only));
    }
  });
});
