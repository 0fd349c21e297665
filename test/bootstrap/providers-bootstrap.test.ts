/** Bootstrap options on EKS (EKSConfigTemplate / EKSConfig), BYOH (files and commands only), image versions, the boot-download lint and the platform merge. */
import { Testing } from 'cdk8s';
import {
  BootDownloads, Blueprint, ByohInstall, ByohPool, FileEncoding, Fleet, Infrastructure, MachineImage, ManagedCluster,
  NodeBootstrapOptions, NodePoolKind,
  Platform, Site, SiteInfrastructure,
} from '../../src';
import { bootDownloadCommands } from '../../src/bootstrap/private/validate';
import { expectValidManifests } from '../support/crd-validation';
import { awsCluster, one, synth } from '../support/synth';

const SSH_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG9wcw ops@example.com';
const FULL: NodeBootstrapOptions = {
  files: [{ path: '/etc/motd', content: 'managed by capi-blueprints\n' }, { path: '/etc/pki/ca.pem', secret: { name: 'ca', key: 'ca.pem' } }],
  preKubeadmCommands: ['sysctl --system'],
  postKubeadmCommands: ['echo done'],
  users: [{ name: 'ops', sshAuthorizedKeys: [SSH_KEY], sudo: 'ALL=(ALL) NOPASSWD:ALL' }],
  ntp: { servers: ['169.254.169.123'] },
  diskSetup: { filesystems: [{ device: '/dev/nvme1n1', filesystem: 'xfs', label: 'data' }], partitions: [{ device: '/dev/nvme1n1' }] },
  mounts: [{ device: 'LABEL=data', mountPoint: '/data' }],
};

function eks(): ManagedCluster {
  return new ManagedCluster(Testing.app(), 'prod', { version: 'v1.33', infrastructure: Infrastructure.eks({ region: 'eu-west-1' }) });
}

function byoh(): ManagedCluster {
  return new ManagedCluster(Testing.app(), 'onprem', {
    version: 'v1.33.4',
    infrastructure: Infrastructure.byoh({ controlPlaneEndpoint: { host: '192.168.0.10' }, controlPlaneHosts: { matchLabels: { role: 'control-plane' } } }),
  });
}

describe('EKS bootstrap', () => {
  test('given bootstrap options on a self-managed MachineDeployment pool, when synthesized, then they reach the EKSConfigTemplate (commands around the bootstrap script)', () => {
    const cluster = eks();
    cluster.addNodePool('workers', { kind: NodePoolKind.MACHINE_DEPLOYMENT, bootstrap: FULL });
    const objects = synth(cluster);
    const spec = one(objects, 'EKSConfigTemplate').spec.template.spec;
    expect(spec).toMatchObject({
      files: [{ path: '/etc/motd', content: 'managed by capi-blueprints\n' }, { path: '/etc/pki/ca.pem', contentFrom: { secret: { name: 'ca', key: 'ca.pem' } } }],
      preBootstrapCommands: ['sysctl --system'],
      postBootstrapCommands: ['echo done'],
      users: [{ name: 'ops', sshAuthorizedKeys: [SSH_KEY], sudo: 'ALL=(ALL) NOPASSWD:ALL' }],
      ntp: { servers: ['169.254.169.123'], enabled: true },
      diskSetup: { filesystems: [{ device: '/dev/nvme1n1', filesystem: 'xfs', label: 'data' }], partitions: [{ device: '/dev/nvme1n1', layout: true, tableType: 'gpt' }] },
      mounts: [['LABEL=data', '/data']],
    });
    expect(spec.preKubeadmCommands).toBeUndefined();
    expectValidManifests(objects);
  });

  test('given bootstrap options on a self-managed MachinePool, when synthesized, then they reach the EKSConfig', () => {
    const cluster = eks();
    cluster.addNodePool('mp', { kind: NodePoolKind.MACHINE_POOL, bootstrap: { preKubeadmCommands: ['echo hi'] } });
    expect(one(synth(cluster), 'EKSConfig').spec.preBootstrapCommands).toEqual(['echo hi']);
  });

  test('given bootstrap options on a managed node group, when built, then a ValidationError names the fix', () => {
    expect(() => eks().addNodePool('ng', { bootstrap: { preKubeadmCommands: ['echo hi'] } }))
      .toThrow(/prod\/ng: bootstrap is set, but an EKS managed node group \(AWSManagedMachinePool\) has no bootstrap config: .*Use kind NodePoolKind\.MACHINE_DEPLOYMENT or MACHINE_POOL/);
  });

  test('given verbosity on EKS, when built, then a ValidationError says EKS nodes do not run kubeadm', () => {
    expect(() => eks().addNodePool('w', { kind: NodePoolKind.MACHINE_DEPLOYMENT, bootstrap: { verbosity: 3 } }))
      .toThrow(/prod\/w: bootstrap\.verbosity is set, but the EKS bootstrap provider \(EKSConfig\) does not apply it\. EKS nodes join with the EKS bootstrap script, not kubeadm\. Remove verbosity\./);
  });
});

