/** EBS volume types CAPA accepts for root volumes. */
export enum VolumeType {
  /** General purpose SSD, baseline 3000 IOPS (the default). */
  GP3 = 'gp3',
  /** Previous-generation general purpose SSD. */
  GP2 = 'gp2',
  /** Provisioned IOPS SSD (needs `iops`). */
  IO1 = 'io1',
  /** Provisioned IOPS SSD, higher durability (needs `iops`). */
  IO2 = 'io2',
  /** Throughput-optimised HDD. */
  ST1 = 'st1',
  /** Cold HDD. */
  SC1 = 'sc1',
  /** Magnetic. */
  STANDARD = 'standard',
}

/** The root disk of a machine. */
export interface RootVolumeOptions {
  /**
   * Size in GiB (CAPA's minimum is 8).
   * @default 50
   */
  readonly sizeGiB?: number;
  /**
   * Volume type.
   * @default VolumeType.GP3
   */
  readonly type?: VolumeType;
  /**
   * Encrypt the volume at rest. Secure by default; set `false` only where the account forbids it.
   * @default true
   */
  readonly encrypted?: boolean;
  /**
   * KMS key ARN or alias used to encrypt the volume.
   * @default - the account's default EBS key
   */
  readonly encryptionKey?: string;
  /**
   * Provisioned IOPS; required for io1/io2, optional for gp3.
   * @default - none (gp3 baseline)
   */
  readonly iops?: number;
  /**
   * Throughput in MiB/s; only for gp3.
   * @default - gp3 baseline
   */
  readonly throughput?: number;
}
