import { IConstruct } from 'constructs';
import { isIpAddress } from '../../core/cidr';
import { firstDuplicate } from '../../core/collections';
import { isDnsSubdomain } from '../../core/names';
import { checkOptionalInteger } from '../../core/ranges';
import { checkSecretKey, checkSecretName } from '../../core/secrets';
import { ValidationError } from '../../core/validation-error';
import { addWarning } from '../../core/warnings';
import { BootDownloads, BootstrapFormat, FileEncoding, IgnitionStorage, NodeBootstrapOptions, PartitionTableType } from '../node-bootstrap';


/** What a bootstrap kind can carry, and the fix for what it cannot. */
export interface BootstrapSupport {
  /** The bootstrap kind or provider, for messages (e.g. `EKSConfigTemplate`, `BYOH`). */
  readonly target: string;
  /** Whether the Ignition format is wired for this infrastructure. */
  readonly ignition: boolean;
  /** Fields of `NodeBootstrapOptions` the target ignores, with the fix. */
  readonly unsupported?: Record<string, string>;
  /** File encodings the target cannot decode. */
  readonly unsupportedEncodings?: FileEncoding[];
}

/** Full kubeadm (cloud-init) support, without Ignition. */
export const KUBEADM_CLOUD_INIT: BootstrapSupport = { target: 'the kubeadm bootstrap of this infrastructure', ignition: false };

const FILE_ENCODINGS: string[] = Object.values(FileEncoding);
const USER_NAME = /^[a-z_][a-z0-9_-]{0,31}\$?$/;
const PERMISSIONS = /^0?[0-7]{3,4}$/;
const OWNER_PART = /^([a-z_][a-z0-9_-]{0,31}|\d+)$/;
const SSH_KEY = /^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) [A-Za-z0-9+/=]+( .*)?$/;
const FILESYSTEM = /^[a-z][a-z0-9]*$/;
/** Inline content that is a credential: private keys and AWS secret keys. */
const SECRET_CONTENT = [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, /aws_secret_access_key\s*=/i, /\bAKIA[0-9A-Z]{16}\b/];

/** A command that installs packages or downloads at boot, and what it is. */
const BOOT_DOWNLOADS: Array<[RegExp, string]> = [
  [/\bapt(-get)?\s+(-\S+\s+)*install\b/, 'installs packages'],
  [/\b(yum|dnf|zypper|apk)\s+(-\S+\s+)*(install|add)\b/, 'installs packages'],
  [/\bsnap\s+install\b/, 'installs packages'],
  [/\bpip3?\s+install\b/, 'installs packages'],
  [/\bcurl\b[^|]*\|\s*(sudo\s+)?(ba|z)?sh\b/, 'downloads and runs a script'],
  [/\bcurl\b/, 'downloads files'],
  [/\bwget\b/, 'downloads files'],
];

/**
 * Checks bootstrap options against what the API server, the webhooks and cloud-init/Ignition
 * enforce, and against what the target supports. `field` is the prefix of messages
 * (`bootstrap.`, `controlPlane.bootstrap.`); `reservedPaths` are the files the infrastructure writes.
 */
