import { Capacity } from './capacity';
import { InstanceMetadataOptions } from './instance-metadata';
import { MachineImage } from './machine-image';
import { RootVolumeOptions } from './root-volume';
import { SubnetSelection } from './subnet-selection';

/**
 * Settings of cloud machines (control plane or workers) on infrastructures that create them
 * (AWS kubeadm, EKS self-managed). Infrastructures that select existing hosts (BYOH) reject them.
 */
export interface MachineOptions {
  /**
   * Instance type.
   * @default - `t3.large` for the control plane, `t3.large` for workers
   */
  readonly machineType?: string;
  /**
   * Root volume.
   * @default - 50 GiB gp3, encrypted
   */
  readonly rootVolume?: RootVolumeOptions;
  /**
   * Machine image.
   * @default - CAPA's lookup for the Kubernetes version (cluster-level lookup settings apply)
   */
  readonly image?: MachineImage;
  /**
   * Extra security group ids attached to the machines.
   * @default - none
   */
  readonly additionalSecurityGroups?: string[];
  /**
   * On-demand or spot.
   * @default Capacity.onDemand()
   */
  readonly capacity?: Capacity;
  /**
   * Subnet for the machines.
   * @default - CAPA picks the cluster's private subnet in the machine's availability zone
   */
  readonly subnet?: SubnetSelection;
  /**
   * IAM instance profile of the machines.
   * @default - clusterawsadm's `nodes.cluster-api-provider-aws.sigs.k8s.io` for workers,
   * `control-plane.cluster-api-provider-aws.sigs.k8s.io` for the control plane
   */
  readonly iamInstanceProfile?: string;
  /**
   * Extra AWS tags on the machines.
   * @default - none
   */
  readonly additionalTags?: Record<string, string>;
  /**
   * Instance metadata (IMDS) settings; IMDSv2 stays required.
   * @default - IMDSv2 required, hop limit 2 (pods such as the EBS CSI controller reach instance metadata), no instance tags
   */
  readonly instanceMetadata?: InstanceMetadataOptions;
}
