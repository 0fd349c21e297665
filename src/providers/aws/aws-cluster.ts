import type { AwsInfrastructure } from './aws-infrastructure';
import { DEFAULT_INSTANCE_PROFILES } from './aws-machine-template';
import { AvailabilityZoneSelection, AwsNetwork } from './aws-network';
import type { BastionOptions } from './bastion';
import { IgnitionBucketOptions } from './ignition';
import { ControlPlaneLoadBalancerOptions, HealthCheckProtocol, LoadBalancerScheme, LoadBalancerType } from './load-balancer';
import { validateAwsTags } from './private/aws-tags';
import type { ManagedCluster } from '../../cluster/managed-cluster';
import { AMI_ID, EC2_INSTANCE_TYPE, S3_BUCKET_NAME } from '../../core/aws';
import { firstNonIpv4Cidr, isCidr, vpcSubnetProblem } from '../../core/cidr';
import { checkUnique, nonEmptyList, nonEmptyMap } from '../../core/collections';
import { wholeSeconds } from '../../core/durations';
import { checkOptionalInteger, inRange } from '../../core/ranges';
import { ValidationError } from '../../core/validation-error';
import * as capa from '../../imports/capa/infrastructure.cluster.x-k8s.io';
import { API_GROUPS, ContractRef } from '../capi/contract-ref';

/** The node instance profiles an Ignition bucket grants. */
export function ignitionBucketNodeProfiles(bucket: IgnitionBucketOptions): string[] {
  return bucket.nodesIamInstanceProfiles ?? [DEFAULT_INSTANCE_PROFILES.nodes];
}

function validateIgnitionBucket(cluster: ManagedCluster, bucket: IgnitionBucketOptions | undefined): void {
  if (!bucket) return;
  if (!S3_BUCKET_NAME.test(bucket.name) || bucket.name.includes('..')) {
    throw new ValidationError(cluster, `ignitionBucket.name '${bucket.name}' is not an S3 bucket name. Use 3 to 63 lower-case letters, digits, '.' and '-', e.g. 'cluster-api-provider-aws-${cluster.clusterName}'.`);
  }
  const profiles = bucket.nodesIamInstanceProfiles;
  if (profiles !== undefined) {
    if (profiles.length === 0) throw new ValidationError(cluster, 'ignitionBucket.nodesIamInstanceProfiles is empty. List the worker instance profiles, or leave it unset for the default.');
    checkUnique(cluster, 'ignitionBucket.nodesIamInstanceProfiles', profiles, 'profile');
  }
}

