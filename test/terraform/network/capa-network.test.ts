import { CapaNetwork, CapaNetworkProps, NatGateways } from '../../../src/terraform';
import { resourceNamed, resourcesOf, synthJson, testStack } from '../support/synth';

const AZS = ['ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2c'];

function synth(props: Partial<CapaNetworkProps> = {}) {
  const stack = testStack();
  const network = new CapaNetwork(stack, 'net', { clusterName: 'prod-seoul', availabilityZones: AZS, ...props });
  return { network, tf: synthJson(stack) };
}

describe('CapaNetwork', () => {
  test('given three AZs, when synthesized, then there is one public and one private subnet per AZ with the default CIDR layout', () => {
    const { tf, network } = synth();
    const subnets = Object.values(resourcesOf(tf, 'aws_subnet'));
    expect(subnets).toHaveLength(6);
    expect(resourceNamed(tf, 'aws_subnet', 'private-ap-northeast-2b').cidr_block).toEqual('10.0.32.0/19');
    expect(resourceNamed(tf, 'aws_subnet', 'public-ap-northeast-2c').cidr_block).toEqual('10.0.232.0/22');
    expect(network.privateSubnetCidrs).toEqual({ 'ap-northeast-2a': '10.0.0.0/19', 'ap-northeast-2b': '10.0.32.0/19', 'ap-northeast-2c': '10.0.64.0/19' });
    expect(resourceNamed(tf, 'aws_vpc', 'vpc')).toMatchObject({ cidr_block: '10.0.0.0/16', enable_dns_hostnames: true, enable_dns_support: true });
  });

  test('given a cluster name, when synthesized, then subnets carry the tags the AWS cloud provider and CAPA expect', () => {
    const { tf } = synth();
    expect(resourceNamed(tf, 'aws_subnet', 'public-ap-northeast-2a').tags).toEqual({
      'Name': 'prod-seoul-public-ap-northeast-2a',
      'kubernetes.io/cluster/prod-seoul': 'shared',
      'kubernetes.io/role/elb': '1',
    });
    expect(resourceNamed(tf, 'aws_subnet', 'private-ap-northeast-2a').tags).toEqual({
      'Name': 'prod-seoul-private-ap-northeast-2a',
      'kubernetes.io/cluster/prod-seoul': 'shared',
      'kubernetes.io/role/internal-elb': '1',
    });
    expect(resourceNamed(tf, 'aws_route_table', 'private-ap-northeast-2a-rt').tags['kubernetes.io/cluster/prod-seoul']).toEqual('shared');
  });

  test('given CAPA writes its own tags, when synthesized, then every tagged resource ignores changes to them', () => {
    const { tf } = synth({ ignoreTagKeys: ['owner'] });
    const expected = [
      'tags["sigs.k8s.io/cluster-api-provider-aws/cluster/prod-seoul"]',
      'tags["sigs.k8s.io/cluster-api-provider-aws/role"]',
      'tags["owner"]',
    ];
    for (const type of ['aws_vpc', 'aws_subnet', 'aws_route_table', 'aws_internet_gateway', 'aws_nat_gateway', 'aws_eip']) {
      for (const r of Object.values(resourcesOf(tf, type))) {
        expect(r.lifecycle.ignore_changes).toEqual(expected);
      }
    }
  });

  test('given a shared network, when synthesized, then every cluster gets its shared tag', () => {
    const { tf } = synth({ additionalClusterNames: ['prod-seoul-2'] });
    expect(resourceNamed(tf, 'aws_subnet', 'private-ap-northeast-2c').tags).toMatchObject({
      'kubernetes.io/cluster/prod-seoul': 'shared',
      'kubernetes.io/cluster/prod-seoul-2': 'shared',
    });
  });

  test('given NAT per AZ (default), when synthesized, then each private route table routes through its own AZ NAT gateway', () => {
    const { tf } = synth();
    expect(Object.keys(resourcesOf(tf, 'aws_nat_gateway'))).toHaveLength(3);
    const route = resourceNamed(tf, 'aws_route', 'private-ap-northeast-2b-default-route');
    expect(route.nat_gateway_id).toMatch(/aws_nat_gateway\.net_nat-ap-northeast-2b_/);
    expect(resourceNamed(tf, 'aws_nat_gateway', 'nat-ap-northeast-2b_').subnet_id).toMatch(/aws_subnet\.net_public-ap-northeast-2b_/);
  });

  test('given a single NAT gateway, when synthesized, then all private route tables route through the first AZ', () => {
    const { tf } = synth({ natGateways: NatGateways.SINGLE });
    expect(Object.keys(resourcesOf(tf, 'aws_nat_gateway'))).toHaveLength(1);
    for (const az of AZS) {
      expect(resourceNamed(tf, 'aws_route', `private-${az}-default-route`).nat_gateway_id).toMatch(/net_nat-ap-northeast-2a_/);
    }
  });

  test('given no NAT gateway, when synthesized, then private subnets have no default route', () => {
    const { tf } = synth({ natGateways: NatGateways.NONE });
    expect(resourcesOf(tf, 'aws_nat_gateway')).toEqual({});
    expect(Object.keys(resourcesOf(tf, 'aws_route'))).toHaveLength(1);
    expect(Object.keys(resourcesOf(tf, 'aws_route_table_association'))).toHaveLength(6);
  });

  test('given the network, when synthesized, then the outputs hold the VPC id and subnet ids by AZ under predictable names', () => {
    const { tf } = synth();
    expect(Object.keys(tf.output).sort()).toEqual(['prod_seoul_private_subnet_ids', 'prod_seoul_public_subnet_ids', 'prod_seoul_vpc_id']);
    expect(tf.output.prod_seoul_vpc_id.value).toMatch(/^\$\{aws_vpc\.net_vpc_[0-9A-F]+\.id\}$/);
    expect(Object.keys(tf.output.prod_seoul_private_subnet_ids.value)).toEqual(AZS);
  });

  test('given explicit subnet CIDRs, when synthesized, then they are used', () => {
    const { tf } = synth({
      cidrBlock: '10.1.0.0/16',
      availabilityZones: ['ap-northeast-2a'],
      privateSubnetCidrs: ['10.1.0.0/18'],
      publicSubnetCidrs: ['10.1.64.0/24'],
    });
    expect(resourceNamed(tf, 'aws_subnet', 'private-ap-northeast-2a').cidr_block).toEqual('10.1.0.0/18');
  });

  test.each([
    [{ availabilityZones: [] }, /availabilityZones is empty/],
    [{ availabilityZones: ['a', 'a'] }, /availabilityZones lists 'a' twice/],
    [{ clusterName: 'Prod_Seoul' }, /cluster name 'Prod_Seoul' is not a valid Cluster name/],
    [{ cidrBlock: '10.0.0.0/8' }, /cidrBlock '10.0.0.0\/8' is not an IPv4 network CIDR between \/16 and \/24/],
    [{ cidrBlock: '10.0.0.1/16' }, /cidrBlock '10.0.0.1\/16' is not an IPv4 network CIDR/],
    [{ privateSubnetCidrs: ['10.0.0.0/19'] }, /privateSubnetCidrs has 1 entries for 3 availabilityZones/],
    [{ privateSubnetCidrs: ['10.0.0.0/19', '10.0.32.0/19', '192.168.0.0/19'] }, /privateSubnetCidrs entry '192.168.0.0\/19' is not a network CIDR of \/28 or larger inside the VPC 10.0.0.0\/16/],
    [{ privateSubnetCidrs: ['10.0.0.0/19', '10.0.32.0/19', '10.0.224.0/19'] }, /subnet CIDRs 10.0.224.0\/19 and 10.0.224.0\/22 overlap/],
    [{ availabilityZones: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] }, /8 AZs do not fit the default subnet layout \(at most 7\)/],
  ])('given invalid props %j, when constructed, then a ValidationError says what to fix', (props, message) => {
    expect(() => synth(props as Partial<CapaNetworkProps>)).toThrow(message);
  });

  test('given an invalid prop, when constructed, then the error carries the construct path', () => {
    expect(() => synth({ availabilityZones: [] })).toThrow(/^test\/net: availabilityZones is empty/);
  });
});
