import { Construct } from 'constructs';
import { validateAwsTags } from './private/aws-tags';
import { renderInstanceMetadata } from './private/instance-metadata';
import { AMI_ID } from '../../core/aws';
import { nonEmptyList, nonEmptyMap } from '../../core/collections';
import { hashedName } from '../../core/names';
import { checkInteger, EBS_PERFORMANCE, RANGES } from '../../core/ranges';
import { ValidationError } from '../../core/validation-error';
import * as capa from '../../imports/capa/infrastructure.cluster.x-k8s.io';
import { MachineOptions } from '../../machines/machine-options';
import { VolumeType } from '../../machines/root-volume';
import type { NodePool } from '../../nodes/node-pool';
import { API_GROUPS, ContractRef } from '../capi/contract-ref';

const VOLUME_TYPES: string[] = Object.values(VolumeType);

/** Default root volume size in GiB. */
export const DEFAULT_ROOT_VOLUME_GIB = 50;

/** Instance profiles clusterawsadm creates. */
export const DEFAULT_INSTANCE_PROFILES = {
  controlPlane: 'control-plane.cluster-api-provider-aws.sigs.k8s.io',
  nodes: 'nodes.cluster-api-provider-aws.sigs.k8s.io',
};

/** Where an AWSMachineTemplate is rendered and what it defaults to. */
export interface AwsMachineTemplateTarget {
  readonly scope: Construct;
  /** Field prefix for error messages, e.g. `controlPlane.` or ``. */
  readonly field: string;
  /** Base of the template name (a content hash is appended). */
  readonly baseName: string;
  readonly namespace: string;
  readonly defaultInstanceProfile: string;
  readonly sshKeyName?: string;
  /** Ignition settings of the machines (Flatcar). */
  readonly ignition?: { version: string; storageType: string };
}

/**
 * Renders an AWSMachineTemplate under a content-hashed name (its spec is immutable, and
 * KCP/MachineDeployments roll only when the referenced name changes). Secure defaults: IMDSv2
 * required, encrypted gp3 root volume, no public IP.
 */
/**
 * Renders the AWSMachineTemplate of a worker pool (`<cluster>-<pool>-<hash>`, the nodes'
 * instance profile by default), for MachineDeployments on AWS kubeadm and self-managed EKS.
 */
export function renderWorkerMachineTemplate(
  pool: NodePool, sshKeyName: string | undefined, ignition?: { version: string; storageType: string },
): ContractRef {
  return renderAwsMachineTemplate({
    scope: pool,
    field: '',
    baseName: `${pool.cluster.clusterName}-${pool.poolName}`,
    namespace: pool.cluster.clusterNamespace,
    defaultInstanceProfile: DEFAULT_INSTANCE_PROFILES.nodes,
    sshKeyName,
    ignition,
  }, pool.options);
}

export function renderAwsMachineTemplate(target: AwsMachineTemplateTarget, machine: MachineOptions): ContractRef {
  const spec = awsMachineSpec(target, machine);
  const name = hashedName(target.baseName, spec);
  new capa.AwsMachineTemplate(target.scope, 'AWSMachineTemplate', {
    metadata: { name, namespace: target.namespace },
    spec: { template: { spec } },
  });
  return { apiGroup: API_GROUPS.infrastructure, kind: 'AWSMachineTemplate', name };
}

