/**
 * Regenerates the typed L1 bindings in `src/imports/` from the pinned CRDs in `../shared/crds`.
 *
 * Only the API version we emit for each kind (see `../shared/crds/README.md`) is kept, so every
 * generated class has its plain kind name (`Cluster`, not `ClusterV1Beta1`) and no deprecated
 * version can be emitted by accident. The generated `toJson_*` functions are then made linear
 * (`postProcess`). Run with `npx projen import`; `-- --post-process-only` re-applies only the
 * post-processing to the files in `src/imports/`.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments, stringify } from 'yaml';

interface ImportSet {
  /** Output folder below src/imports. */
  readonly out: string;
  /** CRD files, relative to ../shared/crds. */
  readonly files: string[];
  /** The served version to keep for every CRD of this set. */
  readonly version: string;
}

const CRD_ROOT = path.resolve(__dirname, '..', '..', 'shared', 'crds');
const IMPORT_ROOT = path.resolve(__dirname, '..', 'src', 'imports');

const SETS: ImportSet[] = [
  {
    out: 'capi',
    version: 'v1beta2',
    files: [
      'cluster-api/cluster.x-k8s.io_clusters.yaml',
      'cluster-api/cluster.x-k8s.io_machinedeployments.yaml',
      'cluster-api/cluster.x-k8s.io_machinepools.yaml',
      'cluster-api/cluster.x-k8s.io_machinehealthchecks.yaml',
      'cluster-api/bootstrap.cluster.x-k8s.io_kubeadmconfigs.yaml',
      'cluster-api/bootstrap.cluster.x-k8s.io_kubeadmconfigtemplates.yaml',
      'cluster-api/controlplane.cluster.x-k8s.io_kubeadmcontrolplanes.yaml',
      'cluster-api/addons.cluster.x-k8s.io_clusterresourcesets.yaml',
    ],
  },
  {
    out: 'capa',
    version: 'v1beta2',
    files: [
      'cluster-api-provider-aws/infrastructure.cluster.x-k8s.io_awsclusters.yaml',
      'cluster-api-provider-aws/infrastructure.cluster.x-k8s.io_awsmachinetemplates.yaml',
      'cluster-api-provider-aws/infrastructure.cluster.x-k8s.io_awsmachinepools.yaml',
      'cluster-api-provider-aws/infrastructure.cluster.x-k8s.io_awsmanagedclusters.yaml',
      'cluster-api-provider-aws/infrastructure.cluster.x-k8s.io_awsmanagedmachinepools.yaml',
      'cluster-api-provider-aws/infrastructure.cluster.x-k8s.io_awsclusterroleidentities.yaml',
      'cluster-api-provider-aws/infrastructure.cluster.x-k8s.io_awsclusterstaticidentities.yaml',
      'cluster-api-provider-aws/infrastructure.cluster.x-k8s.io_awsclustercontrolleridentities.yaml',
      'cluster-api-provider-aws/controlplane.cluster.x-k8s.io_awsmanagedcontrolplanes.yaml',
      'cluster-api-provider-aws/bootstrap.cluster.x-k8s.io_eksconfigtemplates.yaml',
    ],
  },
  {
    out: 'byoh',
    version: 'v1beta1',
    files: [
      'cluster-api-provider-byoh/infrastructure.cluster.x-k8s.io_byoclusters.yaml',
      'cluster-api-provider-byoh/infrastructure.cluster.x-k8s.io_byomachinetemplates.yaml',
      'cluster-api-provider-byoh/infrastructure.cluster.x-k8s.io_k8sinstallerconfigtemplates.yaml',
      'cluster-api-provider-byoh/infrastructure.cluster.x-k8s.io_bootstrapkubeconfigs.yaml',
    ],
  },
  {
    out: 'capo',
    version: 'v1beta1',
    files: [
      'cluster-api-provider-openstack/infrastructure.cluster.x-k8s.io_openstackclusters.yaml',
      'cluster-api-provider-openstack/infrastructure.cluster.x-k8s.io_openstackmachinetemplates.yaml',
    ],
  },
  {
    out: 'capd',
    version: 'v1beta2',
    files: [
      'cluster-api-provider-docker/infrastructure.cluster.x-k8s.io_devclusters.yaml',
      'cluster-api-provider-docker/infrastructure.cluster.x-k8s.io_devmachinetemplates.yaml',
    ],
  },
  {
    out: 'caaph',
    version: 'v1alpha1',
    files: ['cluster-api-addon-provider-helm/addons.cluster.x-k8s.io_helmchartproxies.yaml'],
  },
  {
    out: 'argocd',
    version: 'v1alpha1',
    files: ['argo-cd/application-crd.yaml', 'argo-cd/applicationset-crd.yaml', 'argo-cd/appproject-crd.yaml'],
  },
  {
    out: 'flux-helm',
    version: 'v2',
    files: ['flux/helm.toolkit.fluxcd.io_helmreleases.yaml'],
  },
  {
    out: 'flux-source',
    version: 'v1',
    files: [
      'flux/source.toolkit.fluxcd.io_helmrepositories.yaml',
      'flux/source.toolkit.fluxcd.io_ocirepositories.yaml',
      'flux/source.toolkit.fluxcd.io_gitrepositories.yaml',
    ],
  },
  {
    out: 'capi-operator',
    version: 'v1alpha2',
    files: [
      'cluster-api-operator/operator.cluster.x-k8s.io_coreproviders.yaml',
      'cluster-api-operator/operator.cluster.x-k8s.io_bootstrapproviders.yaml',
      'cluster-api-operator/operator.cluster.x-k8s.io_controlplaneproviders.yaml',
      'cluster-api-operator/operator.cluster.x-k8s.io_infrastructureproviders.yaml',
      'cluster-api-operator/operator.cluster.x-k8s.io_addonproviders.yaml',
    ],
  },
  {
    out: 'external-secrets',
    version: 'v1',
    files: ['external-secrets/external-secrets.io_clustersecretstores.yaml', 'external-secrets/external-secrets.io_externalsecrets.yaml'],
  },
  {
    out: 'flux-kustomize',
    version: 'v1',
    files: ['flux/kustomize.toolkit.fluxcd.io_kustomizations.yaml'],
  },
];

