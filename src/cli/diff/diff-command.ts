import * as path from 'path';
import { synthesizeAtRef } from './git';
import { renderMarkdown, renderText } from './render';
import { buildRolloutPlan } from './rollout-plan';
import { OptionSpec, parseArgs, UsageError } from '../private/args';
import { CliIo, EXIT_FINDINGS, EXIT_OK } from '../private/io';
import { loadTree } from '../private/tree';

export const DIFF_USAGE = `Usage: capi-blueprints diff [options] OLD NEW
       capi-blueprints diff [options] --git REF [--app CMD]

The rollout plan between two synthesized trees (flat *.k8s.yaml files or the GitOps repository
layout): per cluster, whether it is created or deleted, whether its control plane and each
MachineDeployment / MachinePool rolls (and why: which template fields differ) or changes in
place, which addon charts are upgraded or get new values (per delivery), and which updates the
API server would refuse (immutable fields, KCP upgrades of more than one minor version).

With --git REF, the program (--app, or 'app' of cdk8s.yaml) is synthesized at REF in a
temporary git worktree and in the working tree, and the two outputs are compared.

Options:
  --git REF        compare the program at a Git ref (commit, branch, tag) with the working tree
  --app CMD        the program to run with --git (default: 'app' of ./cdk8s.yaml)
  --json           print the plan as JSON
  --markdown       print the plan as Markdown (a pull-request comment)
  --allow-delete   accept deleted clusters and pools (exit 0)
  -h, --help       print this help

Exit status: 0 when the plan can be applied; 1 when an update would be refused or something is
deleted without --allow-delete (or the program fails); 2 on usage errors.
`;

const OPTIONS: OptionSpec[] = [
  { name: 'git', kind: 'value', placeholder: 'a Git ref' },
  { name: 'app', kind: 'value', placeholder: 'a command' },
  { name: 'json', kind: 'flag' },
  { name: 'markdown', kind: 'flag' },
  { name: 'allow-delete', kind: 'flag' },
];

/** `capi-blueprints diff <args>`; returns the exit code. */
export function runDiff(args: string[], io: CliIo): number {
  const parsed = parseArgs(args, OPTIONS);
  if (parsed.help) { io.stdout(DIFF_USAGE); return EXIT_OK; }
  if (parsed.flags.has('json') && parsed.flags.has('markdown')) throw new UsageError('--json and --markdown exclude each other');
  const ref = parsed.values.get('git');
  const cwd = io.cwd ?? process.cwd();
  let oldDir: string; let newDir: string; let labels: { old: string; new: string };
  let cleanup = () => {};
  if (ref !== undefined) {
    if (parsed.positionals.length > 0) throw new UsageError('--git REF compares with the working tree: give no OLD NEW directories');
    const s = synthesizeAtRef(ref, cwd, parsed.values.get('app'), io);
    ({ oldDir, newDir, cleanup } = s);
    labels = { old: s.oldLabel, new: s.newLabel };
  } else {
    if (parsed.values.has('app')) throw new UsageError('--app is only used with --git');
    if (parsed.positionals.length !== 2) throw new UsageError(`expected two directories OLD NEW, got ${parsed.positionals.length}`);
    [oldDir, newDir] = parsed.positionals.map((p) => path.resolve(cwd, p));
    labels = { old: parsed.positionals[0], new: parsed.positionals[1] };
  }
  try {
    const plan = buildRolloutPlan(loadTree(oldDir), loadTree(newDir), labels);
    const allowDelete = parsed.flags.has('allow-delete');
    if (parsed.flags.has('json')) io.stdout(JSON.stringify({ ...plan, ok: plan.errors.length === 0 && (!plan.destructive || allowDelete) }, null, 2) + '\n');
    else if (parsed.flags.has('markdown')) io.stdout(renderMarkdown(plan, allowDelete));
    else io.stdout(renderText(plan, allowDelete));
    return plan.errors.length > 0 || (plan.destructive && !allowDelete) ? EXIT_FINDINGS : EXIT_OK;
  } finally {
    cleanup();
  }
}
