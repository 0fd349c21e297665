import * as fs from 'fs';
import * as path from 'path';
import { scaffoldFiles, ScaffoldVersions } from './templates';
import { OptionSpec, parseArgs, UsageError } from '../private/args';
import { CliError } from '../private/cli-error';
import { CliIo, EXIT_OK, EXIT_USAGE } from '../private/io';

export const INIT_USAGE = `Usage: capi-blueprints init [--name NAME] [--force] [DIR]

Scaffold a platform project in DIR (default: the working directory): package.json, cdk8s.yaml,
tsconfig.json, platform.ts (a blueprint, a site and two clusters, after the company-platform
example), main.ts, test/platform.test.ts and a README. Then: npm install && npm test &&
npm run synth -- --crds <your CRDs>.

Options:
  --name NAME   the package name (default: the directory's name)
  --force       overwrite files that exist
  -h, --help    print this help

Exit status: 0 when the files are written, 2 on usage errors or when a file exists without --force.
`;

const OPTIONS: OptionSpec[] = [
  { name: 'name', kind: 'value', placeholder: 'a package name' },
  { name: 'force', kind: 'flag' },
];

/** This package's version and the peer dependencies a project needs, from our package.json. */
function versions(): ScaffoldVersions {
  const ours = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
  const peers: Record<string, string> = {};
  for (const dep of ['cdk8s', 'constructs']) if (ours.peerDependencies?.[dep]) peers[dep] = ours.peerDependencies[dep];
  return { capiBlueprints: `^${ours.version}`, peers };
}

/** `capi-blueprints init <args>`; returns the exit code. */
export function runInit(args: string[], io: CliIo): number {
  const parsed = parseArgs(args, OPTIONS);
  if (parsed.help) { io.stdout(INIT_USAGE); return EXIT_OK; }
  if (parsed.positionals.length > 1) throw new UsageError(`expected one directory, got ${parsed.positionals.length}`);
  const dir = path.resolve(io.cwd ?? process.cwd(), parsed.positionals[0] ?? '.');
  const name = parsed.values.get('name') ?? path.basename(dir).toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
  if (!/^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/.test(name)) {
    throw new UsageError(`'${name}' is not a valid npm package name; pass --name NAME`);
  }
  const files = scaffoldFiles(name, versions());
  const existing = Object.keys(files).filter((f) => fs.existsSync(path.join(dir, f)));
  if (existing.length > 0 && !parsed.flags.has('force')) {
    throw new CliError(`${dir} already has ${existing.join(', ')}; pass --force to overwrite`, EXIT_USAGE);
  }
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  io.stdout(`Created ${Object.keys(files).length} files in ${dir}:\n${Object.keys(files).map((f) => `  ${f}\n`).join('')}`
    + 'Next: npm install && npm test && npm run synth -- --crds <directory of your management cluster\'s CRDs>\n');
  return EXIT_OK;
}
