import { Lazy } from 'cdk8s';
import { EksAddonConflictResolution } from './eks-addon';
import type { EksInfrastructure } from './eks-infrastructure';
import { EksAccessEntryType, EksAuthenticationMode } from './eks-options';
import { validateEksVersion } from './eks-version';
import type { ManagedCluster } from '../../cluster/managed-cluster';
import { AWS_REGION } from '../../core/aws';
import { isCidr } from '../../core/cidr';
import { nonEmptyList, nonEmptyMap } from '../../core/collections';
import { IAM_POLICY_ARN, iamRoleNameProblem } from '../../core/iam';
import { ValidationError } from '../../core/validation-error';
import * as cp from '../../imports/capa/controlplane.cluster.x-k8s.io';
import * as capa from '../../imports/capa/infrastructure.cluster.x-k8s.io';
import { renderNetwork, validateBastionMachine, validateCidrs, validateTagKeys } from '../aws/aws-cluster';
import { renderCluster } from '../capi/cluster';
import { API_GROUPS } from '../capi/contract-ref';

const EKS_CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/;
const IAM_ARN = /^arn:aws[a-z-]*:iam::(\d{12}|aws):(role|user|policy)\/.+$/;

/** The AWSManagedControlPlane name of a cluster. */
export function eksControlPlaneName(cluster: ManagedCluster): string {
  return `${cluster.clusterName}-control-plane`;
}

/** The EKS cluster name in AWS. */
export function eksClusterName(cluster: ManagedCluster, infra: EksInfrastructure): string {
  return infra.eksClusterName ?? cluster.clusterName;
}

/**
 * Validates the cluster for EKS and renders the AWSManagedControlPlane, the AWSManagedCluster
 * and the Cluster pointing at both.
 */
export function renderEksControlPlane(cluster: ManagedCluster, infra: EksInfrastructure): void {
  const props = infra.props;
  validateCluster(cluster, infra);
  const name = eksControlPlaneName(cluster);
  new cp.AwsManagedControlPlane(cluster, 'AWSManagedControlPlane', {
    metadata: { name, namespace: cluster.clusterNamespace },
    spec: {
      region: infra.region,
      version: cluster.version,
      eksClusterName: eksClusterName(cluster, infra),
      identityRef: { kind: infra.identity.kind as string as cp.AwsManagedControlPlaneSpecIdentityRefKind, name: infra.identity.name },
      network: renderNetwork(cluster, infra.network) as unknown as cp.AwsManagedControlPlaneSpecNetwork,
      sshKeyName: infra.sshKeyName,
      endpointAccess: props.endpointAccess ? {
        public: props.endpointAccess.public,
        private: props.endpointAccess.private,
        publicCidRs: nonEmptyList(props.endpointAccess.publicCidrs),
      } : undefined,
      logging: props.logging ? {
        apiServer: props.logging.apiServer ?? false,
        audit: props.logging.audit ?? false,
        authenticator: props.logging.authenticator ?? false,
        controllerManager: props.logging.controllerManager ?? false,
        scheduler: props.logging.scheduler ?? false,
      } : undefined,
      encryptionConfig: props.secretsEncryption ? { provider: props.secretsEncryption.kmsKey, resources: ['secrets'] } : undefined,
      ...renderAccess(infra),
      associateOidcProvider: props.associateOidcProvider,
      oidcIdentityProviderConfig: props.oidcIdentityProvider ? {
        identityProviderConfigName: props.oidcIdentityProvider.name,
        issuerUrl: props.oidcIdentityProvider.issuerUrl,
        clientId: props.oidcIdentityProvider.clientId,
        usernameClaim: props.oidcIdentityProvider.usernameClaim,
        usernamePrefix: props.oidcIdentityProvider.usernamePrefix,
        groupsClaim: props.oidcIdentityProvider.groupsClaim,
        groupsPrefix: props.oidcIdentityProvider.groupsPrefix,
      } : undefined,
      addons: Lazy.any({ produce: () => renderAddons(infra) }) as any,
      vpcCni: props.disableVpcCni ? { disable: true } : undefined,
      kubeProxy: props.disableKubeProxy ? { disable: true } : undefined,
      roleName: props.roleName,
      roleAdditionalPolicies: nonEmptyList(props.roleAdditionalPolicies),
      upgradePolicy: props.upgradePolicy as string as cp.AwsManagedControlPlaneSpecUpgradePolicy | undefined,
      bastion: props.bastion ? {
        enabled: true,
        instanceType: props.bastion.instanceType ?? 't3.micro',
        allowedCidrBlocks: nonEmptyList(props.bastion.allowedCidrs),
        disableIngressRules: props.bastion.disableIngressRules,
        ami: props.bastion.amiId,
      } : undefined,
      additionalTags: nonEmptyMap(props.additionalTags),
    },
  });
  new capa.AwsManagedCluster(cluster, 'AWSManagedCluster', {
    metadata: { name: cluster.clusterName, namespace: cluster.clusterNamespace },
  });
  renderCluster(cluster, {
    infrastructure: { apiGroup: API_GROUPS.infrastructure, kind: 'AWSManagedCluster', name: cluster.clusterName },
    controlPlane: { apiGroup: API_GROUPS.controlPlane, kind: 'AWSManagedControlPlane', name },
  });
}

