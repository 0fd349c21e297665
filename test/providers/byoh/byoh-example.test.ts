/**
 * examples/byoh-cluster.ts, run as `npm run synth` runs it: every object passes the offline
 * API-server checks (strict schema, CEL, webhook rules, references), and the example shows what
 * the BYOH docs promise.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { expectValidManifests } from '../../support/crd-validation';
import { argsOf, ofKind, one } from '../../support/synth';

const root = path.resolve(__dirname, '..', '..', '..');

describe('examples/byoh-cluster.ts', () => {
  let objects: any[];
  beforeAll(() => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'byoh-example-'));
    try {
      execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(root, 'examples', 'byoh-cluster.ts')], {
        cwd: root,
        env: { ...process.env, CAPI_BLUEPRINTS_OUTDIR: outdir },
        stdio: 'pipe',
      });
      const files = (fs.readdirSync(outdir) as string[]).filter((f) => f.endsWith('.yaml')).sort();
      objects = files.flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(outdir, f), 'utf8')).map((d) => d.toJS()).filter((o) => o));
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('given the example, when synthesized, then every object validates against the pinned CRDs and webhook rules', () => {
    expect(objects.length).toBeGreaterThan(10);
    expectValidManifests(objects);
  });

  test('given the example, when synthesized, then BYOH objects use v1beta1, CAPI objects v1beta2 and the CNI HelmChartProxy v1alpha1', () => {
    for (const o of objects) {
      const expected = /^(Byo|K8sInstaller|BootstrapKubeconfig)/.test(o.kind) ? 'v1beta1' : o.kind === 'HelmChartProxy' ? 'v1alpha1' : 'v1beta2';
      expect(`${o.kind} ${o.apiVersion.split('/')[1]}`).toEqual(`${o.kind} ${expected}`);
    }
  });

  test('given the example, when synthesized, then a 3-node control plane runs kube-vip for the VIP 192.168.0.10 from the mirror', () => {
    const kcp = one(objects, 'KubeadmControlPlane');
    expect(kcp.spec.replicas).toEqual(3);
    expect(one(objects, 'ByoCluster').spec.controlPlaneEndpoint).toEqual({ host: '192.168.0.10', port: 6443 });
    const manifest = kcp.spec.kubeadmConfigSpec.files.find((f: any) => f.path === '/etc/kubernetes/manifests/kube-vip.yaml');
    expect(manifest.content).toContain('image: harbor.example.com/kube-vip/kube-vip:v0.8.7');
    expect(manifest.content).toContain('{{ .DefaultNetworkInterfaceName }}');
  });

  test('given the example, when synthesized, then the preinstalled pool is autoscaled and has no installer', () => {
    const md = one(objects, 'MachineDeployment', 'byoh-cluster-normal');
    expect(md.spec.replicas).toBeUndefined();
    expect(md.metadata.annotations).toEqual({
      'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size': '5',
      'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': '1',
    });
    const template = one(objects, 'ByoMachineTemplate', md.spec.template.spec.infrastructureRef.name);
    expect(template.spec.template.spec).toEqual({ selector: { matchLabels: { role: 'worker' } } });
  });

  test('given the example, when synthesized, then the bundle pool installs from the self-built bundle and its labels reach the Nodes', () => {
    const md = one(objects, 'MachineDeployment', 'byoh-cluster-tks');
    const template = one(objects, 'ByoMachineTemplate', md.spec.template.spec.infrastructureRef.name);
    const installer = one(objects, 'K8sInstallerConfigTemplate', template.spec.template.spec.installerRef.name);
    expect(installer.spec.template.spec).toEqual({ bundleRepo: 'harbor.example.com/byoh-bundles', bundleType: 'k8s' });
    const kct = one(objects, 'KubeadmConfigTemplate', md.spec.template.spec.bootstrap.configRef.name);
    expect(argsOf(kct.spec.template.spec.joinConfiguration.nodeRegistration.kubeletExtraArgs)['node-labels'])
      .toEqual('servicemesh=enabled,taco-egress-gateway=enabled,taco-ingress-gateway=enabled,taco-lma=enabled');
  });

  test('given the example, when synthesized, then one BootstrapKubeconfig verifies TLS', () => {
    const [kubeconfig] = ofKind(objects, 'BootstrapKubeconfig');
    expect(kubeconfig.spec.apiserver).toEqual('https://mgmt.example.com:6443');
    expect(kubeconfig.spec['insecure-skip-tls-verify']).toEqual(false);
  });

  test('given the example, when synthesized, then every node writes the NTP drop-in and restarts timesyncd before kubeadm', () => {
    const specs = [one(objects, 'KubeadmControlPlane').spec.kubeadmConfigSpec, ...ofKind(objects, 'KubeadmConfigTemplate').map((t) => t.spec.template.spec)];
    expect(specs).toHaveLength(3);
    for (const spec of specs) {
      expect(spec.files).toEqual(expect.arrayContaining([expect.objectContaining({
        path: '/etc/systemd/timesyncd.conf.d/10-datacentre.conf', content: '[Time]\nNTP=ntp1.dc1.example.com ntp2.dc1.example.com\n',
      })]));
      expect(spec.preKubeadmCommands).toContain('systemctl restart systemd-timesyncd');
      expect(spec.ntp).toBeUndefined();
    }
  });
});
