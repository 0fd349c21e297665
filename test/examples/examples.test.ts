/**
 * Every program in examples/ is run the way `npm run synth` runs it, and every manifest it
 * writes must pass all offline checks against the pinned CRDs (strict schema, CEL rules,
 * webhook-only rules, cross-object references) with zero findings.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { expectValidManifests } from '../support/crd-validation';

const root = path.resolve(__dirname, '..', '..');
const examples = fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.ts')).map((f) => path.basename(f, '.ts')).sort();

/**
 * Runs an example into a fresh directory and returns that directory. With `viaAppSynth`, its
 * Platform writes with plain cdk8s `App.synth` (the reference output).
 */
export function synthExample(name: string, viaAppSynth = false): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `example-${name}-`));
  const preload = viaAppSynth ? ['-r', path.join(root, 'test', 'support', 'app-synth.ts')] : [];
  execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', ...preload, path.join(root, 'examples', `${name}.ts`)], {
    cwd: root,
    env: { ...process.env, CAPI_BLUEPRINTS_OUTDIR: outdir },
    stdio: 'pipe',
  });
  return outdir;
}

/** All Kubernetes objects in the YAML files below `dir`. */
export function readManifests(dir: string): any[] {
  const files = (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  return files.flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8')).map((d) => d.toJS()).filter((o) => o));
}

/** The YAML files below `dir`. */
function allFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml')).sort();
}

/** `apiVersion kind namespace/name` of an object. */
function identity(o: any): string {
  return `${o.apiVersion} ${o.kind} ${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;
}

/** A cluster object without the annotations the GitOps layout adds to it (sync wave and options, Flux prune). */
function withoutGitOpsAnnotations(o: any): any {
  const annotations = { ...o.metadata?.annotations };
  for (const key of ['argocd.argoproj.io/sync-wave', 'argocd.argoproj.io/sync-options', 'kustomize.toolkit.fluxcd.io/prune']) delete annotations[key];
  const metadata = { ...o.metadata };
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  else delete metadata.annotations;
  return { ...o, metadata };
}

/** The feature gates the output's cluster-api CoreProvider turns on (the management cluster's derivation). */
function coreFeatureGates(objects: any[]): string[] {
  const core = objects.find((o) => o.kind === 'CoreProvider');
  return Object.entries(core?.spec?.manager?.featureGates ?? {}).filter(([, on]) => on === true).map(([gate]) => gate);
}

describe.each(examples)('examples/%s.ts', (name) => {
  let outdir: string;
  beforeAll(() => { outdir = synthExample(name); });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('given the example, when synthesized, then every manifest passes the offline API-server checks', () => {
    const objects = readManifests(outdir);
    expectValidManifests(objects, coreFeatureGates(objects));
  });

  test('given the example, when synthesized, then each file is valid YAML that parses to the same objects as cdk8s App.synth writes', () => {
    const reference = synthExample(name, true);
    try {
      const list = (d: string) => (fs.readdirSync(d, { recursive: true }) as string[]).filter((f) => f.endsWith('.k8s.yaml')).sort();
      const read = (f: string) => parseAllDocuments(fs.readFileSync(path.join(reference, f), 'utf8')).map((d) => d.toJS()).filter((o) => o !== null);
      for (const f of (fs.readdirSync(outdir, { recursive: true }) as string[]).filter((x) => x.endsWith('.yaml'))) {
        const docs = parseAllDocuments(fs.readFileSync(path.join(outdir, f), 'utf8'));
        expect(docs.flatMap((d) => [...d.errors, ...d.warnings])).toEqual([]);
      }
      // Same objects as App.synth (nested charts and the GitOps layout put them in other files),
      // with the ordering annotations the GitOps layout adds to cluster objects.
      const ours = new Map(allFiles(outdir).flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(outdir, f), 'utf8')).map((d) => d.toJS()).filter((o) => o)
        .map((o) => [identity(o), f.includes('/cluster/') ? withoutGitOpsAnnotations(o) : o] as const)));
      const theirs = list(reference).flatMap(read);
      for (const o of theirs) expect(ours.get(identity(o))).toEqual(o);
      // Everything else Platform writes is its own: management clusters' objects, namespaces, GitOps bootstrap.
      const generated = /(^|\/)(management|bootstrap)\/|\.management\.k8s\.yaml$/;
      const referenceIds = new Set(theirs.map(identity));
      const extra = allFiles(outdir).filter((f) => !generated.test(f))
        .flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(outdir, f), 'utf8')).map((d) => d.toJS()).filter((o) => o).map((o) => `${f}: ${identity(o)}`))
        .filter((x) => !referenceIds.has(x.slice(x.indexOf(': ') + 2)));
      expect(extra).toEqual([]);
    } finally {
      fs.rmSync(reference, { recursive: true, force: true });
    }
  });

  test('given the example, when synthesized twice, then the output is byte-identical', () => {
    const again = synthExample(name);
    try {
      const list = (d: string) => (fs.readdirSync(d, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(d, f)).isFile()).sort();
      expect(list(again)).toEqual(list(outdir));
      for (const f of list(outdir)) {
        expect(fs.readFileSync(path.join(again, f), 'utf8')).toEqual(fs.readFileSync(path.join(outdir, f), 'utf8'));
      }
    } finally {
      fs.rmSync(again, { recursive: true, force: true });
    }
  });
});
