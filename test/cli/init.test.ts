/**
 * `capi-blueprints init`: the scaffolded project passes its own test and `capi-blueprints synth`.
 * The registry does not have this working copy, so the project's node_modules links the
 * packages of this repository (capi-blueprints → src/ through ts-node), as `npm install` would.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cleanupTemp, cli, CRDS, ROOT, tempDir } from './support';

afterAll(cleanupTemp);

function linkPackages(project: string): void {
  const modules = path.join(project, 'node_modules');
  fs.mkdirSync(path.join(modules, '@types'), { recursive: true });
  for (const dep of ['cdk8s', 'constructs', 'ts-node', 'typescript', '@types/node']) {
    fs.symlinkSync(path.join(ROOT, 'node_modules', dep), path.join(modules, dep), 'dir');
  }
  const shim = path.join(modules, 'capi-blueprints');
  fs.mkdirSync(shim);
  fs.writeFileSync(path.join(shim, 'package.json'), JSON.stringify({ name: 'capi-blueprints', main: 'index.js' }));
  fs.writeFileSync(path.join(shim, 'index.js'), `module.exports = require(${JSON.stringify(path.join(ROOT, 'src', 'index.ts'))});\n`);
}

describe('init', () => {
  test('given an empty directory, when init runs, then it writes the project files and says what to do next', () => {
    const dir = path.join(tempDir('cli-init-'), 'Acme Platform');
    const r = cli(['init', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Created 8 files in .*Acme Platform:\n  package\.json\n  cdk8s\.yaml\n  tsconfig\.json\n  \.gitignore\n  main\.ts\n  platform\.ts\n  test\/platform\.test\.ts\n  README\.md\nNext: npm install/);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const ours = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({
      name: 'acme-platform',
      scripts: { synth: 'capi-blueprints synth', test: expect.stringContaining('--test test/platform.test.ts') },
      dependencies: { 'capi-blueprints': `^${ours.version}`, 'cdk8s': ours.peerDependencies.cdk8s, 'constructs': ours.peerDependencies.constructs },
    });
    expect(fs.readFileSync(path.join(dir, 'cdk8s.yaml'), 'utf8')).toMatch(/^language: typescript\n.*\napp: node --require ts-node\/register\/transpile-only main\.ts\noutput: dist\n$/);
  });

  test('given a directory with a package.json, when init runs without --force, then it refuses and names the file (exit 2)', () => {
    const dir = tempDir('cli-init-');
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    const r = cli(['init', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toEqual(`error: ${dir} already has package.json; pass --force to overwrite\n`);
    expect(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe('{}');
  });

  test('given an invalid package name, when init runs, then it is a usage error', () => {
    const r = cli(['init', '--name', 'Bad Name', tempDir('cli-init-')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: 'Bad Name' is not a valid npm package name; pass --name NAME/);
  });

  test('given the scaffolded project with its packages installed, when its test and synth run, then both pass', () => {
    const dir = tempDir('cli-init-');
    expect(cli(['init', '--name', 'platform', dir]).status).toBe(0);
    linkPackages(dir);
    const npmTest = spawnSync('npm', ['test'], { cwd: dir, encoding: 'utf8' });
    expect(npmTest.stdout + npmTest.stderr).toMatch(/# pass 1\n# fail 0/);
    expect(npmTest.status).toBe(0);
    const synth = cli(['synth', '--crds', CRDS], dir);
    expect(synth.stderr).toMatch(/synthesized \d+ manifest file\(s\) into dist\n$/);
    expect({ status: synth.status, stdout: synth.stdout }).toEqual({ status: 0, stdout: expect.stringMatching(/object\(s\) validated, no findings\.\n$/) });
    expect(fs.existsSync(path.join(dir, 'dist', 'clusters', 'mgmt', 'seoul', 'prod-seoul', 'cluster', 'prod-seoul.yaml'))).toBe(true);
  });
});