type ConflictResolution = cp.AwsManagedControlPlaneSpecAddonsConflictResolution;

function renderAddons(infra: EksInfrastructure): cp.AwsManagedControlPlaneSpecAddons[] | undefined {
  const addons = infra.addons;
  if (addons.length === 0) return undefined;
  return addons.map((a) => ({
    name: a.name,
    version: a.version,
    configuration: a.configuration,
    conflictResolution: (a.conflictResolution ?? EksAddonConflictResolution.OVERWRITE) as string as ConflictResolution,
    serviceAccountRoleArn: a.serviceAccountRoleArn,
    preserveOnDelete: a.preserveOnDelete,
  }));
}

function renderAccess(infra: EksInfrastructure): Pick<cp.AwsManagedControlPlaneSpec, 'accessConfig' | 'accessEntries'> {
  const access = infra.props.access;
  if (!access) return {};
  const entries = access.entries ?? [];
  const mode = access.authenticationMode ?? (entries.length > 0 ? EksAuthenticationMode.API_AND_CONFIG_MAP : undefined);
  return {
    accessConfig: mode !== undefined || access.bootstrapClusterCreatorAdminPermissions !== undefined ? {
      authenticationMode: mode as string as cp.AwsManagedControlPlaneSpecAccessConfigAuthenticationMode | undefined,
      bootstrapClusterCreatorAdminPermissions: access.bootstrapClusterCreatorAdminPermissions,
    } : undefined,
    accessEntries: nonEmptyList(entries.map((e) => ({
      principalArn: e.principalArn,
      type: e.type as string as cp.AwsManagedControlPlaneSpecAccessEntriesType | undefined,
      username: e.username,
      kubernetesGroups: nonEmptyList(e.kubernetesGroups),
      accessPolicies: nonEmptyList((e.policies ?? []).map((p) => ({
        policyArn: p.policyArn,
        accessScope: p.namespaces && p.namespaces.length > 0
          ? { type: cp.AwsManagedControlPlaneSpecAccessEntriesAccessPoliciesAccessScopeType.NAMESPACE, namespaces: [...p.namespaces] }
          : { type: cp.AwsManagedControlPlaneSpecAccessEntriesAccessPoliciesAccessScopeType.CLUSTER },
      }))),
    }))),
  };
}

