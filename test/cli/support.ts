/**
 * Helpers for the CLI tests: tiny programs synthesized through the library API into temporary
 * directories, YAML edits on synthesized trees, and an in-process CLI run.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments, stringify } from 'yaml';
import {
  AddonBundle, AddonDelivery, Capacity, HelmAddon, Infrastructure, ManagedCluster, ManifestAddon, NodePoolKind, Platform,
} from '../../src';
import { runCli } from '../../src/cli/cli';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CRDS = path.join(ROOT, '..', 'shared', 'crds');

/** A temporary directory removed by `cleanupTemp()`. */
const temps: string[] = [];
export function tempDir(prefix = 'cli-'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(d);
  return d;
}
export function cleanupTemp(): void {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

/** What the crafted program varies. */
export interface ProgramOptions {
  readonly version?: string;
  readonly controlPlaneType?: string;
  readonly generalType?: string;
  readonly batchType?: string;
  readonly batchReplicas?: number;
  readonly generalMax?: number;
  readonly chartVersion?: string;
  readonly chartValues?: Record<string, any>;
  readonly withSecondCluster?: boolean;
  readonly withBatchPool?: boolean;
  readonly eksCapacitySpot?: boolean;
  readonly eksMax?: number;
  readonly delivery?: AddonDelivery;
  readonly crsManifest?: string;
}

/** Synthesizes a small platform (flat layout) into a new temporary directory; returns it. */
export function synthProgram(o: ProgramOptions = {}): string {
  const outdir = tempDir('cli-tree-');
  const platform = new Platform({ outdir });
  const version = o.version ?? 'v1.33.4';
  const prod = new ManagedCluster(platform, 'prod', {
    version,
    infrastructure: Infrastructure.aws({ region: 'ap-northeast-2' }),
    controlPlane: { replicas: 3, machineType: o.controlPlaneType ?? 'm6i.xlarge' },
  });
  prod.addNodePool('general', { machineType: o.generalType ?? 'm6i.2xlarge', availabilityZoneCount: 3, autoscaling: { minSize: 1, maxSize: o.generalMax ?? 5 } });
  if (o.withBatchPool ?? true) prod.addNodePool('batch', { machineType: o.batchType ?? 'c6i.2xlarge', availabilityZoneCount: 2, replicas: o.batchReplicas ?? 2 });
  const clusters = [prod];
  if (o.withSecondCluster ?? true) {
    const eks = new ManagedCluster(platform, 'eks', {
      version: 'v1.33',
      infrastructure: Infrastructure.eks({ region: 'ap-northeast-1' }),
    });
    eks.addNodePool('ng', {
      kind: NodePoolKind.MANAGED_NODE_GROUP,
      machineType: 'm6i.xlarge',
      availabilityZoneCount: 2,
      capacity: o.eksCapacitySpot ? Capacity.spot() : undefined,
      autoscaling: { minSize: 1, maxSize: o.eksMax ?? 4 },
    });
    clusters.push(eks);
  }
  const podinfo = new HelmAddon({
    name: 'podinfo',
    repository: 'https://stefanprodan.github.io/podinfo',
    chart: 'podinfo',
    version: o.chartVersion ?? '6.7.1',
    values: o.chartValues ?? { replicaCount: 2 },
  });
  const bundle = new AddonBundle(platform, 'apps', { addons: [podinfo], delivery: o.delivery });
  for (const c of clusters) bundle.attachTo(c);
  if (o.crsManifest !== undefined) {
    const crs = new AddonBundle(platform, 'manifests', {
      addons: [new ManifestAddon({ name: 'settings', manifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'kube-system' }, data: { value: o.crsManifest } }] })],
      delivery: AddonDelivery.clusterResourceSet(),
    });
    crs.attachTo(prod);
  }
  platform.synth();
  return outdir;
}

/** Copies a tree and applies `edit` to every object (return false to drop the object). */
export function editTree(dir: string, edit: (obj: any) => boolean | void): string {
  const out = tempDir('cli-edit-');
  for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const src = path.join(dir, f);
    const dst = path.join(out, f);
    if (fs.statSync(src).isDirectory()) { fs.mkdirSync(dst, { recursive: true }); continue; }
    fs.mkdirSync(path.dirname(dst), { recursive: true });
    if (!/\.ya?ml$/.test(f)) { fs.copyFileSync(src, dst); continue; }
    const objs = parseAllDocuments(fs.readFileSync(src, 'utf8')).map((d: any) => d.toJS()).filter((x: any) => x && edit(x) !== false);
    fs.writeFileSync(dst, objs.map((x: any) => stringify(x)).join('---\n'));
  }
  return out;
}

/** Runs the CLI in-process; returns exit status and output. */
export function cli(args: string[], cwd = ROOT): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const status = runCli(args, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, defaultCrdDir: CRDS, cwd });
  return { status, stdout, stderr };
}

/** `diff --json OLD NEW` parsed. */
export function jsonPlan(oldDir: string, newDir: string, ...extra: string[]): { status: number; plan: any } {
  const r = cli(['diff', '--json', ...extra, oldDir, newDir]);
  return { status: r.status, plan: JSON.parse(r.stdout) };
}
