import { runDiff, DIFF_USAGE } from './diff/diff-command';
import { runGraph, GRAPH_USAGE } from './graph/graph-command';
import { INIT_USAGE, runInit } from './init/init-command';
import { UsageError } from './private/args';
import { CliError } from './private/cli-error';
import { CliIo, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from './private/io';
import { REPORT_USAGE, runReport } from './report/report-command';
import { runSynth, SYNTH_USAGE } from './synth/synth-command';
import { runValidate, VALIDATE_USAGE } from './validate/validate-command';

export type { CliIo } from './private/io';

const USAGE = `Usage: capi-blueprints <command> [options]

Commands:
  synth      run the program (cdk8s.yaml's app or --app) and validate what it wrote
  validate   validate manifests offline against CRDs and the Cluster API webhook rules
  diff       the rollout plan between two synthesized trees (or a Git ref and the working tree)
  graph      the platform as a Mermaid or Graphviz diagram
  report     one self-contained HTML page: fleet table, graph and (with --diff/--git) the rollout plan
  init       scaffold a platform project (package.json, cdk8s.yaml, a program, a test)

Run 'capi-blueprints <command> --help' for the options of a command, 'capi-blueprints --version'
for the version.

Exit status: 0 success; 1 findings, refused updates, unaccepted deletions or a failing program;
2 usage errors; 3 when the validator itself failed or another internal error occurred (the
output is incomplete).
`;

interface Command {
  readonly run: (args: string[], io: CliIo) => number;
  readonly usage: string;
}

const COMMANDS: Record<string, Command> = {
  synth: { run: runSynth, usage: SYNTH_USAGE },
  validate: { run: runValidate, usage: VALIDATE_USAGE },
  diff: { run: runDiff, usage: DIFF_USAGE },
  graph: { run: runGraph, usage: GRAPH_USAGE },
  report: { run: runReport, usage: REPORT_USAGE },
  init: { run: runInit, usage: INIT_USAGE },
};

/**
 * Runs `capi-blueprints <args>`; returns the exit code. Usage errors print the command's usage
 * (exit 2); expected failures print one line (`CliError`, exit 1 unless it says); anything else is
 * an internal error (exit 3). Never a stack trace.
 */
export function runCli(args: string[], io: CliIo): number {
  if (args[0] === '--version' || args[0] === '-V' || args[0] === 'version') {
    io.stdout(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  if (args.length === 0 || args[0] === '-h' || args[0] === '--help' || args[0] === 'help') {
    if (args[0] === 'help' && args[1] && Object.prototype.hasOwnProperty.call(COMMANDS, args[1])) {
      io.stdout(COMMANDS[args[1]].usage);
      return EXIT_OK;
    }
    (args.length === 0 ? io.stderr : io.stdout)(USAGE);
    return args.length === 0 ? EXIT_USAGE : EXIT_OK;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, args[0]) ? COMMANDS[args[0]] : undefined;
  if (!command) {
    io.stderr(`error: unknown command '${args[0]}'\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    return command.run(args.slice(1), io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`error: ${e.message}\n\n${command.usage}`);
      return EXIT_USAGE;
    }
    if (e instanceof CliError) {
      io.stderr(`error: ${e.message}\n`);
      return e.exitCode;
    }
    // Unexpected: never the code of findings, so a crash cannot pass for a report.
    const message = e instanceof Error && e.message ? e.message : String(e);
    io.stderr(command.run === runValidate
      ? `internal error: the validator failed: ${message}\nThe report is incomplete. Please report this with the input that caused it.\n`
      : `internal error: capi-blueprints ${args[0]} failed: ${message}\nThe output is incomplete. Please report this with the input that caused it.\n`);
    return EXIT_INTERNAL;
  }
}

/** The version of the installed package (its package.json, two levels up from src/cli or lib/cli). */
function packageVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return String(require('../../package.json').version);
}
