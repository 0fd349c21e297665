import * as fs from 'fs';
import { ManifestValidator } from '../validation';

/** Where the CLI writes and what it defaults to. */
export interface CliIo {
  /** Writes to standard output. */
  readonly stdout: (s: string) => void;
  /** Writes to standard error. */
  readonly stderr: (s: string) => void;
  /** The CRD directory used without `--crds`. */
  readonly defaultCrdDir: string;
}

const USAGE = `Usage: capi-blueprints validate [--crds DIR] [--json] [--feature-gate NAME]... PATH...

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

/** Exit codes of the CLI. */
export const EXIT_CODES = { ok: 0, findings: 1, usage: 2, internalError: 3 };

/**
 * Run `capi-blueprints <args>`; returns the exit code: 0 no findings, 1 findings, 2 usage error,
 * 3 internal error (never the code of "findings", so a crash cannot pass for a report).
 */
export function runCli(args: string[], io: CliIo): number {
  try {
    return run(args, io);
  } catch (e) {
    const err = e as Error;
    io.stderr(`internal error: the validator failed: ${err && err.message ? err.message : String(e)}\n`
      + 'The report is incomplete. Please report this with the input that caused it.\n');
    return EXIT_CODES.internalError;
  }
}

function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

function run(args: string[], io: CliIo): number {
  if (args.length === 0 || args[0] === '-h' || args[0] === '--help' || args[0] === 'help') {
    (args.length === 0 ? io.stderr : io.stdout)(USAGE);
    return args.length === 0 ? 2 : 0;
  }
  if (args[0] !== 'validate') {
    io.stderr(`error: unknown command '${args[0]}'\n\n${USAGE}`);
    return 2;
  }
  let crds = io.defaultCrdDir;
  let json = false;
  const gates: string[] = [];
  const paths: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    const value = (): string | undefined => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      i++;
      return args[i];
    };
    if (a === '--json') {json = true;} else if (a === '-h' || a === '--help') { io.stdout(USAGE); return 0; } else if (a === '--crds' || a.startsWith('--crds=')) {
      const v = value();
      if (!v) { io.stderr(`error: --crds needs a directory\n\n${USAGE}`); return 2; }
      crds = v;
    } else if (a === '--feature-gate' || a.startsWith('--feature-gate=')) {
      const v = value();
      if (!v) { io.stderr(`error: --feature-gate needs a name\n\n${USAGE}`); return 2; }
      gates.push(v);
    } else if (a === '--') {
      paths.push(...args.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') {
      io.stderr(`error: unknown option '${a}'\n\n${USAGE}`);
      return 2;
    } else {
      paths.push(a);
    }
  }
  if (paths.length === 0) {
    io.stderr(`error: no manifest paths given\n\n${USAGE}`);
    return 2;
  }
  if (!fs.existsSync(crds) || !fs.statSync(crds).isDirectory()) {
    io.stderr(`error: CRD directory '${crds}' does not exist; pass --crds DIR\n`);
    return 2;
  }
  const missing = paths.filter(p => !exists(p));
  if (missing.length > 0) {
    io.stderr(`error: no such file or directory: ${missing.join(', ')}\n`);
    return 2;
  }
  const report = ManifestValidator.fromCrdDirectory(crds, { featureGates: gates }).validateFiles(paths);
  if (json) io.stdout(JSON.stringify(report.toJson(), null, 2) + '\n');
  else io.stdout(report.format() + '\n');
  return report.ok ? 0 : 1;
}
