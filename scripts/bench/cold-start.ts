/**
 * The one-cluster program of `npx projen bench`, run cold in a fresh Node process against the
 * compiled `lib/`: one cluster of the benchmark fleet with its 12 addons (HelmChartProxy), written
 * to a temporary directory. Prints one JSON line: the time from process start (Node's time
 * origin) to the library loaded and to the files written, and what `require` loaded.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildFleet } from './fleet';

const libDir = process.argv[2];
const before = new Set(Object.keys(require.cache));
const requireStart = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lib = require(libDir);
const requireEnd = performance.now();
const loaded = Object.keys(require.cache).filter((m) => !before.has(m));
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-bench-cold-'));
const platform = new lib.Platform({ outdir });
buildFleet(lib, platform, 1, 'caaph');
platform.synth();
const written = performance.now();
const modulesAfterSynth = Object.keys(require.cache).filter((m) => !before.has(m));
fs.rmSync(outdir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({
  mode: 'cold',
  requireMs: requireEnd - requireStart,
  startToRequiredMs: requireEnd,
  startToWrittenMs: written,
  modules: loaded.length,
  cdktfModules: loaded.filter((m) => /[\\/]node_modules[\\/](cdktf|@cdktf)[\\/]/.test(m)).length,
  modulesAfterSynth: modulesAfterSynth.length,
}) + '\n');
