import { esc, renderSvg } from './svg-graph';
import { describePool, machineType } from '../diff/plan-machines';
import { RolloutPlan } from '../diff/plan-types';
import { planSections, summaryLine, verdict } from '../diff/render';
import { buildPlatformGraph } from '../graph/platform-graph';
import { renderMermaid } from '../graph/render-graph';
import { ClusterModel, INFRASTRUCTURE_LABEL, PlatformModel, SITE_LABEL } from '../private/platform-model';

const STYLE = `
body { font-family: Helvetica, Arial, sans-serif; margin: 24px; color: #263238; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 32px; border-bottom: 1px solid #cfd8dc; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border: 1px solid #cfd8dc; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #eceff1; }
ul.cell { margin: 0; padding-left: 16px; }
.graph { overflow-x: auto; border: 1px solid #cfd8dc; padding: 8px; }
.error { color: #b71c1c; } .destructive { color: #b71c1c; font-weight: bold; }
.status-created { color: #1b5e20; } .status-DELETED { color: #b71c1c; }
code, pre { font-family: Menlo, Consolas, monospace; font-size: 12px; }
pre { background: #f5f5f5; padding: 8px; overflow-x: auto; }
`;

function list(items: string[]): string {
  return items.length === 0 ? '' : `<ul class="cell">${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
}

function fleetRow(c: ClusterModel): string {
  const cp = c.controlPlane?.obj;
  const type = machineType(c.controlPlaneTemplate?.obj);
  const pools = new Map<string, typeof c.pools>();
  for (const p of c.pools) pools.set(p.pool, [...(pools.get(p.pool) ?? []), p]);
  const cells = [
    `<td><strong>${esc(c.name)}</strong><br/><code>${esc(c.key)}</code></td>`,
    `<td>${esc(c.labels[SITE_LABEL] ?? '')}</td>`,
    `<td>${esc(c.managementCluster)}</td>`,
    `<td>${esc(c.labels[INFRASTRUCTURE_LABEL] ?? c.infrastructureCluster?.obj.kind ?? '')}</td>`,
    `<td>${esc(String(cp?.spec?.version ?? ''))}</td>`,
    `<td>${esc([cp?.kind, cp?.spec?.replicas !== undefined ? `${cp.spec.replicas} ×` : undefined, type].filter((s) => s).join(' '))}</td>`,
    `<td>${list([...pools.entries()].map(([name, items]) => `${name}: ${items.length} × ${describePool(items[0]).split(', ').slice(1).join(', ')}`.replace(/: (\d+) × $/, ': $1')))}</td>`,
    `<td>${list(c.addons.map((a) => `${a.addon}${a.version ? ' ' + a.version : ''} (${a.delivery})`))}</td>`,
  ];
  return `<tr data-cluster="${esc(c.key)}">${cells.join('')}</tr>`;
}

function planHtml(plan: RolloutPlan, allowDelete: boolean): string {
  const out: string[] = ['<h2 id="plan">Rollout plan</h2>', `<p><code>${esc(plan.old)}</code> → <code>${esc(plan.new)}</code></p>`, `<p>${esc(summaryLine(plan))}</p>`];
  for (const v of verdict(plan, allowDelete)) out.push(`<p class="${plan.errors.length > 0 ? 'error' : 'destructive'}">${esc(v)}</p>`);
  if (plan.errors.length > 0) {
    out.push('<ul class="errors">', ...plan.errors.map((e) => `<li class="error">${esc(`${e.cluster ? e.cluster + ': ' : ''}${e.object} ${e.field}: ${e.message}`)}</li>`), '</ul>');
  }
  const sections = planSections(plan);
  if (sections.length === 0) out.push('<p>No changes.</p>');
  for (const s of sections) {
    out.push(`<h3>${esc(s.title)} — <span class="status-${esc(s.status.split(' ')[0])}">${esc(s.status)}</span></h3><ul>`);
    for (const b of s.bullets) out.push(`<li>${esc(b.text)}${list(b.sub.map((l) => l.trim()))}</li>`);
    out.push('</ul>');
  }
  return out.join('\n');
}

/** Options of the HTML report. */
export interface ReportOptions {
  readonly title: string;
  readonly source: string;
  readonly plan?: RolloutPlan;
  readonly allowDelete?: boolean;
}

/**
 * One self-contained HTML page (inline CSS and SVG, no script, nothing fetched): the fleet
 * table, the platform graph (and its Mermaid source), and with a plan the rollout plan.
 */
export function renderHtmlReport(model: PlatformModel, options: ReportOptions): string {
  const graph = buildPlatformGraph(model);
  const head = ['cluster', 'site', 'management cluster', 'provider', 'version', 'control plane', 'pools', 'addons'];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8"/>',
    `<title>${esc(options.title)}</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${esc(options.title)}</h1>`,
    `<p>From <code>${esc(options.source)}</code>: ${model.clusters.length} cluster(s), ${model.managementClusters.length} management cluster(s), layout ${model.layout}.</p>`,
    options.plan ? planHtml(options.plan, options.allowDelete ?? false) : '',
    '<h2 id="fleet">Fleet</h2>',
    `<table id="fleet-table"><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>`,
    ...model.clusters.map(fleetRow),
    '</tbody></table>',
    '<h2 id="graph">Graph</h2>',
    `<div class="graph">${renderSvg(graph)}</div>`,
    `<details><summary>Mermaid source</summary><pre>${esc(renderMermaid(graph))}</pre></details>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

