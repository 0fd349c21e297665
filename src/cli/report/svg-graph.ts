import { GraphEdge, GraphNode, PlatformGraph } from '../graph/platform-graph';

const COLUMN: Record<GraphNode['kind'], number> = { bundle: 0, management: 1, cluster: 2, pool: 3 };
const COL_WIDTH = 270;
const COL_GAP = 70;
const LINE = 15;
const PAD = 8;
const GAP = 12;
const FILL: Record<GraphNode['kind'], [string, string]> = {
  management: ['#e8eaf6', '#3949ab'],
  cluster: ['#e3f2fd', '#1e88e5'],
  pool: ['#f1f8e9', '#7cb342'],
  bundle: ['#fff8e1', '#f9a825'],
};

interface Box { x: number; y: number; w: number; h: number }

/** Escapes text for HTML and SVG. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function clip(s: string): string {
  return s.length > 40 ? s.slice(0, 39) + '…' : s;
}

function height(n: GraphNode): number {
  return n.label.length * LINE + 2 * PAD;
}

/**
 * The platform graph as an inline SVG (no script, nothing fetched): columns bundles →
 * management clusters → clusters (boxed by site) → pools; LMA edges as arcs between clusters.
 */
export function renderSvg(graph: PlatformGraph): string {
  const box = new Map<string, Box>();
  const x = (n: GraphNode) => 10 + COLUMN[n.kind] * (COL_WIDTH + COL_GAP);
  const poolsOf = (id: string) => graph.edges.filter((e) => e.from === id && graph.nodes.find((n) => n.id === e.to)?.kind === 'pool')
    .map((e) => graph.nodes.find((n) => n.id === e.to)!);
  // clusters and their pools, in order, one block each
  let y = 30;
  const groups: Array<{ label: string; top: number; bottom: number }> = [];
  for (const c of graph.nodes.filter((n) => n.kind === 'cluster')) {
    const last = groups[groups.length - 1];
    if (c.group && (!last || last.label !== c.group)) { y += last ? 22 : 0; groups.push({ label: c.group, top: y - 22, bottom: y }); }
    const pools = poolsOf(c.id);
    box.set(c.id, { x: x(c), y, w: COL_WIDTH, h: height(c) });
    let py = y;
    for (const p of pools) { box.set(p.id, { x: x(p), y: py, w: COL_WIDTH, h: height(p) }); py += height(p) + GAP / 2; }
    y = Math.max(y + height(c), py) + GAP;
    if (c.group) groups[groups.length - 1].bottom = y - GAP / 2;
  }
  const total = Math.max(y, 60);
  for (const kind of ['management', 'bundle'] as const) {
    const nodes = graph.nodes.filter((n) => n.kind === kind);
    const sum = nodes.reduce((s, n) => s + height(n) + GAP, 0);
    let ny = Math.max(30, (total - sum) / 2);
    for (const n of nodes) { box.set(n.id, { x: x(n), y: ny, w: COL_WIDTH, h: height(n) }); ny += height(n) + GAP; }
  }
  const height_ = Math.max(total, ...[...box.values()].map((b) => b.y + b.h + 10));
  const width = 10 + 4 * (COL_WIDTH + COL_GAP);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="platform graph" width="${width}" height="${height_}" viewBox="0 0 ${width} ${height_}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#607d8b"/></marker></defs>',
  ];
  for (const g of groups) {
    const cx = 10 + COLUMN.cluster * (COL_WIDTH + COL_GAP) - 8;
    out.push(`<rect x="${cx}" y="${g.top}" width="${2 * COL_WIDTH + COL_GAP + 16}" height="${g.bottom - g.top}" fill="none" stroke="#90a4ae" stroke-dasharray="4 3" rx="6"/>`);
    out.push(`<text x="${cx + 6}" y="${g.top + 14}" fill="#546e7a" font-weight="bold">${esc(g.label)}</text>`);
  }
  const edge = (e: GraphEdge) => {
    const a = box.get(e.from); const b = box.get(e.to);
    if (!a || !b) return;
    const dash = e.dashed ? ' stroke-dasharray="5 4"' : '';
    let d: string; let lx: number; let ly: number;
    if (a.x === b.x) { // same column (LMA edge → hub): an arc on the left
      const y1 = a.y + a.h / 2; const y2 = b.y + b.h / 2;
      d = `M${a.x},${y1} C${a.x - 50},${y1} ${b.x - 50},${y2} ${b.x},${y2}`;
      lx = a.x - 45; ly = (y1 + y2) / 2;
    } else {
      const x1 = a.x + a.w; const y1 = a.y + a.h / 2; const x2 = b.x; const y2 = b.y + b.h / 2;
      d = `M${x1},${y1} C${x1 + 40},${y1} ${x2 - 40},${y2} ${x2},${y2}`;
      lx = (x1 + x2) / 2; ly = (y1 + y2) / 2 - 3;
    }
    out.push(`<path d="${d}" fill="none" stroke="#607d8b"${dash} marker-end="url(#arrow)"><title>${esc(e.label ?? '')}</title></path>`);
    if (e.label && a.x === b.x) out.push(`<text x="${lx}" y="${ly}" fill="#455a64" font-size="10" text-anchor="middle">LMA</text>`);
  };
  graph.edges.forEach(edge);
  for (const n of graph.nodes) {
    const b = box.get(n.id)!;
    const [fill, stroke] = FILL[n.kind];
    out.push(`<g><title>${esc(n.label.join('\n'))}</title><rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="${n.kind === 'pool' ? 12 : 4}" fill="${fill}" stroke="${stroke}"/>`);
    n.label.forEach((l, i) => out.push(`<text x="${b.x + PAD}" y="${b.y + PAD + (i + 1) * LINE - 3}"${i === 0 ? ' font-weight="bold"' : ''}>${esc(clip(l))}</text>`));
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}
