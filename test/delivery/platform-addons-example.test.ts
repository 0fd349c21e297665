import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { expectValidManifests } from '../support/crd-validation';

const root = path.resolve(__dirname, '..', '..');

/** Runs examples/platform-addons.ts as `npm run synth` does, into a temporary directory; reads every file. */
function synthExample(): Record<string, any[]> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-addons-'));
  try {
    execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(root, 'examples', 'platform-addons.ts')], {
      cwd: root,
      env: { ...process.env, CAPI_BLUEPRINTS_OUTDIR: outdir },
      stdio: 'pipe',
    });
    const files: Record<string, any[]> = {};
    for (const file of fs.readdirSync(outdir).sort()) {
      files[file] = parseAllDocuments(fs.readFileSync(path.join(outdir, file), 'utf8')).map((d) => d.toJS()).filter((o) => o);
    }
    return files;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('examples/platform-addons.ts', () => {
  let files: Record<string, any[]>;
  let all: any[];
  beforeAll(() => {
    files = synthExample();
    all = Object.values(files).flat();
  }, 120_000);

  test('every object validates against the pinned CRDs (schema, CEL, webhook rules)', () => {
    expect(all.length).toBeGreaterThan(30);
    expectValidManifests(all);
  });

  test('seoul-prod gets base + AWS addons through HelmChartProxies, one per addon', () => {
    expect(files['seoul-prod-addons.k8s.yaml'].map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'HelmChartProxy/seoul-prod-cert-manager',
      'HelmChartProxy/seoul-prod-metrics-server',
      'HelmChartProxy/seoul-prod-ingress-nginx',
      'HelmChartProxy/seoul-prod-argo-rollouts',
      'HelmChartProxy/seoul-prod-cilium',
      'HelmChartProxy/seoul-prod-aws-cloud-controller-manager',
      'HelmChartProxy/seoul-prod-aws-ebs-csi-driver',
      'HelmChartProxy/seoul-prod-trust-manager',
    ]);
  });

  test('the BYOH site is delivered by Argo CD with mirrored images, local-path via a ClusterResourceSet', () => {
    const objects = files['dc1-edge-addons.k8s.yaml'];
    const nginx = objects.find((o) => o.metadata.name === 'dc1-edge-ingress-nginx');
    expect(nginx.spec.source.helm.valuesObject.controller.service.type).toEqual('NodePort');
    expect(nginx.spec.source.helm.valuesObject.controller.image.registry).toEqual('harbor.example.com/mirror');
    expect(objects.find((o) => o.kind === 'ClusterResourceSet').metadata.name).toEqual('dc1-edge-local-path-provisioner');
  });

  test('the autoscaler runs on the management cluster for each workload cluster, delivered by Flux', () => {
    const releases = files['autoscaling.k8s.yaml'].filter((o) => o.kind === 'HelmRelease');
    expect(releases.map((r) => r.metadata.name)).toEqual(['seoul-prod-cluster-autoscaler', 'seoul-dev-cluster-autoscaler', 'dc1-edge-cluster-autoscaler']);
    expect(releases.every((r) => r.spec.kubeConfig === undefined)).toBe(true);
  });

  test('the Cluster objects carry the labels bundles select on', () => {
    const cluster = files['dc1-edge.k8s.yaml'].find((o) => o.kind === 'Cluster');
    expect(cluster.metadata.labels).toMatchObject({
      'capi-blueprints.io/infrastructure': 'byoh',
      'capi-blueprints.io/cni': 'calico',
      'capi-blueprints.io/cluster-name': 'dc1-edge',
    });
  });
});