/** The spec of an AWS machine (AWSMachineTemplate, or the launch template of a machine pool), validated. */
export function awsMachineSpec(target: AwsMachineTemplateTarget, machine: MachineOptions): capa.AwsMachineTemplateSpecTemplateSpec {
  const { scope, field } = target;
  const instanceType = machine.machineType ?? 't3.large';
  if (!/^[a-z][a-z0-9-]*\.[a-z0-9]+$/.test(instanceType)) {
    throw new ValidationError(scope, `${field}machineType '${instanceType}' is not an EC2 instance type. Use e.g. 'm6i.xlarge'.`);
  }
  const image = machine.image;
  if (image?.amiId !== undefined && !AMI_ID.test(image.amiId)) {
    throw new ValidationError(scope, `${field}image '${image.amiId}' is not an AMI id. Use 'ami-' followed by 8 or 17 hex digits, or MachineImage.lookup().`);
  }
  for (const sg of machine.additionalSecurityGroups ?? []) {
    if (!/^sg-[0-9a-f]{8,17}$/.test(sg)) {
      throw new ValidationError(scope, `${field}additionalSecurityGroups has '${sg}', which is not a security group id. Use 'sg-' followed by hex digits.`);
    }
  }
  const lookup = image?.lookupOptions;
  for (const [key, value] of [['baseOS', lookup?.baseOS], ['org', lookup?.org], ['format', lookup?.format]] as const) {
    if (value !== undefined && value.trim() === '') {
      throw new ValidationError(scope, `${field}image lookup ${key} is empty. Give a value (e.g. baseOS 'ubuntu-24.04') or leave it unset.`);
    }
  }
  if (machine.iamInstanceProfile !== undefined && machine.iamInstanceProfile.trim() === '') {
    throw new ValidationError(scope, `${field}iamInstanceProfile is empty. Name an instance profile, or leave it unset for '${target.defaultInstanceProfile}'.`);
  }
  validateAwsTags(scope, `${field}additionalTags`, machine.additionalTags);
  const maxPrice = machine.capacity?.isSpot ? machine.capacity.maxPrice : undefined;
  if (maxPrice !== undefined && !/^(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(maxPrice)) {
    throw new ValidationError(scope, `${field}capacity is Capacity.spot({ maxPrice: '${maxPrice}' }), which is not a price in USD per hour. Use a decimal such as '0.12', or Capacity.spot() for the on-demand price cap.`);
  }
  const subnet = machine.subnet;
  if (subnet?.subnetId !== undefined && !/^subnet-[0-9a-f]{8,17}$/.test(subnet.subnetId)) {
    throw new ValidationError(scope, `${field}subnet '${subnet.subnetId}' is not a subnet id. Use 'subnet-' followed by hex digits.`);
  }
  if (subnet?.filters !== undefined) {
    if (subnet.filters.length === 0) {
      throw new ValidationError(scope, `${field}subnet has no filters, which would match any subnet. Give filters, e.g. [{ name: 'tag:Name', values: ['*-private-*'] }], or use SubnetSelection.fromId().`);
    }
    for (const f of subnet.filters) {
      if (f.name.trim() === '' || f.values.length === 0) {
        throw new ValidationError(scope, `${field}subnet filter '${f.name}' has ${f.values.length === 0 ? 'no values' : 'no name'}. Give an EC2 filter name and at least one value, e.g. { name: 'tag:Name', values: ['*-private-*'] }.`);
      }
    }
  }
  return {
    instanceType,
    iamInstanceProfile: machine.iamInstanceProfile ?? target.defaultInstanceProfile,
    sshKeyName: target.sshKeyName,
    ami: image?.amiId ? { id: image.amiId } : undefined,
    imageLookupBaseOs: image?.lookupOptions?.baseOS,
    imageLookupOrg: image?.lookupOptions?.org,
    imageLookupFormat: image?.lookupOptions?.format,
    rootVolume: rootVolume(scope, field, machine),
    additionalSecurityGroups: nonEmptyList((machine.additionalSecurityGroups ?? []).map((id) => ({ id }))),
    spotMarketOptions: machine.capacity?.isSpot ? { maxPrice: machine.capacity.maxPrice } : undefined,
    subnet: subnet
      ? (subnet.subnetId ? { id: subnet.subnetId } : { filters: subnet.filters!.map((f) => ({ name: f.name, values: [...f.values] })) })
      : undefined,
    additionalTags: nonEmptyMap(machine.additionalTags),
    instanceMetadataOptions: renderInstanceMetadata(scope, field, machine.instanceMetadata),
    ignition: target.ignition as capa.AwsMachineTemplateSpecTemplateSpecIgnition | undefined,
  };
}

function rootVolume(scope: Construct, field: string, machine: MachineOptions): capa.AwsMachineTemplateSpecTemplateSpecRootVolume {
  const v = machine.rootVolume ?? {};
  const size = v.sizeGiB ?? DEFAULT_ROOT_VOLUME_GIB;
  const type = v.type ?? VolumeType.GP3;
  if (!VOLUME_TYPES.includes(type)) {
    throw new ValidationError(scope, `${field}rootVolume.type '${type}' is not an EBS volume type. Use VolumeType.GP3, GP2, IO1, IO2, ST1, SC1 or STANDARD.`);
  }
  checkInteger(scope, `${field}rootVolume.sizeGiB`, size, RANGES.ebsVolumeGiB);
  if ((type === VolumeType.IO1 || type === VolumeType.IO2) && v.iops === undefined) {
    throw new ValidationError(scope, `${field}rootVolume.type '${type}' needs rootVolume.iops. Set the provisioned IOPS, or use gp3.`);
  }
  if (v.iops !== undefined && type !== VolumeType.IO1 && type !== VolumeType.IO2 && type !== VolumeType.GP3) {
    throw new ValidationError(scope, `${field}rootVolume.iops is only for io1, io2 and gp3 volumes, not '${type}'. Remove iops or change the type.`);
  }
  if (v.throughput !== undefined && type !== VolumeType.GP3) {
    throw new ValidationError(scope, `${field}rootVolume.throughput is only for gp3 volumes, not '${type}'. Remove throughput or use gp3.`);
  }
  for (const [key, value] of [['iops', v.iops], ['throughput', v.throughput]] as const) {
    const range = EBS_PERFORMANCE[type]?.[key];
    if (value !== undefined && range) checkInteger(scope, `${field}rootVolume.${key}`, value, range);
  }
  if (v.encryptionKey !== undefined && v.encryptionKey.trim() === '') {
    throw new ValidationError(scope, `${field}rootVolume.encryptionKey is empty. Give a KMS key ARN or alias, or leave it unset for the AWS managed key.`);
  }
  if (v.encryptionKey !== undefined && v.encrypted === false) {
    throw new ValidationError(scope, `${field}rootVolume.encryptionKey is set but rootVolume.encrypted is false. Remove encryptionKey, or leave encrypted at its default (true).`);
  }
  return {
    size,
    type,
    encrypted: v.encrypted ?? true,
    encryptionKey: v.encryptionKey,
    iops: v.iops,
    throughput: v.throughput,
  };
}
