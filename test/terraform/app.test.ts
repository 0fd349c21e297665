import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { TerraformApp } from '../../src/terraform';

describe('TerraformApp', () => {
  let dir: string;
  let cwd: string;
  let saved: string | undefined;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'terraform-app-'));
    cwd = process.cwd();
    saved = process.env.CDKTF_OUTDIR;
    delete process.env.CDKTF_OUTDIR;
    process.chdir(dir);
  });

  afterEach(() => {
    process.chdir(cwd);
    if (saved === undefined) delete process.env.CDKTF_OUTDIR; else process.env.CDKTF_OUTDIR = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function synthOne(app: TerraformApp): void {
    new TerraformStack(app, 'aws-foundation');
    app.synth();
  }

  test('given a nested outdir whose parent does not exist, when synthesized, then the directories are created and the stack is written', () => {
    const app = new TerraformApp({ outdir: 'dist/aws-foundation' });
    synthOne(app);
    expect(app.outdir).toEqual('dist/aws-foundation');
    expect(fs.existsSync(path.join(dir, 'dist/aws-foundation/manifest.json'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'dist/aws-foundation/stacks/aws-foundation/cdk.tf.json'))).toBe(true);
  });

  test('given CDKTF_OUTDIR (set by cdktf synth) and an outdir prop, when synthesized, then CDKTF_OUTDIR wins', () => {
    process.env.CDKTF_OUTDIR = path.join(dir, 'cli-out');
    const app = new TerraformApp({ outdir: 'dist/aws-foundation' });
    synthOne(app);
    expect(app.outdir).toEqual(path.join(dir, 'cli-out'));
    expect(fs.existsSync(path.join(dir, 'cli-out/manifest.json'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('given neither CDKTF_OUTDIR nor an outdir, when synthesized, then it writes to cdktf.out like cdktf', () => {
    const app = new TerraformApp();
    synthOne(app);
    expect(app.outdir).toEqual('cdktf.out');
    expect(fs.existsSync(path.join(dir, 'cdktf.out/stacks/aws-foundation/cdk.tf.json'))).toBe(true);
  });

  test('given other app config, when created, then it is passed on to cdktf', () => {
    const app = new TerraformApp({ outdir: 'out', context: { answer: 42 }, skipValidation: true });
    expect(app.node.tryGetContext('answer')).toEqual(42);
  });
});