export function validateBootstrap(
  scope: IConstruct, field: string, o: NodeBootstrapOptions, support: BootstrapSupport, reservedPaths: string[] = [],
): void {
  for (const [key, fix] of Object.entries(support.unsupported ?? {})) {
    if ((o as Record<string, unknown>)[key] !== undefined) {
      throw new ValidationError(scope, `${field}${key} is set, but ${support.target} does not apply it. ${fix}`);
    }
  }
  const ignition = o.format === BootstrapFormat.IGNITION;
  if (o.format !== undefined && !(Object.values(BootstrapFormat) as string[]).includes(o.format)) {
    throw new ValidationError(scope, `${field}format '${o.format}' is not a bootstrap format. Use BootstrapFormat.CLOUD_CONFIG (the default) or IGNITION.`);
  }
  if (ignition && !support.ignition) {
    throw new ValidationError(scope, `${field}format is IGNITION, but capi-blueprints wires Ignition (Flatcar) for AWS kubeadm clusters only, not for ${support.target}. Use BootstrapFormat.CLOUD_CONFIG with a cloud-init image.`);
  }
  if (o.ignition !== undefined && !ignition) {
    throw new ValidationError(scope, `${field}ignition is set, but format is not IGNITION (the kubeadm webhook requires format 'ignition' with spec.ignition). Set format: BootstrapFormat.IGNITION or remove ignition.`);
  }
  if (o.ignition) {
    const extra = o.ignition.additionalConfig;
    if (extra !== undefined) checkContainerLinuxConfig(scope, `${field}ignition.additionalConfig`, extra);
    if (o.ignition.storage !== undefined && !(Object.values(IgnitionStorage) as string[]).includes(o.ignition.storage)) {
      throw new ValidationError(scope, `${field}ignition.storage '${o.ignition.storage}' is not an Ignition storage. Use IgnitionStorage.CLUSTER_OBJECT_STORE or UNENCRYPTED_USER_DATA.`);
    }
  }
  validateFiles(scope, field, o, support, reservedPaths, ignition);
  validateCommands(scope, field, 'preKubeadmCommands', o.preKubeadmCommands);
  validateCommands(scope, field, 'postKubeadmCommands', o.postKubeadmCommands);
  validateUsers(scope, field, o);
  if (o.ntp) {
    if (o.ntp.servers.length === 0 && o.ntp.enabled !== false) {
      throw new ValidationError(scope, `${field}ntp.servers is empty. List at least one NTP server, e.g. ['time.aws.com'], or remove ntp.`);
    }
    if (o.ntp.servers.length > 100) throw new ValidationError(scope, `${field}ntp.servers lists ${o.ntp.servers.length} servers; the API server accepts at most 100.`);
    for (const s of o.ntp.servers) {
      if (!isIpAddress(s) && !isDnsSubdomain(s.toLowerCase())) {
        throw new ValidationError(scope, `${field}ntp.servers has '${s}', which is not a host name or IP address. Use e.g. 'ntp1.example.com' or '10.0.0.1' (no scheme, no port).`);
      }
    }
    unique(scope, `${field}ntp.servers`, o.ntp.servers, 'server');
  }
  validateDisks(scope, field, o, ignition);
  checkOptionalInteger(scope, `${field}verbosity`, o.verbosity, { min: 0, max: 10, why: 'kubeadm -v' });
  if (o.bootDownloads !== undefined && !(Object.values(BootDownloads) as string[]).includes(o.bootDownloads)) {
    throw new ValidationError(scope, `${field}bootDownloads '${o.bootDownloads}' is not a policy. Use BootDownloads.WARN (the default), ERROR or ALLOW.`);
  }
  lintBootDownloads(scope, field, o);
}

