import { IConstruct } from 'constructs';
import { isUuid } from './refs';
import { cidrFamily, isCidr } from '../../../core/cidr';
import { ValidationError } from '../../../core/validation-error';
import * as capo from '../../../imports/capo/infrastructure.cluster.x-k8s.io';
import { ManagedSecurityGroup, OpenStackSecurityGroupRule, OpenStackSecurityGroupsOptions, SecurityGroupEtherType, SecurityGroupRuleDirection } from '../openstack-security-groups';

type Rule = capo.OpenStackClusterSpecManagedSecurityGroupsAllNodesSecurityGroupRules;
type RemoteGroup = capo.OpenStackClusterSpecManagedSecurityGroupsAllNodesSecurityGroupRulesRemoteManagedGroups;

/** The OpenStackCluster `managedSecurityGroups`, validated; `undefined` when not managed. */
export function renderManagedSecurityGroups(
  scope: IConstruct,
  options: OpenStackSecurityGroupsOptions,
): capo.OpenStackClusterSpecManagedSecurityGroups | undefined {
  if (options.managed === false) {
    for (const key of ['allowAllInClusterTraffic', 'allNodesRules', 'controlPlaneRules', 'workerRules'] as const) {
      if (options[key] !== undefined) {
        throw new ValidationError(scope, `securityGroups.${key} is set, but securityGroups.managed is false, so CAPO creates no groups to apply it to. Remove ${key}, or let CAPO manage the groups.`);
      }
    }
    return undefined;
  }
  const rules = (field: string, list: OpenStackSecurityGroupRule[] | undefined): any[] | undefined => {
    const names = new Set<string>();
    const out = (list ?? []).map((r) => {
      if (names.has(r.name)) throw new ValidationError(scope, `securityGroups.${field} has two rules named '${r.name}'. Give each rule a unique name.`);
      names.add(r.name);
      return renderRule(scope, `securityGroups.${field} rule '${r.name}'`, r);
    });
    return out.length > 0 ? out : undefined;
  };
  return {
    allowAllInClusterTraffic: options.allowAllInClusterTraffic ?? false,
    allNodesSecurityGroupRules: rules('allNodesRules', options.allNodesRules),
    controlPlaneNodesSecurityGroupRules: rules('controlPlaneRules', options.controlPlaneRules),
    workerNodesSecurityGroupRules: rules('workerRules', options.workerRules),
  };
}

const PORT_PROTOCOLS = ['tcp', 'udp', 'sctp', 'dccp', 'udplite', '6', '17', '132', '33', '136'];
/** The protocol names Neutron accepts (besides numbers 0–255). */
const PROTOCOL_NAMES = [
  'ah', 'dccp', 'egp', 'esp', 'gre', 'hopopt', 'icmp', 'icmpv6', 'igmp', 'ipip', 'ipv6-encap', 'ipv6-frag', 'ipv6-icmp', 'ipv6-nonxt',
  'ipv6-opts', 'ipv6-route', 'ospf', 'pgm', 'rsvp', 'sctp', 'tcp', 'udp', 'udplite', 'vrrp',
];
/** Neutron's longest rule description. */
const MAX_DESCRIPTION = 255;

