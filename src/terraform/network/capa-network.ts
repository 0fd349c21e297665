import { Eip } from '@cdktf/provider-aws/lib/eip';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { checkUnique } from '../../core/collections';
import { ValidationError } from '../../core/validation-error';
import { NetworkOutputNames } from '../outputs';
import { cidrContains, cidrOverlaps, cidrSubnet, formatCidr, Ipv4Cidr, parseCidr } from './private/cidr';

/** How many NAT gateways the private subnets egress through. */
export enum NatGateways {
  /** One NAT gateway per AZ (in that AZ's public subnet): an AZ outage does not cut the others off. */
  PER_AZ = 'PER_AZ',
  /** One NAT gateway in the first AZ for all private subnets: cheaper, one AZ is a single point of failure. */
  SINGLE = 'SINGLE',
  /** No NAT gateway: private subnets have no Internet route (use VPC endpoints, see CAPA's BYO docs). */
  NONE = 'NONE',
}

/** Input of `CapaNetwork`. */
export interface CapaNetworkProps {
  /** The Cluster API cluster (Cluster `metadata.name`) that will use the network; drives the tags. */
  readonly clusterName: string;
  /**
   * Other clusters sharing the network; each gets its `kubernetes.io/cluster/<name>: shared` tag.
   * @default - none
   */
  readonly additionalClusterNames?: string[];
  /** AZ names, e.g. `['ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2c']`; one public and one private subnet each. */
  readonly availabilityZones: string[];
  /**
   * The VPC CIDR.
   * @default '10.0.0.0/16'
   */
  readonly cidrBlock?: string;
  /**
   * Private subnet CIDRs, one per AZ in the same order.
   * @default - the VPC CIDR split in 8 (`cidrsubnet(vpc, 3, i)`), one per AZ
   */
  readonly privateSubnetCidrs?: string[];
  /**
   * Public subnet CIDRs, one per AZ in the same order.
   * @default - the last eighth of the VPC CIDR split in 8 (`cidrsubnet(cidrsubnet(vpc, 3, 7), 3, i)`)
   */
  readonly publicSubnetCidrs?: string[];
  /**
   * NAT gateways.
   * @default NatGateways.PER_AZ
   */
  readonly natGateways?: NatGateways;
  /**
   * Tags for every resource (next to the Kubernetes/CAPA ones).
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * Tag keys that Terraform must leave alone because something else (CAPA, the cloud provider)
   * writes them, next to the CAPA keys ignored by default.
   * @default - none
   */
  readonly ignoreTagKeys?: string[];
  /**
   * Prefix of the Terraform output names.
   * @default - NetworkOutputNames.prefixFor(clusterName), e.g. `prod_seoul_`
   */
  readonly outputPrefix?: string;
}

/**
 * A bring-your-own VPC for CAPA: VPC, a public and a private subnet per AZ, an Internet gateway,
 * NAT gateway(s), route tables, with the tags the AWS cloud provider needs
 * (`kubernetes.io/cluster/<cluster>: shared` on subnets and route tables,
 * `kubernetes.io/role/elb: 1` on public and `kubernetes.io/role/internal-elb: 1` on private
 * subnets). Tags CAPA writes itself are ignored (`lifecycle.ignore_changes`) so Terraform does not
 * fight CAPA.
 *
 * Outputs `<prefix>vpc_id`, `<prefix>public_subnet_ids` and `<prefix>private_subnet_ids` (maps of AZ
 * → subnet id), read back by `NetworkOutputs.fromTerraformOutputJson` for the AWSCluster
 * `spec.network`.
 */
export class CapaNetwork extends Construct {
  /** Tag key prefix of the tags CAPA writes on resources it manages. */
  public static readonly CAPA_TAG_PREFIX = 'sigs.k8s.io/cluster-api-provider-aws/';

  /** The `kubernetes.io/cluster/<name>` tag key of a cluster. */
  public static clusterTagKey(clusterName: string): string {
    return `kubernetes.io/cluster/${clusterName}`;
  }

  /** The cluster the network is for. */
  public readonly clusterName: string;
  /** AZ names, in the order given. */
  public readonly availabilityZones: string[];
  /** The VPC CIDR. */
  public readonly cidrBlock: string;
  /** Private subnet CIDRs by AZ. */
  public readonly privateSubnetCidrs: { [az: string]: string };
  /** Public subnet CIDRs by AZ. */
  public readonly publicSubnetCidrs: { [az: string]: string };
  /** NAT gateway layout. */
  public readonly natGateways: NatGateways;
  /** Names of the Terraform outputs. */
  public readonly outputNames: NetworkOutputNames;
  /** Tag keys Terraform ignores on every tagged resource. */
  public readonly ignoredTagKeys: string[];