function validateFiles(
  scope: IConstruct, field: string, o: NodeBootstrapOptions, support: BootstrapSupport, reserved: string[], ignition: boolean,
): void {
  const files = o.files ?? [];
  if (files.length + reserved.length > 200) {
    const own = reserved.length > 0 ? `, and the infrastructure writes ${reserved.length} more` : '';
    throw new ValidationError(scope, `${field}files lists ${files.length} files${own}; the API server accepts at most 200 in all. Give at most ${200 - reserved.length}.`);
  }
  const seen = new Set<string>();
  for (const f of files) {
    const at = `${field}files['${f.path}']`;
    if (!f.path.startsWith('/') || f.path.length > 512 || /\s/.test(f.path) || f.path.endsWith('/')) {
      throw new ValidationError(scope, `${field}files has path '${f.path}', which is not an absolute file path. Use e.g. '/etc/sysctl.d/90-tuning.conf' (at most 512 characters, no spaces).`);
    }
    if (reserved.includes(f.path)) {
      throw new ValidationError(scope, `${at} is written by the infrastructure already. Use another path.`);
    }
    if (seen.has(f.path)) throw new ValidationError(scope, `${field}files lists '${f.path}' twice (the kubeadm webhook rejects duplicate paths). Write each path once.`);
    seen.add(f.path);
    if ((f.content === undefined) === (f.secret === undefined)) {
      throw new ValidationError(scope, `${at} needs exactly one of content and secret. Give inline content, or secret: { name, key } for secret content.`);
    }
    if (f.content !== undefined) {
      if (f.content === '' || f.content.length > 10240) {
        throw new ValidationError(scope, `${at} content has ${f.content.length} characters; the API server accepts 1 to 10240. Put larger content in a Secret (secret: { name, key }) or bake it into the image.`);
      }
      if (SECRET_CONTENT.some((re) => re.test(f.content!))) {
        throw new ValidationError(scope, `${at} content looks like a credential (a private key or an AWS secret key). Never put secrets inline (they end up in Git): store it in a Secret and use secret: { name, key }.`);
      }
    }
    if (f.secret) secretRef(scope, `${at} secret`, f.secret.name, f.secret.key);
    if (f.permissions !== undefined && !PERMISSIONS.test(f.permissions)) {
      throw new ValidationError(scope, `${at} permissions '${f.permissions}' is not an octal mode. Use a string such as '0644' or '0600'.`);
    }
    if (f.owner !== undefined) {
      const parts = f.owner.split(':');
      if (parts.length > 2 || !parts.every((p) => OWNER_PART.test(p))) {
        throw new ValidationError(scope, `${at} owner '${f.owner}' is not 'user' or 'user:group'. Use e.g. 'root:root'.`);
      }
    }
    if (f.encoding !== undefined) {
      if (!FILE_ENCODINGS.includes(f.encoding)) {
        throw new ValidationError(scope, `${at} encoding '${f.encoding}' is not a file encoding. Use FileEncoding.BASE64, GZIP or GZIP_BASE64, or leave it unset for plain text.`);
      }
      if (ignition && f.encoding !== FileEncoding.BASE64) {
        throw new ValidationError(scope, `${at} encoding '${f.encoding}' cannot be used with Ignition (the kubeadm webhook forbids gzip). Use FileEncoding.BASE64 or plain text.`);
      }
      if (support.unsupportedEncodings?.includes(f.encoding)) {
        throw new ValidationError(scope, `${at} encoding '${f.encoding}' is not decoded by ${support.target} (the file would be written still encoded). Use FileEncoding.BASE64, GZIP_BASE64 or plain text.`);
      }
    }
  }
}

function validateCommands(scope: IConstruct, field: string, key: string, commands: string[] | undefined): void {
  for (const c of commands ?? []) {
    if (c.trim() === '') throw new ValidationError(scope, `${field}${key} has an empty command. Remove it.`);
    if (SECRET_CONTENT.some((re) => re.test(c))) {
      throw new ValidationError(scope, `${field}${key} has a command with a credential inline (a private key or an AWS secret key). Never put secrets in commands (they end up in Git): write them to a file from a Secret (files: [{ path, secret: { name, key } }]) and read that file.`);
    }
  }
}

function validateUsers(scope: IConstruct, field: string, o: NodeBootstrapOptions): void {
  const users = o.users ?? [];
  if (users.length > 100) throw new ValidationError(scope, `${field}users lists ${users.length} users; the API server accepts at most 100.`);
  for (const u of users) {
    if (!USER_NAME.test(u.name)) {
      throw new ValidationError(scope, `${field}users has name '${u.name}', which is not a Linux user name. Use at most 32 lower-case letters, digits, '_' and '-', starting with a letter or '_'.`);
    }
    for (const key of u.sshAuthorizedKeys ?? []) {
      if (!SSH_KEY.test(key.trim()) || key.length > 2048) {
        throw new ValidationError(scope, `${field}users['${u.name}'].sshAuthorizedKeys has '${key.slice(0, 40)}…', which is not an SSH public key. Give 'ssh-ed25519 AAAA… comment' lines (the public key, never the private one).`);
      }
    }
    for (const g of u.groups ?? []) {
      if (!USER_NAME.test(g)) throw new ValidationError(scope, `${field}users['${u.name}'].groups has '${g}', which is not a group name. Use e.g. 'docker' or 'wheel'.`);
    }
    if (u.sudo !== undefined && (u.sudo.trim() === '' || u.sudo.includes('\n'))) {
      throw new ValidationError(scope, `${field}users['${u.name}'].sudo '${u.sudo}' is not a sudoers rule. Use e.g. 'ALL=(ALL) NOPASSWD:ALL', or leave it unset.`);
    }
    if (u.shell !== undefined && !u.shell.startsWith('/')) {
      throw new ValidationError(scope, `${field}users['${u.name}'].shell '${u.shell}' is not an absolute path. Use e.g. '/bin/bash'.`);
    }
    if (u.passwordSecret) secretRef(scope, `${field}users['${u.name}'].passwordSecret`, u.passwordSecret.name, u.passwordSecret.key);
  }
  unique(scope, `${field}users`, users.map((u) => u.name), 'user');
}

