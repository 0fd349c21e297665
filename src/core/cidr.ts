const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Whether `cidr` parses as an IPv4 or IPv6 CIDR block (`10.0.0.0/16`, `fd00::/48`). */
export function isCidr(cidr: string): boolean {
  const [address, prefix, ...rest] = cidr.split('/');
  if (rest.length > 0 || prefix === undefined || !/^\d{1,3}$/.test(prefix)) return false;
  const bits = Number(prefix);
  if (IPV4.test(address)) return bits <= 32;
  return isIpv6(address) && bits <= 128;
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