/** Renders the AWSCluster of `cluster` and returns the reference the Cluster points at. */
export function renderAwsCluster(cluster: ManagedCluster, infra: AwsInfrastructure): ContractRef {
  validateTagKeys(cluster, 'additionalTags', infra.additionalTags);
  validateIgnitionBucket(cluster, infra.ignitionBucket);
  const lb = infra.controlPlaneLoadBalancer;
  if (lb.type !== undefined && !(Object.values(LoadBalancerType) as string[]).includes(lb.type)) {
    throw new ValidationError(cluster, `controlPlaneLoadBalancer.type '${lb.type}' is not a load balancer type. Use LoadBalancerType.NLB (the default), CLASSIC, ALB or DISABLED.`);
  }
  if (lb.scheme !== undefined && !(Object.values(LoadBalancerScheme) as string[]).includes(lb.scheme)) {
    throw new ValidationError(cluster, `controlPlaneLoadBalancer.scheme '${lb.scheme}' is not a load balancer scheme. Use LoadBalancerScheme.INTERNET_FACING (the default) or INTERNAL.`);
  }
  validateCidrs(cluster, 'controlPlaneLoadBalancer.allowedCidrs', lb.allowedCidrs);
  const bastion = infra.bastion;
  if (bastion) {
    validateCidrs(cluster, 'bastion.allowedCidrs', bastion.allowedCidrs);
    validateBastionMachine(cluster, bastion);
    if (bastion.disableIngressRules && bastion.allowedCidrs && bastion.allowedCidrs.length > 0) {
      throw new ValidationError(cluster, 'bastion.allowedCidrs cannot be combined with bastion.disableIngressRules (CAPA rejects it). Remove one of them.');
    }
  }
  new capa.AwsCluster(cluster, 'AWSCluster', {
    metadata: { name: cluster.clusterName, namespace: cluster.clusterNamespace },
    spec: {
      region: infra.region,
      sshKeyName: infra.sshKeyName,
      identityRef: { kind: infra.identity.kind as string as capa.AwsClusterSpecIdentityRefKind, name: infra.identity.name },
      network: renderNetwork(cluster, infra.network),
      controlPlaneLoadBalancer: {
        loadBalancerType: (lb.type ?? LoadBalancerType.NLB) as string as capa.AwsClusterSpecControlPlaneLoadBalancerLoadBalancerType,
        scheme: (lb.scheme ?? LoadBalancerScheme.INTERNET_FACING) as string as capa.AwsClusterSpecControlPlaneLoadBalancerScheme,
        ingressRules: lb.allowedCidrs && lb.allowedCidrs.length > 0 ? [{
          description: 'Kubernetes API',
          protocol: capa.AwsClusterSpecControlPlaneLoadBalancerIngressRulesProtocol.TCP,
          fromPort: cluster.apiServerPort,
          toPort: cluster.apiServerPort,
          cidrBlocks: [...lb.allowedCidrs],
        }] : undefined,
        ...renderLoadBalancerHealthCheck(cluster, lb),
      },
      bastion: bastion ? {
        enabled: true,
        instanceType: bastion.instanceType ?? 't3.micro',
        allowedCidrBlocks: nonEmptyList(bastion.allowedCidrs),
        disableIngressRules: bastion.disableIngressRules,
        ami: bastion.amiId,
      } : undefined,
      imageLookupBaseOs: infra.imageLookup?.baseOS,
      imageLookupOrg: infra.imageLookup?.org,
      imageLookupFormat: infra.imageLookup?.format,
      additionalTags: nonEmptyMap(infra.additionalTags),
      s3Bucket: infra.ignitionBucket ? {
        name: infra.ignitionBucket.name,
        controlPlaneIamInstanceProfile: cluster.controlPlane.iamInstanceProfile ?? DEFAULT_INSTANCE_PROFILES.controlPlane,
        nodesIamInstanceProfiles: [...ignitionBucketNodeProfiles(infra.ignitionBucket)],
        bestEffortDeleteObjects: infra.ignitionBucket.bestEffortDeleteObjects,
      } : undefined,
    },
  });
  return { apiGroup: API_GROUPS.infrastructure, kind: 'AWSCluster', name: cluster.clusterName };
}

/** The CAPA `NetworkSpec` of a managed or existing network (shared by AWSCluster and AWSManagedControlPlane), validated. */
export function renderNetwork(cluster: ManagedCluster, network: AwsNetwork): capa.AwsClusterSpecNetwork {
  const existing = network.existingOptions;
  if (existing) {
    if (!/^vpc-[0-9a-f]{8,17}$/.test(existing.vpcId)) {
      throw new ValidationError(cluster, `network vpcId '${existing.vpcId}' is not a VPC id. Use 'vpc-' followed by hex digits.`);
    }
    if (existing.subnetIds.length === 0) {
      throw new ValidationError(cluster, 'network subnetIds is empty. List the private and public subnets of the VPC.');
    }
    for (const id of existing.subnetIds) {
      if (!/^subnet-[0-9a-f]{8,17}$/.test(id)) {
        throw new ValidationError(cluster, `network subnetIds has '${id}', which is not a subnet id. Use 'subnet-' followed by hex digits.`);
      }
    }
    return { vpc: { id: existing.vpcId }, subnets: existing.subnetIds.map((id) => ({ id })) };
  }
  const managed = network.managedOptions ?? {};
  const cidr = managed.cidr ?? '10.0.0.0/16';
  if (!isCidr(cidr)) throw new ValidationError(cluster, `network cidr '${cidr}' is not a CIDR block. Use e.g. '10.0.0.0/16'.`);
  const azCount = managed.availabilityZoneCount ?? 3;
  if (!inRange(azCount, { min: 1, max: 6 })) {
    throw new ValidationError(cluster, `network availabilityZoneCount (${azCount}) must be a whole number from 1 to 6.`);
  }
  const vpcProblem = vpcSubnetProblem(cidr, azCount);
  if (vpcProblem) throw new ValidationError(cluster, vpcProblem);
  const selection = managed.availabilityZoneSelection;
  if (selection !== undefined && !(Object.values(AvailabilityZoneSelection) as string[]).includes(selection)) {
    throw new ValidationError(cluster, `network availabilityZoneSelection '${selection}' is not a zone selection. Use AvailabilityZoneSelection.ORDERED (the default) or RANDOM.`);
  }
  validateTagKeys(cluster, 'network tags', managed.tags);
  return {
    vpc: {
      cidrBlock: cidr,
      availabilityZoneUsageLimit: azCount,
      availabilityZoneSelection: (managed.availabilityZoneSelection ?? 'Ordered') as capa.AwsClusterSpecNetworkVpcAvailabilityZoneSelection,
      tags: nonEmptyMap(managed.tags),
    },
  };
}

