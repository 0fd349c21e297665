import * as fs from 'fs';
import { ManifestValidator } from '../../validation';
import { OptionSpec, parseArgs, UsageError } from '../private/args';
import { CliIo, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../private/io';

export const VALIDATE_USAGE = `Usage: capi-blueprints validate [--crds DIR] [--json] [--feature-gate NAME]... PATH...

Validate Kubernetes manifests (YAML files or directories of them) the way the API server and the
Cluster API webhooks would: strict CRD schema, CEL rules, webhook-only rules and references
between the objects.

Options:
  --crds DIR            directory of CustomResourceDefinitions (default: ../shared/crds)
  --json                print the report as JSON
  --feature-gate NAME   treat a Cluster API feature gate as enabled (repeatable)
  -h, --help            print this help

Exit status: 0 when there are no findings, 1 when there are, 2 on usage errors, 3 when the
validator itself failed (an internal error; the report is incomplete).
`;

const OPTIONS: OptionSpec[] = [
  { name: 'crds', kind: 'value', placeholder: 'a directory' },
  { name: 'json', kind: 'flag' },
  { name: 'feature-gate', kind: 'list', placeholder: 'a name' },
];

/** Options of one validation run (shared with `synth`). */
export interface ValidateRun {
  readonly crds: string;
  readonly json: boolean;
  readonly featureGates: string[];
  readonly paths: string[];
}

/** Whether a path exists (a dangling symlink does: the validator reports it). */
function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Validates `run.paths`, prints the report; returns the exit code. */
export function validatePaths(run: ValidateRun, io: CliIo): number {
  if (!fs.existsSync(run.crds) || !fs.statSync(run.crds).isDirectory()) {
    io.stderr(`error: CRD directory '${run.crds}' does not exist; pass --crds DIR\n`);
    return EXIT_USAGE;
  }
  const missing = run.paths.filter(p => !exists(p));
  if (missing.length > 0) {
    io.stderr(`error: no such file or directory: ${missing.join(', ')}\n`);
    return EXIT_USAGE;
  }
  const report = ManifestValidator.fromCrdDirectory(run.crds, { featureGates: run.featureGates }).validateFiles(run.paths);
  if (run.json) io.stdout(JSON.stringify(report.toJson(), null, 2) + '\n');
  else io.stdout(report.format() + '\n');
  return report.ok ? EXIT_OK : EXIT_FINDINGS;
}

/** `capi-blueprints validate <args>`; returns the exit code. */
export function runValidate(args: string[], io: CliIo): number {
  const parsed = parseArgs(args, OPTIONS);
  if (parsed.help) { io.stdout(VALIDATE_USAGE); return EXIT_OK; }
  if (parsed.positionals.length === 0) throw new UsageError('no manifest paths given');
  return validatePaths({
    crds: parsed.values.get('crds') ?? io.defaultCrdDir,
    json: parsed.flags.has('json'),
    featureGates: parsed.lists.get('feature-gate') ?? [],
    paths: parsed.positionals,
  }, io);
}
