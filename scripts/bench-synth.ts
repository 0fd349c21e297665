/**
 * `npx projen bench`: fleet-scale synthesis benchmark. Builds N AWS clusters (each with a spot
 * pool over 3 AZs and a fixed pool: 15 objects) and synthesizes them with `Platform`, for
 * growing N, and reports time per object. Fails when time per object grows by more than 2x
 * between the smallest and the largest fleet (a sign of super-linear synthesis).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Capacity, Infrastructure, ManagedCluster, Platform } from '../src';

function run(clusters: number): { objects: number; ms: number } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  try {
    const started = process.hrtime.bigint();
    const platform = new Platform({ outdir });
    for (let i = 0; i < clusters; i++) {
      const cluster = new ManagedCluster(platform, `cluster-${i}`, { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'ap-northeast-2' }) });
      cluster.addNodePool('spot', { availabilityZoneCount: 3, autoscaling: { minSize: 1, maxSize: 3 }, capacity: Capacity.spot() });
      cluster.addNodePool('fixed', { replicas: 2 });
    }
    platform.synth();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const objects = fs.readdirSync(outdir).reduce((n, f) => n + fs.readFileSync(path.join(outdir, f), 'utf8').split('\n---\n').length, 0);
    return { objects, ms };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

run(20); // warm-up: module loading and JIT
const sizes = (process.argv[2] ?? '100,400,1600').split(',').map(Number);
const results = sizes.map((n) => ({ clusters: n, ...run(n) }));
for (const r of results) {
  console.log(`${r.clusters} clusters, ${r.objects} objects: ${Math.round(r.ms)} ms (${(r.ms / r.objects * 1000).toFixed(0)} µs/object)`);
}
const perObject = results.map((r) => r.ms / r.objects);
const growth = perObject[perObject.length - 1] / perObject[0];
console.log(`time per object grew ${growth.toFixed(2)}x from ${sizes[0]} to ${sizes[sizes.length - 1]} clusters`);
if (growth > 2) {
  console.error('synthesis cost grows faster than the number of objects');
  process.exit(1);
}