function renderRule(scope: IConstruct, field: string, r: OpenStackSecurityGroupRule): Rule {
  if (r.name.trim() === '') throw new ValidationError(scope, `${field} has an empty name. Name every rule.`);
  const direction = r.direction ?? SecurityGroupRuleDirection.INGRESS;
  if (!(Object.values(SecurityGroupRuleDirection) as string[]).includes(direction)) {
    throw new ValidationError(scope, `${field} has direction '${direction}'. Use SecurityGroupRuleDirection.INGRESS or EGRESS.`);
  }
  const etherType = r.etherType ?? SecurityGroupEtherType.IPV4;
  if (!(Object.values(SecurityGroupEtherType) as string[]).includes(etherType)) {
    throw new ValidationError(scope, `${field} has etherType '${etherType}'. Use SecurityGroupEtherType.IPV4 or IPV6.`);
  }
  const remotes = [r.remoteIpPrefix, r.remoteGroupId, r.remoteManagedGroups].filter((x) => x !== undefined);
  if (remotes.length > 1) {
    throw new ValidationError(scope, `${field} sets more than one of remoteIpPrefix, remoteGroupId and remoteManagedGroups (CAPO rejects it). Keep one.`);
  }
  if (r.remoteIpPrefix !== undefined && !isCidr(r.remoteIpPrefix)) {
    throw new ValidationError(scope, `${field} remoteIpPrefix '${r.remoteIpPrefix}' is not a CIDR block. Use e.g. '10.0.0.0/8'.`);
  }
  if (r.remoteIpPrefix !== undefined && `IPv${cidrFamily(r.remoteIpPrefix)}` !== etherType) {
    throw new ValidationError(scope, `${field} remoteIpPrefix '${r.remoteIpPrefix}' is an IPv${cidrFamily(r.remoteIpPrefix)} block, but etherType is ${etherType} (Neutron rejects the conflict). Set etherType to match, or use a prefix of that family.`);
  }
  if (r.description !== undefined && r.description.length > MAX_DESCRIPTION) {
    throw new ValidationError(scope, `${field} has a description of ${r.description.length} characters; Neutron takes at most ${MAX_DESCRIPTION}. Shorten it.`);
  }
  if (r.remoteGroupId !== undefined && !isUuid(r.remoteGroupId)) {
    throw new ValidationError(scope, `${field} remoteGroupId '${r.remoteGroupId}' is not a security group UUID.`);
  }
  if (r.remoteManagedGroups !== undefined) {
    if (r.remoteManagedGroups.length === 0) {
      throw new ValidationError(scope, `${field} remoteManagedGroups is empty. List ManagedSecurityGroup.CONTROL_PLANE and/or WORKER, or remove it.`);
    }
    for (const g of r.remoteManagedGroups) {
      if (!(Object.values(ManagedSecurityGroup) as string[]).includes(g)) {
        throw new ValidationError(scope, `${field} remoteManagedGroups has '${g}'. Use ManagedSecurityGroup.CONTROL_PLANE, WORKER or BASTION.`);
      }
    }
  }
  const { portRangeMin: min, portRangeMax: max } = r;
  for (const [k, v] of [['portRangeMin', min], ['portRangeMax', max]] as const) {
    if (v !== undefined && (!Number.isInteger(v) || v < 1 || v > 65535)) {
      throw new ValidationError(scope, `${field} ${k} (${v}) is not a port. Use a whole number from 1 to 65535.`);
    }
  }
  if (max !== undefined && min === undefined) {
    throw new ValidationError(scope, `${field} sets portRangeMax without portRangeMin. Set portRangeMin (and portRangeMax for a range).`);
  }
  if (min !== undefined && max !== undefined && min > max) {
    throw new ValidationError(scope, `${field} portRangeMin (${min}) is greater than portRangeMax (${max}). Set min ≤ max.`);
  }
  if (min !== undefined && (r.protocol === undefined || !PORT_PROTOCOLS.includes(r.protocol))) {
    throw new ValidationError(scope, `${field} has a port range but protocol '${r.protocol ?? 'any'}'; Neutron takes ports only with tcp, udp, sctp, dccp`
      + ' or udplite. Set the protocol.');
  }
  if (r.protocol !== undefined && r.protocol.trim() === '') {
    throw new ValidationError(scope, `${field} has an empty protocol. Use e.g. 'tcp', or leave it unset for any protocol.`);
  }
  if (r.protocol !== undefined && !PROTOCOL_NAMES.includes(r.protocol) && !(/^\d{1,3}$/.test(r.protocol) && Number(r.protocol) <= 255)) {
    throw new ValidationError(scope, `${field} has protocol '${r.protocol}', which Neutron does not know. Use a protocol name (e.g. 'tcp', 'udp', 'icmp', 'ipip') or a number from 0 to 255.`);
  }
  return {
    name: r.name,
    description: r.description,
    direction: direction as string as capo.OpenStackClusterSpecManagedSecurityGroupsAllNodesSecurityGroupRulesDirection,
    etherType: etherType as string as capo.OpenStackClusterSpecManagedSecurityGroupsAllNodesSecurityGroupRulesEtherType,
    protocol: r.protocol,
    portRangeMin: min,
    portRangeMax: min !== undefined ? (max ?? min) : undefined,
    remoteIpPrefix: r.remoteIpPrefix,
    remoteGroupId: r.remoteGroupId,
    remoteManagedGroups: r.remoteManagedGroups?.map((g) => g as string as RemoteGroup),
  };
}