describe('BYOH bootstrap', () => {
  test('given files and commands on the control plane and a pool, when synthesized, then they follow the kube-vip files and reach KCP and KubeadmConfigTemplate', () => {
    const cluster = new ManagedCluster(Testing.app(), 'onprem', {
      version: 'v1.33.4',
      infrastructure: Infrastructure.byoh({ controlPlaneEndpoint: { host: '192.168.0.10' }, controlPlaneHosts: { matchLabels: { role: 'control-plane' } }, kubeVip: {} }),
      controlPlane: { bootstrap: { files: [{ path: '/etc/systemd/timesyncd.conf.d/ntp.conf', content: '[Time]\nNTP=ntp1.example.com\n' }], preKubeadmCommands: ['systemctl restart systemd-timesyncd'], verbosity: 4 } },
    });
    new ByohPool(cluster, 'workers', { cluster, hosts: { matchLabels: { role: 'workers' } }, bootstrap: { postKubeadmCommands: ['echo joined'] } });
    const objects = synth(cluster);
    const kcp = one(objects, 'KubeadmControlPlane').spec.kubeadmConfigSpec;
    expect(kcp.files.map((f: any) => f.path)).toEqual(['/etc/kubernetes/manifests/kube-vip.yaml', '/etc/kube-vip.hosts', '/etc/kube-vip-prepare.sh', '/etc/systemd/timesyncd.conf.d/ntp.conf']);
    expect(kcp.preKubeadmCommands[kcp.preKubeadmCommands.length - 1]).toEqual('systemctl restart systemd-timesyncd');
    expect(kcp.verbosity).toEqual(4);
    expect(one(objects, 'KubeadmConfigTemplate').spec.template.spec.postKubeadmCommands).toEqual(['echo joined']);
    expectValidManifests(objects);
  });

  test.each([
    ['users', { users: [{ name: 'ops' }] }, /Create users on the host image/],
    ['ntp', { ntp: { servers: ['ntp1.example.com'] } }, /Configure time sync on the host image, or write a drop-in with files/],
    ['diskSetup', { diskSetup: { filesystems: [{ device: '/dev/sdb', filesystem: 'ext4', label: 'data' }] } }, /Partition and format disks on the host before it registers/],
    ['mounts', { mounts: [{ device: '/dev/sdb', mountPoint: '/data' }] }, /Mount file systems on the host before it registers/],
  ])('given %s on a BYOH pool, when built, then a ValidationError says the host agent ignores it and names the fix', (field, options, fix) => {
    const cluster = byoh();
    expect(() => new ByohPool(cluster, 'w', { cluster, hosts: { matchLabels: { role: 'w' } }, bootstrap: options as NodeBootstrapOptions }))
      .toThrow(new RegExp(`onprem/w: bootstrap\\.${field} is set, but the BYOH host agent \\(it runs only the files and commands of the bootstrap data\\) does not apply it\\. ${fix.source}`));
  });

  test('given gzip encoding on BYOH, when built, then a ValidationError says the agent does not decode it', () => {
    const cluster = byoh();
    expect(() => new ByohPool(cluster, 'w', { cluster, hosts: { matchLabels: { role: 'w' } }, bootstrap: { files: [{ path: '/etc/x', content: 'H4sI', encoding: FileEncoding.GZIP }] } }))
      .toThrow(/onprem\/w: bootstrap\.files\['\/etc\/x'\] encoding 'gzip' is not decoded by the BYOH host agent/);
  });

  test('given a kube-vip file path written again by the user, when built, then a ValidationError says the infrastructure writes it', () => {
    expect(() => new ManagedCluster(Testing.app(), 'onprem', {
      version: 'v1.33.4',
      infrastructure: Infrastructure.byoh({ controlPlaneEndpoint: { host: '192.168.0.10' }, controlPlaneHosts: { matchLabels: { role: 'cp' } }, kubeVip: {} }),
      controlPlane: { bootstrap: { files: [{ path: '/etc/kubernetes/manifests/kube-vip.yaml', content: 'x' }] } },
    })).toThrow(/onprem: controlPlane\.bootstrap\.files\['\/etc\/kubernetes\/manifests\/kube-vip\.yaml'\] is written by the infrastructure already\. Use another path\./);
  });

  test('given preinstalled hosts declared at another Kubernetes version, when built, then a ValidationError says to re-image', () => {
    const cluster = byoh();
    expect(() => new ByohPool(cluster, 'w', { cluster, hosts: { matchLabels: { role: 'w' } }, install: ByohInstall.preinstalled({ kubernetesVersion: 'v1.32.7' }) }))
      .toThrow(/onprem\/w: install is ByohInstall\.preinstalled\(\{ kubernetesVersion: 'v1\.32\.7' \}\), but the cluster runs v1\.33\.4: .*Re-image the hosts with v1\.33\.4/);
    expect(() => new ByohPool(byoh(), 'ok', { cluster: byoh(), hosts: { matchLabels: { role: 'ok' } }, install: ByohInstall.preinstalled({ kubernetesVersion: 'v1.33.4' }) })).not.toThrow();
  });

  test('given preinstalled hosts declared at a vendor build of the cluster\'s release (build metadata), when built, then they are accepted', () => {
    const cluster = byoh();
    expect(() => new ByohPool(cluster, 'w', { cluster, hosts: { matchLabels: { role: 'w' } }, install: ByohInstall.preinstalled({ kubernetesVersion: 'v1.33.4+vmware.1' }) })).not.toThrow();
  });
});

