/**
 * Security defaults, checked on what the constructs produce when the user asks for nothing special
 * and on every example program:
 *
 * - IMDSv2 required and encrypted root volumes on every AWSMachineTemplate and AWSMachinePool
 *   launch template (and AWSManagedMachinePool launch templates, when one is used);
 * - no credentials inline in any manifest of any example (AWS keys, private keys, literal
 *   passwords, Slack webhook URLs, Secrets whose data is not a placeholder);
 * - bastion off, no public IPs, nodes in CAPA's private subnets;
 * - EKS endpoint access left to EKS's defaults (documented below);
 * - BYOH BootstrapKubeconfig verifies TLS.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import {
  BootstrapKubeconfig, ByohPool, Infrastructure, ManagedCluster, NodePoolKind,
} from '../../src';

const root = path.resolve(__dirname, '..', '..');
const examples = fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.ts')).map((f) => path.basename(f, '.ts')).sort();

/** Runs every example into one temporary directory (one subdirectory each), like `npm run synth`. */
function synthExamples(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-defaults-'));
  for (const name of examples) {
    execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(root, 'examples', `${name}.ts`)], {
      cwd: root,
      env: { ...process.env, CAPI_BLUEPRINTS_OUTDIR: path.join(dir, name) },
      stdio: 'pipe',
    });
  }
  return dir;
}

function yamlFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f));
}

const objectsOf = (text: string): any[] => parseAllDocuments(text).map((d) => d.toJS()).filter((o) => o);

/** Values that stand for a secret without being one. */
const PLACEHOLDER = /^(|<[^>]*>|\$\{[^}]*\}|\$\([^)]*\)|\{\{.*\}\}|REPLACE[_-]?ME|CHANGE[_-]?ME|changeme|placeholder)$/i;