function keepVersion(crd: any, version: string, file: string): any {
  const versions = (crd.spec?.versions ?? []).filter((v: any) => v.name === version);
  if (versions.length !== 1) {
    throw new Error(`${file}: expected exactly one version '${version}', found ${versions.length}`);
  }
  return { ...crd, spec: { ...crd.spec, versions: [{ ...versions[0], storage: true }] } };
}

function main(): void {
  if (!fs.existsSync(CRD_ROOT)) {
    throw new Error(`CRD directory not found at ${CRD_ROOT}: clone ../shared beside this repository.`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-blueprints-import-'));
  try {
    // `npx projen import [set…]`: only the named sets (output folders), else all of them.
    const only = process.argv.slice(2);
    for (const set of SETS.filter((s) => only.length === 0 || only.includes(s.out))) {
      const docs = set.files.flatMap((file) =>
        parseAllDocuments(fs.readFileSync(path.join(CRD_ROOT, file), 'utf8'))
          .map((d) => d.toJS())
          .filter((d) => d?.kind === 'CustomResourceDefinition')
          .map((crd) => keepVersion(crd, set.version, file)),
      );
      const spec = path.join(tmp, `${set.out}.yaml`);
      fs.writeFileSync(spec, docs.map((d) => stringify(d)).join('---\n'));
      const outdir = path.join(IMPORT_ROOT, set.out);
      fs.rmSync(outdir, { recursive: true, force: true });
      execFileSync('npx', ['cdk8s', 'import', spec, '--output', outdir, '--language', 'typescript'], { stdio: 'inherit' });
      postProcess(outdir);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The generator's way to drop undefined values: a copy of the object per key (quadratic). */
const SPREAD_FILTER = /Object\.entries\(([\w.]+)\)\.reduce\(\(r, i\) => \(i\[1\] === undefined\) \? r : \(\{ \.\.\.r, \[i\[0\]\]: i\[1\] \}\), \{\}\)/g;
/** The same for maps whose values are converted (`[i[0]]: toJson_X(i[1])`, `i[1]?.value`): one pass instead. */
const SPREAD_MAP = /Object\.entries\(([\w.]+)\)\.reduce\(\(r, i\) => \(i\[1\] === undefined\) \? r : \(\{ \.\.\.r, \[i\[0\]\]: (.+?) \}\), \{\}\)/g;
const HELPER_MARKER = '// added by scripts/import-crds.ts';
const HELPER = `
${HELPER_MARKER}: drops undefined values in one pass (the generator's reduce copies the object per key)
function withoutUndefined(obj: { [key: string]: any }): { [key: string]: any } {
  const out: { [key: string]: any } = {};
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    if (v === undefined) { continue; }
    if (k === '__proto__') { Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true }); } else { out[k] = v; }
  }
  return out;
}
`;

/**
 * The generator's `{ ...Kind.GVK, ...rest }`. An object literal that starts with a spread and adds
 * more properties gets a hidden class of its own in V8 (Node 20) once the literal's site is warm:
 * every API object's props and every rendered manifest had its own map (29,000 in a 1,000-cluster
 * fleet), so each property access on them missed the inline caches. Written as plain properties
 * first, then the spread, the objects share their hidden classes (same keys, same order, and
 * `rest` still overrides them, as before).
 */
const GVK_SPREAD = /^([ \t]*)\.\.\.(\w+)\.GVK,$/gm;

/** The object literal of a generated `toJson_*` function: one `'key': expression,` per line. */
const RESULT_LITERAL = /^  const result = \{\n((?:    '[^']+': .*,\n)*)  \};\n  \/\/ filter undefined values\n  return Object\.entries\(result\)\.reduce\(\(r, i\) => \(i\[1\] === undefined\) \? r : \(\{ \.\.\.r, \[i\[0\]\]: i\[1\] \}\), \{\}\);$/gm;

/**
 * Makes the generated `toJson_*` functions linear and lean. The generator builds an object
 * literal with every property of the schema (dozens, mostly undefined), then drops the undefined
 * ones by copying the object once per key (quadratic). Each object is converted at every
 * synthesis, so for fleets this was a large part of synthesis time (docs/performance.md).
 * Rewritten: each property is added only when defined, in the same order (same result, same key
 * order); maps of user keys are filtered in one pass (`withoutUndefined`). The GVK comes first
 * as two plain properties instead of a spread (`GVK_SPREAD`).
 */
export function postProcess(outdir: string): void {
  for (const file of fs.readdirSync(outdir).filter((f) => f.endsWith('.ts'))) {
    const full = path.join(outdir, file);
    const source = fs.readFileSync(full, 'utf8');
    const processed = source
      .replace(RESULT_LITERAL, (_all, props: string) => {
        const lines = props.split('\n').filter((l) => l !== '').map((line) => {
          const m = line.match(/^    '([^']+)': (.*),$/)!;
          if (m[1] === '__proto__') throw new Error(`${file}: a property named __proto__ cannot be assigned`);
          return `  value = ${m[2]};\n  if (value !== undefined) { result[${JSON.stringify(m[1])}] = value; }`;
        });
        return ['  const result: { [key: string]: any } = {};', '  let value: any;', ...lines, '  return result;'].join('\n');
      })
      .replace(SPREAD_FILTER, (_all, expr: string) => `withoutUndefined(${expr})`)
      .replace(SPREAD_MAP, (_all, expr: string, value: string) => `Object.fromEntries(Object.entries(${expr}).filter((i) => i[1] !== undefined).map((i) => [i[0], ${value}]))`)
      .replace(GVK_SPREAD, (_all, indent: string, kind: string) => `${indent}apiVersion: ${kind}.GVK.apiVersion,\n${indent}kind: ${kind}.GVK.kind,`);
    if (/reduce\(\(r, i\)/.test(processed)) throw new Error(`${file}: a generated filter was not recognised; update postProcess()`);
    const needsHelper = processed.includes('withoutUndefined(') && !processed.includes(HELPER_MARKER);
    if (processed !== source) fs.writeFileSync(full, needsHelper ? processed + HELPER : processed);
  }
}

if (require.main === module) {
  if (process.argv.includes('--post-process-only')) {
    for (const set of SETS) postProcess(path.join(IMPORT_ROOT, set.out));
  } else {
    main();
  }
}
