import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');

function tsFiles(dir: string): string[] {
  return (fs.readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

const IMPORT = /(?:from\s+|require\()\s*'([^']+)'/g;
const importsOf = (file: string) => [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(IMPORT)].map((m) => m[1]);

describe('import boundaries', () => {
  test('given the library sources, when scanned, then only src/terraform imports cdktf or the AWS provider', () => {
    const offenders = tsFiles('src')
      .filter((f) => !f.startsWith(path.join('src', 'terraform') + path.sep))
      .filter((f) => importsOf(f).some((m) => m === 'cdktf' || m.startsWith('cdktf/') || m.startsWith('@cdktf/')));
    expect(offenders).toEqual([]);
  });

  test('given src/terraform and the example, when scanned, then the AWS provider is imported per resource, never through its barrel', () => {
    const barrel = [...tsFiles(path.join('src', 'terraform')), path.join('examples', 'aws-foundation.ts')]
      .filter((f) => importsOf(f).some((m) => m === '@cdktf/provider-aws' || m === '@cdktf/provider-aws/lib' || m === '@cdktf/provider-aws/lib/index'));
    expect(barrel).toEqual([]);
  });

  test('given a fresh node process, when the cdktf-free name and output helpers are loaded, then neither cdktf nor the provider is loaded', () => {
    const script = [
      "require('./src/terraform/outputs');",
      "require('./src/terraform/storage/lma-bucket-name');",
      "require('./src/terraform/iam/capa-iam-names');",
      "require('./src/terraform/iam/policy-document');",
      'const loaded = Object.keys(require.cache).filter((k) => /node_modules[\\\\/](cdktf|@cdktf)[\\\\/]/.test(k));',
      'console.log(JSON.stringify(loaded));',
    ].join('\n');
    const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual([]);
  });
});