function validateDisks(scope: IConstruct, field: string, o: NodeBootstrapOptions, ignition: boolean): void {
  const device = (at: string, d: string) => {
    if (!/^\/dev\/[A-Za-z0-9/_.-]+$/.test(d)) throw new ValidationError(scope, `${at} device '${d}' is not a device path. Use e.g. '/dev/nvme1n1'.`);
  };
  const partitions = o.diskSetup?.partitions ?? [];
  for (const p of partitions) {
    device(`${field}diskSetup.partitions`, p.device);
    if (p.tableType !== undefined && !(Object.values(PartitionTableType) as string[]).includes(p.tableType)) {
      throw new ValidationError(scope, `${field}diskSetup.partitions['${p.device}'] tableType '${p.tableType}' is not a partition table type. Use PartitionTableType.GPT or MBR.`);
    }
    if (ignition && p.tableType === PartitionTableType.MBR) {
      throw new ValidationError(scope, `${field}diskSetup.partitions['${p.device}'] tableType is MBR, but Ignition supports GPT only. Use PartitionTableType.GPT.`);
    }
  }
  unique(scope, `${field}diskSetup.partitions`, partitions.map((p) => p.device), 'device');
  const filesystems = o.diskSetup?.filesystems ?? [];
  for (const f of filesystems) {
    const at = `${field}diskSetup.filesystems['${f.label}']`;
    device(at, f.device);
    if (!FILESYSTEM.test(f.filesystem)) throw new ValidationError(scope, `${at} filesystem '${f.filesystem}' is not a file system type. Use e.g. 'ext4' or 'xfs'.`);
    if (!/^[A-Za-z0-9_-]{1,16}$/.test(f.label)) throw new ValidationError(scope, `${at} label '${f.label}' is not a file system label. Use at most 16 letters, digits, '_' and '-' (ext4's limit).`);
    if (f.partition !== undefined && ignition) {
      throw new ValidationError(scope, `${at} partition is set, but Ignition does not support it (the kubeadm webhook forbids it). Remove partition: Ignition formats the whole device.`);
    }
    if (f.partition !== undefined && !/^(auto|any|none|[1-9]\d?)$/.test(f.partition)) {
      throw new ValidationError(scope, `${at} partition '${f.partition}' is not a cloud-init partition. Use 'auto', 'any', 'none' or a partition number.`);
    }
  }
  unique(scope, `${field}diskSetup.filesystems`, filesystems.map((f) => f.label), 'label');
  const mounts = o.mounts ?? [];
  for (const m of mounts) {
    if (!m.mountPoint.startsWith('/') || /\s/.test(m.mountPoint)) {
      throw new ValidationError(scope, `${field}mounts has mount point '${m.mountPoint}', which is not an absolute path. Use e.g. '/var/lib/containerd'.`);
    }
    if (!/^(LABEL=[A-Za-z0-9_-]+|UUID=[0-9A-Fa-f-]+|\/dev\/[A-Za-z0-9/_.-]+|[A-Za-z0-9_.-]+:\/\S*)$/.test(m.device)) {
      throw new ValidationError(scope, `${field}mounts['${m.mountPoint}'] device '${m.device}' is not a device. Use '/dev/…', 'LABEL=<label>' or 'UUID=<uuid>'.`);
    }
    if (m.filesystem !== undefined && !FILESYSTEM.test(m.filesystem)) {
      throw new ValidationError(scope, `${field}mounts['${m.mountPoint}'] filesystem '${m.filesystem}' is not a file system type. Use e.g. 'ext4', or leave it unset for 'auto'.`);
    }
    if (m.options !== undefined && (m.options === '' || /\s/.test(m.options))) {
      throw new ValidationError(scope, `${field}mounts['${m.mountPoint}'] options '${m.options}' is not a comma-separated option list. Use e.g. 'defaults,nofail'.`);
    }
  }
  unique(scope, `${field}mounts`, mounts.map((m) => m.mountPoint), 'mount point');
}

