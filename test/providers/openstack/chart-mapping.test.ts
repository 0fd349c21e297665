/**
 * The OpenStack chart's values are all accounted for in docs/openstack.md, and the chart's bugs
 * (capi-notes §5) are not repeated.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse, stringify } from 'yaml';
import { openstackCluster } from './support';
import { OpenStackApiServer, OpenStackPool } from '../../../src';
import { one, synth } from '../../support/synth';

const root = path.resolve(__dirname, '..', '..', '..');
const VALUES = path.join(root, '..', 'shared', 'reference', 'tks-helm-charts', 'cluster-api-openstack.values.yaml');

/** Leaf paths of a values file: `a.b.c`, lists of objects as `a[].b`, lists of scalars as leaves. */
function leaves(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) {
    return value.every((v) => v === null || typeof v !== 'object') ? [prefix] : value.flatMap((v) => leaves(v, `${prefix}[]`));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

/** First-column entries of the mapping table in docs/openstack.md. */
function documentedValues(): Set<string> {
  const doc = fs.readFileSync(path.join(root, 'docs', 'openstack.md'), 'utf8');
  const section = doc.slice(doc.indexOf('### From the `cluster-api-openstack` Helm chart'));
  const names = new Set<string>();
  for (const line of section.split('\n').filter((l) => l.startsWith('| `'))) {
    const firstColumn = line.split(' | ')[0];
    for (const m of firstColumn.matchAll(/`([^`]+)`/g)) names.add(m[1]);
  }
  return names;
}

describe('cluster-api-openstack chart mapping', () => {
  const values = [...new Set(leaves(parse(fs.readFileSync(VALUES, 'utf8'), { uniqueKeys: false })))];

  test('given the chart values file, when its leaves are listed, then there are the 46 values the issue counts', () => {
    expect(values.length).toEqual(46);
  });

  test('given docs/openstack.md, when its mapping table is read, then every chart value has a row (a prop or a written reason)', () => {
    const documented = documentedValues();
    expect(values.filter((v) => !documented.has(v))).toEqual([]);
  });
});

describe('chart bugs not repeated', () => {
  test('given different control-plane and worker flavors and images, when synthesized, then each template has its own (the chart read worker values for both)', () => {
    const cluster = openstackCluster({ controlPlane: { machineType: 'm1.xlarge' } }, { controlPlaneMachine: { sshKeyName: 'cp-key' } });
    new OpenStackPool(cluster, 'workers', { cluster, machineType: 'm1.medium', openstack: { sshKeyName: 'worker-key' } });
    const objects = synth(cluster);
    const kcp = one(objects, 'KubeadmControlPlane');
    const cp = one(objects, 'OpenStackMachineTemplate', kcp.spec.machineTemplate.spec.infrastructureRef.name).spec.template.spec;
    const md = one(objects, 'MachineDeployment');
    const worker = one(objects, 'OpenStackMachineTemplate', md.spec.template.spec.infrastructureRef.name).spec.template.spec;
    expect([cp.flavor, cp.sshKeyName]).toEqual(['m1.xlarge', 'cp-key']);
    expect([worker.flavor, worker.sshKeyName]).toEqual(['m1.medium', 'worker-key']);
  });

  test('given false for booleans the chart defaulted to true, when synthesized, then false is honoured', () => {
    const objects = synth(openstackCluster({}, {
      securityGroups: { managed: false },
      disablePortSecurity: false,
      apiServer: OpenStackApiServer.loadBalancer({ floatingIp: false }),
      controlPlaneMachine: { configDrive: false },
    }));
    const spec = one(objects, 'OpenStackCluster').spec;
    expect([spec.managedSecurityGroups, spec.disablePortSecurity, spec.disableAPIServerFloatingIP]).toEqual([undefined, false, true]);
    const kcp = one(objects, 'KubeadmControlPlane');
    expect(one(objects, 'OpenStackMachineTemplate', kcp.spec.machineTemplate.spec.infrastructureRef.name).spec.template.spec.configDrive).toBe(false);
  });

  test('given any cluster, when synthesized, then no credential is in the manifests, only the Secret reference', () => {
    const objects = synth(openstackCluster());
    expect(objects.map((o) => o.kind)).not.toContain('Secret');
    const text = stringify(objects);
    expect(text).not.toMatch(/password|auth-url|auth_url|application_credential/i);
    expect(one(objects, 'OpenStackCluster').spec.identityRef).toEqual({ type: 'Secret', name: 'dev-cloud-config', cloudName: 'openstack' });
  });
});
