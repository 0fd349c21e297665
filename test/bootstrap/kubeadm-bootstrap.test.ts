/** Bootstrap options reach the right fields of KubeadmControlPlane, KubeadmConfigTemplate and KubeadmConfig (AWS kubeadm, OpenStack/Docker share the renderer). */
import { Testing } from 'cdk8s';
import { BootstrapFormat, FileEncoding, Infrastructure, ManagedCluster, NodeBootstrapOptions, NodePoolKind, PartitionTableType } from '../../src';
import { addPool, openstackCluster } from '../providers/openstack/support';
import { expectValidManifests } from '../support/crd-validation';
import { awsCluster, one, synth } from '../support/synth';

const OPTIONS: NodeBootstrapOptions = {
  files: [
    { path: '/etc/sysctl.d/90-tuning.conf', content: 'vm.max_map_count=262144\n', permissions: '0644', owner: 'root:root' },
    { path: '/etc/pki/registry-ca.pem', secret: { name: 'registry-ca', key: 'ca.pem' }, permissions: '0600' },
    { path: '/opt/bin/blob', content: 'aGVsbG8=', encoding: FileEncoding.BASE64, append: true },
  ],
  preKubeadmCommands: ['sysctl --system'],
  postKubeadmCommands: ['echo joined > /var/log/joined'],
  users: [{ name: 'ops', sshAuthorizedKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG9wcw ops@example.com'], sudo: 'ALL=(ALL) NOPASSWD:ALL', groups: ['wheel', 'docker'], shell: '/bin/bash', passwordSecret: { name: 'ops-password', key: 'hash' } }],
  ntp: { servers: ['ntp1.example.com', '10.0.0.1'] },
  diskSetup: {
    partitions: [{ device: '/dev/nvme1n1', tableType: PartitionTableType.GPT }],
    filesystems: [{ device: '/dev/nvme1n1', filesystem: 'ext4', label: 'containerd', partition: 'auto' }],
  },
  mounts: [{ device: 'LABEL=containerd', mountPoint: '/var/lib/containerd' }, { device: '/dev/nvme2n1', mountPoint: '/data', filesystem: 'xfs', options: 'defaults,nofail' }],
  verbosity: 5,
};

const EXPECTED = {
  files: [
    { path: '/etc/sysctl.d/90-tuning.conf', content: 'vm.max_map_count=262144\n', permissions: '0644', owner: 'root:root' },
    { path: '/etc/pki/registry-ca.pem', contentFrom: { secret: { name: 'registry-ca', key: 'ca.pem' } }, permissions: '0600' },
    { path: '/opt/bin/blob', content: 'aGVsbG8=', encoding: 'base64', append: true },
  ],
  preKubeadmCommands: ['sysctl --system'],
  postKubeadmCommands: ['echo joined > /var/log/joined'],
  users: [{
    name: 'ops',
    sshAuthorizedKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG9wcw ops@example.com'],
    sudo: 'ALL=(ALL) NOPASSWD:ALL',
    groups: 'wheel,docker',
    shell: '/bin/bash',
    passwdFrom: { secret: { name: 'ops-password', key: 'hash' } },
  }],
  ntp: { servers: ['ntp1.example.com', '10.0.0.1'], enabled: true },
  diskSetup: {
    partitions: [{ device: '/dev/nvme1n1', layout: true, tableType: 'gpt' }],
    filesystems: [{ device: '/dev/nvme1n1', filesystem: 'ext4', label: 'containerd', partition: 'auto' }],
  },
  mounts: [['LABEL=containerd', '/var/lib/containerd'], ['/dev/nvme2n1', '/data', 'xfs', 'defaults,nofail']],
  verbosity: 5,
};

describe('kubeadm bootstrap options', () => {
  test('given bootstrap options on the control plane, when synthesized, then each option reaches kubeadmConfigSpec and the manifests validate', () => {
    const cluster = awsCluster({ controlPlane: { bootstrap: OPTIONS } });
    const objects = synth(cluster);
    const spec = one(objects, 'KubeadmControlPlane').spec.kubeadmConfigSpec;
    expect(spec).toMatchObject(EXPECTED);
    expect(spec.format).toBeUndefined();
    expectValidManifests(objects);
  });

  test('given bootstrap options on a MachineDeployment pool, when synthesized, then each option reaches the KubeadmConfigTemplate and the join registration stays', () => {
    const cluster = awsCluster();
    cluster.addNodePool('workers', { bootstrap: OPTIONS });
    const objects = synth(cluster);
    const spec = one(objects, 'KubeadmConfigTemplate').spec.template.spec;
    expect(spec).toMatchObject(EXPECTED);
    expect(spec.joinConfiguration.nodeRegistration.name).toEqual('{{ ds.meta_data.local_hostname }}');
    expectValidManifests(objects);
  });

  test('given bootstrap options on a MachinePool pool, when synthesized, then each option reaches the KubeadmConfig', () => {
    const cluster = awsCluster();
    cluster.addNodePool('workers', { kind: NodePoolKind.MACHINE_POOL, bootstrap: OPTIONS });
    const objects = synth(cluster);
    expect(one(objects, 'KubeadmConfig').spec).toMatchObject(EXPECTED);
    expectValidManifests(objects);
  });

  test('given no bootstrap options, when synthesized, then no bootstrap field is emitted (never empty values)', () => {
    const cluster = awsCluster();
    cluster.addNodePool('workers');
    const objects = synth(cluster);
    const spec = one(objects, 'KubeadmConfigTemplate').spec.template.spec;
    expect(Object.keys(spec)).toEqual(['joinConfiguration']);
    const kcp = one(objects, 'KubeadmControlPlane').spec.kubeadmConfigSpec;
    for (const key of ['files', 'users', 'ntp', 'diskSetup', 'mounts', 'verbosity', 'format', 'ignition', 'preKubeadmCommands']) expect(kcp[key]).toBeUndefined();
  });

  test('given a pool bootstrap change, when synthesized, then the KubeadmConfigTemplate name changes (templates are immutable)', () => {
    const a = awsCluster();
    a.addNodePool('workers', { bootstrap: { ntp: { servers: ['ntp1.example.com'] } } });
    const b = awsCluster();
    b.addNodePool('workers', { bootstrap: { ntp: { servers: ['ntp2.example.com'] } } });
    expect(one(synth(a), 'KubeadmConfigTemplate').metadata.name).not.toEqual(one(synth(b), 'KubeadmConfigTemplate').metadata.name);
  });

  test('given format CLOUD_CONFIG explicitly, when synthesized, then format cloud-config is emitted', () => {
    const cluster = awsCluster({ controlPlane: { bootstrap: { format: BootstrapFormat.CLOUD_CONFIG } } });
    expect(one(synth(cluster), 'KubeadmControlPlane').spec.kubeadmConfigSpec.format).toEqual('cloud-config');
  });

  test.each([
    ['OpenStack', () => { const c = openstackCluster({ controlPlane: { bootstrap: OPTIONS } }); addPool(c, 'workers', { bootstrap: OPTIONS }); return c; }],
    ['Docker', () => {
      const c = new ManagedCluster(Testing.app(), 'dev', { version: 'v1.33.4', infrastructure: Infrastructure.docker(), controlPlane: { bootstrap: OPTIONS } });
      c.addNodePool('workers', { bootstrap: OPTIONS });
      return c;
    }],
  ])('given bootstrap options on %s, when synthesized, then they reach KubeadmControlPlane and KubeadmConfigTemplate and the manifests validate', (_name, build) => {
    const objects = synth(build());
    expect(one(objects, 'KubeadmControlPlane').spec.kubeadmConfigSpec).toMatchObject(EXPECTED);
    expect(one(objects, 'KubeadmConfigTemplate').spec.template.spec).toMatchObject(EXPECTED);
    expectValidManifests(objects);
  });
});