function validateCluster(cluster: ManagedCluster, infra: EksInfrastructure): void {
  const props = infra.props;
  const set = Object.keys(cluster.controlPlane).filter((k) => (cluster.controlPlane as any)[k] !== undefined);
  if (set.length > 0) {
    throw new ValidationError(cluster, `controlPlane.${set.join(', controlPlane.')} cannot apply to EKS: AWS runs the control plane (no kubeadm, no machines). Remove controlPlane; configure EKS through Infrastructure.eks({...}) (endpointAccess, logging, addons, …).`);
  }
  if (cluster.apiServerPort !== 6443) {
    throw new ValidationError(cluster, `network.apiServerPort (${cluster.apiServerPort}) cannot apply to EKS, whose endpoint always listens on 443. Remove it.`);
  }
  validateEksVersion(cluster, 'version', cluster.version);
  if (!AWS_REGION.test(infra.region)) {
    throw new ValidationError(cluster, `region '${infra.region}' is not an AWS region. Use e.g. 'ap-northeast-2'.`);
  }
  const eksName = eksClusterName(cluster, infra);
  if (!EKS_CLUSTER_NAME.test(eksName)) {
    throw new ValidationError(cluster, `eksClusterName '${eksName}' is not a valid EKS cluster name. Use 1–100 letters, digits, '-' and '_', starting with a letter or digit.`);
  }
  if (infra.identity.kind === 'AWSClusterControllerIdentity' && infra.identity.name !== 'default') {
    throw new ValidationError(cluster, `the controller identity must be named 'default', not '${infra.identity.name}'. Use AwsIdentity.controller().`);
  }
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(infra.identity.name)) {
    throw new ValidationError(cluster, `identity name '${infra.identity.name}' is not a valid object name. Use lower-case letters, digits, '-' and '.'.`);
  }
  const existing = infra.network.existingOptions;
  if (existing && existing.subnetIds.length < 2) {
    throw new ValidationError(cluster, `network subnetIds lists ${existing.subnetIds.length} subnet; EKS needs subnets in at least two availability zones. List at least two.`);
  }
  validateServiceCidr(cluster);
  if (props.sshKeyName !== undefined && props.sshKeyName !== '' && props.sshKeyName.trim() === '') {
    throw new ValidationError(cluster, `sshKeyName '${props.sshKeyName}' is only whitespace. Name an EC2 key pair, use '' for no key pair (CAPA: no SSH key), or leave it unset for CAPA's default key pair name ('default').`);
  }
  validateCidrs(cluster, 'endpointAccess.publicCidrs', props.endpointAccess?.publicCidrs);
  for (const cidr of props.endpointAccess?.publicCidrs ?? []) {
    if (!isCidr(cidr)) throw new ValidationError(cluster, `endpointAccess.publicCidrs has '${cidr}', which is not a CIDR block. Use e.g. '203.0.113.0/24'.`);
  }
  if (props.endpointAccess?.public === false && props.endpointAccess.private === false) {
    throw new ValidationError(cluster, 'endpointAccess disables both the public and the private endpoint, so nothing could reach the API. Enable at least one.');
  }
  if (props.endpointAccess?.public === false && (props.endpointAccess.publicCidrs ?? []).length > 0) {
    throw new ValidationError(cluster, 'endpointAccess.publicCidrs is set but the public endpoint is disabled. Remove publicCidrs or enable the public endpoint.');
  }
  if (props.secretsEncryption && !/^(arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/.+|alias\/.+)$/.test(props.secretsEncryption.kmsKey)) {
    throw new ValidationError(cluster, `secretsEncryption.kmsKey '${props.secretsEncryption.kmsKey}' is not a KMS key or alias ARN. Use 'arn:aws:kms:<region>:<account>:key/<id>' or 'alias/<name>'.`);
  }
  const policies = props.roleAdditionalPolicies ?? [];
  if (policies.length > 0 && !props.allowAddRoles) {
    throw new ValidationError(cluster, 'roleAdditionalPolicies needs the CAPA feature gate EKSAllowAddRoles, which is off by default (CAPA would silently ignore the policies). Start the CAPA controller with --feature-gates=EKSAllowAddRoles=true and set allowAddRoles: true.');
  }
  for (const arn of policies) {
    if (!IAM_POLICY_ARN.test(arn)) throw new ValidationError(cluster, `roleAdditionalPolicies has '${arn}', which is not an IAM policy ARN. Use e.g. 'arn:aws:iam::aws:policy/AmazonEKSVPCResourceController'.`);
  }
  if (props.roleName !== undefined && props.roleName.length < 2) {
    throw new ValidationError(cluster, `roleName '${props.roleName}' is too short. Name an IAM role (at least 2 characters).`);
  }
  const roleProblem = props.roleName !== undefined ? iamRoleNameProblem(props.roleName) : undefined;
  if (roleProblem) throw new ValidationError(cluster, `roleName '${props.roleName}' ${roleProblem}. Name an IAM role of at most 64 letters, digits and + = , . @ _ -.`);
  validateAccess(cluster, infra);
  validateTagKeys(cluster, 'additionalTags', props.additionalTags);
  const bastion = props.bastion;
  if (bastion) {
    validateBastionMachine(cluster, bastion);
    validateCidrs(cluster, 'bastion.allowedCidrs', bastion.allowedCidrs);
    for (const cidr of bastion.allowedCidrs ?? []) {
      if (!isCidr(cidr)) throw new ValidationError(cluster, `bastion.allowedCidrs has '${cidr}', which is not a CIDR block. Use e.g. '203.0.113.0/24'.`);
    }
    if (bastion.disableIngressRules && (bastion.allowedCidrs ?? []).length > 0) {
      throw new ValidationError(cluster, 'bastion.allowedCidrs cannot be combined with bastion.disableIngressRules (CAPA rejects it). Remove one of them.');
    }
  }
  if (props.oidcIdentityProvider && !/^https:\/\//.test(props.oidcIdentityProvider.issuerUrl)) {
    throw new ValidationError(cluster, `oidcIdentityProvider.issuerUrl '${props.oidcIdentityProvider.issuerUrl}' must start with https://.`);
  }
}

