import { ipv4NetworkOf } from '../../src/core/cidr';

describe('ipv4NetworkOf', () => {
  test.each([
    ['10.0.0.1/8', '10.0.0.0/8'],
    ['192.168.1.77/24', '192.168.1.0/24'],
    ['172.16.5.4/12', '172.16.0.0/12'],
    ['255.255.255.255/0', '0.0.0.0/0'],
  ])('given %s (host bits set), then the network is %s', (cidr, network) => {
    expect(ipv4NetworkOf(cidr)).toBe(network);
  });

  test.each(['10.0.0.0/8', '10.1.2.3/32', '0.0.0.0/0', 'fd00::1/64', 'not-a-cidr'])('given %s (canonical, IPv6 or not a CIDR), then undefined', (cidr) => {
    expect(ipv4NetworkOf(cidr)).toBeUndefined();
  });
});
