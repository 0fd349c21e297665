import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { CliError } from './cli-error';
import { CliIo, EXIT_FINDINGS, EXIT_USAGE } from './io';

/** The parts of `cdk8s.yaml` the CLI reads. */
export interface Cdk8sConfig {
  readonly app?: string;
  readonly output?: string;
}

/** Reads `cdk8s.yaml` of a directory; `{}` when there is none. */
export function readCdk8sConfig(dir: string): Cdk8sConfig {
  const file = path.join(dir, 'cdk8s.yaml');
  if (!fs.existsSync(file)) return {};
  let doc: any;
  try {
    doc = parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(`${file} is not valid YAML: ${(e as Error).message.split('\n')[0]}`, EXIT_USAGE);
  }
  return { app: typeof doc?.app === 'string' ? doc.app : undefined, output: typeof doc?.output === 'string' ? doc.output : undefined };
}

/** The command that runs the program: `--app`, else `app` of `cdk8s.yaml`. */
export function appCommand(dir: string, override: string | undefined): string {
  const app = override ?? readCdk8sConfig(dir).app;
  if (!app) throw new CliError(`no program to run: pass --app CMD or add 'app: <command>' to ${path.join(dir, 'cdk8s.yaml')}`, EXIT_USAGE);
  return app;
}

/**
 * Runs the program with its output directed to `outdir` (`CDK8S_OUTDIR` and
 * `CAPI_BLUEPRINTS_OUTDIR`); its own output goes to standard error. A failing program is a
 * `CliError` (exit 1) naming the command.
 */
export function runApp(app: string, cwd: string, outdir: string, io: CliIo): void {
  const r = spawnSync(app, {
    cwd,
    shell: true,
    encoding: 'utf8',
    env: { ...process.env, CDK8S_OUTDIR: outdir, CAPI_BLUEPRINTS_OUTDIR: outdir },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.stdout) io.stderr(r.stdout);
  if (r.stderr) io.stderr(r.stderr);
  if (r.error) throw new CliError(`could not run '${app}': ${r.error.message}`);
  if (r.status !== 0) throw new CliError(`the program '${app}' failed (exit ${r.status ?? r.signal}) in ${cwd}`, EXIT_FINDINGS);
}
