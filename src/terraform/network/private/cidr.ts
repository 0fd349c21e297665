/** IPv4 CIDR arithmetic for subnet layouts, done in TypeScript so the output holds plain CIDR strings. */

/** A parsed IPv4 CIDR block. */
export interface Ipv4Cidr {
  /** Network address as an unsigned 32-bit number. */
  readonly address: number;
  /** Prefix length, 0–32. */
  readonly prefix: number;
}

/** Parses `a.b.c.d/n`; returns undefined when it is not a valid network CIDR (host bits must be zero). */
export function parseCidr(text: string): Ipv4Cidr | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  if (address % 2 ** (32 - prefix) !== 0) return undefined;
  return { address, prefix };
}

/** Formats a CIDR back to `a.b.c.d/n`. */
export function formatCidr(c: Ipv4Cidr): string {
  const octet = (shift: number) => Math.floor(c.address / 2 ** shift) % 256;
  return `${octet(24)}.${octet(16)}.${octet(8)}.${octet(0)}/${c.prefix}`;
}

/** Terraform's `cidrsubnet(base, newbits, index)`. */
export function cidrSubnet(base: Ipv4Cidr, newbits: number, index: number): Ipv4Cidr {
  const prefix = base.prefix + newbits;
  if (prefix > 32 || index >= 2 ** newbits) throw new Error(`cidrSubnet: no subnet ${index} of /${prefix} in ${formatCidr(base)}`);
  return { address: base.address + index * 2 ** (32 - prefix), prefix };
}

/** Whether `inner` lies inside `outer`. */
export function cidrContains(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
  if (inner.prefix < outer.prefix) return false;
  const size = 2 ** (32 - outer.prefix);
  return inner.address >= outer.address && inner.address < outer.address + size;
}

/** Whether two CIDRs overlap. */
export function cidrOverlaps(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  return cidrContains(a, b) || cidrContains(b, a);
}
