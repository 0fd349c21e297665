/**
 * One measurement of `npx projen bench`, run in its own Node process by scripts/bench-synth.ts
 * (transpiled to .tmp/bench/ and run with plain `node --expose-gc`, against the compiled `lib/`).
 * Prints one JSON line on stdout.
 *
 * - `fleet <lib> <delivery> <sizes> <reps>`: for each fleet size, `reps` times: construct + synth a
 *   `Platform` of the benchmark fleet (timed), then js-yaml dumps the very same objects (read back
 *   from the written files, untimed) into the same files under another directory (timed: the
 *   floor). Both after a warm-up of both paths and a full GC.
 * - `rss <lib> <delivery> <clusters>`: one construct + synth; the process's peak RSS.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BenchDelivery, buildFleet, OBJECTS_PER_CLUSTER } from './fleet';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const jsYaml = require(process.env.BENCH_JS_YAML ?? 'js-yaml');

interface Sample {
  /** CPU time of the process (user + system, all threads), ms. */
  readonly cpuMs: number;
  /** Wall time, ms. */
  readonly wallMs: number;
}

/**
 * Flushes the file system's pending writes (the previous run's files and deletions), so that no
 * run pays for another's write-back: each timed run starts on a quiet disk. Linux/macOS `sync`.
 */
function flushFileSystem(): void {
  try {
    execFileSync('sync', { stdio: 'ignore' });
  } catch {
    // no sync command (Windows): the runs share the write-back, as before
  }
}

function measure(fn: () => void): Sample {
  flushFileSystem();
  (global as any).gc?.();
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  fn();
  const wallMs = performance.now() - wall0;
  const cpu = process.cpuUsage(cpu0);
  return { cpuMs: (cpu.user + cpu.system) / 1000, wallMs };
}

/** Every file below `dir`, as paths relative to it, sorted. */
function listFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

function platformRun(lib: any, delivery: BenchDelivery, clusters: number, outdir: string): Sample {
  return measure(() => {
    const platform = new lib.Platform({ outdir });
    buildFleet(lib, platform, clusters, delivery);
    platform.synth();
  });
}

/** The floor: js-yaml dumps each file's objects (`---` separated) and writes the file. */
function floorRun(files: Array<[string, any[]]>, outdir: string): Sample {
  return measure(() => {
    const made = new Set<string>();
    for (const [rel, objects] of files) {
      const file = path.join(outdir, rel);
      const dir = path.dirname(file);
      if (!made.has(dir)) {
        fs.mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      fs.writeFileSync(file, objects.map((o) => jsYaml.dump(o, { noRefs: true, lineWidth: -1 })).join('---\n'));
    }
  });
}

/** The objects of every written file, parsed back. */
function readBack(dir: string): Array<[string, any[]]> {
  return listFiles(dir).map((rel) => [rel, jsYaml.loadAll(fs.readFileSync(path.join(dir, rel), 'utf8')).filter((d: any) => d !== null)]);
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'capi-bench-'));
}

function fleet(libDir: string, delivery: BenchDelivery, sizes: number[], reps: number): any {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib = require(libDir);
  // Warm-up: module loading, JIT of both paths.
  for (let i = 0; i < 2; i++) {
    const a = tmp();
    const b = tmp();
    platformRun(lib, delivery, 50, a);
    floorRun(readBack(a), b);
    fs.rmSync(a, { recursive: true, force: true });
    fs.rmSync(b, { recursive: true, force: true });
  }
  const results = [];
  for (const clusters of sizes) {
    const samples: Array<{ platform: Sample; floor: Sample }> = [];
    let objects = 0;
    let files = 0;
    let bytes = 0;
    let floorInput: Array<[string, any[]]> | undefined;
    for (let r = 0; r < reps; r++) {
      const a = tmp();
      const b = tmp();
      try {
        const platform = platformRun(lib, delivery, clusters, a);
        if (!floorInput) {
          floorInput = readBack(a);
          objects = floorInput.reduce((n, [, o]) => n + o.length, 0);
          files = floorInput.length;
          bytes = floorInput.reduce((n, [rel]) => n + fs.statSync(path.join(a, rel)).size, 0);
          if (objects !== clusters * OBJECTS_PER_CLUSTER) {
            throw new Error(`expected ${clusters * OBJECTS_PER_CLUSTER} objects, the platform wrote ${objects}`);
          }
        }
        const floor = floorRun(floorInput, b);
        samples.push({ platform, floor });
      } finally {
        fs.rmSync(a, { recursive: true, force: true });
        fs.rmSync(b, { recursive: true, force: true });
      }
    }
    results.push({ clusters, objects, files, bytes, samples });
  }
  return { mode: 'fleet', delivery, results };
}

function rss(libDir: string, delivery: BenchDelivery, clusters: number): any {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib = require(libDir);
  const outdir = tmp();
  try {
    const sample = platformRun(lib, delivery, clusters, outdir);
    return { mode: 'rss', delivery, clusters, maxRssKb: process.resourceUsage().maxRSS, ...sample };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

const [mode, libDir, delivery, arg1, arg2] = process.argv.slice(2);
let out: any;
if (mode === 'fleet') out = fleet(libDir, delivery as BenchDelivery, arg1.split(',').map(Number), Number(arg2));
else if (mode === 'rss') out = rss(libDir, delivery as BenchDelivery, Number(arg1));
else throw new Error(`unknown mode '${mode}'`);
process.stdout.write(JSON.stringify(out) + '\n');
