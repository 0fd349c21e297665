import { ManifestValidator } from '../../src/validation';
import { CRD_DIR, validationFindings } from '../support/crd-validation';

const NS = 'clusters';
const IMAGE = { filter: { name: 'ubuntu-2404-kube-v1.33.4' } };

function summary(objects: any[]): string[] {
  return validationFindings(objects).map(f => `${f.kind} ${f.path} [${f.rule}] ${f.message}`);
}

function openStackCluster(rules: any[]): any {
  return {
    apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
    kind: 'OpenStackCluster',
    metadata: { name: 'os', namespace: NS },
    spec: {
      identityRef: { type: 'Secret', name: 'os-cloud-config', cloudName: 'openstack' },
      managedSecurityGroups: { allowAllInClusterTraffic: false, allNodesSecurityGroupRules: rules },
    },
  };
}

function machineTemplate(spec: any): any {
  return {
    apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
    kind: 'OpenStackMachineTemplate',
    metadata: { name: 'os-md', namespace: NS },
    spec: { template: { spec: { flavor: 'm1.large', image: IMAGE, ...spec } } },
  };
}

describe('CAPO webhook rules', () => {
  test('given a security group rule with a remote prefix and remote managed groups, when validated, then the webhook forbids it', () => {
    const findings = summary([openStackCluster([
      { name: 'ok', direction: 'ingress', protocol: 'tcp', portRangeMin: 179, portRangeMax: 179, remoteManagedGroups: ['controlplane', 'worker'] },
      { name: 'both', direction: 'ingress', remoteIPPrefix: '10.0.0.0/8', remoteManagedGroups: ['worker'] },
    ])]);
    expect(findings).toEqual([
      'OpenStackCluster spec.managedSecurityGroups.allNodesSecurityGroupRules[1] [webhook] Forbidden: remoteManagedGroups and remoteIPPrefix cannot be used together; a rule has one remote (remoteManagedGroups, remoteGroupID or remoteIPPrefix)',
    ]);
  });

  test('given a machine template with providerID, when validated, then templates may not set it', () => {
    expect(summary([machineTemplate({ providerID: 'openstack:///abc' })])).toEqual([
      'OpenStackMachineTemplate spec.template.spec.providerID [webhook] Forbidden: cannot be set in templates',
    ]);
  });

  test('given a port with disablePortSecurity and security groups, when validated, then machines from the template would be rejected', () => {
    const findings = summary([machineTemplate({ ports: [{ disablePortSecurity: true, securityGroups: [{ filter: { name: 'default' } }] }] })]);
    expect(findings).toEqual([
      'OpenStackMachineTemplate spec.template.spec.ports[0].securityGroups [webhook] Forbidden: cannot have security groups when DisablePortSecurity is set to true',
    ]);
  });

  test('given a root volume and a block device named root, when validated, then the device name is forbidden', () => {
    const findings = summary([machineTemplate({
      rootVolume: { sizeGiB: 50 },
      additionalBlockDevices: [{ name: 'root', sizeGiB: 10, storage: { type: 'Volume' } }],
    })]);
    expect(findings).toEqual([
      'OpenStackMachineTemplate spec.template.spec.additionalBlockDevices[0].name [webhook] Forbidden: cannot contain a device named "root" when rootVolume is set',
    ]);
  });

  test('given a correct machine template with ports and a root volume, when validated, then there are no findings', () => {
    expect(summary([machineTemplate({
      rootVolume: { sizeGiB: 50, type: 'ssd' },
      ports: [{}, { disablePortSecurity: true, vnicType: 'direct', network: { id: '1a4e4b0c-5d2f-4c3a-9b6e-7f0a1b2c3d4e' } }],
    })])).toEqual([]);
  });

  test('given a disabled external network with an API floating IP, when validated, then the CRD rule reports it', () => {
    const cluster = openStackCluster([]);
    cluster.spec.disableExternalNetwork = true;
    expect(summary([cluster]).join('\n')).toMatch(/disableAPIServerFloatingIP cannot be false when disableExternalNetwork is true/);
  });
});

describe('CAPD webhook rules', () => {
  const devCluster = (names: string[]): any => ({
    apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
    kind: 'DevCluster',
    metadata: { name: 'local', namespace: NS },
    spec: { backend: { docker: { failureDomains: names.map((name) => ({ name, controlPlane: true })) } } },
  });

  test('given DevCluster failure domains out of order, when validated, then the webhook asks for them sorted', () => {
    expect(summary([devCluster(['fd2', 'fd1'])])).toEqual([
      'DevCluster spec.backend.docker.failureDomains [webhook] Invalid value: [fd2, fd1]: failure domains must be sorted by name',
    ]);
    expect(summary([devCluster(['fd1', 'fd2'])])).toEqual([]);
  });

  test('given a DevClusterTemplate, when the ClusterTopology gate is off, then it is forbidden, and accepted with the gate on', () => {
    const template = {
      apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
      kind: 'DevClusterTemplate',
      metadata: { name: 'local', namespace: NS },
      spec: { template: { spec: { backend: { docker: {} } } } },
    };
    expect(summary([template])).toEqual(['DevClusterTemplate spec [webhook] Forbidden: can be set only if the ClusterTopology feature flag is enabled']);
    const gated = ManifestValidator.fromCrdDirectory(CRD_DIR, { featureGates: ['ClusterTopology'] });
    expect(gated.validateObjects([template]).findings).toEqual([]);
  });
});
