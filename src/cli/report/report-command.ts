import * as fs from 'fs';
import * as path from 'path';
import { renderHtmlReport } from './html-report';
import { synthesizeAtRef } from '../diff/git';
import { buildRolloutPlan } from '../diff/rollout-plan';
import { OptionSpec, parseArgs, UsageError } from '../private/args';
import { CliIo, EXIT_OK } from '../private/io';
import { buildPlatformModel } from '../private/platform-model';
import { readCdk8sConfig } from '../private/run-app';
import { loadTree } from '../private/tree';

export const REPORT_USAGE = `Usage: capi-blueprints report [--output FILE] [--title TEXT] [--diff OLD] [--allow-delete] [DIR]
       capi-blueprints report [--output FILE] [--title TEXT] --git REF [--app CMD]

One self-contained HTML page (inline CSS and SVG, no script, nothing fetched when viewed) about a
synthesized tree: the fleet table (cluster, site, provider, version, control plane, pools with
type and size, addons with versions and delivery), the platform graph, and with --diff OLD (or
--git REF) the rollout plan from OLD to DIR.

DIR defaults to 'output' of ./cdk8s.yaml, else 'dist'.

Options:
  --output FILE    write the page to FILE (default: standard output)
  --title TEXT     the page title (default: "Platform report")
  --diff OLD       include the rollout plan from the tree OLD to DIR
  --git REF        synthesize the program at REF and in the working tree; report on the working
                   tree with the plan between them (as 'diff --git')
  --app CMD        the program to run with --git (default: 'app' of ./cdk8s.yaml)
  --allow-delete   say that deletions are accepted (as for diff)
  -h, --help       print this help

Exit status: 0 when the page is written (the plan does not change it: use 'diff' to gate a
merge), 1 when the program fails with --git, 2 on usage errors.
`;

const OPTIONS: OptionSpec[] = [
  { name: 'output', kind: 'value', placeholder: 'a file', short: 'o' },
  { name: 'title', kind: 'value', placeholder: 'a title' },
  { name: 'diff', kind: 'value', placeholder: 'a directory' },
  { name: 'git', kind: 'value', placeholder: 'a Git ref' },
  { name: 'app', kind: 'value', placeholder: 'a command' },
  { name: 'allow-delete', kind: 'flag' },
];

/** `capi-blueprints report <args>`; returns the exit code. */
export function runReport(args: string[], io: CliIo): number {
  const parsed = parseArgs(args, OPTIONS);
  if (parsed.help) { io.stdout(REPORT_USAGE); return EXIT_OK; }
  if (parsed.positionals.length > 1) throw new UsageError(`expected one directory, got ${parsed.positionals.length}`);
  const cwd = io.cwd ?? process.cwd();
  const ref = parsed.values.get('git');
  if (ref !== undefined && (parsed.values.has('diff') || parsed.positionals.length > 0)) throw new UsageError('--git REF reports on the working tree: give neither --diff nor DIR');
  if (ref === undefined && parsed.values.has('app')) throw new UsageError('--app is only used with --git');
  let dir: string;
  let oldDir: string | undefined;
  let labels = { old: '', new: '' };
  let cleanup = () => {};
  if (ref !== undefined) {
    const s = synthesizeAtRef(ref, cwd, parsed.values.get('app'), io);
    ({ oldDir, newDir: dir, cleanup } = s);
    labels = { old: s.oldLabel, new: s.newLabel };
  } else {
    const given = parsed.positionals[0] ?? readCdk8sConfig(cwd).output ?? 'dist';
    dir = path.resolve(cwd, given);
    const old = parsed.values.get('diff');
    if (old !== undefined) { oldDir = path.resolve(cwd, old); labels = { old, new: given }; }
  }
  try {
    const tree = loadTree(dir);
    const plan = oldDir !== undefined ? buildRolloutPlan(loadTree(oldDir), tree, labels) : undefined;
    const html = renderHtmlReport(buildPlatformModel(tree), {
      title: parsed.values.get('title') ?? 'Platform report',
      source: ref !== undefined ? labels.new : path.relative(cwd, dir) || '.',
      plan,
      allowDelete: parsed.flags.has('allow-delete'),
    });
    const output = parsed.values.get('output');
    if (output) {
      fs.mkdirSync(path.dirname(path.resolve(cwd, output)), { recursive: true });
      fs.writeFileSync(path.resolve(cwd, output), html);
      io.stderr(`wrote ${output}\n`);
    } else {
      io.stdout(html);
    }
    return EXIT_OK;
  } finally {
    cleanup();
  }
}