/** Patterns of secret material in manifest text, each with a name for the report. */
const SECRET_PATTERNS: Array<[string, RegExp]> = [
  ['AWS access key id', /\b(AKIA|ASIA)[0-9A-Z]{16}\b/],
  ['AWS secret access key', /aws_secret_access_key|secretAccessKey\s*[:=]\s*["']?[A-Za-z0-9/+=]{40}/i],
  ['private key', /-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/],
  ['Slack webhook URL', /hooks\.slack\.com\/services\/[A-Za-z0-9/]+/],
];

/** Problems found in one manifest text (recursing into ClusterResourceSet Secrets, which carry manifests). */
function secretFindings(text: string, where: string): string[] {
  const found: string[] = [];
  for (const [name, re] of SECRET_PATTERNS) {
    if (re.test(text)) found.push(`${where}: ${name} (${re})`);
  }
  for (const m of text.matchAll(/^\s*["']?(password|passwd|secret_?key|token)["']?\s*:\s*(.+?)\s*$/gim)) {
    const value = m[2].replace(/^["']|["']$/g, '');
    // External Secrets' `data[].secretKey` names the key of the Secret it writes: a name, not a credential
    if (m[1] === 'secretKey' && /^kind: ExternalSecret$/m.test(text) && /^[A-Za-z][A-Za-z0-9_.-]{0,62}$/.test(value)) continue;
    if (!PLACEHOLDER.test(value) && !/^(\{\}|\[\]|null|~|\|-?|>-?)$/.test(value)) found.push(`${where}: literal ${m[1]} '${value}'`);
  }
  for (const o of objectsOf(text)) {
    if (o.kind !== 'Secret') continue;
    const entries: Array<[string, string]> = [
      ...Object.entries<string>(o.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')] as [string, string]),
      ...Object.entries<string>(o.stringData ?? {}),
    ];
    for (const [key, value] of entries) {
      const at = `${where}: Secret ${o.metadata?.name}[${key}]`;
      if (o.type === 'addons.cluster.x-k8s.io/resource-set') found.push(...secretFindings(value, at));
      else if (!PLACEHOLDER.test(value.trim())) found.push(`${at} holds data that is not a placeholder`);
    }
  }
  return found;
}

describe('secure defaults', () => {
  let outdir: string;
  let exampleObjects: any[];
  beforeAll(() => {
    outdir = synthExamples();
    exampleObjects = yamlFiles(outdir).flatMap((f) => objectsOf(fs.readFileSync(f, 'utf8')));
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  /** A program using defaults only: AWS kubeadm (MachineDeployment and MachinePool) and EKS (all three pool kinds). */
  function defaultObjects(): any[] {
    const app = Testing.app();
    const aws = new ManagedCluster(app, 'aws', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'ap-northeast-2' }) });
    aws.addNodePool('md');
    aws.addNodePool('mp', { kind: NodePoolKind.MACHINE_POOL });
    const eks = new ManagedCluster(app, 'eks', { version: 'v1.33', infrastructure: Infrastructure.eks({ region: 'ap-northeast-2' }) });
    eks.addNodePool('ng');
    eks.addNodePool('ng-lt', { managedNodeGroup: { launchTemplate: true } });
    eks.addNodePool('mp', { kind: NodePoolKind.MACHINE_POOL });
    eks.addNodePool('md', { kind: NodePoolKind.MACHINE_DEPLOYMENT });
    return [...Testing.synth(aws), ...Testing.synth(eks)];
  }

  /** Every EC2 launch description: AWSMachineTemplate specs and machine pool launch templates. */
  function launchSpecs(objects: any[]): Array<[string, any]> {
    return objects.flatMap((o): Array<[string, any]> => {
      const at = `${o.kind}/${o.metadata.name}`;
      if (o.kind === 'AWSMachineTemplate') return [[at, o.spec.template.spec]];
      if (o.kind === 'AWSMachinePool') return [[at, o.spec.awsLaunchTemplate]];
      if (o.kind === 'AWSManagedMachinePool' && o.spec.awsLaunchTemplate) return [[at, o.spec.awsLaunchTemplate]];
      return [];
    });
  }

  test.each([
    ['a program using defaults', () => defaultObjects()],
    ['every example', () => exampleObjects],
  ])('given %s, when synthesized, then every AWSMachineTemplate and machine pool launch template requires IMDSv2 and encrypts the root volume', (_name, objects) => {
    const specs = launchSpecs(objects());
    expect(specs.length).toBeGreaterThan(0);
    const problems = specs.flatMap(([at, spec]) => [
      spec.instanceMetadataOptions?.httpTokens === 'required' ? [] : [`${at}: instanceMetadataOptions.httpTokens is ${spec.instanceMetadataOptions?.httpTokens}`],
      // 1 on self-managed machines; 2 on EKS managed node group launch templates (EKS's own default, for pods using IMDS).
      (spec.instanceMetadataOptions?.httpPutResponseHopLimit ?? 99) <= 2 ? [] : [`${at}: httpPutResponseHopLimit is ${spec.instanceMetadataOptions?.httpPutResponseHopLimit}`],
      spec.rootVolume?.encrypted === true ? [] : [`${at}: rootVolume.encrypted is ${spec.rootVolume?.encrypted}`],
    ].flat());
    expect(problems).toEqual([]);
  });

  test('given a managed node group with defaults, when synthesized, then it has a launch template: IMDSv2 required and an encrypted gp3 root volume', () => {
    const ng = defaultObjects().find((o) => o.kind === 'AWSManagedMachinePool' && o.metadata.name === 'eks-ng');
    expect(ng.spec.awsLaunchTemplate.instanceMetadataOptions).toEqual({ httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 2 });
    expect(ng.spec.awsLaunchTemplate.rootVolume).toEqual({ size: 50, type: 'gp3', encrypted: true });
    expect(ng.spec.diskSize).toBeUndefined();
  });

  test('given every example, when its manifests are scanned, then no credential is inline (keys, private keys, passwords, webhook URLs, Secret data)', () => {
    const files = yamlFiles(outdir);
    expect(files.length).toBeGreaterThan(0);
    const findings = files.flatMap((f) => secretFindings(fs.readFileSync(f, 'utf8'), path.relative(outdir, f)));
    expect(findings).toEqual([]);
  });

  test('given manifests with planted secrets, when scanned, then each kind of secret is reported (the scan is not vacuous)', () => {
    const planted = [
      'kind: ConfigMap\napiVersion: v1\nmetadata: {name: a}\ndata: {key: AKIAIOSFODNN7EXAMPLE}',
      'kind: ConfigMap\napiVersion: v1\nmetadata: {name: b}\ndata:\n  aws_secret_access_key: x',
      'kind: ConfigMap\napiVersion: v1\nmetadata: {name: c}\ndata:\n  key: "-----BEGIN RSA PRIVATE KEY-----"',
      'kind: ConfigMap\napiVersion: v1\nmetadata: {name: d}\ndata:\n  password: hunter2',
      'kind: ConfigMap\napiVersion: v1\nmetadata: {name: e}\ndata:\n  url: https://hooks.slack.com/services/T000/B000/XXXX',
      `kind: Secret\napiVersion: v1\nmetadata: {name: f}\ndata:\n  token: ${Buffer.from('s3cr3t').toString('base64')}`,
    ];
    for (const text of planted) expect(secretFindings(text, 'planted')).not.toEqual([]);
    const harmless = 'kind: Secret\napiVersion: v1\nmetadata: {name: g}\nstringData:\n  password: "${DB_PASSWORD}"\n  token: <set-me>';
    expect(secretFindings(harmless, 'harmless')).toEqual([]);
  });

  test('given defaults, when synthesized, then the bastion is off on AWS and EKS', () => {
    const objects = defaultObjects();
    const awsCluster = objects.find((o) => o.kind === 'AWSCluster');
    const eksControlPlane = objects.find((o) => o.kind === 'AWSManagedControlPlane');
    expect(awsCluster.spec.bastion?.enabled ?? false).toBe(false);
    expect(eksControlPlane.spec.bastion?.enabled ?? false).toBe(false);
  });

  test('given defaults and every example, when synthesized, then no machine asks for a public IP and no pool is placed in a public subnet', () => {
    for (const objects of [defaultObjects(), exampleObjects]) {
      const text = JSON.stringify(objects);
      expect(text).not.toMatch(/"publicIP":\s*true|"publicIp":\s*true/);
      for (const [at, spec] of launchSpecs(objects)) {
        // No subnet: CAPA puts machines into the private subnets of the failure domain.
        const filters = JSON.stringify(spec.subnet ?? {});
        expect({ at, publicSubnet: /public/i.test(filters) }).toEqual({ at, publicSubnet: false });
      }
    }
    const defaults = defaultObjects();
    for (const [at, spec] of launchSpecs(defaults)) expect({ at, subnet: spec.subnet }).toEqual({ at, subnet: undefined });
    for (const md of defaults.filter((o) => o.kind === 'MachineDeployment')) expect(md.spec.template.spec.failureDomain).toBeUndefined();
    for (const ng of defaults.filter((o) => o.kind === 'AWSManagedMachinePool')) expect(ng.spec.subnetIDs).toBeUndefined();
  });

  test('given defaults, when synthesized, then the AWS API load balancer is internet-facing NLB without source restriction (restrict it with controlPlaneLoadBalancer.allowedCidrs or scheme INTERNAL)', () => {
    const lb = defaultObjects().find((o) => o.kind === 'AWSCluster').spec.controlPlaneLoadBalancer;
    expect(lb).toEqual({ loadBalancerType: 'nlb', scheme: 'internet-facing', healthCheckProtocol: 'HTTPS' });
  });

  test('given defaults, when synthesized, then EKS endpoint access is not set, so EKS applies its defaults (public endpoint on for 0.0.0.0/0, private endpoint off)', () => {
    const eks = defaultObjects().find((o) => o.kind === 'AWSManagedControlPlane');
    expect(eks.spec.endpointAccess).toBeUndefined();
  });

  test('given a BootstrapKubeconfig with defaults, when synthesized, then TLS is verified (insecure-skip-tls-verify: false, emitted explicitly)', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'mgmt', { namespace: 'byoh-system' });
    const ca = exampleObjects.find((o) => o.kind === 'BootstrapKubeconfig')?.spec['certificate-authority-data'];
    expect(ca).toBeDefined();
    new BootstrapKubeconfig(chart, 'agents', { apiServer: 'https://10.0.0.10:6443', certificateAuthorityData: ca });
    const obj = Testing.synth(chart).find((o) => o.kind === 'BootstrapKubeconfig');
    expect(obj.spec['insecure-skip-tls-verify']).toBe(false);
    for (const o of exampleObjects.filter((x) => x.kind === 'BootstrapKubeconfig')) expect(o.spec['insecure-skip-tls-verify']).toBe(false);
  });

  test('given a BYOH pool with defaults, when synthesized, then it claims hosts by label only and creates no ByoHost objects', () => {
    const app = Testing.app();
    const cluster = new ManagedCluster(app, 'onprem', {
      version: 'v1.33.4',
      infrastructure: Infrastructure.byoh({ controlPlaneEndpoint: { host: '192.168.0.10' }, controlPlaneHosts: { matchLabels: { role: 'control-plane' } } }),
    });
    new ByohPool(cluster, 'workers', { cluster, hosts: { matchLabels: { role: 'worker' } } });
    expect(Testing.synth(cluster).filter((o) => o.kind === 'ByoHost')).toEqual([]);
  });
});
