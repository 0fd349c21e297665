/**
 * `graph` and `diff` on the GitOps tree of examples/company-platform.ts (clusters/<mgmt>/<ns>/
 * <cluster>/{cluster,addons}/, Argo CD delivery, LMA hub and edges, EKS and BYOH sites).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cleanupTemp, cli, editTree, jsonPlan, ROOT, tempDir } from './support';

let tree: string;
beforeAll(() => {
  tree = tempDir('cli-company-');
  execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join('examples', 'company-platform.ts')], {
    cwd: ROOT,
    env: { ...process.env, CAPI_BLUEPRINTS_OUTDIR: tree },
    stdio: 'pipe',
  });
});
afterAll(cleanupTemp);

describe('graph', () => {
  test('given the company platform, when graphed as Mermaid, then management cluster → clusters by site → pools, bundles → clusters with their delivery, edges → hub', () => {
    const r = cli(['graph', tree]);
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/^flowchart LR\n/);
    expect(out).toContain('m0[["management cluster mgmt"]]');
    for (const site of ['dc1', 'seoul', 'tokyo']) expect(out).toContain(`["site ${site}"]`);
    const id = (label: string) => new RegExp(`^\\s+(\\w+)[[({]+"${label}`, 'm').exec(out)?.[1];
    const prodSeoul = id('prod-seoul \\(seoul\\)');
    const devSeoul = id('dev-seoul \\(seoul\\)');
    const prodTokyo = id('prod-tokyo \\(tokyo\\)');
    expect(out).toContain(`${prodSeoul}["prod-seoul (seoul)<br/>aws · v1.33.4<br/>KubeadmControlPlane 3 × m6i.2xlarge<br/>blueprint standard"]`);
    expect(out).toMatch(new RegExp(`${prodTokyo}p0\\(\\["pool general<br/>1 × MachinePool · m6i\\.2xlarge<br/>autoscaled 1–5 · v1\\.33\\.0"\\]\\)`));
    expect(out).toMatch(new RegExp(`${devSeoul}p1\\(\\["pool spot<br/>3 × MachineDeployment · m6i\\.2xlarge<br/>autoscaled 0–20 · v1\\.33\\.4"\\]\\)`));
    expect(out).toContain(`m0 --> ${prodSeoul}`);
    const hub = id('bundle lma-hub');
    expect(out).toContain(`${hub} -.->|"Argo CD Application"| ${prodSeoul}`);
    const onPrem = id('bundle dc1-on-prem');
    expect(out).toContain(`${onPrem} -.->|"Argo CD Application, ClusterResourceSet"| ${id('prod-dc1 \\(dc1\\)')}`);
    for (const edge of [devSeoul, prodTokyo, id('prod-dc1 \\(dc1\\)')]) expect(out).toContain(`${edge} -.->|"LMA: metrics, logs, alerts"| ${prodSeoul}`);
    expect(out).not.toContain(`${prodSeoul} -.->|"LMA`);
  });

  test('given the same tree, when graphed as DOT, then it is a digraph with a subgraph per site and the same edges', () => {
    const r = cli(['graph', '--format', 'dot', tree]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^digraph platform \{\n  rankdir=LR;/);
    expect(r.stdout).toMatch(/subgraph cluster_\d+ \{\n    label="site seoul";/);
    expect(r.stdout).toMatch(/m0 \[label="management cluster mgmt", shape=box3d/);
    expect(r.stdout).toMatch(/ -> c\d+ \[label="LMA: metrics, logs, alerts", style=dashed\];/);
    expect(r.stdout.trim().endsWith('}')).toBe(true);
  });

  test('given an unknown format, when graphed, then it is a usage error', () => {
    const r = cli(['graph', '--format', 'svg', tree]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: --format must be 'mermaid' or 'dot', not 'svg'/);
  });
});

describe('diff on the GitOps tree', () => {
  test('given the tree and itself, when diffed, then every cluster (5) is unchanged', () => {
    const { status, plan } = jsonPlan(tree, tree);
    expect(status).toBe(0);
    expect(plan.summary).toMatchObject({ clusters: 5, unchanged: 5, changed: 0 });
    expect(plan.clusters.map((c: any) => c.key)).toEqual(['mgmt/dc1/prod-dc1', 'mgmt/pangyo/prod-pangyo', 'mgmt/seoul/dev-seoul', 'mgmt/seoul/prod-seoul', 'mgmt/tokyo/prod-tokyo']);
  });

  test('given cert-manager bumped in the Argo CD Applications, when diffed, then every cluster with it gets an addon upgrade', () => {
    const edited = editTree(tree, (o) => { if (o.kind === 'Application' && o.spec?.source?.chart === 'cert-manager') o.spec.source.targetRevision = 'v1.18.2'; });
    const { plan } = jsonPlan(tree, edited);
    expect(plan.summary).toMatchObject({ addonUpgrades: 5, controlPlaneRolls: 0, poolRolls: 0 });
    expect(plan.clusters.find((c: any) => c.name === 'prod-dc1').addons).toEqual([expect.objectContaining({ addon: 'cert-manager', bundle: 'dc1-core', delivery: 'Argo CD Application', object: 'Application/prod-dc1-cert-manager', fromVersion: 'v1.17.2', toVersion: 'v1.18.2' })]);
  });

  test('given a cluster folder deleted, when diffed, then the cluster is deleted (destructive, exit 1)', () => {
    const copy = tempDir('cli-company-copy-');
    fs.cpSync(tree, copy, { recursive: true });
    fs.rmSync(path.join(copy, 'clusters', 'mgmt', 'tokyo'), { recursive: true });
    const r = cli(['diff', tree, copy]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/- mgmt\/tokyo\/prod-tokyo \(site tokyo\): DELETED \(destructive\)\n\s+control plane AWSManagedControlPlane prod-tokyo-control-plane: v1\.33/);
  });
});

describe('report', () => {
  function chromium(): string | undefined {
    for (const name of [process.env.CHROMIUM_BIN, 'chromium', 'chromium-browser', 'google-chrome'].filter((n): n is string => !!n)) {
      const r = spawnSync(name, ['--version'], { encoding: 'utf8' });
      if (r.status === 0) return name;
    }
    return undefined;
  }

  let html: string;
  let file: string;
  beforeAll(() => {
    const edited = editTree(tree, (o) => { if (o.kind === 'Application' && o.spec?.source?.chart === 'cert-manager') o.spec.source.targetRevision = 'v1.18.2'; });
    file = path.join(tempDir('cli-report-'), 'report.html');
    const r = cli(['report', '--diff', tree, '--output', file, '--title', 'ACME platform', edited]);
    expect(r).toMatchObject({ status: 0, stdout: '' });
    html = fs.readFileSync(file, 'utf8');
  });

  test('given the company platform and a change, when reported, then the page is self-contained: no script, nothing fetched', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)/i); // url(#arrow): an in-page marker
    expect(html.match(/(?:src|href)=/g)).toBeNull();
  });

  test('given the same page, then the fleet table has one row per cluster with site, provider, version, pools and addons', () => {
    const rows = [...html.matchAll(/<tr data-cluster="([^"]+)">(.*?)<\/tr>/g)];
    expect(rows.map((r) => r[1])).toEqual(['mgmt/dc1/prod-dc1', 'mgmt/pangyo/prod-pangyo', 'mgmt/seoul/dev-seoul', 'mgmt/seoul/prod-seoul', 'mgmt/tokyo/prod-tokyo']);
    const tokyo = rows[4][2];
    expect(tokyo).toContain('<td>tokyo</td><td>mgmt</td><td>eks</td><td>v1.33</td><td>AWSManagedControlPlane</td>');
    expect(tokyo).toContain('<li>general: 1 × m6i.2xlarge, autoscaled 1–5, v1.33.0</li>');
    expect(tokyo).toContain('<li>cert-manager v1.18.2 (Argo CD Application)</li>');
  });

  test('given the same page, then it has the graph as inline SVG, its Mermaid source, and the rollout plan', () => {
    expect(html).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" role="img" aria-label="platform graph"/);
    expect(html).toContain('<text x="');
    expect(html).toContain('<details><summary>Mermaid source</summary><pre>flowchart LR');
    expect(html).toMatch(/<h2 id="plan">Rollout plan<\/h2>/);
    expect(html).toContain('<li>addon cert-manager (Argo CD Application Application/prod-tokyo-cert-manager, bundle core): chart upgrade v1.17.2 → v1.18.2</li>');
  });

  const browser = chromium();
  (browser ? test : test.skip)('given a headless Chromium (opt-in: when one is installed), when it loads the page offline, then the DOM has the table and the graph', () => {
    const r = spawnSync(browser!, ['--headless', '--no-sandbox', '--disable-gpu', '--dump-dom', `file://${file}`], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect((r.stdout.match(/<tr data-cluster=/g) ?? []).length).toBe(5);
    expect(r.stdout).toContain('aria-label="platform graph"');
  });
});

describe('diff across layouts', () => {
  test('given the flat layout of the same clusters, when diffed against the GitOps tree, then clusters match by namespace and name', () => {
    const flat = tempDir('cli-flat-');
    for (const f of fs.readdirSync(tree, { recursive: true }) as string[]) {
      if (/\/cluster\/[^/]+\.yaml$/.test(f)) fs.copyFileSync(path.join(tree, f), path.join(flat, path.basename(f).replace('.yaml', '.k8s.yaml')));
    }
    const { plan } = jsonPlan(flat, tree);
    expect(plan.summary).toMatchObject({ clusters: 5, created: 0, deleted: 0 });
    expect(plan.clusters.every((c: any) => c.pools.length === 0 && c.controlPlane === undefined)).toBe(true);
  });
});
