/**
 * The one-cluster program of `npx projen bench`, run cold in a fresh Node process against the
 * compiled `lib/`: one cluster of the benchmark fleet with its 12 addons (HelmChartProxy), written
 * to a temporary directory. Prints one JSON line: the time from process start (Node's time
 * origin) to the files written, the `require` time, the time to `require` and load everything the
 * program uses (the barrels are lazy), and what was loaded.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildFleet, FLEET_NAMES } from './fleet';

const libDir = process.argv[2];
const before = new Set(Object.keys(require.cache));
const requireStart = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lib = require(libDir);
const requireEnd = performance.now();
const loaded = Object.keys(require.cache).filter((m) => !before.has(m));
// The barrels are lazy: what the program uses is loaded on first use. Touch it all here.
for (const name of FLEET_NAMES) if (lib[name] === undefined) throw new Error(`capi-blueprints exports no ${name}`);
const usedLoaded = performance.now();
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-bench-cold-'));
const platform = new lib.Platform({ outdir });
buildFleet(lib, platform, 1, 'caaph');
platform.synth();
const written = performance.now();
const cpu = process.cpuUsage();
const modulesAfterSynth = Object.keys(require.cache).filter((m) => !before.has(m));
fs.rmSync(outdir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({
  mode: 'cold',
  requireMs: requireEnd - requireStart,
  startToRequiredMs: requireEnd,
  requireAndUseMs: usedLoaded - requireStart,
  startToWrittenMs: written,
  cpuMs: (cpu.user + cpu.system) / 1000,
  modules: loaded.length,
  cdktfModules: modulesAfterSynth.filter((m) => /[\\/]node_modules[\\/](cdktf|@cdktf)[\\/]/.test(m)).length,
  modulesAfterSynth: modulesAfterSynth.length,
}) + '\n');