describe('images tied to Kubernetes versions', () => {
  test('given an image built for another version, when built, then a ValidationError names both versions and the fix', () => {
    const cluster = awsCluster();
    expect(() => cluster.addNodePool('w', { image: MachineImage.fromId('ami-0123456789abcdef0', { kubernetesVersion: 'v1.32.5' }) }))
      .toThrow(/prod\/w: image 'ami-0123456789abcdef0' was built for Kubernetes v1\.32\.5, but the cluster runs v1\.33\.4: .*Bake an image for v1\.33\.4 \(image-builder\)/);
    expect(() => awsCluster({ controlPlane: { image: MachineImage.fromId('ami-0123456789abcdef0', { kubernetesVersion: 'v1.33.3' }) } }))
      .toThrow(/prod: controlPlane\.image 'ami-0123456789abcdef0' was built for Kubernetes v1\.33\.3, but the cluster runs v1\.33\.4/);
  });

  test('given a matching image, an image without Kubernetes or an undeclared one, when built, then no error', () => {
    const cluster = awsCluster({ controlPlane: { image: MachineImage.fromId('ami-0123456789abcdef0', { kubernetesVersion: 'v1.33.4' }) } });
    cluster.addNodePool('a', { image: MachineImage.fromId('ami-0123456789abcdef0', { withoutKubernetes: true }) });
    cluster.addNodePool('b', { image: MachineImage.fromId('ami-0123456789abcdef0') });
    expect(synth(cluster).length).toBeGreaterThan(0);
  });

  test('given an EKS image at the cluster minor, when built, then it matches; another minor fails', () => {
    eks().addNodePool('ok', { kind: NodePoolKind.MACHINE_DEPLOYMENT, image: MachineImage.fromId('ami-0123456789abcdef0', { kubernetesVersion: 'v1.33.2' }) });
    expect(() => eks().addNodePool('old', { kind: NodePoolKind.MACHINE_DEPLOYMENT, image: MachineImage.fromId('ami-0123456789abcdef0', { kubernetesVersion: 'v1.32.2' }) }))
      .toThrow(/prod\/old: image 'ami-0123456789abcdef0' was built for Kubernetes v1\.32\.2, but the cluster runs v1\.33/);
  });

  test('given both a version and withoutKubernetes, when built, then a ValidationError says to use one', () => {
    expect(() => awsCluster().addNodePool('w', { image: MachineImage.fromId('ami-0123456789abcdef0', { kubernetesVersion: 'v1.33.4', withoutKubernetes: true }) }))
      .toThrow(/prod\/w: image 'ami-0123456789abcdef0' declares kubernetesVersion 'v1\.33\.4' and withoutKubernetes\. Use one of them\./);
  });
});

