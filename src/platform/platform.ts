import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import { ValidationError } from '../core/validation-error';
import { writeFilesIfChanged } from '../output/write-files';
import { stringifyManifests } from '../output/yaml';

/** Props of a `Platform`. */
export interface PlatformProps {
  /**
   * Directory the manifests are written to (one `<chart-id>.k8s.yaml` per top-level chart,
   * i.e. per cluster).
   * @default - `CDK8S_OUTDIR`, else 'dist'
   */
  readonly outdir?: string;
}

/**
 * The root of a capi-blueprints program: a cdk8s `App` whose `synth()` costs time linear in the
 * number of objects, for fleets of hundreds of clusters (plain `App.synth` traverses the whole
 * app once per chart).
 *
 * Output matches `App.synth` with one file per chart: each top-level chart (a `ManagedCluster`)
 * is written to `<outdir>/<chart-id>.k8s.yaml` with its objects in construct order; objects of
 * nested charts go into their top-level chart's file.
 */
export class Platform extends App {
  constructor(props: PlatformProps = {}) {
    super({ outdir: props.outdir });
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
    // Render every chart before writing any file, so an error while rendering leaves no partial output.
    const files: Array<[string, string]> = [];
    for (const chart of this.node.children.filter(Chart.isChart)) {
      // ApiObjects, converted to JSON one at a time while they are written as YAML.
      const objects = chart.node.findAll().filter(ApiObject.isApiObject);
      if (objects.length === 0) continue;
      files.push([path.join(this.outdir, `${chart.node.id}${this.outputFileExtension}`), stringifyManifests(objects)]);
    }
    writeFilesIfChanged(files);
  }
}
