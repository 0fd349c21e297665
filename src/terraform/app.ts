import * as fs from 'fs';
import { App, AppConfig } from 'cdktf';

/**
 * A cdktf `App` that works both run directly (`node`, `ts-node`) and under `cdktf synth`.
 *
 * cdktf's own `App` has two traps for the Terraform half of a platform program:
 * - it creates its output directory with a non-recursive `mkdir`, so
 *   `new App({ outdir: 'dist/aws-foundation' })` fails with ENOENT in a fresh project (no `dist/`);
 * - its `outdir` prop wins over `CDKTF_OUTDIR`, the directory `cdktf synth` passes to the program
 *   and then reads `manifest.json` from, so with an `outdir` the CLI fails with "Could not find
 *   manifest file at cdktf.out/manifest.json".
 *
 * `TerraformApp` takes the same config and resolves the output directory as `Platform` does for
 * cdk8s: `CDKTF_OUTDIR` (set by `cdktf synth`, `-o`, cdktf.json `output`) when set, else `outdir`,
 * else `cdktf.out`; the directory and its parents are created.
 *
 * ```ts
 * const app = new TerraformApp({ outdir: 'dist/aws-foundation' });
 * const stack = new TerraformStack(app, 'aws-foundation');
 * // ... CapaIam, CapaNetwork, LmaBucket, StateBackend.s3 ...
 * app.synth();
 * ```
 */
export class TerraformApp extends App {
  private static withOutdir(config: AppConfig): AppConfig {
    const outdir = process.env.CDKTF_OUTDIR || config.outdir || 'cdktf.out';
    fs.mkdirSync(outdir, { recursive: true });
    return { ...config, outdir };
  }

  /**
   * @param config the cdktf app config; `outdir` is used when `CDKTF_OUTDIR` is not set
   */
  constructor(config: AppConfig = {}) {
    super(TerraformApp.withOutdir(config));
  }
}
