import { GraphNode, PlatformGraph } from './platform-graph';

function groups(graph: PlatformGraph): Map<string | undefined, GraphNode[]> {
  const m = new Map<string | undefined, GraphNode[]>();
  for (const n of graph.nodes) m.set(n.group, [...(m.get(n.group) ?? []), n]);
  return m;
}

function mermaidText(lines: string[]): string {
  return lines.map((l) => l.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;')).join('<br/>');
}

const MERMAID_SHAPE: Record<GraphNode['kind'], [string, string]> = {
  management: ['[[', ']]'],
  cluster: ['[', ']'],
  pool: ['([', '])'],
  bundle: ['{{', '}}'],
};

/** The graph as a Mermaid flowchart. */
export function renderMermaid(graph: PlatformGraph): string {
  const out = ['flowchart LR'];
  const node = (n: GraphNode, indent: string) => {
    const [open, close] = MERMAID_SHAPE[n.kind];
    out.push(`${indent}${n.id}${open}"${mermaidText(n.label)}"${close}`);
  };
  let g = 0;
  for (const [group, nodes] of groups(graph)) {
    if (group === undefined) { nodes.forEach((n) => node(n, '  ')); continue; }
    out.push(`  subgraph g${g++}["${mermaidText([group])}"]`);
    nodes.forEach((n) => node(n, '    '));
    out.push('  end');
  }
  for (const e of graph.edges) {
    const arrow = e.dashed ? '-.->' : '-->';
    out.push(`  ${e.from} ${e.label ? `${arrow}|"${mermaidText([e.label])}"|` : arrow} ${e.to}`);
  }
  out.push('  classDef management fill:#e8eaf6,stroke:#3949ab', '  classDef cluster fill:#e3f2fd,stroke:#1e88e5', '  classDef pool fill:#f1f8e9,stroke:#7cb342', '  classDef bundle fill:#fff8e1,stroke:#f9a825');
  for (const kind of ['management', 'cluster', 'pool', 'bundle'] as const) {
    const ids = graph.nodes.filter((n) => n.kind === kind).map((n) => n.id);
    if (ids.length > 0) out.push(`  class ${ids.join(',')} ${kind}`);
  }
  return out.join('\n') + '\n';
}

function dotText(lines: string[]): string {
  return lines.map((l) => l.replace(/\\/g, '\\\\').replace(/"/g, '\\"')).join('\\n');
}

const DOT_SHAPE: Record<GraphNode['kind'], string> = {
  management: 'shape=box3d, style=filled, fillcolor="#e8eaf6"',
  cluster: 'shape=box, style="rounded,filled", fillcolor="#e3f2fd"',
  pool: 'shape=box, style=filled, fillcolor="#f1f8e9"',
  bundle: 'shape=hexagon, style=filled, fillcolor="#fff8e1"',
};

/** The graph in Graphviz DOT. */
export function renderDot(graph: PlatformGraph): string {
  const out = ['digraph platform {', '  rankdir=LR;', '  node [fontname="Helvetica", fontsize=10];', '  edge [fontname="Helvetica", fontsize=9];'];
  const node = (n: GraphNode, indent: string) => out.push(`${indent}${n.id} [label="${dotText(n.label)}", ${DOT_SHAPE[n.kind]}];`);
  let g = 0;
  for (const [group, nodes] of groups(graph)) {
    if (group === undefined) { nodes.forEach((n) => node(n, '  ')); continue; }
    out.push(`  subgraph cluster_${g++} {`, `    label="${dotText([group])}";`, '    style=dashed;');
    nodes.forEach((n) => node(n, '    '));
    out.push('  }');
  }
  for (const e of graph.edges) {
    const attrs = [e.label ? `label="${dotText([e.label])}"` : undefined, e.dashed ? 'style=dashed' : undefined].filter((s) => s);
    out.push(`  ${e.from} -> ${e.to}${attrs.length ? ` [${attrs.join(', ')}]` : ''};`);
  }
  out.push('}');
  return out.join('\n') + '\n';
}
