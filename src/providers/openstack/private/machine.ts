import { Construct, IConstruct } from 'constructs';
import { checkZoneName, isUuid, renderImage, renderResource, renderTags, requireText } from './refs';
import { hashedName } from '../../../core/names';
import { checkInteger, RANGES } from '../../../core/ranges';
import { ValidationError } from '../../../core/validation-error';
import * as capo from '../../../imports/capo/infrastructure.cluster.x-k8s.io';
import { MachineOptions } from '../../../machines/machine-options';
import { API_GROUPS, ContractRef } from '../../capi/contract-ref';
import { OpenStackMachineOptions, OpenStackPortOptions } from '../openstack-machine-options';
import { OpenStackImage, OpenStackResource } from '../openstack-resource';

/** Neutron's VNIC types. */
const VNIC_TYPES = ['normal', 'direct', 'direct-physical', 'macvtap', 'baremetal', 'virtio-forwarder', 'smart-nic', 'remote-managed', 'vdpa'];

/** AWS-only machine settings, rejected with the OpenStack way to say it. */
const AWS_ONLY: Array<[keyof MachineOptions, string]> = [
  ['capacity', 'OpenStack has no spot market. Remove capacity'],
  ['subnet', 'Use the OpenStack machine options\' ports: [{ subnets: [OpenStackResource.fromId(...)] }] instead'],
  ['iamInstanceProfile', 'OpenStack machines have no instance profile; the cloud controller manager and Cinder CSI use the cloud-config Secret. Remove iamInstanceProfile'],
  ['additionalTags', 'Use the OpenStack machine options\' serverMetadata (key/value) or tags (list) instead'],
];

/**
 * The OpenStack reading of the provider-neutral machine settings (`machineType` is the flavor,
 * `image` a Glance image UUID, `rootVolume.sizeGiB` a Cinder root volume, security groups by
 * UUID or name); AWS-only settings are rejected with the OpenStack alternative.
 */
export function fromMachineOptions(scope: IConstruct, prefix: string, machine: MachineOptions): OpenStackMachineOptions {
  for (const [key, fix] of AWS_ONLY) {
    if (key === 'capacity' && machine.capacity?.isSpot === false) continue; // on demand is what OpenStack does
    if (machine[key] !== undefined) throw new ValidationError(scope, `${prefix}${key} is an AWS setting that OpenStack cannot apply. ${fix}.`);
  }
  if (machine.image?.lookupOptions !== undefined) {
    throw new ValidationError(scope, `${prefix}image is MachineImage.lookup(), an AWS AMI lookup. Use OpenStackImage.fromName('<glance image>') in the OpenStack machine options, or MachineImage.fromId('<glance image UUID>').`);
  }
  const rv = machine.rootVolume;
  if (rv) {
    for (const key of ['type', 'encrypted', 'encryptionKey', 'iops', 'throughput'] as const) {
      if (rv[key] !== undefined) {
        throw new ValidationError(scope, `${prefix}rootVolume.${key} is an EBS setting that OpenStack cannot apply. Use the OpenStack machine options' rootVolume: { sizeGiB, type: '<cinder volume type>' } instead.`);
      }
    }
  }
  return {
    flavor: machine.machineType,
    image: machine.image?.amiId !== undefined ? OpenStackImage.fromId(machine.image.amiId) : undefined,
    rootVolume: rv?.sizeGiB !== undefined ? { sizeGiB: rv.sizeGiB } : undefined,
    securityGroups: machine.additionalSecurityGroups?.map((g) => (isUuid(g) ? OpenStackResource.fromId(g) : OpenStackResource.fromName(g))),
  };
}

/**
 * Merges machine settings field by field, later layers winning. Within one layer pair,
 * `generic` (machineType, …) and `openstack` may not set the same field twice.
 */
export function mergeMachineLayers(layers: Array<OpenStackMachineOptions | undefined>): OpenStackMachineOptions {
  const merged: Record<string, unknown> = {};
  for (const layer of layers) {
    for (const [k, v] of Object.entries(layer ?? {})) if (v !== undefined) merged[k] = v;
  }
  return merged as OpenStackMachineOptions;
}

/** Rejects a field set both through the neutral machine settings and the OpenStack ones. */
export function rejectDoubleSettings(
  scope: IConstruct,
  generic: OpenStackMachineOptions,
  openstack: OpenStackMachineOptions | undefined,
  names: { generic: string; openstack: string },
): void {
  const pairs: Array<[keyof OpenStackMachineOptions, string]> = [['flavor', 'machineType'], ['image', 'image'], ['rootVolume', 'rootVolume'], ['securityGroups', 'additionalSecurityGroups']];
  for (const [key, genericKey] of pairs) {
    if (generic[key] !== undefined && openstack?.[key] !== undefined) {
      throw new ValidationError(scope, `${names.generic}${genericKey} and ${names.openstack}.${key} are both set. Set it once (${names.openstack}.${key} has every OpenStack option).`);
    }
  }
}