/** Checks AWS tags against CAPA's and AWS's tag rules (see `validateAwsTags`). */
export function validateTagKeys(cluster: ManagedCluster, field: string, tags: Record<string, string> | undefined): void {
  validateAwsTags(cluster, field, tags);
}

/** Checks CIDRs of a field that takes IPv4 blocks only (CAPA `cidrBlocks`, EKS public-access CIDRs). */
export function validateCidrs(cluster: ManagedCluster, field: string, cidrs: string[] | undefined): void {
  for (const cidr of cidrs ?? []) {
    if (!isCidr(cidr)) throw new ValidationError(cluster, `${field} has '${cidr}', which is not a CIDR block. Use e.g. '203.0.113.0/24'.`);
  }
  const ipv6 = firstNonIpv4Cidr(cidrs);
  if (ipv6) throw new ValidationError(cluster, `${field} has '${ipv6}', an IPv6 block, but the field takes IPv4 blocks only. Use an IPv4 CIDR such as '203.0.113.0/24'.`);
}

/** Checks the bastion's instance type and AMI (shared by AWSCluster and AWSManagedControlPlane). */
export function validateBastionMachine(cluster: ManagedCluster, bastion: BastionOptions): void {
  if (bastion.instanceType !== undefined && !EC2_INSTANCE_TYPE.test(bastion.instanceType)) {
    throw new ValidationError(cluster, `bastion.instanceType '${bastion.instanceType}' is not an EC2 instance type. Use e.g. 't3.micro' (the default).`);
  }
  if (bastion.amiId !== undefined && !AMI_ID.test(bastion.amiId)) {
    throw new ValidationError(cluster, `bastion.amiId '${bastion.amiId}' is not an AMI id. Use 'ami-' followed by 8 or 17 hex digits, or leave it unset for CAPA's default bastion image.`);
  }
}

/** The API server target group's health check: HTTPS `/readyz` by default on an NLB (CAPA's flavors). */
function renderLoadBalancerHealthCheck(cluster: ManagedCluster, lb: ControlPlaneLoadBalancerOptions): {
  healthCheckProtocol?: capa.AwsClusterSpecControlPlaneLoadBalancerHealthCheckProtocol;
  healthCheck?: capa.AwsClusterSpecControlPlaneLoadBalancerHealthCheck;
} {
  const type = lb.type ?? LoadBalancerType.NLB;
  const hc = lb.healthCheck;
  if (type === LoadBalancerType.DISABLED) {
    if (hc) throw new ValidationError(cluster, 'controlPlaneLoadBalancer.healthCheck is set but the load balancer is disabled. Remove healthCheck, or choose a load balancer type.');
    return {};
  }
  const protocol = hc?.protocol ?? (type === LoadBalancerType.NLB ? HealthCheckProtocol.HTTPS : undefined);
  if (protocol !== undefined && !(Object.values(HealthCheckProtocol) as string[]).includes(protocol)) {
    throw new ValidationError(cluster, `controlPlaneLoadBalancer.healthCheck.protocol '${protocol}' is not a health-check protocol. Use HealthCheckProtocol.HTTPS, TCP, SSL or TLS.`);
  }
  const seconds = (field: 'interval' | 'timeout', min: number, max: number) =>
    wholeSeconds(cluster, `controlPlaneLoadBalancer.healthCheck.${field}`, hc?.[field], { min, max, why: 'AWS target-group limits' });
  const check = {
    intervalSeconds: seconds('interval', 5, 300),
    timeoutSeconds: seconds('timeout', 2, 120),
    thresholdCount: checkOptionalInteger(cluster, 'controlPlaneLoadBalancer.healthCheck.healthyThreshold', hc?.healthyThreshold, { min: 2, max: 10, why: 'AWS target-group limits' }),
    unhealthyThresholdCount: checkOptionalInteger(cluster, 'controlPlaneLoadBalancer.healthCheck.unhealthyThreshold', hc?.unhealthyThreshold, { min: 2, max: 10, why: 'AWS target-group limits' }),
  };
  return {
    healthCheckProtocol: protocol as string as capa.AwsClusterSpecControlPlaneLoadBalancerHealthCheckProtocol | undefined,
    healthCheck: Object.values(check).some((v) => v !== undefined) ? check : undefined,
  };
}
