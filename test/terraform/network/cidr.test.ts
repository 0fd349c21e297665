import * as fc from 'fast-check';
import { CapaNetwork } from '../../../src/terraform';
import { cidrContains, cidrOverlaps, cidrSubnet, formatCidr, parseCidr } from '../../../src/terraform/network/private/cidr';
import { testStack } from '../support/synth';

describe('CIDR arithmetic', () => {
  test('given Terraform cidrsubnet examples, when computed, then the results match Terraform', () => {
    expect(formatCidr(cidrSubnet(parseCidr('10.0.0.0/16')!, 3, 7))).toEqual('10.0.224.0/19');
    expect(formatCidr(cidrSubnet(parseCidr('172.16.0.0/12')!, 4, 2))).toEqual('172.18.0.0/16');
    expect(parseCidr('10.0.0.1/16')).toBeUndefined();
    expect(parseCidr('256.0.0.0/8')).toBeUndefined();
  });

  test('given any VPC from /16 to /22 and 1 to 7 AZs, when the default layout is built, then every subnet is inside the VPC and none overlap', () => {
    fc.assert(fc.property(
      fc.integer({ min: 16, max: 22 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 7 }),
      (prefix, raw, azCount) => {
        const address = raw - (raw % 2 ** (32 - prefix));
        const cidr = formatCidr({ address, prefix });
        const network = new CapaNetwork(testStack(), 'net', {
          clusterName: 'c', cidrBlock: cidr, availabilityZones: Array.from({ length: azCount }, (_, i) => `az-${i}`),
        });
        const vpc = parseCidr(cidr)!;
        const all = [...Object.values(network.privateSubnetCidrs), ...Object.values(network.publicSubnetCidrs)].map((c) => parseCidr(c)!);
        expect(all).toHaveLength(azCount * 2);
        all.forEach((c, i) => {
          expect(cidrContains(vpc, c)).toBe(true);
          all.slice(i + 1).forEach((d) => expect(cidrOverlaps(c, d)).toBe(false));
        });
      },
    ), { numRuns: 25, seed: Number(process.env.FC_SEED) || 20261203 });
  });
});
