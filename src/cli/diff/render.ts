import { describeChange } from './field-diff';
import { AddonPlan, ClusterPlan, PlanItem, RolloutPlan } from './plan-types';

/** One bullet of a cluster's section: a line and the lines under it. */
export interface Bullet {
  readonly text: string;
  readonly sub: string[];
}

/** A cluster's (or the shared objects') part of the plan, independent of the output format. */
export interface Section {
  readonly title: string;
  readonly status: string;
  readonly bullets: Bullet[];
}

const MAX_SUB = 12;

function limit(lines: string[]): string[] {
  return lines.length <= MAX_SUB ? lines : [...lines.slice(0, MAX_SUB), `… ${lines.length - MAX_SUB} more (see --json)`];
}

function names(items: PlanItem[]): string {
  return items.map((i) => i.name).join(', ');
}

function poolBullets(pools: PlanItem[]): Bullet[] {
  // MachineDeployments of one pool (one per AZ) usually change the same way: one bullet for them.
  const groups = new Map<string, PlanItem[]>();
  for (const p of pools) {
    const key = JSON.stringify([p.pool, p.kind, p.action, p.why, p.action === 'created' || p.action === 'deleted' ? p.name : p.inPlace]);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.values()].map((items) => {
    const p = items[0];
    const what = `${items.length} ${p.kind}${items.length > 1 ? 's' : ''}`;
    const verb = { 'rolls': items.length > 1 ? 'ROLL' : 'ROLLS', 'in-place': 'change in place', 'created': 'created', 'deleted': 'DELETED', 'upgrades': 'upgrade' }[p.action];
    const sub = p.action === 'rolls' ? [...p.why, ...p.inPlace.map((l) => `in place: ${l}`)] : p.inPlace;
    return { text: `pool ${p.pool}: ${what} ${verb} (${names(items)})`, sub: limit(sub) };
  });
}

function addonBullet(a: AddonPlan): Bullet {
  const where = `${a.delivery} ${a.object}${a.bundle ? `, bundle ${a.bundle}` : ''}`;
  const head = {
    added: `added${a.toVersion ? ' ' + a.toVersion : ''}`,
    removed: `removed${a.fromVersion ? ' (was ' + a.fromVersion + ')' : ''}`,
    upgrade: `chart upgrade ${a.fromVersion ?? '(none)'} → ${a.toVersion ?? '(none)'}`,
    values: 'values change',
    changed: 'delivery settings change',
    delivery: `delivery changes${a.fromVersion !== a.toVersion ? `, ${a.fromVersion} → ${a.toVersion}` : ''}`,
  }[a.action];
  const sub = [
    ...a.values.map((c) => `values ${describeChange(c)}`),
    ...a.other.map((c) => describeChange(c)),
    ...a.notes,
  ];
  return { text: `addon ${a.addon} (${where}): ${head}`, sub: limit(sub) };
}

function clusterSection(c: ClusterPlan): Section {
  const title = `${c.key}${c.site ? ` (site ${c.site})` : ''}`;
  if (c.status === 'created' || c.status === 'deleted') {
    return { title, status: c.status === 'created' ? 'created' : 'DELETED (destructive)', bullets: [...c.contents.map((t) => ({ text: t, sub: [] })), ...c.warnings.map((w) => ({ text: `warning: ${w}`, sub: [] }))] };
  }
  const bullets: Bullet[] = [];
  if (c.controlPlane) {
    const cp = c.controlPlane;
    const verb = { 'rolls': 'ROLLS', 'upgrades': 'UPGRADES', 'in-place': 'changes in place', 'created': 'created', 'deleted': 'deleted' }[cp.action];
    bullets.push({ text: `control plane ${cp.kind} ${cp.name}: ${verb}`, sub: limit([...cp.why, ...cp.inPlace.map((l) => cp.action === 'in-place' ? l : `in place: ${l}`)]) });
  }
  for (const i of c.infrastructure) bullets.push({ text: `${i.kind} ${i.name}: ${i.action === 'in-place' ? 'changes in place' : i.action}`, sub: limit(i.inPlace) });
  bullets.push(...poolBullets(c.pools));
  bullets.push(...c.addons.map(addonBullet));
  for (const i of c.others) bullets.push({ text: `${i.kind} ${i.name}: ${i.action === 'in-place' ? 'changes in place' : i.action}`, sub: limit(i.inPlace) });
  for (const w of c.warnings) bullets.push({ text: `warning: ${w}`, sub: [] });
  return { title, status: c.status, bullets };
}

function sharedSection(plan: RolloutPlan): Section | undefined {
  if (plan.shared.length === 0) return undefined;
  return {
    title: 'objects of no single cluster (management, bootstrap, fleet-wide)',
    status: 'changed',
    bullets: plan.shared.map((i) => ({ text: `${i.kind} ${i.name}: ${i.action === 'in-place' ? 'changes in place' : i.action}`, sub: limit(i.inPlace) })),
  };
}

