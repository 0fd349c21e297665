/**
 * `npm run synth`: runs every program in `examples/` with its output directed to
 * `dist/<example-name>/`. Each example is an ordinary program a user could copy; it reads its
 * output directory from `CAPI_BLUEPRINTS_OUTDIR` (see `src/core/outdir.ts`).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..');
const examplesDir = path.join(root, 'examples');
const only = process.argv.slice(2);

const examples = fs.readdirSync(examplesDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => path.basename(f, '.ts'))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

for (const name of examples) {
  const outdir = path.join(root, 'dist', name);
  fs.rmSync(outdir, { recursive: true, force: true });
  const started = Date.now();
  execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(examplesDir, `${name}.ts`)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CAPI_BLUEPRINTS_OUTDIR: outdir },
  });
  const files = fs.readdirSync(outdir, { recursive: true }).length;
  console.log(`synthesized examples/${name}.ts -> dist/${name}/ (${files} entries, ${Date.now() - started} ms)`);
}