/** The spec of an OpenStack machine, validated. `field` prefixes error messages. */
export function openStackMachineSpec(scope: IConstruct, field: string, m: OpenStackMachineOptions): capo.OpenStackMachineTemplateSpecTemplateSpec {
  if (m.flavor === undefined) {
    throw new ValidationError(scope, `${field}has no flavor. Set machineType (e.g. 'm1.large') or the flavor in the OpenStack machine options (infrastructure 'machine' for every machine).`);
  }
  requireText(scope, `${field}flavor`, m.flavor, 'm1.large');
  if (m.image === undefined) {
    throw new ValidationError(scope, `${field}has no image. Set image: OpenStackImage.fromName('ubuntu-2404-kube-v1.33.4') in the OpenStack machine options (infrastructure 'machine' for every machine).`);
  }
  requireText(scope, `${field}sshKeyName`, m.sshKeyName, 'capi');
  const rv = m.rootVolume;
  if (rv) {
    checkInteger(scope, `${field}rootVolume.sizeGiB`, rv.sizeGiB, RANGES.cinderVolumeGiB);
    requireText(scope, `${field}rootVolume.type`, rv.type, 'ssd');
    checkZoneName(scope, `${field}rootVolume.availabilityZone`, rv.availabilityZone);
  }
  const metadata = m.serverMetadata ?? {};
  for (const [k, v] of Object.entries(metadata)) {
    if (k === '' || k.length > 255 || v.length > 255) {
      throw new ValidationError(scope, `${field}serverMetadata '${k}' is invalid: keys must be 1 to 255 characters and values at most 255 (Nova's limits).`);
    }
  }
  const keys = Object.keys(metadata).sort();
  return {
    flavor: m.flavor,
    image: renderImage(scope, `${field}image`, m.image),
    rootVolume: rv ? {
      sizeGiB: rv.sizeGiB,
      type: rv.type,
      availabilityZone: rv.availabilityZone !== undefined ? { name: rv.availabilityZone } : undefined,
    } : undefined,
    sshKeyName: m.sshKeyName,
    serverGroup: m.serverGroup ? renderResource(scope, `${field}serverGroup`, m.serverGroup, false) : undefined,
    securityGroups: nonEmpty((m.securityGroups ?? []).map((g, i) => renderResource(scope, `${field}securityGroups[${i}]`, g))),
    ports: nonEmpty(uniquePortSuffixes(scope, field, m.ports ?? []).map((p, i) => renderPort(scope, `${field}ports[${i}]`, p))),
    serverMetadata: nonEmpty(keys.map((key) => ({ key, value: metadata[key] }))),
    configDrive: m.configDrive,
    tags: renderTags(scope, `${field}tags`, m.tags),
  };
}

/** Rejects two ports with one name (`<machine>-<suffix>`; CAPO's default suffix is the port's index). */
function uniquePortSuffixes(scope: IConstruct, field: string, ports: OpenStackPortOptions[]): OpenStackPortOptions[] {
  const seen = new Map<string, number>();
  ports.forEach((p, i) => {
    const suffix = p.nameSuffix ?? String(i);
    const first = seen.get(suffix);
    if (first !== undefined) {
      throw new ValidationError(scope, `${field}ports[${i}] and ports[${first}] both get the name suffix '${suffix}' (CAPO's default suffix is the port's index), so their Neutron ports would have one name. Give each port its own nameSuffix.`);
    }
    seen.set(suffix, i);
  });
  return ports;
}

function renderPort(scope: IConstruct, field: string, p: OpenStackPortOptions): capo.OpenStackMachineTemplateSpecTemplateSpecPorts {
  if (p.disablePortSecurity === true && p.securityGroups !== undefined && p.securityGroups.length > 0) {
    throw new ValidationError(scope, `${field} has securityGroups and disablePortSecurity: true; a port without port security cannot have security groups (CAPO rejects it). Remove one of them.`);
  }
  if (p.vnicType !== undefined && !VNIC_TYPES.includes(p.vnicType)) {
    throw new ValidationError(scope, `${field}.vnicType '${p.vnicType}' is not a Neutron VNIC type. Use one of ${VNIC_TYPES.join(', ')}.`);
  }
  requireText(scope, `${field}.nameSuffix`, p.nameSuffix, 'storage');
  if (p.nameSuffix !== undefined && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(p.nameSuffix)) {
    throw new ValidationError(scope, `${field}.nameSuffix '${p.nameSuffix}' must be lower-case letters, digits and '-' (it becomes part of the port name).`);
  }
  return {
    network: p.network ? renderResource(scope, `${field}.network`, p.network) : undefined,
    fixedIPs: nonEmpty((p.subnets ?? []).map((s, i) => ({ subnet: renderResource(scope, `${field}.subnets[${i}]`, s) }))),
    securityGroups: nonEmpty((p.securityGroups ?? []).map((g, i) => renderResource(scope, `${field}.securityGroups[${i}]`, g))),
    disablePortSecurity: p.disablePortSecurity,
    nameSuffix: p.nameSuffix,
    description: p.description,
    vnicType: p.vnicType,
    trunk: p.trunk,
    tags: renderTags(scope, `${field}.tags`, p.tags),
  };
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

/**
 * Renders an OpenStackMachineTemplate under a content-hashed name (its spec is immutable, and
 * KCP/MachineDeployments roll only when the referenced name changes).
 */
export function renderOpenStackMachineTemplate(
  scope: Construct,
  baseName: string,
  namespace: string,
  spec: capo.OpenStackMachineTemplateSpecTemplateSpec,
): ContractRef {
  const name = hashedName(baseName, spec);
  new capo.OpenStackMachineTemplate(scope, 'OpenStackMachineTemplate', {
    metadata: { name, namespace },
    spec: { template: { spec } },
  });
  return { apiGroup: API_GROUPS.infrastructure, kind: 'OpenStackMachineTemplate', name };
}