function secretRef(scope: IConstruct, at: string, name: string, key: string): void {
  checkSecretName(scope, `${at} name`, name, 'node-files');
  checkSecretKey(scope, `${at} key`, key);
}

function unique(scope: IConstruct, at: string, values: string[], what: string): void {
  const dup = firstDuplicate(values);
  if (dup !== undefined) throw new ValidationError(scope, `${at} lists ${what} '${dup}' twice. List each ${what} once.`);
}

/**
 * The commands of `o` that install packages or download at boot, each with what it does.
 * Exported for tests.
 */
export function bootDownloadCommands(o: NodeBootstrapOptions): Array<{ command: string; what: string; list: 'preKubeadmCommands' | 'postKubeadmCommands' }> {
  const out: Array<{ command: string; what: string; list: 'preKubeadmCommands' | 'postKubeadmCommands' }> = [];
  for (const list of ['preKubeadmCommands', 'postKubeadmCommands'] as const) {
    for (const command of o[list] ?? []) {
      const hit = BOOT_DOWNLOADS.find(([re]) => re.test(command));
      if (hit) out.push({ command, what: hit[1], list });
    }
  }
  return out;
}

/** Warns about (or rejects) commands that install packages or download at boot. */
function lintBootDownloads(scope: IConstruct, field: string, o: NodeBootstrapOptions): void {
  const policy = o.bootDownloads ?? BootDownloads.WARN;
  if (policy === BootDownloads.ALLOW) return;
  for (const { command, what, list } of bootDownloadCommands(o)) {
    const message = `${field}${list}: '${command}' ${what} on every node at boot, which slows every join (and fails when the mirror is down). Bake it into the machine image (image-builder) instead`;
    if (policy === BootDownloads.ERROR) {
      throw new ValidationError(scope, `${message}, or set ${field}bootDownloads: BootDownloads.WARN.`);
    }
    addWarning(scope, `${message}; set ${field}bootDownloads: BootDownloads.ALLOW to silence this or ERROR to reject it.`);
  }
}

/**
 * A Container Linux Config is YAML that the bootstrap provider transpiles on the management
 * cluster when the machine is created: a syntax error would only show there, per machine.
 */
export function checkContainerLinuxConfig(scope: IConstruct | string, field: string, text: string): void {
  if (text.trim() === '' || text.length > 32768) {
    throw new ValidationError(scope, `${field} has ${text.length} characters. Give a Container Linux Config of 1 to 32768 characters, or leave it unset.`);
  }
  if (validConfigs.has(text)) return; // the same config on every pool of every cluster: parsed once
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseDocument } = require('yaml') as typeof import('yaml'); // loaded only for Ignition configs
  const doc = parseDocument(text);
  const problem = doc.errors[0]?.message.split('\n')[0];
  if (problem !== undefined) {
    throw new ValidationError(scope, `${field} is not valid YAML (${problem}). Give a Container Linux Config (YAML), e.g. FLATCAR_ADDITIONAL_CONFIG (FlatcarDefaults.ADDITIONAL_CONFIG) with your units added.`);
  }
  const value = doc.toJS();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ValidationError(scope, `${field} is YAML but not a mapping. A Container Linux Config is a mapping with keys such as 'systemd', 'storage' or 'passwd'.`);
  }
  if (validConfigs.size >= 1000) validConfigs.clear();
  validConfigs.add(text);
}

/** Container Linux Configs that passed `checkContainerLinuxConfig`. */
const validConfigs = new Set<string>();
