import type { EksInfrastructure } from './eks-infrastructure';
import { EksAmiType } from './eks-node-group-options';
import { eksMachineVersion } from './eks-version';
import { nonEmptyList, nonEmptyMap } from '../../core/collections';
import { IAM_POLICY_ARN, iamRoleNameProblem } from '../../core/iam';
import { validateLabels } from '../../core/labels';
import { checkInteger } from '../../core/ranges';
import { ValidationError } from '../../core/validation-error';
import * as capa from '../../imports/capa/infrastructure.cluster.x-k8s.io';
import { NodePool } from '../../nodes/node-pool';
import { TaintEffect } from '../../nodes/taint';
import { resolvePoolZones } from '../aws/availability-zones';
import { validateSubnetIds } from '../aws/aws-machine-pool';
import { awsMachineSpec, DEFAULT_ROOT_VOLUME_GIB } from '../aws/aws-machine-template';
import { validateAwsTags } from '../aws/private/aws-tags';
import { API_GROUPS } from '../capi/contract-ref';
import { machinePoolName, instanceGroupBounds, renderMachinePool } from '../capi/machine-pool';

/** kubernetes.io labels the kubelet may set on its own Node (NodeRestriction). */
const KUBELET_LABELS = new Set([
  'kubernetes.io/hostname', 'kubernetes.io/arch', 'kubernetes.io/os',
  'beta.kubernetes.io/instance-type', 'node.kubernetes.io/instance-type',
  'topology.kubernetes.io/region', 'topology.kubernetes.io/zone',
]);

const EKS_TAINT_EFFECTS: Record<TaintEffect, capa.AwsManagedMachinePoolSpecTaintsEffect> = {
  [TaintEffect.NO_SCHEDULE]: capa.AwsManagedMachinePoolSpecTaintsEffect.NO_HYPHEN_SCHEDULE,
  [TaintEffect.NO_EXECUTE]: capa.AwsManagedMachinePoolSpecTaintsEffect.NO_HYPHEN_EXECUTE,
  [TaintEffect.PREFER_NO_SCHEDULE]: capa.AwsManagedMachinePoolSpecTaintsEffect.PREFER_HYPHEN_NO_HYPHEN_SCHEDULE,
};

/**
 * Renders an EKS managed node group: a MachinePool (no bootstrap config: EKS joins the nodes)
 * and an AWSManagedMachinePool. Fields a managed node group cannot honour are rejected.
 */
export function renderManagedNodeGroup(pool: NodePool, infra: EksInfrastructure): void {
  const o = pool.options;
  const ng = o.managedNodeGroup ?? {};
  const launchTemplate = ng.launchTemplate !== false;
  validate(pool, infra);

  validateAwsTags(pool, 'additionalTags', o.additionalTags);
  const zones = resolvePoolZones(pool, infra.region, infra.network);
  const bounds = instanceGroupBounds(pool);
  const instanceType = o.instanceTypes?.[0] ?? o.machineType ?? 't3.large';
  const name = machinePoolName(pool);
  let lt: capa.AwsManagedMachinePoolSpecAwsLaunchTemplate | undefined;
  if (launchTemplate) {
    const m = awsMachineSpec({ scope: pool, field: '', baseName: name, namespace: '', defaultInstanceProfile: '' },
      { ...o, machineType: instanceType, capacity: undefined, subnet: undefined, additionalTags: undefined, iamInstanceProfile: undefined });
    lt = {
      sshKeyName: infra.sshKeyName,
      instanceType: m.instanceType,
      ami: m.ami ? { id: m.ami.id } : undefined,
      imageLookupBaseOs: m.imageLookupBaseOs,
      imageLookupOrg: m.imageLookupOrg,
      imageLookupFormat: m.imageLookupFormat,
      rootVolume: m.rootVolume as capa.AwsManagedMachinePoolSpecAwsLaunchTemplateRootVolume,
      additionalSecurityGroups: m.additionalSecurityGroups,
      instanceMetadataOptions: m.instanceMetadataOptions as capa.AwsManagedMachinePoolSpecAwsLaunchTemplateInstanceMetadataOptions,
    };
  } else {
    awsMachineSpec({ scope: pool, field: '', baseName: name, namespace: '', defaultInstanceProfile: '' }, { machineType: instanceType, rootVolume: o.rootVolume });
  }

  const remote = ng.remoteAccess;
  new capa.AwsManagedMachinePool(pool, 'AWSManagedMachinePool', {
    metadata: { name, namespace: pool.cluster.clusterNamespace },
    spec: {
      eksNodegroupName: ng.nodeGroupName ?? name,
      amiType: (lt?.ami ? 'CUSTOM' : (ng.amiType ?? EksAmiType.AL2023_X86_64_STANDARD)) as capa.AwsManagedMachinePoolSpecAmiType,
      amiVersion: ng.amiVersion,
      instanceType: launchTemplate ? undefined : instanceType,
      diskSize: launchTemplate ? undefined : (o.rootVolume?.sizeGiB ?? DEFAULT_ROOT_VOLUME_GIB),
      capacityType: o.capacity?.isSpot ? capa.AwsManagedMachinePoolSpecCapacityType.SPOT : capa.AwsManagedMachinePoolSpecCapacityType.ON_DEMAND,
      scaling: { minSize: bounds.min, maxSize: bounds.max },
      availabilityZones: zones[0] === undefined ? undefined : zones as string[],
      subnetIDs: validateSubnetIds(pool, 'managedNodeGroup.subnetIds', ng.subnetIds) ?? (o.subnet?.subnetId ? [o.subnet.subnetId] : undefined),
      labels: nonEmptyMap(o.nodeLabels),
      taints: nonEmptyList((o.taints ?? []).map((t) => ({ key: t.key, value: t.value ?? '', effect: EKS_TAINT_EFFECTS[t.effect] }))),
      updateConfig: ng.updateConfig,
      remoteAccess: remote ? {
        sshKeyName: remote.sshKeyName ?? infra.sshKeyName,
        sourceSecurityGroups: nonEmptyList(remote.sourceSecurityGroups),
        public: remote.public,
      } : undefined,
      roleName: ng.roleName,
      roleAdditionalPolicies: nonEmptyList(ng.roleAdditionalPolicies),
      nodeRepairConfig: ng.nodeRepair !== undefined ? { enabled: ng.nodeRepair } : undefined,
      awsLaunchTemplate: lt,
      additionalTags: nonEmptyMap(o.additionalTags),
    },
  });
  renderMachinePool(pool, {
    infrastructure: { apiGroup: API_GROUPS.infrastructure, kind: 'AWSManagedMachinePool', name },
    version: eksMachineVersion(pool.cluster.version),
  });
}

