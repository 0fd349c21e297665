import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { lazifyBarrels } from '../../scripts/lazy-barrels';

/** Compiles TypeScript sources the way jsii does (CommonJS, ES2022) into `dir`. */
function compile(dir: string, sources: Record<string, string>): void {
  for (const [file, source] of Object.entries(sources)) {
    const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
    const out = ts.transpileModule(source, { compilerOptions });
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file.replace(/\.ts$/, '.js')), out.outputText);
  }
}

/** Runs `script` in a fresh Node process with `lib` bound to `require(dir)`; returns its JSON output. */
function run(dir: string, script: string): any {
  const code = `globalThis.loaded = []; const lib = require(${JSON.stringify(dir)}); const out = (() => { ${script} })(); console.log(JSON.stringify(out));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', code], { encoding: 'utf8' }));
}

describe('lazy barrels (post-compile step)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lazy-barrels-'));
    const mark = (name: string) => `((globalThis as any).loaded ??= []).push('${name}');\n`;
    compile(dir, {
      'index.ts': "export * from './a';\nexport * from './b';\nexport * from './sub';\n",
      'a.ts': `${mark('a')}export const A = 'a';\nexport const SHARED = 'from a';\n`,
      'b.ts': `${mark('b')}export class B { public static hello() { return 'b'; } }\nexport const SHARED = 'from b';\n`,
      'sub/index.ts': "export * as ns from './c';\nexport * from './d';\n",
      'sub/c.ts': `${mark('c')}export const C = 'c';\n`,
      'sub/d.ts': `${mark('d')}export const D = 'd';\n`,
      'other/index.ts': `${mark('other')}export const X = 1;\n`,
    });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('given compiled barrels, when made lazy, then require loads nothing and each name loads only its module on first use', () => {
    const changed = lazifyBarrels(dir).map((f) => path.relative(dir, f)).sort();
    expect(changed).toEqual(['index.js', path.join('sub', 'index.js')]);
    expect(run(dir, 'return globalThis.loaded;')).toEqual([]);
    expect(run(dir, 'const a = lib.A; return [a, globalThis.loaded];')).toEqual(['a', ['a']]);
    expect(run(dir, 'return [lib.B.hello(), lib.ns.C, globalThis.loaded];')).toEqual(['b', 'c', ['b', 'c']]);
    expect(run(dir, 'return [lib.D, globalThis.loaded];')).toEqual(['d', ['d']]);
  });

  test('given a name exported by two modules, when made lazy, then the first one wins, as with export *', () => {
    lazifyBarrels(dir);
    expect(run(dir, 'return lib.SHARED;')).toEqual('from a');
  });

  test('given lazy barrels, when listed, then every name is there (enumerable) and ESM named imports still see them', () => {
    lazifyBarrels(dir);
    expect(run(dir, 'return [Object.keys(lib).sort(), globalThis.loaded];')).toEqual([['A', 'B', 'D', 'SHARED', 'ns'], []]);
    expect(fs.readFileSync(path.join(dir, 'index.js'), 'utf8')).toContain('0 && (module.exports = { A, SHARED, B, ns, D });');
  });

  test('given lazy barrels or modules that are not barrels, when the step runs again, then nothing changes', () => {
    lazifyBarrels(dir);
    const before = fs.readFileSync(path.join(dir, 'index.js'), 'utf8');
    expect(lazifyBarrels(dir)).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'index.js'), 'utf8')).toEqual(before);
    expect(fs.readFileSync(path.join(dir, 'other', 'index.js'), 'utf8')).toContain('exports.X = 1');
  });
});
