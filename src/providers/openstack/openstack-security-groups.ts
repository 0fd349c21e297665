/** Direction of a security group rule. */
export enum SecurityGroupRuleDirection {
  /** Traffic to the machines. */
  INGRESS = 'ingress',
  /** Traffic from the machines. */
  EGRESS = 'egress',
}

/** IP version of a security group rule. */
export enum SecurityGroupEtherType {
  /** IPv4. */
  IPV4 = 'IPv4',
  /** IPv6. */
  IPV6 = 'IPv6',
}

/** The security groups CAPO manages for a cluster, usable as a rule's remote. */
export enum ManagedSecurityGroup {
  /** The control-plane machines' group. */
  CONTROL_PLANE = 'controlplane',
  /** The worker machines' group. */
  WORKER = 'worker',
  /** The bastion's group. */
  BASTION = 'bastion',
}

/** One rule added to a CAPO-managed security group. */
export interface OpenStackSecurityGroupRule {
  /** Rule name (unique within its list). */
  readonly name: string;
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Direction.
   * @default SecurityGroupRuleDirection.INGRESS
   */
  readonly direction?: SecurityGroupRuleDirection;
  /**
   * IP version.
   * @default SecurityGroupEtherType.IPV4
   */
  readonly etherType?: SecurityGroupEtherType;
  /**
   * Protocol: `tcp`, `udp`, `icmp`, … or an IP protocol number such as `4` (IP-in-IP).
   * @default - any protocol
   */
  readonly protocol?: string;
  /**
   * First port of the range (tcp/udp only).
   * @default - all ports
   */
  readonly portRangeMin?: number;
  /**
   * Last port of the range (tcp/udp only).
   * @default - `portRangeMin`
   */
  readonly portRangeMax?: number;
  /**
   * Remote CIDR the rule matches. Only one of `remoteIpPrefix`, `remoteGroupId`,
   * `remoteManagedGroups`.
   * @default - any address
   */
  readonly remoteIpPrefix?: string;
  /**
   * Remote security group (UUID) the rule matches.
   * @default - none
   */
  readonly remoteGroupId?: string;
  /**
   * CAPO-managed groups the rule matches (e.g. the rule applies between all nodes).
   * @default - none
   */
  readonly remoteManagedGroups?: ManagedSecurityGroup[];
}

/** The security groups CAPO creates for the control plane and workers. */
export interface OpenStackSecurityGroupsOptions {
  /**
   * Let CAPO create and manage security groups (Kubernetes API, kubelet, etcd, …). With
   * `false`, machines only get the groups you list on them.
   * @default true
   */
  readonly managed?: boolean;
  /**
   * Allow all traffic between the cluster's machines (instead of only Kubernetes' ports and
   * the rules below). Convenient for any CNI, but wider than needed.
   * @default false
   */
  readonly allowAllInClusterTraffic?: boolean;
  /**
   * Extra rules on every node's group, e.g. `OpenStackSecurityGroupRules.calico()`.
   * @default - none
   */
  readonly allNodesRules?: OpenStackSecurityGroupRule[];
  /**
   * Extra rules on the control-plane machines' group.
   * @default - none
   */
  readonly controlPlaneRules?: OpenStackSecurityGroupRule[];
  /**
   * Extra rules on the worker machines' group.
   * @default - none
   */
  readonly workerRules?: OpenStackSecurityGroupRule[];
}

const BETWEEN_NODES = [ManagedSecurityGroup.CONTROL_PLANE, ManagedSecurityGroup.WORKER];

/** Rules CNIs need between nodes, for `OpenStackSecurityGroupsOptions.allNodesRules`. */
export class OpenStackSecurityGroupRules {
  /** Calico with BGP and IP-in-IP (as `Catalog.calico()` configures it): 179/tcp and IP protocol 4. */
  public static calico(): OpenStackSecurityGroupRule[] {
    return [
      { name: 'BGP (Calico)', description: 'Calico BGP between nodes', protocol: 'tcp', portRangeMin: 179, portRangeMax: 179, remoteManagedGroups: BETWEEN_NODES },
      { name: 'IP-in-IP (Calico)', description: 'Calico IP-in-IP between nodes', protocol: '4', remoteManagedGroups: BETWEEN_NODES },
    ];
  }

  /** Cilium with VXLAN (Cilium's default tunnel): 8472/udp, health 4240/tcp, ICMP. */
  public static cilium(): OpenStackSecurityGroupRule[] {
    return [
      { name: 'VXLAN (Cilium)', description: 'Cilium VXLAN overlay between nodes', protocol: 'udp', portRangeMin: 8472, portRangeMax: 8472, remoteManagedGroups: BETWEEN_NODES },
      { name: 'Health (Cilium)', description: 'Cilium health checks between nodes', protocol: 'tcp', portRangeMin: 4240, portRangeMax: 4240, remoteManagedGroups: BETWEEN_NODES },
      { name: 'ICMP (Cilium)', description: 'Cilium health pings between nodes', protocol: 'icmp', remoteManagedGroups: BETWEEN_NODES },
    ];
  }

  private constructor() {}
}
