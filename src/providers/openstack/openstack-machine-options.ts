import { OpenStackImage, OpenStackResource } from './openstack-resource';

/** A Cinder root volume (boot from volume) instead of the flavor's local disk. */
export interface OpenStackRootVolumeOptions {
  /** Size in GiB (≥ 1). */
  readonly sizeGiB: number;
  /**
   * Cinder volume type, e.g. `ssd`.
   * @default - Cinder's default type
   */
  readonly type?: string;
  /**
   * Cinder availability zone of the volume.
   * @default - the machine's failure domain (set it when Cinder and Nova zones differ)
   */
  readonly availabilityZone?: string;
}

/** A Neutron port of a machine. */
export interface OpenStackPortOptions {
  /**
   * Network of the port.
   * @default - the cluster network
   */
  readonly network?: OpenStackResource;
  /**
   * Subnets the port gets a fixed IP on.
   * @default - one IP from the network's subnets
   */
  readonly subnets?: OpenStackResource[];
  /**
   * Security groups of the port (replacing the machine's).
   * @default - the machine's security groups
   */
  readonly securityGroups?: OpenStackResource[];
  /**
   * Disable port security (no security groups, no anti-spoofing), e.g. for SR-IOV.
   * @default - the network's setting
   */
  readonly disablePortSecurity?: boolean;
  /**
   * Suffix of the port name (`<machine>-<suffix>`).
   * @default - the port's index
   */
  readonly nameSuffix?: string;
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
  /**
   * VNIC type, e.g. `normal` or `direct` (SR-IOV).
   * @default - `normal`
   */
  readonly vnicType?: string;
  /**
   * Create a trunk on this port.
   * @default false
   */
  readonly trunk?: boolean;
  /**
   * Neutron tags of the port.
   * @default - none
   */
  readonly tags?: string[];
}

/**
 * OpenStack settings of machines (OpenStackMachineTemplate). Given on the infrastructure for
 * every machine (`machine`), for the control plane (`controlPlaneMachine`) or per pool
 * (`OpenStackPool`'s `openstack`); the more specific setting wins per field.
 */
export interface OpenStackMachineOptions {
  /**
   * Nova flavor name, e.g. `m1.xlarge` (also settable as `machineType`).
   * @default - required somewhere: on the machine, the pool or the infrastructure
   */
  readonly flavor?: string;
  /**
   * Image the machines boot from.
   * @default - required somewhere: on the machine, the pool or the infrastructure
   */
  readonly image?: OpenStackImage;
  /**
   * Boot from a Cinder volume.
   * @default - boot from the flavor's local disk
   */
  readonly rootVolume?: OpenStackRootVolumeOptions;
  /**
   * Nova key pair for SSH.
   * @default - no key pair
   */
  readonly sshKeyName?: string;
  /**
   * Server group (e.g. with an anti-affinity policy) the machines join.
   * @default - none
   */
  readonly serverGroup?: OpenStackResource;
  /**
   * Security groups added to the machines (besides CAPO's managed ones).
   * @default - none
   */
  readonly securityGroups?: OpenStackResource[];
  /**
   * Ports of the machines. Setting ports replaces the default port on the cluster network:
   * list it too (a port without `network`).
   * @default - one port on the cluster network
   */
  readonly ports?: OpenStackPortOptions[];
  /**
   * Nova server metadata (keys and values ≤ 255 characters).
   * @default - none
   */
  readonly serverMetadata?: Record<string, string>;
  /**
   * Attach a config drive (for clouds without a metadata service).
   * @default - the cloud's default
   */
  readonly configDrive?: boolean;
  /**
   * Tags on the servers and their ports.
   * @default - none
   */
  readonly tags?: string[];
}

/** An SSH bastion host in the cluster network (off unless set). */
export interface OpenStackBastionOptions {
  /** Flavor of the bastion. */
  readonly flavor: string;
  /** Image of the bastion. */
  readonly image: OpenStackImage;
  /**
   * Nova key pair for SSH.
   * @default - the infrastructure's `machine.sshKeyName`
   */
  readonly sshKeyName?: string;
  /**
   * Availability zone of the bastion.
   * @default - Nova's choice
   */
  readonly availabilityZone?: string;
  /**
   * A pre-allocated floating IP address (IPv4) for the bastion.
   * @default - CAPO allocates one
   */
  readonly floatingIp?: string;
}
