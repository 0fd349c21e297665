/**
 * cdk8s-plus-28 builds the team objects (and ClusterResourceSet Secrets, management objects) when
 * the library loads, so installing the library must install it: it is a regular dependency, not a
 * peer a consumer may lack. Every package the library imports must be installed with it.
 */
import * as fs from 'fs';
import { builtinModules } from 'module';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function sourceFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
}

describe('packaging', () => {
  test('given package.json, then cdk8s-plus-28 is a regular dependency and not a peer', () => {
    expect(pkg.dependencies['cdk8s-plus-28']).toMatch(/^\^2\./);
    expect(pkg.peerDependencies['cdk8s-plus-28']).toBeUndefined();
    // its own peers are ours too, so a consumer has one copy of each
    expect(Object.keys(pkg.peerDependencies)).toEqual(expect.arrayContaining(['cdk8s', 'constructs']));
  });

  test('given the library sources, then every package they import is a dependency or a peer dependency', () => {
    const installed = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {}), ...builtinModules]);
    const missing = new Set<string>();
    // src/cli/init/templates.ts holds the files `init` scaffolds (their imports are text, not ours)
    for (const file of sourceFiles(path.join(root, 'src')).filter((f) => !f.endsWith(path.join('cli', 'init', 'templates.ts')))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^import [^;]*? from '([^.'][^']*)';/gm)) {
        const spec = m[1].replace(/^node:/, '');
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (!installed.has(name)) missing.add(`${name} (${path.relative(root, file)})`);
      }
    }
    expect([...missing]).toEqual([]);
  });
});