/**
 * CAPA hands the Cluster's first IPv4 service CIDR to EKS (`serviceIpv4Cidr`), which accepts
 * only a /12–/24 block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.
 */
function validateServiceCidr(cluster: ManagedCluster): void {
  const cidr = cluster.serviceCidrs.find((c) => /^\d+\.\d+\.\d+\.\d+\//.test(c));
  if (!cidr) return;
  const [address, bits] = cidr.split('/');
  const [a, b] = address.split('.').map(Number);
  const prefix = Number(bits);
  const privateRange = a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  if (!privateRange || prefix < 12 || prefix > 24) {
    throw new ValidationError(cluster, `network.serviceCidrs '${cidr}' cannot be the EKS service CIDR: EKS needs a /12 to /24 block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16. Use e.g. '172.20.0.0/16'.`);
  }
}

function validateAccess(cluster: ManagedCluster, infra: EksInfrastructure): void {
  const access = infra.props.access;
  if (!access) return;
  const entries = access.entries ?? [];
  const mode = access.authenticationMode;
  if (mode === EksAuthenticationMode.CONFIG_MAP && entries.length > 0) {
    throw new ValidationError(cluster, "access.entries need authenticationMode API or API_AND_CONFIG_MAP, not CONFIG_MAP. Change the mode (or leave it unset for 'api_and_config_map').");
  }
  const configMapOnly = (mode ?? EksAuthenticationMode.CONFIG_MAP) === EksAuthenticationMode.CONFIG_MAP && entries.length === 0;
  if (configMapOnly && access.bootstrapClusterCreatorAdminPermissions === false) {
    throw new ValidationError(cluster, 'access.bootstrapClusterCreatorAdminPermissions must stay true with the CONFIG_MAP authentication mode (CAPA rejects false). Use API or API_AND_CONFIG_MAP with access entries.');
  }
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (!IAM_ARN.test(e.principalArn)) {
      throw new ValidationError(cluster, `access.entries[${i}].principalArn '${e.principalArn}' is not an IAM role or user ARN. Use 'arn:aws:iam::<account>:role/<name>'.`);
    }
    if (seen.has(e.principalArn)) throw new ValidationError(cluster, `access.entries lists '${e.principalArn}' twice. Give each principal one entry.`);
    seen.add(e.principalArn);
    const ec2 = e.type === EksAccessEntryType.EC2_LINUX || e.type === EksAccessEntryType.EC2_WINDOWS;
    if (ec2 && ((e.kubernetesGroups ?? []).length > 0 || (e.policies ?? []).length > 0)) {
      throw new ValidationError(cluster, `access.entries[${i}] of type '${e.type}' cannot have kubernetesGroups or policies (CAPA rejects them). Remove them or use type STANDARD.`);
    }
    if ((e.policies ?? []).length > 20) {
      throw new ValidationError(cluster, `access.entries[${i}] has ${e.policies!.length} policies; EKS allows at most 20.`);
    }
  });
}

