import * as fs from 'fs';
import * as path from 'path';
import { OptionSpec, parseArgs, UsageError } from '../private/args';
import { CliError } from '../private/cli-error';
import { CliIo, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../private/io';
import { appCommand, readCdk8sConfig, runApp } from '../private/run-app';
import { validatePaths } from '../validate/validate-command';

export const SYNTH_USAGE = `Usage: capi-blueprints synth [--app CMD] [--output DIR] [--crds DIR] [--json] [--feature-gate NAME]...

Run the program, like 'cdk8s synth', then validate what it wrote with the checks of
'capi-blueprints validate' (strict CRD schema, CEL rules, webhook-only rules, references).

The program is --app, else 'app' of ./cdk8s.yaml. It writes to --output, else 'output' of
./cdk8s.yaml, else 'dist': the directory is emptied first (so removed clusters disappear from
the tree) and handed to the program as CDK8S_OUTDIR and CAPI_BLUEPRINTS_OUTDIR.

Options:
  --app CMD             the command that runs the program (e.g. 'npx ts-node main.ts')
  --output DIR          where the program writes (default: cdk8s.yaml 'output', else dist)
  --crds DIR            directory of CustomResourceDefinitions (default: ../shared/crds)
  --json                print the validation report as JSON
  --feature-gate NAME   treat a Cluster API feature gate as enabled (repeatable)
  -h, --help            print this help

Exit status (as validate): 0 when the output has no findings; 1 when it has findings or the
program fails; 2 on usage errors.
`;

const OPTIONS: OptionSpec[] = [
  { name: 'app', kind: 'value', placeholder: 'a command' },
  { name: 'output', kind: 'value', placeholder: 'a directory', short: 'o' },
  { name: 'crds', kind: 'value', placeholder: 'a directory' },
  { name: 'json', kind: 'flag' },
  { name: 'feature-gate', kind: 'list', placeholder: 'a name' },
];

function countYaml(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.ya?ml$/.test(f)).length;
}

/** `capi-blueprints synth <args>`; returns the exit code. */
export function runSynth(args: string[], io: CliIo): number {
  const parsed = parseArgs(args, OPTIONS);
  if (parsed.help) { io.stdout(SYNTH_USAGE); return EXIT_OK; }
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument '${parsed.positionals[0]}'`);
  const cwd = io.cwd ?? process.cwd();
  const app = appCommand(cwd, parsed.values.get('app'));
  const outdir = path.resolve(cwd, parsed.values.get('output') ?? readCdk8sConfig(cwd).output ?? 'dist');
  const rel = path.relative(outdir, cwd);
  if (rel === '' || !rel.startsWith('..')) {
    throw new CliError(`--output ${outdir} is the working directory or one of its parents; it would be emptied. Choose a directory of its own (e.g. dist).`, EXIT_USAGE);
  }
  const crds = parsed.values.get('crds') ?? io.defaultCrdDir;
  if (!fs.existsSync(crds) || !fs.statSync(crds).isDirectory()) {
    throw new CliError(`CRD directory '${crds}' does not exist; pass --crds DIR`, EXIT_USAGE);
  }
  fs.rmSync(outdir, { recursive: true, force: true });
  runApp(app, cwd, outdir, io);
  const files = countYaml(outdir);
  if (files === 0) {
    throw new CliError(`'${app}' wrote no manifests to ${outdir}: give Platform (or cdk8s App) no outdir, or read it from CDK8S_OUTDIR / CAPI_BLUEPRINTS_OUTDIR (resolveOutdir()).`, EXIT_FINDINGS);
  }
  io.stderr(`synthesized ${files} manifest file(s) into ${path.relative(cwd, outdir) || '.'}\n`);
  return validatePaths({ crds, json: parsed.flags.has('json'), featureGates: parsed.lists.get('feature-gate') ?? [], paths: [outdir] }, io);
}