export function summaryLine(plan: RolloutPlan): string {
  const s = plan.summary;
  return `${s.clusters} cluster(s): ${s.changed} changed, ${s.created} created, ${s.deleted} deleted, ${s.unchanged} unchanged; `
    + `${s.controlPlaneRolls} control plane roll(s), ${s.poolRolls} MachineDeployment/MachinePool roll(s), ${s.poolsInPlace} in place; `
    + `${s.addonUpgrades} addon upgrade(s), ${s.addonChanges} other addon change(s); ${s.errors} error(s).`;
}

export function verdict(plan: RolloutPlan, allowDelete: boolean): string[] {
  const lines: string[] = [];
  if (plan.destructive) {
    const deleted = plan.clusters.filter((c) => c.status === 'deleted').map((c) => c.key);
    const pools = plan.clusters.flatMap((c) => c.pools.filter((p) => p.action === 'deleted').map((p) => `${c.key}/${p.name}`));
    const what = [...deleted.map((d) => `cluster ${d}`), ...pools.map((p) => `${p}`)].join(', ');
    lines.push(allowDelete ? `Destructive (allowed by --allow-delete): deletes ${what}.` : `Destructive: deletes ${what}. Re-run with --allow-delete to accept.`);
  }
  if (plan.errors.length > 0) lines.push(`${plan.errors.length} change(s) would be refused by the API server: fix them before merging.`);
  return lines;
}

/** The changed, created and deleted clusters' sections, then the shared objects' section. */
export function planSections(plan: RolloutPlan): Section[] {
  const sections = plan.clusters.filter((c) => c.status !== 'unchanged').map(clusterSection);
  const shared = sharedSection(plan);
  if (shared) sections.push(shared);
  return sections;
}

const MARK: Record<string, string> = { changed: '~', created: '+', unchanged: '=' };

/** The plan as plain text for a terminal. */
export function renderText(plan: RolloutPlan, allowDelete: boolean): string {
  const out: string[] = [`Rollout plan ${plan.old} → ${plan.new}`, summaryLine(plan), ''];
  const sections = planSections(plan);
  for (const s of sections) {
    out.push(`${MARK[s.status] ?? '-'} ${s.title}: ${s.status}`);
    for (const b of s.bullets) {
      out.push(`    ${b.text}`);
      for (const l of b.sub) out.push(`        ${l}`);
    }
    out.push('');
  }
  if (sections.length === 0) out.push('No changes.', '');
  if (plan.errors.length > 0) {
    out.push('Errors: the API server would refuse these updates');
    for (const e of plan.errors) out.push(`  ✗ ${e.cluster ? e.cluster + ': ' : ''}${e.object} ${e.field}: ${e.message}`);
    out.push('');
  }
  out.push(...verdict(plan, allowDelete));
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

function code(s: string): string {
  return '`' + s.replace(/`/g, '\'') + '`';
}

/** The plan as GitHub-flavoured Markdown for a pull-request comment. */
export function renderMarkdown(plan: RolloutPlan, allowDelete: boolean): string {
  const s = plan.summary;
  const out: string[] = [
    '## Rollout plan',
    '',
    `${code(plan.old)} → ${code(plan.new)}`,
    '',
    '| clusters | changed | created | deleted | control planes roll | pools roll | pools in place | addon upgrades | other addon changes | errors |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${s.clusters} | ${s.changed} | ${s.created} | ${s.deleted} | ${s.controlPlaneRolls} | ${s.poolRolls} | ${s.poolsInPlace} | ${s.addonUpgrades} | ${s.addonChanges} | ${s.errors} |`,
    '',
  ];
  const v = verdict(plan, allowDelete);
  if (plan.errors.length > 0 || (plan.destructive && !allowDelete)) {
    out.push('> [!CAUTION]');
    for (const l of v) out.push(`> ${l}`);
    for (const e of plan.errors) out.push(`> - ${e.cluster ? code(e.cluster) + ' ' : ''}${code(e.object)} ${code(e.field)}: ${e.message}`);
    out.push('');
  } else if (v.length > 0) {
    out.push(`> ${v.join(' ')}`, '');
  }
  const sections = planSections(plan);
  for (const sec of sections) {
    out.push(`### ${code(sec.title)} — ${sec.status}`, '');
    for (const b of sec.bullets) {
      out.push(`- ${b.text.replace(/\b(ROLLS?|DELETED|UPGRADES)\b/g, '**$1**')}`);
      for (const l of b.sub) out.push(`${l.startsWith('  ') ? '    ' : '  '}- ${code(l.trim())}`);
    }
    out.push('');
  }
  if (sections.length === 0) out.push('No changes.', '');
  return out.join('\n').replace(/\n+$/, '') + '\n';
}
