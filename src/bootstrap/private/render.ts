import { IConstruct } from 'constructs';
import { BootstrapSupport, validateBootstrap } from './validate';
import { nonEmptyList } from '../../core/collections';
import { BootstrapFile, BootstrapFormat, BootstrapUser, MountOptions, NodeBootstrapOptions, PartitionTableType } from '../node-bootstrap';

/** What the infrastructure itself writes into a node's bootstrap (before the user's). */
export interface ManagedBootstrap {
  /** Files in the kubeadm `files` shape (e.g. the kube-vip static pod). */
  readonly files?: any[];
  readonly preKubeadmCommands?: string[];
  readonly postKubeadmCommands?: string[];
  /** The Container Linux Config used with Ignition when the user gives none. */
  readonly defaultIgnitionConfig?: string;
}

/** The bootstrap fields of a kubeadm config spec (KubeadmControlPlane, KubeadmConfig, KubeadmConfigTemplate). */
export interface KubeadmBootstrapFields {
  readonly files?: any[];
  readonly preKubeadmCommands?: string[];
  readonly postKubeadmCommands?: string[];
  readonly users?: any[];
  readonly ntp?: any;
  readonly diskSetup?: any;
  readonly mounts?: string[][];
  readonly verbosity?: number;
  readonly format?: any;
  readonly ignition?: any;
}

/** Whether the options ask for Ignition user data. */
export function usesIgnition(o: NodeBootstrapOptions | undefined): boolean {
  return o?.format === BootstrapFormat.IGNITION;
}

/**
 * Validates `o` for `support` and renders the kubeadm bootstrap fields: the infrastructure's
 * files and commands first, then the user's. Unset fields stay `undefined` (never empty).
 */
export function renderKubeadmBootstrap(
  scope: IConstruct, field: string, o: NodeBootstrapOptions | undefined, support: BootstrapSupport, managed: ManagedBootstrap = {},
): KubeadmBootstrapFields {
  const opts = o ?? {};
  const managedFiles = managed.files ?? [];
  validateBootstrap(scope, field, opts, support, managedFiles.map((f) => f.path));
  const ignition = usesIgnition(opts);
  const additionalConfig = opts.ignition?.additionalConfig ?? managed.defaultIgnitionConfig;
  return {
    files: nonEmptyList([...managedFiles, ...(opts.files ?? []).map(renderFile)]),
    preKubeadmCommands: nonEmptyList([...managed.preKubeadmCommands ?? [], ...opts.preKubeadmCommands ?? []]),
    postKubeadmCommands: nonEmptyList([...managed.postKubeadmCommands ?? [], ...opts.postKubeadmCommands ?? []]),
    users: nonEmptyList((opts.users ?? []).map(renderUser)),
    ntp: opts.ntp ? { servers: nonEmptyList([...opts.ntp.servers]), enabled: opts.ntp.enabled ?? true } : undefined,
    diskSetup: renderDiskSetup(opts),
    mounts: nonEmptyList((opts.mounts ?? []).map(renderMount)),
    verbosity: opts.verbosity,
    format: opts.format,
    ignition: ignition && (additionalConfig !== undefined || opts.ignition?.strict !== undefined)
      ? { containerLinuxConfig: { additionalConfig, strict: opts.ignition?.strict } }
      : undefined,
  };
}

/** The bootstrap fields of an EKSConfig(Template) spec. */
export interface EksBootstrapFields {
  readonly files?: any[];
  readonly preBootstrapCommands?: string[];
  readonly postBootstrapCommands?: string[];
  readonly users?: any[];
  readonly ntp?: any;
  readonly diskSetup?: any;
  readonly mounts?: string[][];
}

/** What EKSConfig cannot carry, with the fix. */
const EKS_SUPPORT: BootstrapSupport = {
  target: 'the EKS bootstrap provider (EKSConfig)',
  ignition: false,
  unsupported: {
    verbosity: 'EKS nodes join with the EKS bootstrap script, not kubeadm. Remove verbosity.',
    ignition: 'EKSConfig writes cloud-init only. Remove ignition.',
  },
};

/** Validates `o` for EKSConfig and renders its bootstrap fields (commands run around the EKS bootstrap script). */
export function renderEksBootstrap(scope: IConstruct, field: string, o: NodeBootstrapOptions | undefined): EksBootstrapFields {
  const opts = o ?? {};
  validateBootstrap(scope, field, opts, EKS_SUPPORT);
  return {
    files: nonEmptyList((opts.files ?? []).map(renderFile)),
    preBootstrapCommands: nonEmptyList(opts.preKubeadmCommands),
    postBootstrapCommands: nonEmptyList(opts.postKubeadmCommands),
    users: nonEmptyList((opts.users ?? []).map(renderUser)),
    ntp: opts.ntp ? { servers: nonEmptyList([...opts.ntp.servers]), enabled: opts.ntp.enabled ?? true } : undefined,
    diskSetup: renderDiskSetup(opts),
    mounts: nonEmptyList((opts.mounts ?? []).map(renderMount)),
  };
}

function renderFile(f: BootstrapFile): any {
  return {
    path: f.path,
    owner: f.owner,
    permissions: f.permissions,
    encoding: f.encoding,
    append: f.append,
    content: f.content,
    contentFrom: f.secret ? { secret: { name: f.secret.name, key: f.secret.key } } : undefined,
  };
}

function renderUser(u: BootstrapUser): any {
  return {
    name: u.name,
    groups: u.groups && u.groups.length > 0 ? u.groups.join(',') : undefined,
    shell: u.shell,
    lockPassword: u.lockPassword,
    passwdFrom: u.passwordSecret ? { secret: { name: u.passwordSecret.name, key: u.passwordSecret.key } } : undefined,
    sudo: u.sudo,
    sshAuthorizedKeys: nonEmptyList(u.sshAuthorizedKeys),
  };
}

function renderDiskSetup(o: NodeBootstrapOptions): any {
  const partitions = nonEmptyList((o.diskSetup?.partitions ?? []).map((p) => ({
    device: p.device,
    layout: true,
    tableType: p.tableType ?? PartitionTableType.GPT,
    overwrite: p.overwrite,
  })));
  const filesystems = nonEmptyList((o.diskSetup?.filesystems ?? []).map((f) => ({
    device: f.device,
    filesystem: f.filesystem,
    label: f.label,
    partition: f.partition,
    overwrite: f.overwrite,
    extraOpts: nonEmptyList(f.extraOpts),
  })));
  return partitions || filesystems ? { partitions, filesystems } : undefined;
}

function renderMount(m: MountOptions): string[] {
  const entry = [m.device, m.mountPoint];
  if (m.filesystem !== undefined || m.options !== undefined) entry.push(m.filesystem ?? 'auto');
  if (m.options !== undefined) entry.push(m.options);
  return entry;
}
