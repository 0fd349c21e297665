const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Whether `cidr` parses as an IPv4 or IPv6 CIDR block (`10.0.0.0/16`, `fd00::/48`). */
export function isCidr(cidr: string): boolean {
  const [address, prefix, ...rest] = cidr.split('/');
  if (rest.length > 0 || prefix === undefined || !/^\d{1,3}$/.test(prefix)) return false;
  const bits = Number(prefix);
  if (IPV4.test(address)) return bits <= 32;
  return isIpv6(address) && bits <= 128;
}

/** Whether `address` is an IPv4 or IPv6 address (no prefix). */
export function isIpAddress(address: string): boolean {
  return IPV4.test(address) || isIpv6(address);
}

function isIpv6(address: string): boolean {
  if (!/^[0-9a-fA-F:]+$/.test(address) || (address.match(/::/g) ?? []).length > 1) return false;
  const groups = address.split(':').filter((g) => g !== '');
  if (groups.some((g) => g.length > 4)) return false;
  return address.includes('::') ? groups.length < 8 : groups.length === 8;
}

/** Whether two IPv4 CIDR blocks share an address (`false` when either is not an IPv4 CIDR). */
export function ipv4CidrsOverlap(a: string, b: string): boolean {
  const range = (cidr: string): [number, number] | undefined => {
    const [address, prefix] = cidr.split('/');
    if (!IPV4.test(address) || !isCidr(cidr)) return undefined;
    const start = address.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
    const size = 2 ** (32 - Number(prefix));
    const first = start - (start % size);
    return [first, first + size - 1];
  };
  const ra = range(a);
  const rb = range(b);
  return ra !== undefined && rb !== undefined && ra[0] <= rb[1] && rb[0] <= ra[1];
}

/**
 * The CIDR block an IPv4 CIDR with host bits set stands for (`10.0.0.1/8` → `10.0.0.0/8`), or
 * `undefined` when `cidr` is canonical or not an IPv4 CIDR.
 */
export function ipv4NetworkOf(cidr: string): string | undefined {
  const [address, prefix] = cidr.split('/');
  if (!IPV4.test(address) || !isCidr(cidr)) return undefined;
  const start = address.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
  const size = 2 ** (32 - Number(prefix));
  const first = start - (start % size);
  if (first === start) return undefined;
  return `${[24, 16, 8, 0].map((shift) => Math.floor(first / 2 ** shift) % 256).join('.')}/${prefix}`;
}

/** The IP family of a CIDR block (`undefined` when it does not parse). */
export function cidrFamily(cidr: string): 4 | 6 | undefined {
  if (!isCidr(cidr)) return undefined;
  return IPV4.test(cidr.split('/')[0]) ? 4 : 6;
}

/** The prefix length of a CIDR block. */
export function cidrPrefix(cidr: string): number {
  return Number(cidr.split('/')[1]);
}

/**
 * The first of `cidrs` that is not an IPv4 CIDR block, for fields that take IPv4 only
 * (AWS security-group `cidrBlocks`, VPC CIDRs, EKS public-access CIDRs), or `undefined`.
 */
export function firstNonIpv4Cidr(cidrs: string[] | undefined): string | undefined {
  return (cidrs ?? []).find((c) => cidrFamily(c) !== 4);
}

/** The Kubernetes rules for the cluster's pod and service ranges, as kubeadm, the API server and the controller manager apply them. */
export interface ClusterCidrRules {
  /** The controller manager's per-node IPv4 pod mask (`node-cidr-mask-size[-ipv4]`, default 24). */
  readonly nodeMaskIpv4: number;
  /** The controller manager's per-node IPv6 pod mask (`node-cidr-mask-size[-ipv6]`, default 64). */
  readonly nodeMaskIpv6: number;
}

/**
 * Why the pod and service ranges cannot work (`undefined` when they can): at most one block per IP
 * family (dual-stack is one IPv4 and one IPv6 block); services at most /12 (IPv4) or /108 (IPv6),
 * the largest ranges the API server allocates from; pod blocks no smaller than the per-node mask
 * (otherwise no node gets pod addresses) and at most 16 bits larger than it (the controller
 * manager's limit); pods and services in the same primary family. The messages name the field,
 * the value and the fix.
 */