describe('join-time lint', () => {
  test.each([
    ['apt-get install -y nfs-common', 'installs packages'],
    ['apt install jq', 'installs packages'],
    ['yum install -y iscsi-initiator-utils', 'installs packages'],
    ['dnf -y install tcpdump', 'installs packages'],
    ['curl -sfL https://get.example.com | sh -', 'downloads and runs a script'],
    ['curl -fsSL https://example.com/x | sudo bash', 'downloads and runs a script'],
    ['wget -q https://example.com/agent.tar.gz', 'downloads files'],
  ])('given the command %s, when linted, then it %s', (command, what) => {
    expect(bootDownloadCommands({ preKubeadmCommands: [command] })).toEqual([{ command, what, list: 'preKubeadmCommands' }]);
  });

  test.each([['sysctl --system'], ['systemctl restart containerd'], ['echo apt-get > /tmp/x'], ['modprobe br_netfilter']])('given the command %s, when linted, then nothing is reported', (command) => {
    expect(bootDownloadCommands({ postKubeadmCommands: [command] })).toEqual([]);
  });

  test('given a package install in a pool, when synthesized by a Platform, then a warning names the command and suggests baking it into the image', () => {
    const platform = new Platform({ outdir: '/tmp/unused-capi-blueprints-lint' });
    const cluster = new ManagedCluster(platform, 'prod', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'eu-west-1' }) });
    cluster.addNodePool('workers', { bootstrap: { preKubeadmCommands: ['apt-get install -y nfs-common'] } });
    expect(platform.warnings).toEqual([
      "prod/workers: bootstrap.preKubeadmCommands: 'apt-get install -y nfs-common' installs packages on every node at boot, which slows every join (and fails when the mirror is down). Bake it into the machine image (image-builder) instead; set bootstrap.bootDownloads: BootDownloads.ALLOW to silence this or ERROR to reject it.",
    ]);
  });

  test('given bootDownloads ERROR, when built, then the command is a ValidationError; ALLOW silences it', () => {
    const cluster = awsCluster();
    expect(() => cluster.addNodePool('fast', { bootstrap: { preKubeadmCommands: ['wget https://example.com/x'], bootDownloads: BootDownloads.ERROR } }))
      .toThrow(/prod\/fast: bootstrap\.preKubeadmCommands: 'wget https:\/\/example\.com\/x' downloads files on every node at boot.*Bake it into the machine image \(image-builder\) instead, or set bootstrap\.bootDownloads: BootDownloads\.WARN\./);
    const quiet = cluster.addNodePool('quiet', { bootstrap: { preKubeadmCommands: ['wget https://example.com/x'], bootDownloads: BootDownloads.ALLOW } });
    expect(quiet.node.metadata.filter((m) => m.type === 'capi-blueprints:warning')).toEqual([]);
  });
});

describe('platform merge', () => {
  test('given nodeBootstrap on the blueprint and a site, when a fleet cluster is built, then every node gets it and a pool\'s own fields win', () => {
    const platform = new Platform({ outdir: '/tmp/unused-capi-blueprints-merge' });
    const blueprint = new Blueprint(platform, 'std', {
      version: 'v1.33.4',
      nodeBootstrap: { ntp: { servers: ['ntp.company.example'] }, preKubeadmCommands: ['sysctl --system'] },
      nodePools: { general: { replicas: 1 }, gpu: { replicas: 1, bootstrap: { preKubeadmCommands: ['nvidia-smi'] } } },
    });
    const site = new Site(platform, 'seoul', {
      infrastructure: SiteInfrastructure.aws({ region: 'ap-northeast-2' }),
      overrides: { nodeBootstrap: { ntp: { servers: ['10.0.0.1'] } } },
    });
    const fleet = new Fleet(platform, 'fleet');
    const cluster = fleet.addCluster('prod', { blueprint, site });
    const objects = synth(cluster);
    const kcp = one(objects, 'KubeadmControlPlane').spec.kubeadmConfigSpec;
    expect(kcp.ntp).toEqual({ servers: ['10.0.0.1'], enabled: true });
    expect(kcp.preKubeadmCommands).toEqual(['sysctl --system']);
    const templates = objects.filter((o) => o.kind === 'KubeadmConfigTemplate');
    const byPool = Object.fromEntries(templates.map((t) => [t.metadata.name.split('-')[1], t.spec.template.spec]));
    expect(byPool.general.preKubeadmCommands).toEqual(['sysctl --system']);
    expect(byPool.gpu.preKubeadmCommands).toEqual(['nvidia-smi']);
    expect(byPool.gpu.ntp).toEqual({ servers: ['10.0.0.1'], enabled: true });
  });
});
