/** Invalid node bootstrap options (files, commands, users, NTP, disks, mounts, Ignition, images). */
import { awsCluster, byohCluster, byohPool, eksCluster } from './builders';
import { BadInputCase, k8s } from './harness';
import { BootDownloads, BootstrapFormat, FileEncoding, FLATCAR_ADDITIONAL_CONFIG, MachineImage, NodeBootstrapOptions, NodePoolKind, PartitionTableType } from '../../src';

const pool = (name: string, bootstrap: NodeBootstrapOptions, message: RegExp): BadInputCase =>
  k8s(name, 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { bootstrap }); }, message);

export const bootstrapCases: BadInputCase[] = [
  pool('a relative file path', { files: [{ path: 'etc/motd', content: 'x' }] },
    /^prod\/workers: bootstrap\.files has path 'etc\/motd', which is not an absolute file path\. Use e\.g\. '\/etc\/sysctl\.d\/90-tuning\.conf'/),
  pool('the same file path twice', { files: [{ path: '/etc/motd', content: 'a' }, { path: '/etc/motd', content: 'b' }] },
    /^prod\/workers: bootstrap\.files lists '\/etc\/motd' twice \(the kubeadm webhook rejects duplicate paths\)\. Write each path once\./),
  pool('a file with neither content nor secret', { files: [{ path: '/etc/motd' }] },
    /^prod\/workers: bootstrap\.files\['\/etc\/motd'\] needs exactly one of content and secret\./),
  pool('a file with both content and secret', { files: [{ path: '/etc/motd', content: 'x', secret: { name: 's', key: 'k' } }] },
    /^prod\/workers: bootstrap\.files\['\/etc\/motd'\] needs exactly one of content and secret\./),
  pool('a private key inline', { files: [{ path: '/etc/ssl/key.pem', content: '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n' }] },
    /^prod\/workers: bootstrap\.files\['\/etc\/ssl\/key\.pem'\] content looks like a credential .* store it in a Secret and use secret: \{ name, key \}\./),
  pool('content over the API server limit', { files: [{ path: '/etc/big', content: 'x'.repeat(10241) }] },
    /^prod\/workers: bootstrap\.files\['\/etc\/big'\] content has 10241 characters; the API server accepts 1 to 10240\./),
  pool('permissions that are not octal', { files: [{ path: '/etc/motd', content: 'x', permissions: 'rw-r--r--' }] },
    /^prod\/workers: bootstrap\.files\['\/etc\/motd'\] permissions 'rw-r--r--' is not an octal mode\. Use a string such as '0644' or '0600'\./),
  pool('permissions 0888', { files: [{ path: '/etc/motd', content: 'x', permissions: '0888' }] },
    /^prod\/workers: bootstrap\.files\['\/etc\/motd'\] permissions '0888' is not an octal mode\./),
  pool('an owner that is not user:group', { files: [{ path: '/etc/motd', content: 'x', owner: 'root:root:root' }] },
    /^prod\/workers: bootstrap\.files\['\/etc\/motd'\] owner 'root:root:root' is not 'user' or 'user:group'\. Use e\.g\. 'root:root'\./),
  pool('an unknown encoding', { files: [{ path: '/etc/motd', content: 'x', encoding: 'b64' as FileEncoding }] },
    /^prod\/workers: bootstrap\.files\['\/etc\/motd'\] encoding 'b64' is not a file encoding\. Use FileEncoding\.BASE64, GZIP or GZIP_BASE64/),
  pool('a Secret name that is not a DNS subdomain', { files: [{ path: '/etc/ca.pem', secret: { name: 'Bad_Name', key: 'ca.pem' } }] },
    /^prod\/workers: bootstrap\.files\['\/etc\/ca\.pem'\] secret name 'Bad_Name' is not a Secret name\./),
  pool('more files than the API server accepts', { files: Array.from({ length: 201 }, (_, i) => ({ path: `/etc/f${i}`, content: 'x' })) },
    /^prod\/workers: bootstrap\.files lists 201 files; the API server accepts at most 200 in all\. Give at most 200\./),
  k8s('files that fit only without the infrastructure\'s (kube-vip on BYOH)', 'onprem', (app) => {
    byohCluster(app, { controlPlane: { bootstrap: { files: Array.from({ length: 200 }, (_, i) => ({ path: `/etc/f${i}`, content: 'x' })) } } }, { kubeVip: {} });
  }, /^onprem: controlPlane\.bootstrap\.files lists 200 files, and the infrastructure writes 3 more; the API server accepts at most 200 in all\. Give at most 197\./),
  pool('an empty command', { preKubeadmCommands: ['  '] },
    /^prod\/workers: bootstrap\.preKubeadmCommands has an empty command\. Remove it\./),
  pool('an AWS secret key in a command', { preKubeadmCommands: ['aws configure set aws_secret_access_key=wJalrXUtnFEMI'] },
    /^prod\/workers: bootstrap\.preKubeadmCommands has a command with a credential inline .* write them to a file from a Secret/),
  pool('a user name with upper case', { users: [{ name: 'Ops' }] },
    /^prod\/workers: bootstrap\.users has name 'Ops', which is not a Linux user name\./),
  pool('the same user twice', { users: [{ name: 'ops' }, { name: 'ops' }] },
    /^prod\/workers: bootstrap\.users lists user 'ops' twice\. List each user once\./),
  pool('a private key as an SSH authorized key', { users: [{ name: 'ops', sshAuthorizedKeys: ['-----BEGIN OPENSSH PRIVATE KEY-----'] }] },
    /^prod\/workers: bootstrap\.users\['ops'\]\.sshAuthorizedKeys has '-----BEGIN OPENSSH PRIVATE KEY-----…', which is not an SSH public key\./),
  pool('a relative shell', { users: [{ name: 'ops', shell: 'bash' }] },
    /^prod\/workers: bootstrap\.users\['ops'\]\.shell 'bash' is not an absolute path\. Use e\.g\. '\/bin\/bash'\./),
  pool('an NTP server with a scheme', { ntp: { servers: ['ntp://time.example.com'] } },
    /^prod\/workers: bootstrap\.ntp\.servers has 'ntp:\/\/time\.example\.com', which is not a host name or IP address\./),
  pool('no NTP servers', { ntp: { servers: [] } },
    /^prod\/workers: bootstrap\.ntp\.servers is empty\. List at least one NTP server/),
  pool('the same NTP server twice', { ntp: { servers: ['10.0.0.1', '10.0.0.1'] } },
    /^prod\/workers: bootstrap\.ntp\.servers lists server '10\.0\.0\.1' twice\./),
  pool('a device that is not a device path', { diskSetup: { filesystems: [{ device: 'sdb', filesystem: 'ext4', label: 'data' }] } },
    /^prod\/workers: bootstrap\.diskSetup\.filesystems\['data'\] device 'sdb' is not a device path\. Use e\.g\. '\/dev\/nvme1n1'\./),
  pool('a file system label longer than 16 characters', { diskSetup: { filesystems: [{ device: '/dev/sdb', filesystem: 'ext4', label: 'a-very-long-label-name' }] } },
    /^prod\/workers: bootstrap\.diskSetup\.filesystems\['a-very-long-label-name'\] label 'a-very-long-label-name' is not a file system label\./),
  pool('a relative mount point', { mounts: [{ device: 'LABEL=data', mountPoint: 'data' }] },
    /^prod\/workers: bootstrap\.mounts has mount point 'data', which is not an absolute path\./),
  pool('the same mount point twice', { mounts: [{ device: 'LABEL=a', mountPoint: '/data' }, { device: 'LABEL=b', mountPoint: '/data' }] },
    /^prod\/workers: bootstrap\.mounts lists mount point '\/data' twice\./),
  pool('verbosity 11', { verbosity: 11 },
    /^prod\/workers: bootstrap\.verbosity \(11\) must be a whole number from 0 to 10 \(kubeadm -v\)\./),
  pool('ignition settings without the Ignition format', { ignition: { strict: true } },
    /^prod\/workers: bootstrap\.ignition is set, but format is not IGNITION .* Set format: BootstrapFormat\.IGNITION or remove ignition\./),
  pool('an unknown bootstrap format', { format: 'yaml' as BootstrapFormat },
    /^prod\/workers: bootstrap\.format 'yaml' is not a bootstrap format\. Use BootstrapFormat\.CLOUD_CONFIG \(the default\) or IGNITION\./),
  pool('an apt-get install with bootDownloads ERROR', { preKubeadmCommands: ['apt-get install -y jq'], bootDownloads: BootDownloads.ERROR },
    /^prod\/workers: bootstrap\.preKubeadmCommands: 'apt-get install -y jq' installs packages on every node at boot.*Bake it into the machine image \(image-builder\) instead, or set bootstrap\.bootDownloads: BootDownloads\.WARN\./),
  k8s('gzip files with Ignition', 'prod/workers', (app) => {
    awsCluster(app, {}, { ignitionBucket: { name: 'cluster-api-provider-aws-prod' } }).addNodePool('workers', {
      image: MachineImage.lookup({ baseOS: 'flatcar-stable' }),
      bootstrap: { format: BootstrapFormat.IGNITION, files: [{ path: '/etc/x', content: 'H4sI', encoding: FileEncoding.GZIP_BASE64 }] },
    });
  }, /^prod\/workers: bootstrap\.files\['\/etc\/x'\] encoding 'gzip\+base64' cannot be used with Ignition/),
  k8s('an MBR partition table with Ignition', 'prod/workers', (app) => {
    awsCluster(app, {}, { ignitionBucket: { name: 'cluster-api-provider-aws-prod' } }).addNodePool('workers', {
      image: MachineImage.lookup({ baseOS: 'flatcar-stable' }),
      bootstrap: { format: BootstrapFormat.IGNITION, diskSetup: { partitions: [{ device: '/dev/sdb', tableType: PartitionTableType.MBR }] } },
    });
  }, /^prod\/workers: bootstrap\.diskSetup\.partitions\['\/dev\/sdb'\] tableType is MBR, but Ignition supports GPT only\. Use PartitionTableType\.GPT\./),
  k8s('an Ignition additionalConfig that is not YAML', 'prod/workers', (app) => {
    awsCluster(app, {}, { ignitionBucket: { name: 'cluster-api-provider-aws-prod' } }).addNodePool('workers', {
      image: MachineImage.lookup({ baseOS: 'flatcar-stable' }),
      bootstrap: { format: BootstrapFormat.IGNITION, ignition: { additionalConfig: 'systemd:\n  units: [unclosed\n' } },
    });
  }, /^prod\/workers: bootstrap\.ignition\.additionalConfig is not valid YAML \(.*\)\. Give a Container Linux Config \(YAML\)/),
  k8s('an Ignition additionalConfig that is a YAML list', 'prod/workers', (app) => {
    awsCluster(app, {}, { ignitionBucket: { name: 'cluster-api-provider-aws-prod' } }).addNodePool('workers', {
      image: MachineImage.lookup({ baseOS: 'flatcar-stable' }),
      bootstrap: { format: BootstrapFormat.IGNITION, ignition: { additionalConfig: '- systemd\n' } },
    });
  }, /^prod\/workers: bootstrap\.ignition\.additionalConfig is YAML but not a mapping\./),
  k8s('an Ignition additionalConfig over the API server\'s 32768 characters', 'prod/workers', (app) => {
    awsCluster(app, {}, { ignitionBucket: { name: 'cluster-api-provider-aws-prod' } }).addNodePool('workers', {
      image: MachineImage.lookup({ baseOS: 'flatcar-stable' }),
      bootstrap: { format: BootstrapFormat.IGNITION, ignition: { additionalConfig: `${FLATCAR_ADDITIONAL_CONFIG}#${'x'.repeat(32768)}\n` } },
    });
  }, /^prod\/workers: bootstrap\.ignition\.additionalConfig has 33212 characters\. Give a Container Linux Config of 1 to 32768 characters, or leave it unset\./),
  pool('an unknown bootDownloads policy', { bootDownloads: 'never' as BootDownloads },
    /^prod\/workers: bootstrap\.bootDownloads 'never' is not a policy\. Use BootDownloads\.WARN \(the default\), ERROR or ALLOW\./),
  k8s('an Ignition bucket name with upper case', 'prod', (app) => { awsCluster(app, {}, { ignitionBucket: { name: 'Bucket' } }); },
    /^prod: ignitionBucket\.name 'Bucket' is not an S3 bucket name\./),
  k8s('a Flatcar image with cloud-init on the control plane', 'prod', (app) => {
    awsCluster(app, { controlPlane: { image: MachineImage.fromId('ami-0123456789abcdef0', { os: 'flatcar-stable', kubernetesVersion: 'v1.33.4' }) } });
  }, /^prod: controlPlane\.image 'ami-0123456789abcdef0' \(os 'flatcar-stable'\) is Flatcar, which boots with Ignition only: .* Set controlPlane\.bootstrap\.format: BootstrapFormat\.IGNITION\./),
  k8s('an image built for another Kubernetes version', 'prod/workers', (app) => {
    awsCluster(app).addNodePool('workers', { image: MachineImage.fromId('ami-0123456789abcdef0', { kubernetesVersion: 'v1.32.9' }) });
  }, /^prod\/workers: image 'ami-0123456789abcdef0' was built for Kubernetes v1\.32\.9, but the cluster runs v1\.33\.4/),
  k8s('an image version that is not a version', 'prod/workers', (app) => {
    awsCluster(app).addNodePool('workers', { image: MachineImage.fromId('ami-0123456789abcdef0', { kubernetesVersion: '1.33' }) });
  }, /^prod\/workers: image 'ami-0123456789abcdef0' declares kubernetesVersion '1\.33', which is not a Kubernetes version\. Use e\.g\. 'v1\.33\.4'\./),
  k8s('bootstrap options on an EKS managed node group', 'prod/ng', (app) => {
    eksCluster(app).addNodePool('ng', { kind: NodePoolKind.MANAGED_NODE_GROUP, bootstrap: { ntp: { servers: ['169.254.169.123'] } } });
  }, /^prod\/ng: bootstrap is set, but an EKS managed node group \(AWSManagedMachinePool\) has no bootstrap config/),
  k8s('NTP on a BYOH pool', 'onprem/workers', (app) => {
    byohPool(byohCluster(app), 'workers', { bootstrap: { ntp: { servers: ['ntp1.example.com'] } } });
  }, /^onprem\/workers: bootstrap\.ntp is set, but the BYOH host agent .* does not apply it\. Configure time sync on the host image/),
  k8s('Ignition on BYOH', 'onprem', (app) => {
    byohCluster(app, { controlPlane: { bootstrap: { format: BootstrapFormat.IGNITION } } });
  }, /^onprem: controlPlane\.bootstrap\.format is IGNITION, but capi-blueprints wires Ignition \(Flatcar\) for AWS kubeadm clusters only/),
];
