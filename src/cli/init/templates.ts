/** Versions written into the scaffolded package.json. */
export interface ScaffoldVersions {
  readonly capiBlueprints: string;
  readonly peers: Record<string, string>;
}

/** The files of a new platform project, path → content. */
export function scaffoldFiles(name: string, v: ScaffoldVersions): Record<string, string> {
  const pkg = {
    name,
    version: '0.1.0',
    private: true,
    description: 'Our Kubernetes platform: clusters, pools and addons as code (capi-blueprints)',
    scripts: {
      synth: 'capi-blueprints synth',
      test: 'node --require ts-node/register/transpile-only --test test/platform.test.ts',
      diff: 'capi-blueprints diff --git origin/main',
      graph: 'capi-blueprints graph',
      report: 'capi-blueprints report --output report.html',
    },
    dependencies: {
      'capi-blueprints': v.capiBlueprints,
      ...v.peers,
    },
    devDependencies: {
      '@types/node': '^20',
      'ts-node': '^10',
      'typescript': '~5.9.0',
    },
  };
  return {
    'package.json': JSON.stringify(pkg, null, 2) + '\n',
    'cdk8s.yaml': [
      'language: typescript',
      '# `capi-blueprints synth` (and `cdk8s synth`) run this and write to `output`.',
      'app: node --require ts-node/register/transpile-only main.ts',
      'output: dist',
      '',
    ].join('\n'),
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'commonjs',
        moduleResolution: 'node',
        strict: true,
        esModuleInterop: true,
        skipLibCheck: true,
        noEmit: true,
      },
      include: ['*.ts', 'test/**/*.ts'],
    }, null, 2) + '\n',
    '.gitignore': 'node_modules/\nreport.html\n',
    'main.ts': [
      "import { buildPlatform } from './platform';",
      '',
      '// Writes the GitOps repository to $CDK8S_OUTDIR (set by `capi-blueprints synth`), else dist/.',
      'buildPlatform().synth();',
      '',
    ].join('\n'),
    'platform.ts': PLATFORM_TS,
    'test/platform.test.ts': TEST_TS,
    'README.md': readme(name),
  };
}

const PLATFORM_TS = `/**
 * The company platform: one standard Blueprint, one AWS site, two clusters, delivered by Argo CD
 * from this repository. Change it, then review what the change does with \`npm run diff\`.
 */
import {
  AddonBundle, AddonDelivery, Blueprint, Capacity, Catalog, Fleet, GitOps, ManagementCluster, Override, Platform, Site,
  SiteInfrastructure,
} from 'capi-blueprints';

/** Builds the platform; \`outdir\` defaults to $CDK8S_OUTDIR, else dist. */
export function buildPlatform(outdir?: string): Platform {
  const platform = new Platform({ outdir });
  const mgmt = new ManagementCluster(platform, 'mgmt', {
    gitOps: GitOps.argoCd({ repoUrl: 'https://github.com/acme/platform.git', revision: 'main', path: 'dist' }),
    // CAPA's credentials: a Secret in capa-system with AWS_B64ENCODED_CREDENTIALS
    // (\`clusterawsadm bootstrap credentials encode-as-profile\`).
    providers: { aws: { configSecret: 'capa-variables' } },
  });
  const argoCd = AddonDelivery.argoCd({ project: 'default' });
  const core = new AddonBundle(platform, 'core', {
    addons: [Catalog.metricsServer(), Catalog.certManager(), Catalog.clusterAutoscaler()],
    delivery: argoCd,
  });
  const aws = new AddonBundle(platform, 'aws-kubeadm', {
    addons: [Catalog.cilium(), Catalog.awsCloudControllerManager(), Catalog.awsEbsCsiDriver()],
    delivery: argoCd,
  });

  const standard = new Blueprint(platform, 'standard', {
    version: 'v1.33.4',
    controlPlane: { replicas: 3, machineType: 'm6i.xlarge' },
    nodePools: {
      general: { machineType: 'm6i.2xlarge', availabilityZoneCount: 3, autoscaling: { minSize: 1, maxSize: 5 } },
      spot: {
        machineType: 'm6i.2xlarge',
        availabilityZoneCount: 3,
        capacity: Capacity.spot(),
        autoscaling: { minSize: 0, maxSize: 10 },
        nodeLabels: { 'node.cluster.x-k8s.io/capacity': 'spot' },
      },
    },
    addons: [core, aws],
    labels: { 'acme.example/owner': 'platform' },
  });

  const seoul = new Site(platform, 'seoul', {
    infrastructure: SiteInfrastructure.aws({ region: 'ap-northeast-2' }),
    managementCluster: mgmt,
    overrides: { namespace: 'seoul', nodePools: { spot: { autoscaling: { maxSize: 20 } } } },
  });

  const fleet = new Fleet(platform, 'fleet');
  fleet.addCluster('prod-seoul', {
    blueprint: standard,
    site: seoul,
    overrides: { controlPlane: { machineType: 'm6i.2xlarge' }, labels: { environment: 'prod' } },
  });
  fleet.addCluster('dev-seoul', {
    blueprint: standard,
    site: seoul,
    overrides: { controlPlane: { replicas: 1 }, labels: { 'environment': 'dev', 'acme.example/owner': Override.REMOVE } },
  });
  return platform;
}
`;

const TEST_TS = `import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { buildPlatform } from '../platform';

test('the platform synthesizes a GitOps tree with both clusters on the standard version', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-'));
  try {
    buildPlatform(outdir).synth();
    for (const name of ['prod-seoul', 'dev-seoul']) {
      const file = path.join(outdir, 'clusters', 'mgmt', 'seoul', name, 'cluster', \`\${name}.yaml\`);
      const yaml = fs.readFileSync(file, 'utf8');
      assert.match(yaml, /kind: KubeadmControlPlane/);
      assert.match(yaml, /version: v1\\.33\\.4/);
    }
    assert.ok(fs.existsSync(path.join(outdir, 'bootstrap', 'mgmt', 'root.yaml')));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});
`;

function readme(name: string): string {
  return `# ${name}

Our Kubernetes platform as code, with [capi-blueprints](https://www.npmjs.com/package/capi-blueprints).

| | |
|---|---|
| \`platform.ts\` | the blueprint, the sites and the fleet |
| \`npm test\` | synthesizes the platform and checks it |
| \`npm run synth\` | writes the GitOps tree to \`dist/\` and validates it against the CRDs (\`--crds DIR\`: the CRDs of your management cluster, e.g. \`kubectl get crd -o yaml > crds/all.yaml\`) |
| \`npm run diff\` | the rollout plan of your change against \`origin/main\` |
| \`npm run graph\` | the platform as a Mermaid diagram |
| \`npm run report\` | \`report.html\`: fleet table and graph |

Commit \`dist/\`, then on the management cluster: \`kubectl apply -f dist/bootstrap/mgmt/root.yaml\`.
`;
}
