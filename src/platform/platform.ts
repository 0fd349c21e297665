import * as fs from 'fs';
import * as path from 'path';
import { App, Yaml } from 'cdk8s';
import { markSynthesized } from '../core/lifecycle';
import { ValidationError } from '../core/validation-error';
import { ManagementCluster } from '../management/management-cluster';
import { OutputLayout } from '../output/output-layout';
import { gitOpsTree } from '../output/private/gitops-tree';
import { checkUniqueObjects, collectCharts } from '../output/private/units';

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
}

/**
 * The root of a capi-blueprints program: a cdk8s `App` whose `synth()` validates everything
 * first, writes nothing when anything is invalid, and costs time linear in the number of objects.
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

  constructor(props: PlatformProps = {}) {
    super({ outdir: props.outdir });
    if (props.layout !== undefined && !Object.values(OutputLayout).includes(props.layout)) {
      throw new ValidationError('Platform', `layout '${props.layout}' is not an output layout. Use OutputLayout.GITOPS or OutputLayout.FLAT.`);
    }
    this.requestedLayout = props.layout;
  }

  /** The layout `synth()` writes. */
  public get layout(): OutputLayout {
    if (this.requestedLayout) return this.requestedLayout;
    return this.node.findAll().some(ManagementCluster.isManagementCluster) ? OutputLayout.GITOPS : OutputLayout.FLAT;
  }

  /** Validates every construct, then writes every chart's manifests. */
  public override synth(): void {
    const errors: string[] = [];
    for (const construct of this.node.findAll()) {
      for (const message of construct.node.validate()) {
        errors.push(message.startsWith(`${construct.node.path}:`) ? message : `${construct.node.path}: ${message}`);
      }
    }
    if (errors.length > 0) {
      throw new ValidationError('Platform', `synthesis stopped by ${errors.length} validation error(s):\n  ${errors.join('\n  ')}`);
    }
    // Render and check everything before writing any file, so an error leaves no partial output.
    const files: Array<[string, string]> = this.layout === OutputLayout.GITOPS ? this.gitOpsFiles() : this.flatFiles();
    fs.mkdirSync(this.outdir, { recursive: true });
    for (const [file, text] of files) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
    markSynthesized(this);
  }

  private flatFiles(): Array<[string, string]> {
    const files: Array<[string, string]> = [];
    const entries: Array<{ scope: string; json: any; path: string }> = [];
    const owners = new Map<string, string>();
    for (const { chart, objects } of collectCharts(this)) {
      if (objects.length === 0) continue;
      const name = `${chart.node.id}${this.outputFileExtension}`;
      const owner = owners.get(name);
      if (owner) {
        throw new ValidationError(chart, `is written to '${name}', like '${owner}'. Give top-level charts (clusters, bundles) unique construct ids, or use OutputLayout.GITOPS.`);
      }
      owners.set(name, chart.node.path);
      const json = objects.map((o) => o.toJson());
      json.forEach((j, i) => entries.push({ scope: '', json: j, path: objects[i].node.path }));
      files.push([path.join(this.outdir, name), Yaml.stringify(...json)]);
    }
    for (const m of this.node.findAll().filter(ManagementCluster.isManagementCluster)) {
      const json = [...m._manifests().values()].flat();
      json.forEach((j) => entries.push({ scope: '', json: j, path: m.node.path }));
      if (json.length > 0) files.push([path.join(this.outdir, `${m.clusterName}.management${this.outputFileExtension}`), Yaml.stringify(...json)]);
    }
    checkUniqueObjects(entries);
    return files;
  }

  private gitOpsFiles(): Array<[string, string]> {
    const tree = gitOpsTree(this, collectCharts(this));
    checkUniqueObjects(tree.files.flatMap((f) => f.objects.map((json, i) => ({ scope: f.management, json, path: f.paths[i] }))));
    const files: Array<[string, string]> = tree.files.map((f) => [path.join(this.outdir, f.path), Yaml.stringify(...f.objects)]);
    for (const [file, text] of tree.texts) files.push([path.join(this.outdir, file), text]);
    return files;
  }
}
