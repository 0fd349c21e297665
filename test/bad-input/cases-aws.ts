/** Invalid AWS (CAPA, kubeadm) infrastructure, network, load balancer, bastion, identity and machine settings. */
import { Duration } from 'cdk8s';
import { awsCluster } from './builders';
import { BadInputCase, k8s } from './harness';
import {
  AvailabilityZoneSelection, AwsIdentity, AwsIdentityKind, AwsNetwork, Capacity, LoadBalancerScheme, LoadBalancerType, MachineImage, NodePoolKind,
  SubnetSelection, VolumeType,
} from '../../src';

export const awsCases: BadInputCase[] = [
  k8s('a region that is not an AWS region', 'prod', (app) => { awsCluster(app, {}, { region: 'seoul' }); },
    /^prod: region 'seoul' is not an AWS region\. Use e\.g\. 'ap-northeast-2'\./),
  k8s('a whitespace SSH key name', 'prod', (app) => { awsCluster(app, {}, { sshKeyName: ' ' }); },
    /^prod: sshKeyName ' ' is only whitespace\. Name an EC2 key pair, use '' for no key pair \(CAPA: no SSH key\), or leave it unset/),
  k8s('a managed network CIDR that is not a CIDR', 'prod', (app) => { awsCluster(app, {}, { network: AwsNetwork.managed({ cidr: '10.0.0.0' }) }); },
    /^prod: network cidr '10\.0\.0\.0' is not a CIDR block\. Use e\.g\. '10\.0\.0\.0\/16'\./),
  k8s('a managed network over 7 availability zones', 'prod', (app) => { awsCluster(app, {}, { network: AwsNetwork.managed({ availabilityZoneCount: 7 }) }); },
    /^prod: network availabilityZoneCount \(7\) must be a whole number from 1 to 6\./),
  k8s('an availability zone selection that does not exist', 'prod', (app) => {
    awsCluster(app, {}, { network: AwsNetwork.managed({ availabilityZoneSelection: 'Best' as AvailabilityZoneSelection }) });
  }, /^prod: network availabilityZoneSelection 'Best' is not a zone selection\. Use AvailabilityZoneSelection\.ORDERED \(the default\) or RANDOM\./),
  k8s('a network tag with an empty key', 'prod', (app) => { awsCluster(app, {}, { network: AwsNetwork.managed({ tags: { '': 'x' } }) }); },
    /^prod: network tags has an empty key\. Give every tag a key \(AWS rejects empty tag keys\)\./),
  k8s('a cluster tag with an empty key', 'prod', (app) => { awsCluster(app, {}, { additionalTags: { ' ': 'x' } }); },
    /^prod: additionalTags has an empty key\. Give every tag a key \(AWS rejects empty tag keys\)\./),
  k8s('an existing network with a malformed VPC id', 'prod', (app) => { awsCluster(app, {}, { network: AwsNetwork.existing({ vpcId: 'vpc-xyz', subnetIds: ['subnet-0123456789abcdef0'] }) }); },
    /^prod: network vpcId 'vpc-xyz' is not a VPC id\. Use 'vpc-' followed by hex digits\./),
  k8s('an existing network without subnets', 'prod', (app) => { awsCluster(app, {}, { network: AwsNetwork.existing({ vpcId: 'vpc-0123456789abcdef0', subnetIds: [] }) }); },
    /^prod: network subnetIds is empty\. List the private and public subnets of the VPC\./),
  k8s('an existing network with a malformed subnet id', 'prod', (app) => { awsCluster(app, {}, { network: AwsNetwork.existing({ vpcId: 'vpc-0123456789abcdef0', subnetIds: ['private-a'] }) }); },
    /^prod: network subnetIds has 'private-a', which is not a subnet id\. Use 'subnet-' followed by hex digits\./),
  k8s('an API load balancer source that is not a CIDR', 'prod', (app) => { awsCluster(app, {}, { controlPlaneLoadBalancer: { allowedCidrs: ['office'] } }); },
    /^prod: controlPlaneLoadBalancer\.allowedCidrs has 'office', which is not a CIDR block\. Use e\.g\. '203\.0\.113\.0\/24'\./),
  k8s('bastion allowed CIDRs with ingress rules disabled', 'prod', (app) => { awsCluster(app, {}, { bastion: { allowedCidrs: ['10.0.0.0/8'], disableIngressRules: true } }); },
    /^prod: bastion\.allowedCidrs cannot be combined with bastion\.disableIngressRules \(CAPA rejects it\)\. Remove one of them\./),
  k8s('a bastion source that is not a CIDR', 'prod', (app) => { awsCluster(app, {}, { bastion: { allowedCidrs: ['0.0.0.0/99'] } }); },
    /^prod: bastion\.allowedCidrs has '0\.0\.0\.0\/99', which is not a CIDR block/),
  k8s('a bastion instance type that is not an EC2 type', 'prod', (app) => { awsCluster(app, {}, { bastion: { instanceType: 'micro' } }); },
    /^prod: bastion\.instanceType 'micro' is not an EC2 instance type\. Use e\.g\. 't3\.micro'/),
  k8s('a bastion AMI that is not an AMI id', 'prod', (app) => { awsCluster(app, {}, { bastion: { amiId: 'ubuntu-24.04' } }); },
    /^prod: bastion\.amiId 'ubuntu-24\.04' is not an AMI id\. Use 'ami-' followed by 8 or 17 hex digits/),
  k8s('a controller identity under another name', 'prod', (app) => { awsCluster(app, {}, { identity: AwsIdentity.fromIdentity({ identityKind: AwsIdentityKind.CONTROLLER, identityName: 'mine' }) }); },
    /^prod: the controller identity must be named 'default', not 'mine'\. Use AwsIdentity\.controller\(\)\./),
  k8s('a role identity name that is not an object name', 'prod', (app) => { awsCluster(app, {}, { identity: AwsIdentity.role('Capa_Role') }); },
    /^prod: identity name 'Capa_Role' is not a valid object name\. Use lower-case letters, digits, '-' and '\.'\./),
  k8s('a pool zone outside the region', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { availabilityZones: ['us-east-1a'] }); },
    /^prod\/workers: availability zone 'us-east-1a' is not a zone of region 'ap-northeast-2'\. Use 'ap-northeast-2a', 'ap-northeast-2b'/),
  k8s('a pool zone the managed network has no subnet in', 'prod/workers', (app) => {
    awsCluster(app, {}, { network: AwsNetwork.managed({ availabilityZoneCount: 2 }) }).addNodePool('workers', { availabilityZones: ['ap-northeast-2c'] });
  }, /^prod\/workers: availability zone 'ap-northeast-2c' has no subnets: the managed network spans only the first 2 zones of ap-northeast-2\. Raise AwsNetwork\.managed\(\{ availabilityZoneCount \}\) or pick another zone\./),
  k8s('a machine type that is not an EC2 type', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { machineType: 'large' }); },
    /^prod\/workers: machineType 'large' is not an EC2 instance type\. Use e\.g\. 'm6i\.xlarge'\./),
  k8s('a control-plane AMI that is not an AMI id', 'prod', (app) => { awsCluster(app, { controlPlane: { image: MachineImage.fromId('ami-ubuntu') } }); },
    /^prod: controlPlane\.image 'ami-ubuntu' is not an AMI id\. Use 'ami-' followed by 8 or 17 hex digits, or MachineImage\.lookup\(\)\./),
  k8s('a root volume below CAPA\'s 8 GiB', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { rootVolume: { sizeGiB: 4 } }); },
    /^prod\/workers: rootVolume\.sizeGiB \(4\) must be a whole number from 8 to 65536 \(CAPA's minimum is 8 GiB and the largest EBS volume is 64 TiB\)\./),
  k8s('an io2 root volume without iops', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { rootVolume: { type: VolumeType.IO2 } }); },
    /^prod\/workers: rootVolume\.type 'io2' needs rootVolume\.iops\. Set the provisioned IOPS, or use gp3\./),
  k8s('throughput on a gp2 root volume', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { rootVolume: { type: VolumeType.GP2, throughput: 250 } }); },
    /^prod\/workers: rootVolume\.throughput is only for gp3 volumes, not 'gp2'\. Remove throughput or use gp3\./),
  k8s('a security group that is not an sg- id', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { additionalSecurityGroups: ['web'] }); },
    /^prod\/workers: additionalSecurityGroups has 'web', which is not a security group id\. Use 'sg-' followed by hex digits\./),
  k8s('a spot price cap that is not a price', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { capacity: Capacity.spot({ maxPrice: 'cheap' }) }); },
    /^prod\/workers: capacity is Capacity\.spot\(\{ maxPrice: 'cheap' \}\), which is not a price in USD per hour\. Use a decimal such as '0\.12', or Capacity\.spot\(\) for the on-demand price cap\./),
  k8s('a spot price cap with a mixed-instances MachinePool', 'prod/mp', (app) => {
    awsCluster(app).addNodePool('mp', { kind: NodePoolKind.MACHINE_POOL, instanceTypes: ['m6i.large', 'm5.large'], capacity: Capacity.spot({ maxPrice: '0.1' }), machinePool: { mixedInstances: {} } });
  }, /^prod\/mp: capacity is Capacity\.spot\(\{ maxPrice: '0\.1' \}\) with a mixed-instances policy, .* Drop maxPrice, or use a single instance type/),
  k8s('a MachinePool with external autoscaling and clusterapi autoscaling', 'prod/mp', (app) => {
    awsCluster(app).addNodePool('mp', { kind: NodePoolKind.MACHINE_POOL, autoscaling: { minSize: 1, maxSize: 3 }, machinePool: { externalAutoscaling: { minSize: 1, maxSize: 3 } } });
  }, /^prod\/mp: machinePool\.externalAutoscaling and autoscaling are both set\. Use autoscaling for the cluster-autoscaler's clusterapi provider/),
  k8s('a MachinePool whose initial size lies outside its external autoscaling bounds', 'prod/mp', (app) => {
    awsCluster(app).addNodePool('mp', { kind: NodePoolKind.MACHINE_POOL, replicas: 12, machinePool: { externalAutoscaling: { minSize: 1, maxSize: 10 } } });
  }, /^prod\/mp: replicas \(12\) is the group's initial size and must lie within machinePool\.externalAutoscaling \(1–10\)\. Set minSize ≤ replicas ≤ maxSize\./),
  k8s('a MachinePool external autoscaling minimum above its maximum', 'prod/mp', (app) => {
    awsCluster(app).addNodePool('mp', { kind: NodePoolKind.MACHINE_POOL, replicas: 3, machinePool: { externalAutoscaling: { minSize: 5, maxSize: 2 } } });
  }, /^prod\/mp: machinePool\.externalAutoscaling\.minSize \(5\) is greater than maxSize \(2\)\. Set minSize ≤ maxSize\./),
  k8s('a MachinePool external autoscaling maximum beyond int32', 'prod/mp', (app) => {
    awsCluster(app).addNodePool('mp', { kind: NodePoolKind.MACHINE_POOL, machinePool: { externalAutoscaling: { minSize: 1, maxSize: 2 ** 31 } } });
  }, /^prod\/mp: machinePool\.externalAutoscaling\.maxSize \(2147483648\) must be a whole number from 1 to 2147483647/),
  k8s('a MachinePool subnet id that is not a subnet id', 'prod/mp', (app) => { awsCluster(app).addNodePool('mp', { kind: NodePoolKind.MACHINE_POOL, machinePool: { subnetIds: ['subnet-xyz'] } }); },
    /^prod\/mp: machinePool\.subnetIds has 'subnet-xyz', which is not a subnet id\. Use 'subnet-' followed by hex digits\./),
  k8s('an instance refresh keeping 150 % healthy as minimum', 'prod/mp', (app) => { awsCluster(app).addNodePool('mp', { kind: NodePoolKind.MACHINE_POOL, machinePool: { instanceRefresh: { minHealthyPercentage: 150 } } }); },
    /^prod\/mp: machinePool\.instanceRefresh\.minHealthyPercentage \(150\) must be a whole number from 0 to 100\./),
  k8s('a mixed-instances on-demand share above 100 %', 'prod/mp', (app) => {
    awsCluster(app).addNodePool('mp', { kind: NodePoolKind.MACHINE_POOL, instanceTypes: ['m6i.large', 'm5.large'], machinePool: { mixedInstances: { onDemandPercentageAboveBaseCapacity: 120 } } });
  }, /^prod\/mp: machinePool\.mixedInstances\.onDemandPercentageAboveBaseCapacity \(120\) must be a whole number from 0 to 100\./),
  k8s('an API load balancer type that does not exist', 'prod', (app) => { awsCluster(app, {}, { controlPlaneLoadBalancer: { type: 'elb' as LoadBalancerType } }); },
    /^prod: controlPlaneLoadBalancer\.type 'elb' is not a load balancer type\. Use LoadBalancerType\.NLB \(the default\), CLASSIC, ALB or DISABLED\./),
  k8s('an API load balancer scheme that does not exist', 'prod', (app) => { awsCluster(app, {}, { controlPlaneLoadBalancer: { scheme: 'public' as LoadBalancerScheme } }); },
    /^prod: controlPlaneLoadBalancer\.scheme 'public' is not a load balancer scheme\. Use LoadBalancerScheme\.INTERNET_FACING \(the default\) or INTERNAL\./),
  k8s('a root volume type that does not exist', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { rootVolume: { type: 'gp4' as VolumeType } }); },
    /^prod\/workers: rootVolume\.type 'gp4' is not an EBS volume type\. Use VolumeType\.GP3, GP2, IO1, IO2, ST1, SC1 or STANDARD\./),
  k8s('negative provisioned IOPS', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { rootVolume: { type: VolumeType.GP3, iops: -5 } }); },
    /^prod\/workers: rootVolume\.iops \(-5\) must be a whole number from 3000 to 80000 \(gp3 volumes take 3000 to 80000 IOPS\)\./),
  k8s('an empty root volume encryption key', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { rootVolume: { encryptionKey: '' } }); },
    /^prod\/workers: rootVolume\.encryptionKey is empty\. Give a KMS key ARN or alias, or leave it unset for the AWS managed key\./),
  k8s('an encryption key on an unencrypted root volume', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { rootVolume: { encrypted: false, encryptionKey: 'alias/ebs' } }); },
    /^prod\/workers: rootVolume\.encryptionKey is set but rootVolume\.encrypted is false\. Remove encryptionKey, or leave encrypted at its default \(true\)\./),
  k8s('an empty AMI lookup base OS', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { image: MachineImage.lookup({ baseOS: '' }) }); },
    /^prod\/workers: image lookup baseOS is empty\. Give a value \(e\.g\. baseOS 'ubuntu-24\.04'\) or leave it unset\./),
  k8s('subnet selection without filters', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { subnet: SubnetSelection.fromFilters([]) }); },
    /^prod\/workers: subnet has no filters, which would match any subnet\. Give filters, e\.g\. \[\{ name: 'tag:Name', values: \['\*-private-\*'\] \}\], or use SubnetSelection\.fromId\(\)\./),
  k8s('a subnet filter without values', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { subnet: SubnetSelection.fromFilters([{ name: 'tag:tier', values: [] }]) }); },
    /^prod\/workers: subnet filter 'tag:tier' has no values\. Give an EC2 filter name and at least one value/),
  k8s('an empty instance profile', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { iamInstanceProfile: ' ' }); },
    /^prod\/workers: iamInstanceProfile is empty\. Name an instance profile, or leave it unset for 'nodes\.cluster-api-provider-aws\.sigs\.k8s\.io'\./),
  k8s('a machine tag with an empty key', 'prod/workers', (app) => { awsCluster(app).addNodePool('workers', { additionalTags: { '': 'x' } }); },
    /^prod\/workers: additionalTags has an empty key\. Give every tag a key \(AWS rejects empty tag keys\)\./),
  k8s('an instance warmup with a fraction of a second', 'prod/mp', (app) => {
    awsCluster(app).addNodePool('mp', { kind: NodePoolKind.MACHINE_POOL, machinePool: { instanceRefresh: { instanceWarmup: Duration.millis(2500) } } });
  }, /^prod\/mp: machinePool\.instanceRefresh\.instanceWarmup \(2\.5s\) is not a whole number of seconds\. Use e\.g\. Duration\.seconds\(3\)\./),
  k8s('an EKS managed node group on an AWS kubeadm cluster', 'prod/ng', (app) => { awsCluster(app).addNodePool('ng', { kind: NodePoolKind.MANAGED_NODE_GROUP }); },
    /^prod\/ng: kind MANAGED_NODE_GROUP needs an EKS cluster \(Infrastructure\.eks\), but this cluster is AWS kubeadm\. Use NodePoolKind\.MACHINE_DEPLOYMENT or NodePoolKind\.MACHINE_POOL\./),
];
