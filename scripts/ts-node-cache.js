'use strict';
/**
 * A ts-node transpiler (tsconfig.json: `"ts-node": { "transpileOnly": true, "transpiler": … }`)
 * that does what `ts-node --transpile-only` does — TypeScript's per-file transpilation, with
 * ts-node's own function and the same compiler options — and keeps each result on disk.
 *
 * Why: the tests, `npm run synth`, the CLI from source and the scripts start many `ts-node`
 * processes, and ts-node keeps nothing between processes, so every process transpiled the 8 MB
 * of generated CRD bindings (src/imports) again — most of the time of the test suite. With this
 * cache a file is transpiled once per content; later processes read the JavaScript back.
 *
 * The key is a SHA-256 of everything the output depends on: this file's format version, the
 * TypeScript and ts-node versions, the compiler options, the module kind, the file name and the
 * source text. Results with diagnostics (syntax errors) are never cached, so errors are reported
 * as before. Entries are written atomically (temporary file + rename), so parallel processes
 * (jest workers) share the cache safely.
 *
 * Cache: node_modules/.cache/capi-blueprints-ts-node/ (removed by `npm ci`; safe to delete).
 * `CAPI_BLUEPRINTS_TS_CACHE=off` transpiles without the cache.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const FORMAT = 1;
const CACHE_DIR = path.join(__dirname, '..', 'node_modules', '.cache', 'capi-blueprints-ts-node');

/** ts-node's transpile-only function (TypeScript ≥ 4.7), or TypeScript's transpileModule. */
function transpilerOf(ts, compilerOptions, nodeModuleEmitKind) {
  let create;
  try {
    create = require('ts-node/dist/ts-transpile-module').createTsTranspileModule;
  } catch {
    create = undefined;
  }
  if (create) {
    const transpile = create(ts, { compilerOptions, reportDiagnostics: true });
    return (code, fileName) => transpile(code, { fileName }, nodeModuleEmitKind === 'nodeesm' ? 'module' : 'commonjs');
  }
  return (code, fileName) => ts.transpileModule(code, { fileName, compilerOptions, reportDiagnostics: true });
}

exports.create = function create({ service, nodeModuleEmitKind }) {
  const ts = require(service.projectLocalResolveHelper(service.options.compiler || 'typescript', true));
  const compilerOptions = service.config.options;
  const transpile = transpilerOf(ts, compilerOptions, nodeModuleEmitKind);
  if ((process.env.CAPI_BLUEPRINTS_TS_CACHE || '').toLowerCase() === 'off') {
    return { transpile: (code, { fileName }) => transpile(code, fileName) };
  }
  let tsNodeVersion = '';
  try {
    tsNodeVersion = require('ts-node/package.json').version;
  } catch {
    tsNodeVersion = 'unknown';
  }
  const base = JSON.stringify([FORMAT, ts.version, tsNodeVersion, nodeModuleEmitKind || '', compilerOptions]);

  return {
    transpile(code, { fileName }) {
      const key = crypto.createHash('sha256').update(base).update('\0').update(fileName).update('\0').update(code).digest('hex');
      const file = path.join(CACHE_DIR, key.slice(0, 2), `${key}.json`);
      try {
        const cached = JSON.parse(fs.readFileSync(file, 'utf8'));
        return { outputText: cached.outputText, sourceMapText: cached.sourceMapText };
      } catch {
        // not cached yet (or unreadable): transpile
      }
      const result = transpile(code, fileName);
      if (!result.diagnostics || result.diagnostics.length === 0) {
        try {
          fs.mkdirSync(path.dirname(file), { recursive: true });
          const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
          fs.writeFileSync(tmp, JSON.stringify({ outputText: result.outputText, sourceMapText: result.sourceMapText }));
          fs.renameSync(tmp, file);
        } catch {
          // a read-only or full disk only costs speed
        }
      }
      return result;
    },
  };
};
