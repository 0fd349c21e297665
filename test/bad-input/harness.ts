/**
 * Table of invalid configurations: each case builds a program (a `Platform` for Kubernetes
 * manifests, a cdktf `App` for Terraform) with a temporary outdir, synthesizes it and expects a
 * `ValidationError` whose message names the construct path, the field, the offending value and the
 * fix — and no output written.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App as TerraformApp, TerraformStack } from 'cdktf';
import { Platform } from '../../src/platform';

/** One invalid configuration. */
export interface BadInputCase {
  /** What is wrong, e.g. "an even control-plane replica count". */
  readonly name: string;
  /** The construct path (or object) the message must start a line with, e.g. `prod/workers`. */
  readonly path: string;
  /** The message a user sees: field, offending value and fix. */
  readonly message: RegExp;
  /** Runs the program into `outdir`, synth included. */
  readonly run: (outdir: string) => void;
}

/** A Kubernetes program: `build` adds constructs to a `Platform`, then `synth()` runs. */
export function k8s(name: string, path_: string, build: (app: Platform) => void, message: RegExp): BadInputCase {
  return {
    name,
    path: path_,
    message,
    run: (outdir) => {
      const app = new Platform({ outdir });
      build(app);
      app.synth();
    },
  };
}

/** A Terraform program: `build` adds constructs to the stack `stack` (with an AWS provider) of a cdktf `App`, then `synth()` runs. */
export function tf(name: string, path_: string, build: (stack: TerraformStack) => void, message: RegExp): BadInputCase {
  return {
    name,
    path: path_,
    message,
    run: (outdir) => {
      const app = new TerraformApp({ outdir, stackTraces: false });
      const stack = new TerraformStack(app, 'stack');
      new AwsProvider(stack, 'aws', { region: 'ap-northeast-2' });
      build(stack);
      app.synth();
    },
  };
}

/** Runs a case into a fresh, not yet existing outdir; returns the error thrown and the outdir. */
export function runCase(c: BadInputCase): { error: unknown; outdir: string; cleanup: () => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bad-input-'));
  const outdir = path.join(root, 'out');
  let error: unknown;
  try {
    c.run(outdir);
  } catch (e) {
    error = e;
  }
  return { error, outdir, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** Files below `dir` (none when it does not exist). */
export function filesBelow(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile());
}
