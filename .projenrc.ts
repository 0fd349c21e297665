import { cdk8s, javascript } from 'projen';

const CDK8S_VERSION = '2.70.106';
const CONSTRUCTS_VERSION = '10.4.2';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'capi-blueprints',
  description: 'Typed Cluster API platform blueprints: clusters, node pools, addons and LMA as cdk8s/cdktf constructs.',
  author: 'capi-blueprints',
  authorAddress: 'platform@example.com',
  repositoryUrl: 'https://github.com/example/capi-blueprints.git',
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  tsconfigDevFile: 'tsconfig.dev.json',
  packageManager: javascript.NodePackageManager.NPM,
  jsiiVersion: '~5.9.0',
  cdk8sVersion: CDK8S_VERSION,
  constructsVersion: CONSTRUCTS_VERSION,
  minNodeVersion: '20.0.0',
  keywords: ['cdk8s', 'cluster-api', 'capi', 'kubernetes', 'cdktf', 'platform-engineering'],
  // jsii Python target (`npx projen package:python` → dist/python). Building works here; installing
  // the wheel needs the jsii Python runtime, cdk8s and constructs from PyPI (docs/python.md).
  publishToPypi: { distName: 'capi-blueprints', module: 'capi_blueprints' },

  // cdk8s-plus-28 is loaded by the library itself (ClusterResourceSet Secrets, teams, management
  // objects), so it is a regular dependency: installing capi-blueprints installs it. It peers on
  // cdk8s and constructs, which are our peers too (one copy of each in the consumer's tree).
  deps: ['cdk8s-plus-28@^2.5.6'],
  peerDeps: [
    'cdktf@0.21.0',
    '@cdktf/provider-aws@^21.9.0',
  ],
  devDeps: [
    'cdk8s-cli@^2.207.0',
    'cdktf@0.21.0',
    '@cdktf/provider-aws@21.9.1',
    'fast-check@^3',
    'fengari@^0.1.5',
    'js-yaml@^4',
    '@types/js-yaml@^4',
    'ts-node@^10',
    'typescript@~5.9.0',
    '@types/node@^20',
  ],
  bundledDeps: ['yaml@^2.8.0'],
  bin: { 'capi-blueprints': 'lib/cli/index.js' },

  // Generated CRD bindings are big; keep the test loop fast by transpiling only (ts-jest transpiles
  // per file because tsconfig.dev.json sets isolatedModules; its own option of that name is
  // deprecated). Type checking happens in `npm test` (tsc), `compile` (jsii) and `eslint`.
  // Coverage leaves out the generated bindings: converting their V8 coverage after every test
  // file cost more than the tests that load them, and nobody reads it.
  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    coverageText: false,
    jestConfig: {
      testTimeout: 120_000,
      maxWorkers: 2,
      coveragePathIgnorePatterns: ['/node_modules/', '/src/imports/'],
      // one temporary directory per test run, removed at the end (cdk8s Testing.app() leaves one per app)
      globalSetup: '<rootDir>/test/support/tmp-setup.js',
      globalTeardown: '<rootDir>/test/support/tmp-teardown.js',
    },
  },

  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'scripts'],
    tsconfigPath: './tsconfig.dev.json',
  },
  gitignore: ['/dist/', '/.tmp/'],
  github: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
  sampleCode: false,
});

// The registry mirror CI installs from lacks unrs-resolver 1.13's non-Linux bindings, which makes
// `npm ci` reject the lock file; 1.11.1 is complete there. (eslint-import-resolver-typescript dep.)
project.package.addField('overrides', { 'unrs-resolver': '1.11.1' });

// Manifest-only programs never load cdktf (lazy barrels, src/terraform behind deep imports): the
// Terraform peers are needed only by programs that use the Terraform constructs.
project.package.addField('peerDependenciesMeta', {
  'cdktf': { optional: true },
  '@cdktf/provider-aws': { optional: true },
});

