import * as path from 'path';
import { buildPlatformGraph } from './platform-graph';
import { renderDot, renderMermaid } from './render-graph';
import { OptionSpec, parseArgs, UsageError } from '../private/args';
import { CliIo, EXIT_OK } from '../private/io';
import { buildPlatformModel } from '../private/platform-model';
import { readCdk8sConfig } from '../private/run-app';
import { loadTree } from '../private/tree';

export const GRAPH_USAGE = `Usage: capi-blueprints graph [--format mermaid|dot] [DIR]

The platform of a synthesized tree as a diagram: management clusters → workload clusters
(grouped by site) → node pools; addon bundles (LMA stacks included) → the clusters they are
delivered to, labelled with the delivery; LMA edge clusters → their hub.

DIR defaults to 'output' of ./cdk8s.yaml, else 'dist'.

Options:
  --format FORMAT   mermaid (default) or dot (Graphviz)
  -h, --help        print this help

Exit status: 0 on success, 2 on usage errors.
`;

const OPTIONS: OptionSpec[] = [{ name: 'format', kind: 'value', placeholder: 'mermaid or dot' }];

/** `capi-blueprints graph <args>`; returns the exit code. */
export function runGraph(args: string[], io: CliIo): number {
  const parsed = parseArgs(args, OPTIONS);
  if (parsed.help) { io.stdout(GRAPH_USAGE); return EXIT_OK; }
  const format = parsed.values.get('format') ?? 'mermaid';
  if (format !== 'mermaid' && format !== 'dot') throw new UsageError(`--format must be 'mermaid' or 'dot', not '${format}'`);
  if (parsed.positionals.length > 1) throw new UsageError(`expected one directory, got ${parsed.positionals.length}`);
  const cwd = io.cwd ?? process.cwd();
  const dir = path.resolve(cwd, parsed.positionals[0] ?? readCdk8sConfig(cwd).output ?? 'dist');
  const graph = buildPlatformGraph(buildPlatformModel(loadTree(dir)));
  io.stdout(format === 'dot' ? renderDot(graph) : renderMermaid(graph));
  return EXIT_OK;
}
