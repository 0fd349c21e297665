import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');

/** Runs examples/aws-foundation.ts in a fresh node process into `outdir`; resolves to its module-cache stats. */
async function runExample(outdir: string): Promise<{ providerAwsModules: number; barrelLoaded: boolean }> {
  const script = [
    "require('./examples/aws-foundation.ts');",
    'const keys = Object.keys(require.cache);',
    'const aws = keys.filter((k) => /node_modules[\\\\/]@cdktf[\\\\/]provider-aws[\\\\/]/.test(k));',
    'const barrel = aws.some((k) => /provider-aws[\\\\/]lib[\\\\/]index\\.js$/.test(k));',
    "console.log('CACHE ' + JSON.stringify({ providerAwsModules: aws.length, barrelLoaded: barrel }));",
  ].join('\n');
  const out = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CAPI_BLUEPRINTS_OUTDIR: outdir },
    }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)));
  });
  return JSON.parse(out.split('\n').find((l) => l.startsWith('CACHE '))!.slice('CACHE '.length));
}

function readTree(dir: string): Record<string, string> {
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
  return Object.fromEntries(files.map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

describe('examples/aws-foundation.ts', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-foundation-'));
  const first = path.join(base, 'one');
  const second = path.join(base, 'two');
  let stats: { providerAwsModules: number; barrelLoaded: boolean };

  // Two cold node processes in parallel; generous timeout because they load the whole library through ts-node.
  beforeAll(async () => {
    [stats] = await Promise.all([runExample(first), runExample(second)]);
  }, 300_000);

  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  test('given two runs into different directories, when synthesized, then the output is byte-identical', () => {
    const one = readTree(first);
    expect(Object.keys(one)).toContain(path.join('stacks', 'aws-foundation', 'cdk.tf.json'));
    expect(readTree(second)).toEqual(one);
  });

  test('given the synthesized files, when scanned, then they hold no machine-specific values', () => {
    const forbidden = [ROOT, base, os.tmpdir(), os.homedir(), os.hostname(), '/work', '/tmp', '/home/'].filter((s) => s.length > 2);
    for (const [file, text] of Object.entries(readTree(first))) {
      for (const s of forbidden) {
        expect({ file, contains: text.includes(s) ? s : undefined }).toEqual({ file, contains: undefined });
      }
    }
  });

  test('given the example, when synthesized, then one stack holds CAPA IAM with EKS, a 3-AZ network for prod-seoul, the LMA bucket and the S3 backend', () => {
    const tf = JSON.parse(fs.readFileSync(path.join(first, 'stacks', 'aws-foundation', 'cdk.tf.json'), 'utf8'));
    const names = (type: string) => Object.values(tf.resource[type] ?? {}).map((r: any) => r.name ?? r.bucket).sort();
    expect(names('aws_iam_instance_profile')).toEqual([
      'control-plane.cluster-api-provider-aws.sigs.k8s.io', 'controllers.cluster-api-provider-aws.sigs.k8s.io', 'nodes.cluster-api-provider-aws.sigs.k8s.io',
    ]);
    expect(names('aws_iam_role')).toContain('eks-controlplane.cluster-api-provider-aws.sigs.k8s.io');
    expect(Object.values(tf.resource.aws_subnet).map((s: any) => s.availability_zone).sort())
      .toEqual(['ap-northeast-2a', 'ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2b', 'ap-northeast-2c', 'ap-northeast-2c']);
    expect(names('aws_s3_bucket')).toEqual(['acme-prod-seoul-lma-logs']);
    expect(tf.terraform.backend.s3).toMatchObject({ bucket: 'acme-terraform-state', use_lockfile: true, encrypt: true });
    expect(tf.provider.aws[0].region).toEqual('ap-northeast-2');
    expect(Object.keys(tf.output).sort()).toEqual(['prod_seoul_private_subnet_ids', 'prod_seoul_public_subnet_ids', 'prod_seoul_vpc_id']);
  });

  test('given the example process, when its module cache is inspected, then only per-resource provider modules were loaded, never the barrel', () => {
    expect(stats.barrelLoaded).toBe(false);
    expect(stats.providerAwsModules).toBeGreaterThan(0);
    expect(stats.providerAwsModules).toBeLessThan(40);
  });
});
