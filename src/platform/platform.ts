import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import { IConstruct } from 'constructs';
import { AddonBundle } from '../addons/addon-bundle';
import { classMembers } from '../clusterclass/private/registry';
import { markSynthesized } from '../core/lifecycle';
import { ValidationError } from '../core/validation-error';
import { groupWarnings, PathedWarning, WARNING_METADATA } from '../core/warnings';
import { ManagementCluster } from '../management/management-cluster';
import { OutputLayout } from '../output/output-layout';
import { gitOpsTree } from '../output/private/gitops-tree';
import { RenderedFiles } from '../output/private/rendered-files';
import { PLATFORM_BRAND, validateTree } from '../output/private/synth-checks';
import { checkUniqueObjects, collectCharts, UniqueObjects } from '../output/private/units';

/** Props of a `Platform`. */
export interface PlatformProps {
  /**
   * Directory the manifests are written to.
   * @default - `CDK8S_OUTDIR`, else 'dist'
   */
  readonly outdir?: string;
  /**
   * How the files are laid out: a GitOps repository (a folder per cluster under its management
   * cluster, the management clusters' own objects, the Argo CD / Flux root objects and a README
   * index), or one `<chart>.k8s.yaml` per top-level chart.
   * @default - `OutputLayout.GITOPS` when the program has a `ManagementCluster`, else `OutputLayout.FLAT`
   */
  readonly layout?: OutputLayout;
  /**
   * Treat warnings (overrides adding keys, unordered addon dependencies, Argo CD annotation sizes,
   * …) as errors: synthesis stops and writes nothing. For CI.
   * @default - `CAPI_BLUEPRINTS_STRICT` is `true` or `1`, else false
   */
  readonly strict?: boolean;
}


/**
 * The root of a capi-blueprints program: a cdk8s `App` whose `synth()` validates everything
 * first, writes nothing when anything is invalid, costs time linear in the number of objects
 * (a Kubernetes-safe YAML writer, objects converted to JSON one at a time) and rewrites only the
 * files whose content changed.
 *
 * - `OutputLayout.GITOPS`: `clusters/<management>/<namespace>/<cluster>/{cluster,addons}/*.yaml`,
 *   `management/<management>/*.yaml`, `bootstrap/<management>/*.yaml` and `README.md`.
 * - `OutputLayout.FLAT`: each top-most chart (a `ManagedCluster`, a bundle, …, wherever it sits
 *   in the construct tree) is written to `<outdir>/<chart-id>.k8s.yaml`; objects of nested charts
 *   go into their top-most chart's file.
 *
 * In both layouts two constructs rendering one object (same kind, namespace and name) are an error.
 */
export class Platform extends App {
  /** The layout set in the props (resolved at synthesis when unset). */
  private readonly requestedLayout?: OutputLayout;

  /** Whether warnings stop synthesis. */
  public readonly strict: boolean;

  constructor(props: PlatformProps = {}) {
    // The cdk8s CLI (`cdk8s synth -o DIR`, `--stdout`) passes its directory in CDK8S_OUTDIR: it wins.
    super({ outdir: process.env.CDK8S_OUTDIR || props.outdir });
    this.strict = props.strict ?? ['true', '1'].includes((process.env.CAPI_BLUEPRINTS_STRICT ?? '').toLowerCase());
    if (props.layout !== undefined && !Object.values(OutputLayout).includes(props.layout)) {
      throw new ValidationError('Platform', `layout '${props.layout}' is not an output layout. Use OutputLayout.GITOPS or OutputLayout.FLAT.`);
    }
    this.requestedLayout = props.layout;
    Object.defineProperty(this, PLATFORM_BRAND, { value: true });
  }

  /** The layout `synth()` writes. */
  public get layout(): OutputLayout {
    if (this.requestedLayout) return this.requestedLayout;
    return this.node.findAll().some(ManagementCluster.isManagementCluster) ? OutputLayout.GITOPS : OutputLayout.FLAT;
  }