  /** The VPC. */
  public readonly vpc: Vpc;
  /** Public subnets by AZ. */
  public readonly publicSubnets: { [az: string]: Subnet };
  /** Private subnets by AZ. */
  public readonly privateSubnets: { [az: string]: Subnet };

  private readonly baseTags: { [key: string]: string };

  constructor(scope: Construct, id: string, props: CapaNetworkProps) {
    super(scope, id);
    this.clusterName = props.clusterName;
    this.availabilityZones = [...props.availabilityZones];
    this.cidrBlock = props.cidrBlock ?? '10.0.0.0/16';
    this.natGateways = props.natGateways ?? NatGateways.PER_AZ;
    const clusters = [props.clusterName, ...(props.additionalClusterNames ?? [])];
    const { privateCidrs, publicCidrs } = this.validate(props, clusters);
    this.privateSubnetCidrs = Object.fromEntries(this.availabilityZones.map((az, i) => [az, privateCidrs[i]]));
    this.publicSubnetCidrs = Object.fromEntries(this.availabilityZones.map((az, i) => [az, publicCidrs[i]]));
    this.outputNames = NetworkOutputNames.of(props.outputPrefix ?? NetworkOutputNames.prefixFor(props.clusterName));
    this.ignoredTagKeys = [
      ...clusters.map((c) => `${CapaNetwork.CAPA_TAG_PREFIX}cluster/${c}`),
      `${CapaNetwork.CAPA_TAG_PREFIX}role`,
      ...(props.ignoreTagKeys ?? []),
    ];

    const clusterTags = Object.fromEntries(clusters.map((c) => [CapaNetwork.clusterTagKey(c), 'shared']));
    this.baseTags = { ...(props.tags ?? {}), ...clusterTags };
    const name = props.clusterName;

    this.vpc = new Vpc(this, 'vpc', {
      cidrBlock: this.cidrBlock,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: this.tags(`${name}-vpc`),
      lifecycle: this.lifecycle(),
    });
    const igw = new InternetGateway(this, 'igw', { vpcId: this.vpc.id, tags: this.tags(`${name}-igw`), lifecycle: this.lifecycle() });

    const publicRouteTable = new RouteTable(this, 'public-rt', { vpcId: this.vpc.id, tags: this.tags(`${name}-public`), lifecycle: this.lifecycle() });
    new Route(this, 'public-default-route', { routeTableId: publicRouteTable.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw.id });

    this.publicSubnets = {};
    this.privateSubnets = {};
    const nats: { [az: string]: NatGateway } = {};
    this.availabilityZones.forEach((az, i) => {
      const pub = new Subnet(this, `public-${az}`, {
        vpcId: this.vpc.id,
        availabilityZone: az,
        cidrBlock: publicCidrs[i],
        mapPublicIpOnLaunch: true,
        tags: this.tags(`${name}-public-${az}`, { 'kubernetes.io/role/elb': '1' }),
        lifecycle: this.lifecycle(),
      });
      new RouteTableAssociation(this, `public-${az}-rta`, { subnetId: pub.id, routeTableId: publicRouteTable.id });
      this.publicSubnets[az] = pub;

      this.privateSubnets[az] = new Subnet(this, `private-${az}`, {
        vpcId: this.vpc.id,
        availabilityZone: az,
        cidrBlock: privateCidrs[i],
        tags: this.tags(`${name}-private-${az}`, { 'kubernetes.io/role/internal-elb': '1' }),
        lifecycle: this.lifecycle(),
      });

      if (this.natGateways === NatGateways.PER_AZ || (this.natGateways === NatGateways.SINGLE && i === 0)) {
        const eip = new Eip(this, `nat-${az}-eip`, { domain: 'vpc', tags: this.tags(`${name}-nat-${az}`), lifecycle: this.lifecycle() });
        nats[az] = new NatGateway(this, `nat-${az}`, {
          allocationId: eip.allocationId,
          subnetId: pub.id,
          tags: this.tags(`${name}-nat-${az}`),
          lifecycle: this.lifecycle(),
          dependsOn: [igw],
        });
      }
    });

    this.availabilityZones.forEach((az) => {
      const rt = new RouteTable(this, `private-${az}-rt`, { vpcId: this.vpc.id, tags: this.tags(`${name}-private-${az}`), lifecycle: this.lifecycle() });
      const nat = this.natGateways === NatGateways.PER_AZ ? nats[az] : nats[this.availabilityZones[0]];
      if (nat) {
        new Route(this, `private-${az}-default-route`, { routeTableId: rt.id, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat.id });
      }
      new RouteTableAssociation(this, `private-${az}-rta`, { subnetId: this.privateSubnets[az].id, routeTableId: rt.id });
    });

    this.output('vpc-id', this.outputNames.vpcId, this.vpc.id, `VPC of cluster ${name} (AWSCluster spec.network.vpc.id)`);
    this.output('public-subnet-ids', this.outputNames.publicSubnetIds, mapIds(this.publicSubnets), `Public subnet ids of cluster ${name} by AZ`);
    this.output('private-subnet-ids', this.outputNames.privateSubnetIds, mapIds(this.privateSubnets), `Private subnet ids of cluster ${name} by AZ`);
  }