export function clusterCidrProblem(podCidrs: string[], serviceCidrs: string[], rules: ClusterCidrRules): string | undefined {
  for (const [field, cidrs] of [['network.podCidrs', podCidrs], ['network.serviceCidrs', serviceCidrs]] as const) {
    if (cidrs.length > 2) {
      return `${field} has ${cidrs.length} blocks (${cidrs.join(', ')}). Kubernetes takes one block per IP family: one IPv4 block, one IPv6 block, or one of each for dual-stack.`;
    }
    if (cidrs.length === 2 && cidrFamily(cidrs[0]) === cidrFamily(cidrs[1])) {
      return `${field} has two IPv${cidrFamily(cidrs[0])} blocks ('${cidrs[0]}', '${cidrs[1]}'). Kubernetes takes one block per IP family (dual-stack is one IPv4 and one IPv6 block); use one larger block instead.`;
    }
  }
  for (const svc of serviceCidrs) {
    const family = cidrFamily(svc);
    const min = family === 4 ? 12 : 108;
    if (cidrPrefix(svc) < min) {
      return `network.serviceCidrs '${svc}' is larger than /${min}; the API server refuses service ranges of more than 2^20 addresses. Use a /${min} or smaller block, e.g. '${family === 4 ? '10.96.0.0/12' : 'fd00:10:96::/108'}'.`;
    }
  }
  for (const pod of podCidrs) {
    const family = cidrFamily(pod);
    const mask = family === 4 ? rules.nodeMaskIpv4 : rules.nodeMaskIpv6;
    const prefix = cidrPrefix(pod);
    if (prefix > mask) {
      return `network.podCidrs '${pod}' is smaller than one node's pod range (/${mask}), so no node would get pod addresses. Use a block of /${mask - 8} or larger (e.g. '${family === 4 ? '192.168.0.0/16' : 'fd00:10:244::/56'}'), or lower the controller manager's node-cidr-mask-size.`;
    }
    if (mask - prefix > 16) {
      return `network.podCidrs '${pod}' is more than 16 bits larger than the per-node mask /${mask}; the controller manager refuses it. Use a /${mask - 16} or smaller block, or raise node-cidr-mask-size.`;
    }
  }
  if (cidrFamily(podCidrs[0]) !== cidrFamily(serviceCidrs[0])) {
    return `network.podCidrs '${podCidrs[0]}' and network.serviceCidrs '${serviceCidrs[0]}' are of different IP families; kubeadm needs the first pod and service blocks in the same family. List them in the same family order.`;
  }
  return undefined;
}

/**
 * Why CAPA cannot carve its subnets out of a managed VPC CIDR (`undefined` when it can): the VPC
 * takes an IPv4 /16 to /28; CAPA splits it into one private subnet per AZ plus one block that it
 * splits again into one public subnet per AZ, and AWS subnets are at most /28.
 */
export function vpcSubnetProblem(cidr: string, azCount: number): string | undefined {
  if (cidrFamily(cidr) !== 4) return `network cidr '${cidr}' is not an IPv4 block; an AWS VPC's primary CIDR is IPv4. Use e.g. '10.0.0.0/16'.`;
  const prefix = cidrPrefix(cidr);
  if (prefix < 16 || prefix > 28) return `network cidr '${cidr}' is /${prefix}; AWS VPCs take /16 to /28. Use e.g. '10.0.0.0/16'.`;
  const bits = (n: number) => Math.ceil(Math.log2(n));
  const publicPrefix = prefix + bits(azCount + 1) + bits(azCount);
  if (publicPrefix > 28) {
    return `network cidr '${cidr}' is too small for ${azCount} availability zone(s): CAPA splits it into ${azCount + 1} blocks and one of them into ${azCount} public subnets of /${publicPrefix}, but AWS subnets are at most /28. Use a larger block (at most /${28 - bits(azCount + 1) - bits(azCount)}, e.g. '10.0.0.0/16') or fewer zones.`;
  }
  return undefined;
}