  /** Validates every construct, then writes every chart's manifests. */
  public override synth(): void {
    const all = this.node.findAll(); // one traversal for validation, warnings and management clusters
    validateTree(this, all);
    if (classMembers(this).length > 0) {
      // class-output clusters: topology + ClusterClass instead of objects (loaded only when used)
      /* eslint-disable @typescript-eslint/no-require-imports */
      const { applyClassOutputs } = require('../clusterclass/private/apply') as typeof import('../clusterclass/private/apply');
      const { buildCluster } = require('./blueprint/private/resolve') as typeof import('./blueprint/private/resolve');
      /* eslint-enable @typescript-eslint/no-require-imports */
      applyClassOutputs(this, buildCluster);
    }
    const warnings = collectWarnings(all);
    const lines = groupWarnings(warnings); // a message recorded on many constructs is listed once
    if (this.strict && warnings.length > 0) {
      throw new ValidationError('Platform', `synthesis stopped by ${warnings.length} warning(s) in strict mode:\n  ${lines.join('\n  ')}\nFix them, or turn strict mode off (PlatformProps.strict, CAPI_BLUEPRINTS_STRICT).`);
    }
    for (const line of lines) process.stderr.write(`warning: ${line}\n`);
    // Render and check everything before writing any file, so an error leaves no partial output.
    // Objects go to the writer as ApiObjects: converted to JSON one at a time while written as YAML.
    const managements = all.filter(ManagementCluster.isManagementCluster);
    const layout = this.requestedLayout ?? (managements.length > 0 ? OutputLayout.GITOPS : OutputLayout.FLAT);
    const files = layout === OutputLayout.GITOPS ? this.gitOpsFiles() : this.flatFiles(managements);
    fs.mkdirSync(this.outdir, { recursive: true });
    files.write();
    if (process.env.CDK8S_RECORD_CONSTRUCT_METADATA === 'true') this.writeMetadata();
    if (warnings.length > 0) {
      const distinct = lines.length < warnings.length ? ` (${lines.length} distinct)` : '';
      process.stderr.write(`capi-blueprints: ${warnings.length} warning(s)${distinct}\n`);
    }
    markSynthesized(this);
  }

  /** The warnings of every construct (each once, with its construct path), in tree order. */
  public get warnings(): string[] {
    return collectWarnings(this.node.findAll()).map(withPath);
  }

  /** `construct-metadata.json`, as cdk8s App writes it for the CLI's validation reports. */
  private writeMetadata(): void {
    const resources: Record<string, { path: string }> = {};
    for (const { objects } of collectCharts(this)) for (const o of objects) resources[o.name] = { path: o.node.path };
    fs.writeFileSync(path.join(this.outdir, 'construct-metadata.json'), JSON.stringify({ version: '1.0.0', resources }));
  }

  private flatFiles(managements: ManagementCluster[]): RenderedFiles {
    const files = new RenderedFiles();
    const unique = new UniqueObjects();
    const owners = new Map<string, string>();
    for (const { chart, objects } of collectCharts(this)) {
      if (objects.length === 0) continue;
      const name = `${chart.node.id}${this.outputFileExtension}`;
      const owner = owners.get(name);
      if (owner) {
        throw new ValidationError(chart, `is written to '${name}', like '${owner}'. Give top-level charts (clusters, bundles) unique construct ids, or use OutputLayout.GITOPS.`);
      }
      owners.set(name, chart.node.path);
      for (const o of objects) unique.add('', o, o);
      files.addManifests(path.join(this.outdir, name), objects);
    }
    for (const m of managements) {
      const json = [...m._manifests().values()].flat();
      for (const j of json) unique.add('', j, m);
      if (json.length > 0) files.addManifests(path.join(this.outdir, `${m.clusterName}.management${this.outputFileExtension}`), json);
    }
    unique.check();
    return files;
  }

  private gitOpsFiles(): RenderedFiles {
    const tree = gitOpsTree(this, collectCharts(this));
    checkUniqueObjects(tree.files.flatMap((f) => f.objects.map((object, i) => ({ scope: f.management, object, owner: f.owners[i] }))));
    const files = new RenderedFiles();
    for (const f of tree.files) files.addManifests(path.join(this.outdir, f.path), f.objects);
    for (const [file, text] of tree.texts) files.addText(path.join(this.outdir, file), text);
    return files;
  }
}

/** The warnings recorded by `constructs` (each once per construct), in tree order. */
function collectWarnings(constructs: IConstruct[]): PathedWarning[] {
  const out: PathedWarning[] = [];
  const seen = new Set<string>();
  for (const c of constructs) {
    if (AddonBundle.prototype.isPrototypeOf(c)) void (c as AddonBundle).warnings; // layering warnings are recorded lazily
    const at = c.node.path;
    for (const entry of c.node.metadata) {
      if (entry.type !== WARNING_METADATA) continue;
      const data = String(entry.data);
      const message = data.startsWith(`${at}: `) ? data.slice(at.length + 2) : data;
      const key = `${at}\n${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ path: at, message });
    }
  }
  return out;
}

/** `path: message`, as `Platform.warnings` lists them. */
function withPath(w: PathedWarning): string {
  return w.path === '' ? w.message : `${w.path}: ${w.message}`;
}