function validate(pool: NodePool, infra: EksInfrastructure): void {
  const o = pool.options;
  const ng = o.managedNodeGroup ?? {};
  const lt = ng.launchTemplate !== false;
  const needsLt = (field: string): ValidationError => new ValidationError(pool, `${field} needs a launch template on a managed node group. Remove managedNodeGroup.launchTemplate: false (a launch template is the default), or remove ${field}.`);
  if (o.kubeletExtraArgs && Object.keys(o.kubeletExtraArgs).length > 0) {
    throw new ValidationError(pool, 'kubeletExtraArgs cannot apply to an EKS managed node group (EKS bootstraps the nodes). Remove them, or use NodePoolKind.MACHINE_DEPLOYMENT (self-managed, EKSConfig).');
  }
  if (o.iamInstanceProfile !== undefined) {
    throw new ValidationError(pool, `iamInstanceProfile ('${o.iamInstanceProfile}') cannot apply to an EKS managed node group: nodes get an IAM role. Use managedNodeGroup.roleName instead.`);
  }
  if (o.capacity?.isSpot && o.capacity.maxPrice !== undefined) {
    throw new ValidationError(pool, `capacity is Capacity.spot({ maxPrice: '${o.capacity.maxPrice}' }), but EKS managed node groups take no spot price cap. Use Capacity.spot() (capacityType spot).`);
  }
  if (o.deletion) {
    throw new ValidationError(pool, 'deletion cannot apply to an EKS managed node group: EKS drains and deletes the nodes. Remove deletion.');
  }
  if (o.subnet?.filters) {
    throw new ValidationError(pool, 'subnet filters cannot apply to an EKS managed node group, which takes subnet ids. Use SubnetSelection.fromId(...).');
  }
  const zones = o.availabilityZones || o.availabilityZoneCount !== undefined;
  if ((o.subnet || ng.subnetIds) && zones) {
    throw new ValidationError(pool, 'subnets and availability zones are both set; the node group would use the subnets only. Set one of them.');
  }
  if (o.subnet && ng.subnetIds) {
    throw new ValidationError(pool, 'subnet and managedNodeGroup.subnetIds are both set. List every subnet in managedNodeGroup.subnetIds.');
  }
  if (!lt) {
    if (o.instanceMetadata) throw needsLt('instanceMetadata');
    const v = o.rootVolume ?? {};
    const extra = (['type', 'encrypted', 'encryptionKey', 'iops', 'throughput'] as const).filter((k) => v[k] !== undefined);
    if (extra.length > 0) throw needsLt(`rootVolume.${extra.join(', rootVolume.')}`);
    if (o.image) throw needsLt('image');
    if ((o.additionalSecurityGroups ?? []).length > 0) throw needsLt('additionalSecurityGroups');
  } else {
    if (ng.remoteAccess) {
      throw new ValidationError(pool, 'managedNodeGroup.remoteAccess cannot be combined with a launch template (EKS rejects it), and node groups get one by default. Remove remoteAccess: the launch template takes the infrastructure\'s sshKeyName, and additionalSecurityGroups open SSH. Or set managedNodeGroup.launchTemplate: false (IMDS and root-volume encryption then follow EKS and the account defaults).');
    }
    if (ng.amiType !== undefined && o.image?.amiId) {
      throw new ValidationError(pool, `managedNodeGroup.amiType ('${ng.amiType}') and a custom image are both set; a custom AMI makes the AMI type CUSTOM. Remove amiType.`);
    }
  }
  const u = ng.updateConfig;
  if (u) {
    if ((u.maxUnavailable === undefined) === (u.maxUnavailablePercentage === undefined)) {
      throw new ValidationError(pool, 'managedNodeGroup.updateConfig needs exactly one of maxUnavailable and maxUnavailablePercentage.');
    }
    const field = u.maxUnavailable !== undefined ? 'maxUnavailable' : 'maxUnavailablePercentage';
    checkInteger(pool, `managedNodeGroup.updateConfig.${field}`, u.maxUnavailable ?? u.maxUnavailablePercentage!, { min: 1, max: 100, why: 'EKS node-group update limit' });
  }
  const r = ng.remoteAccess;
  if (r?.public && (r.sourceSecurityGroups ?? []).length > 0) {
    throw new ValidationError(pool, 'managedNodeGroup.remoteAccess.sourceSecurityGroups must be empty when public is true (CAPA rejects it). Remove one of them.');
  }
  if (r && !(r.sshKeyName ?? infra.sshKeyName)) {
    throw new ValidationError(pool, 'managedNodeGroup.remoteAccess needs an EC2 key pair. Set remoteAccess.sshKeyName or the infrastructure sshKeyName.');
  }
  if ((ng.roleAdditionalPolicies ?? []).length > 0 && !infra.props.allowAddRoles) {
    throw new ValidationError(pool, 'managedNodeGroup.roleAdditionalPolicies needs the CAPA feature gate EKSAllowAddRoles, which is off by default (CAPA would silently ignore the policies). Start the CAPA controller with --feature-gates=EKSAllowAddRoles=true and set allowAddRoles: true on Infrastructure.eks.');
  }
  if (ng.nodeGroupName !== undefined && !/^[0-9A-Za-z][A-Za-z0-9_-]{0,62}$/.test(ng.nodeGroupName)) {
    throw new ValidationError(pool, `managedNodeGroup.nodeGroupName '${ng.nodeGroupName}' is not a valid EKS node group name. Use 1–63 letters, digits, '-' and '_'.`);
  }
  if (ng.roleName !== undefined && ng.roleName.trim() === '') {
    throw new ValidationError(pool, "managedNodeGroup.roleName is empty. Name the node group's IAM role, or leave it unset for CAPA's default role.");
  }
  const roleProblem = ng.roleName !== undefined ? iamRoleNameProblem(ng.roleName) : undefined;
  if (roleProblem) throw new ValidationError(pool, `managedNodeGroup.roleName '${ng.roleName}' ${roleProblem}. Name an IAM role of at most 64 letters, digits and + = , . @ _ -.`);
  const badPolicy = (ng.roleAdditionalPolicies ?? []).find((arn) => !IAM_POLICY_ARN.test(arn));
  if (badPolicy !== undefined) {
    throw new ValidationError(pool, `managedNodeGroup.roleAdditionalPolicies has '${badPolicy}', which is not an IAM policy ARN. Use e.g. 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore'.`);
  }
  if (ng.amiVersion !== undefined && ng.amiVersion.trim() === '') {
    throw new ValidationError(pool, "managedNodeGroup.amiVersion is empty. Give an EKS AMI release version (e.g. '1.33.0-20250610'), or leave it unset for the latest.");
  }
  if (ng.amiType !== undefined && !(Object.values(EksAmiType) as string[]).includes(ng.amiType)) {
    throw new ValidationError(pool, `managedNodeGroup.amiType '${ng.amiType}' is not an EKS AMI type. Use an EksAmiType value, e.g. EksAmiType.AL2023_X86_64_STANDARD.`);
  }
  validateLabels(pool, 'nodeLabels', o.nodeLabels);
  for (const key of Object.keys(o.nodeLabels ?? {})) {
    const prefix = key.includes('/') ? key.split('/')[0] : '';
    const restricted = /(^|\.)(kubernetes\.io|k8s\.io)$/.test(prefix);
    const kubeletMaySet = KUBELET_LABELS.has(key) || /(^|\.)(kubelet|node)\.kubernetes\.io$/.test(prefix);
    if (restricted && !kubeletMaySet) {
      throw new ValidationError(pool, `nodeLabels['${key}']: EKS hands node-group labels to the kubelet, which may not set labels in the '${prefix}' namespace (the node would not join). Use e.g. the 'node.cluster.x-k8s.io/' prefix, or a self-managed pool (NodePoolKind.MACHINE_DEPLOYMENT), where CAPI propagates node-role labels.`);
    }
  }
}