  private tags(name: string, extra: { [key: string]: string } = {}): { [key: string]: string } {
    const all: { [key: string]: string } = { ...this.baseTags, ...extra, Name: name };
    return Object.fromEntries(Object.keys(all).sort().map((k) => [k, all[k]]));
  }

  private lifecycle() {
    return { ignoreChanges: this.ignoredTagKeys.map((k) => `tags["${k}"]`) };
  }

  private output(id: string, name: string, value: any, description: string): void {
    new TerraformOutput(this, id, { value, description }).overrideLogicalId(name);
  }

  private validate(props: CapaNetworkProps, clusters: string[]): { privateCidrs: string[]; publicCidrs: string[] } {
    const azs = props.availabilityZones;
    if (azs.length === 0) {
      throw new ValidationError(this, 'availabilityZones is empty. Give at least one AZ name, e.g. [\'ap-northeast-2a\'].');
    }
    checkUnique(this, 'availabilityZones', azs, 'AZ');
    for (const c of clusters) {
      if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(c) || c.length > 63) {
        throw new ValidationError(this, `cluster name '${c}' is not a valid Cluster name (lowercase letters, digits, '-', '.', at most 63 characters). Use the Cluster's metadata.name.`);
      }
    }
    const vpc = parseCidr(this.cidrBlock);
    if (!vpc || vpc.prefix < 16 || vpc.prefix > 24) {
      throw new ValidationError(this, `cidrBlock '${this.cidrBlock}' is not an IPv4 network CIDR between /16 and /24 (AWS VPC limits). Use e.g. '10.0.0.0/16'.`);
    }
    const privateCidrs = this.subnetCidrs('privateSubnetCidrs', props.privateSubnetCidrs, vpc, azs.length, (i) => cidrSubnet(vpc, 3, i));
    const publicCidrs = this.subnetCidrs('publicSubnetCidrs', props.publicSubnetCidrs, vpc, azs.length, (i) => cidrSubnet(cidrSubnet(vpc, 3, 7), 3, i));
    const all = [...privateCidrs, ...publicCidrs];
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        if (cidrOverlaps(parseCidr(all[i])!, parseCidr(all[j])!)) {
          throw new ValidationError(this, `subnet CIDRs ${all[i]} and ${all[j]} overlap. Give non-overlapping privateSubnetCidrs/publicSubnetCidrs.`);
        }
      }
    }
    return { privateCidrs, publicCidrs };
  }

  private subnetCidrs(prop: string, given: string[] | undefined, vpc: Ipv4Cidr, count: number, layout: (i: number) => Ipv4Cidr): string[] {
    if (given === undefined) {
      if (count > 7) {
        throw new ValidationError(this, `${count} AZs do not fit the default subnet layout (at most 7). Give ${prop} explicitly.`);
      }
      if (vpc.prefix + 6 > 28) {
        throw new ValidationError(this, `cidrBlock ${this.cidrBlock} is too small for the default subnet layout (public subnets would be smaller than /28). Use a /22 or larger VPC, or give ${prop}.`);
      }
      return Array.from({ length: count }, (_, i) => formatCidr(layout(i)));
    }
    if (given.length !== count) {
      throw new ValidationError(this, `${prop} has ${given.length} entries for ${count} availabilityZones. Give one CIDR per AZ, in the same order.`);
    }
    for (const c of given) {
      const parsed = parseCidr(c);
      if (!parsed || !cidrContains(vpc, parsed) || parsed.prefix > 28) {
        throw new ValidationError(this, `${prop} entry '${c}' is not a network CIDR of /28 or larger inside the VPC ${this.cidrBlock}. Fix the CIDR.`);
      }
    }
    return [...given];
  }
}

function mapIds(subnets: { [az: string]: Subnet }): { [az: string]: string } {
  return Object.fromEntries(Object.keys(subnets).sort().map((az) => [az, subnets[az].id]));
}
