/**
 * The README's promise: no empty string, object or list is emitted to mean "unset". A broad
 * program (AWS with MachineDeployment, spot and MachinePool pools, EKS with managed and
 * self-managed pools, BYOH, addons through every delivery) is synthesized and every empty value is
 * listed; only the empty values whose emptiness is the setting may appear.
 */
import { Testing } from 'cdk8s';
import {
  AddonBundle, AddonDelivery, Capacity, Catalog, Infrastructure, ManagedCluster, NodePoolKind,
} from '../../src';

/** Empty values that mean something (path patterns: `kind:dotted.path`, `*` for one segment). */
const ALLOWED = [
  /^AWSMachineTemplate:spec\.template\.spec\.spotMarketOptions$/,
  /^AWSMachinePool:spec\.awsLaunchTemplate\.spotMarketOptions$/,
  /^MachinePool:spec\.template\.spec\.bootstrap\.dataSecretName$/,
  // label values set to '' by the user or by CAPI convention (node-role.kubernetes.io/worker: '', control-plane selector)
  /^[A-Za-z]+:(spec\.template\.)?(metadata\.labels|spec\.selector\.matchLabels|spec\.template\.metadata\.labels|spec\.labels)\..+$/,
  // a required field with nothing to set: the default EKS bootstrap of self-managed nodes
  /^EKSConfigTemplate:spec\.template$/,
];

function empties(value: any, path: string, out: string[]): void {
  if (value === '' || (Array.isArray(value) && value.length === 0) || (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)) {
    out.push(path);
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => empties(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) empties(v, path ? `${path}.${k}` : k, out);
}

test('given a broad program, when synthesized, then the only empty values are the meaningful ones', () => {
  const app = Testing.app();
  const aws = new ManagedCluster(app, 'aws', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'ap-northeast-2' }) });
  aws.addNodePool('md', { nodeLabels: { 'node-role.kubernetes.io/worker': '' } });
  aws.addNodePool('spot', { capacity: Capacity.spot(), autoscaling: { minSize: 0, maxSize: 3 } });
  aws.addNodePool('mp', { kind: NodePoolKind.MACHINE_POOL, capacity: Capacity.spot() });
  const eks = new ManagedCluster(app, 'eks', { version: 'v1.33', infrastructure: Infrastructure.eks({ region: 'ap-northeast-2' }) });
  eks.addNodePool('ng', { autoscaling: { minSize: 1, maxSize: 3 } });
  eks.addNodePool('self', { kind: NodePoolKind.MACHINE_DEPLOYMENT });
  const byoh = new ManagedCluster(app, 'byoh', {
    version: 'v1.33.4',
    infrastructure: Infrastructure.byoh({ controlPlaneEndpoint: { host: '192.168.0.10' }, controlPlaneHosts: { matchLabels: { role: 'cp' } }, kubeVip: {} }),
  });
  for (const [id, delivery] of [['caaph', AddonDelivery.helmChartProxy()], ['argo', AddonDelivery.argoCd()], ['flux', AddonDelivery.flux()]] as const) {
    new AddonBundle(app, id, { addons: [Catalog.certManager(), Catalog.metricsServer()], delivery }).attachTo(aws);
  }
  new AddonBundle(app, 'crs', { addons: [Catalog.calico()] }).attachTo(byoh);
  const found: string[] = [];
  for (const chart of app.charts) {
    for (const obj of Testing.synth(chart)) {
      const paths: string[] = [];
      empties(obj, '', paths);
      for (const p of paths) found.push(`${obj.kind}:${p}`);
    }
  }
  expect(found.filter((f) => !ALLOWED.some((re) => re.test(f)))).toEqual([]);
  expect(found.some((f) => f.endsWith('spotMarketOptions'))).toBe(true);
  expect(found).toContain('MachinePool:spec.template.spec.bootstrap.dataSecretName');
});
