/**
 * What a node's bootstrap (cloud-init or Ignition user data, written by the kubeadm or EKS
 * bootstrap provider) does beyond joining the cluster: files, commands, users, NTP, disks.
 *
 * The fast-join advice: bake packages and binaries into the machine image (image-builder) and
 * keep these options to configuration. Commands that install packages or download at boot are
 * reported (see `bootDownloads`).
 */

/** Encoding of a bootstrap file's content (cloud-init `write_files` encodings). */
export enum FileEncoding {
  /** Base64-encoded content. */
  BASE64 = 'base64',
  /** Gzip-compressed content (not with Ignition, not on BYOH). */
  GZIP = 'gzip',
  /** Gzip-compressed, then base64-encoded content (not with Ignition). */
  GZIP_BASE64 = 'gzip+base64',
}

/** A key of a Secret in the cluster's namespace of the management cluster. */
export interface BootstrapSecretReference {
  /** Secret name. */
  readonly name: string;
  /** Key in the Secret's data. */
  readonly key: string;
}

/** A file written on the node before kubeadm (or the EKS bootstrap script) runs. */
export interface BootstrapFile {
  /** Absolute path on the node, e.g. `/etc/containerd/certs.d/registry.example.com/hosts.toml`. */
  readonly path: string;
  /**
   * Content, inline. Never a credential: use `secret` for anything secret (inline content ends up
   * in the manifests and in Git).
   * @default - none: `secret` must be set
   */
  readonly content?: string;
  /**
   * Content from a Secret key (the bootstrap provider reads it in the cluster's namespace; CAPI
   * reads file content from Secrets only, not ConfigMaps).
   * @default - none: `content` must be set
   */
  readonly secret?: BootstrapSecretReference;
  /**
   * Octal permissions, e.g. `'0644'`.
   * @default - cloud-init's default (`0644`)
   */
  readonly permissions?: string;
  /**
   * Owner as `user:group`, e.g. `'root:root'`.
   * @default - cloud-init's default (`root:root`)
   */
  readonly owner?: string;
  /**
   * Encoding of `content`.
   * @default - plain text
   */
  readonly encoding?: FileEncoding;
  /**
   * Append to an existing file instead of replacing it.
   * @default false
   */
  readonly append?: boolean;
}

/** An operating-system user created at boot. */
export interface BootstrapUser {
  /** User name (`[a-z_][a-z0-9_-]*`, at most 32 characters). */
  readonly name: string;
  /**
   * SSH public keys allowed to log in as the user.
   * @default - none
   */
  readonly sshAuthorizedKeys?: string[];
  /**
   * sudo rule, e.g. `'ALL=(ALL) NOPASSWD:ALL'`.
   * @default - no sudo
   */
  readonly sudo?: string;
  /**
   * Supplementary groups.
   * @default - none
   */
  readonly groups?: string[];
  /**
   * Login shell, e.g. `/bin/bash`.
   * @default - the OS default
   */
  readonly shell?: string;
  /**
   * Disable password login.
   * @default - the OS default (cloud-init locks the password)
   */
  readonly lockPassword?: boolean;
  /**
   * Hashed password from a Secret key (never inline).
   * @default - no password
   */
  readonly passwordSecret?: BootstrapSecretReference;
}

/** Time synchronisation of the node. */
export interface NtpOptions {
  /** NTP servers (host names or IP addresses), e.g. `['ntp1.example.com', '10.0.0.1']`. */
  readonly servers: string[];
  /**
   * Enable the NTP client.
   * @default true
   */
  readonly enabled?: boolean;
}

/** Partition table type. */
export enum PartitionTableType {
  /** GUID partition table (the only type Ignition supports). */
  GPT = 'gpt',
  /** MBR partition table (cloud-init only). */
  MBR = 'mbr',
}

/** A disk to partition at boot. */
export interface DiskPartitionOptions {
  /** Absolute device path, e.g. `/dev/nvme1n1`. */
  readonly device: string;
  /**
   * Partition table type.
   * @default PartitionTableType.GPT
   */
  readonly tableType?: PartitionTableType;
  /**
   * Overwrite an existing partition table.
   * @default false
   */
  readonly overwrite?: boolean;
}

/** A file system to create at boot. */
export interface DiskFilesystemOptions {
  /** Absolute device path, e.g. `/dev/nvme1n1`. */
  readonly device: string;
  /** File system type, e.g. `ext4` or `xfs`. */
  readonly filesystem: string;
  /** File system label (mount it as `LABEL=<label>`). */
  readonly label: string;
  /**
   * Partition of the device (`auto`, `any`, `none` or a number; cloud-init only, not with Ignition).
   * @default - the whole device
   */
  readonly partition?: string;
  /**
   * Overwrite an existing file system.
   * @default false
   */
  readonly overwrite?: boolean;
  /**
   * Extra `mkfs` options.
   * @default - none
   */
  readonly extraOpts?: string[];
}

/** Disks to partition and format at boot (e.g. a data disk for containerd). */
export interface DiskSetupOptions {
  /**
   * Disks to partition (one partition over the whole disk).
   * @default - none
   */
  readonly partitions?: DiskPartitionOptions[];
  /**
   * File systems to create.
   * @default - none
   */
  readonly filesystems?: DiskFilesystemOptions[];
}

