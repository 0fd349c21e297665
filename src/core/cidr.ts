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