// Lint tests, examples and scripts with the dev tsconfig (the jsii tsconfig only covers src/).
const eslintrc = project.tryFindObjectFile('.eslintrc.json');
eslintrc?.addDeletionOverride('parserOptions.projectService');
eslintrc?.addOverride('parserOptions.project', './tsconfig.dev.json');

// ts-node keeps nothing between processes, and the tests, `npm run synth`, the scripts and the CLI
// from source start many: each transpiled the 8 MB of generated bindings again. All ts-node runs
// here are transpile-only; scripts/ts-node-cache.js does what --transpile-only does and keeps each
// result on disk (node_modules/.cache), keyed by content, compiler options and versions.
project.tsconfig?.file.addOverride('ts-node', { transpileOnly: true, transpiler: './scripts/ts-node-cache.js' });

// Generated bindings are linted by nobody: they are the generator's output.
project.eslint?.addIgnorePattern('src/imports/**');
project.tsconfigDev.addInclude('examples/**/*.ts');
project.tsconfigDev.addInclude('scripts/**/*.ts');
project.tsconfigDev.addInclude('.projenrc.ts');
for (const generated of ['lib', 'dist', '.tmp']) project.tsconfigDev.addExclude(generated);
for (const ignored of ['/examples/', '/scripts/', '/dist/', '/.ci/', '/.tmp/']) project.addPackageIgnore(ignored);

// `npm test` must not edit files: lint without --fix (`npx projen eslint` still fixes).
project.testTask.removeStep(project.testTask.steps.findIndex((step) => step.spawn === 'eslint'));
project.testTask.exec('ESLINT_USE_FLAT_CONFIG=false NODE_NO_WARNINGS=1 eslint --ext .ts,.tsx --no-error-on-unmatched-pattern src test examples scripts projenrc .projenrc.ts', { name: 'lint' });

// ts-jest only transpiles (fast with the large generated bindings), so type-check first.
project.testTask.prependExec(`tsc --noEmit -p ${project.tsconfigDev.fileName}`, { name: 'typecheck' });

// API.md documents our constructs; the generated bindings are documented by their CRDs.
project.tasks.tryFind('docgen')?.reset('jsii-docgen -o API.md --submodule root');

// `npx projen import`: regenerate src/imports from ../shared/crds (pinned versions only).
project.addTask('import', {
  description: 'Regenerate the typed CRD bindings in src/imports from ../shared/crds',
  exec: 'ts-node --transpile-only scripts/import-crds.ts',
});

// `npm run synth`: every program in examples/ into dist/<example-name>/.
project.addTask('synth', {
  description: 'Synthesize every example into dist/<example-name>/',
  exec: 'ts-node --transpile-only scripts/synth-examples.ts',
});

// `npm run validate`: the validate CLI from source over what `npm run synth` wrote.
project.addTask('validate', {
  description: 'Validate dist/ offline against ../shared/crds (schema, CEL, webhook rules, references)',
  exec: 'ts-node --transpile-only src/cli/index.ts validate --crds ../shared/crds dist',
  receiveArgs: true,
});

// After jsii: barrels of lib/ load their modules on first use (a manifest-only program never loads
// cdktf); see scripts/lazy-barrels.ts and docs/performance.md.
project.compileTask.exec('ts-node --transpile-only scripts/lazy-barrels.ts');

// `npx projen bench`: the performance goals of docs/performance.md (not part of `npm test`).
project.addTask('bench', {
  description: 'Fleet synthesis vs the js-yaml floor, growth, peak RSS, cold start (docs/performance.md)',
  exec: 'ts-node --transpile-only scripts/bench-synth.ts',
  receiveArgs: true,
});

// `npx projen package-smoke`: build, `npm pack`, install into a fresh project with only the
// documented peers and run the README's programs with the cdk8s and cdktf CLIs (.ci/run runs it).
project.addTask('package-smoke', {
  description: 'Pack the built library, install it into a fresh project and run the README programs (cdk8s synth, cdktf synth, plugin)',
  steps: [
    { spawn: 'compile' },
    { exec: 'ts-node --transpile-only scripts/package-smoke.ts', receiveArgs: true },
  ],
});

project.synth();