/** An `/etc/fstab` entry written at boot. */
export interface MountOptions {
  /** What to mount: a device or `LABEL=<label>`, e.g. `LABEL=containerd`. */
  readonly device: string;
  /** Absolute mount point, e.g. `/var/lib/containerd`. */
  readonly mountPoint: string;
  /**
   * File system type.
   * @default - `auto`
   */
  readonly filesystem?: string;
  /**
   * Mount options, comma-separated.
   * @default 'defaults'
   */
  readonly options?: string;
}

/** The user-data format the bootstrap provider writes. */
export enum BootstrapFormat {
  /** cloud-init cloud-config (Ubuntu, Amazon Linux, RHEL, … images). */
  CLOUD_CONFIG = 'cloud-config',
  /**
   * Ignition (Flatcar Container Linux). Needs the `KubeadmBootstrapFormatIgnition` feature gate of
   * the kubeadm providers (and CAPA's `BootstrapFormatIgnition`); the management cluster enables
   * them. On AWS the user data goes through an S3 bucket (`aws.ignitionBucket`) unless
   * `ignition.storage` is `UNENCRYPTED_USER_DATA`.
   */
  IGNITION = 'ignition',
}

/** Where CAPA puts Ignition user data. */
export enum IgnitionStorage {
  /** In the cluster's S3 bucket (`AWSCluster.spec.s3Bucket`); the instance fetches it with its instance profile. */
  CLUSTER_OBJECT_STORE = 'ClusterObjectStore',
  /** Directly in EC2 user data, unencrypted (at most 16 KiB; anyone who can read instance attributes reads the join token). */
  UNENCRYPTED_USER_DATA = 'UnencryptedUserData',
}

/** Ignition settings (with `format: BootstrapFormat.IGNITION`). */
export interface IgnitionOptions {
  /**
   * Container Linux Config merged into the generated Ignition config. On AWS it replaces CAPA's
   * Flatcar drop-in, so it must keep it: start from `FlatcarDefaults.ADDITIONAL_CONFIG`
   * (`FLATCAR_ADDITIONAL_CONFIG` in TypeScript) and add your units.
   * @default - on AWS, CAPA's Flatcar drop-in (kubeadm.service waits for coreos-metadata, whose
   * environment provides `${COREOS_EC2_HOSTNAME}`)
   */
  readonly additionalConfig?: string;
  /**
   * Parse `additionalConfig` strictly (warnings are errors).
   * @default false
   */
  readonly strict?: boolean;
  /**
   * Where CAPA stores the Ignition user data (AWS).
   * @default IgnitionStorage.CLUSTER_OBJECT_STORE
   */
  readonly storage?: IgnitionStorage;
}

/** What to do with bootstrap commands that install packages or download at boot. */
export enum BootDownloads {
  /** Record a warning (printed at synth; an error in a strict Platform). */
  WARN = 'warn',
  /** Reject them: a platform that wants fast joins bakes everything into the image. */
  ERROR = 'error',
  /** Allow them silently. */
  ALLOW = 'allow',
}

/**
 * Bootstrap options of a control plane or node pool (or, in a blueprint or site, of every node:
 * `nodeBootstrap`). Rendered into KubeadmControlPlane `kubeadmConfigSpec`, KubeadmConfigTemplate,
 * KubeadmConfig and EKSConfig(Template) where the provider supports the field; rejected with the
 * fix where it does not (EKS managed node groups, BYOH for users/NTP/disks/mounts).
 */
export interface NodeBootstrapOptions {
  /**
   * Files written before kubeadm runs (after the files the infrastructure needs, e.g. kube-vip).
   * @default - none
   */
  readonly files?: BootstrapFile[];
  /**
   * Commands run before `kubeadm init/join` (EKS: before the bootstrap script).
   * @default - none
   */
  readonly preKubeadmCommands?: string[];
  /**
   * Commands run after `kubeadm init/join` (EKS: after the bootstrap script).
   * @default - none
   */
  readonly postKubeadmCommands?: string[];
  /**
   * Users created at boot.
   * @default - none (the image's default user)
   */
  readonly users?: BootstrapUser[];
  /**
   * NTP servers.
   * @default - the image's time configuration
   */
  readonly ntp?: NtpOptions;
  /**
   * Disks to partition and format.
   * @default - none
   */
  readonly diskSetup?: DiskSetupOptions;
  /**
   * File systems to mount.
   * @default - none
   */
  readonly mounts?: MountOptions[];
  /**
   * kubeadm log verbosity (`-v`), 0 to 10.
   * @default - kubeadm's default
   */
  readonly verbosity?: number;
  /**
   * User-data format: cloud-config, or Ignition for Flatcar.
   * @default BootstrapFormat.CLOUD_CONFIG
   */
  readonly format?: BootstrapFormat;
  /**
   * Ignition settings (only with `format: BootstrapFormat.IGNITION`).
   * @default - CAPA's Flatcar defaults
   */
  readonly ignition?: IgnitionOptions;
  /**
   * What to do with commands that install packages or download at boot (`apt-get install`,
   * `yum/dnf install`, `curl … | sh`, `wget`): they make every node join slower; bake them into
   * the image instead.
   * @default BootDownloads.WARN
   */
  readonly bootDownloads?: BootDownloads;
}
