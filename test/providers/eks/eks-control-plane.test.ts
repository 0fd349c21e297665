import { Testing } from 'cdk8s';
import { eksCluster } from './support';
import {
  AwsIdentity, AwsNetwork, EksAccessEntryType, EksAddonConflictResolution, EksAuthenticationMode, EksUpgradePolicy, Infrastructure, ManagedCluster,
} from '../../../src';
import { expectValidManifests } from '../../support/crd-validation';
import { one, synth } from '../../support/synth';

describe('ManagedCluster on EKS: control plane', () => {
  test('given defaults, when synthesized, then Cluster, AWSManagedControlPlane and AWSManagedCluster are valid and wired by {apiGroup, kind, name}', () => {
    const objects = synth(eksCluster());
    expect(objects.map((o) => `${o.apiVersion} ${o.kind}`).sort()).toEqual([
      'cluster.x-k8s.io/v1beta2 Cluster',
      'controlplane.cluster.x-k8s.io/v1beta2 AWSManagedControlPlane',
      'infrastructure.cluster.x-k8s.io/v1beta2 AWSManagedCluster',
    ]);
    const cluster = one(objects, 'Cluster');
    expect(cluster.spec.infrastructureRef).toEqual({ apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'AWSManagedCluster', name: 'prod' });
    expect(cluster.spec.controlPlaneRef).toEqual({ apiGroup: 'controlplane.cluster.x-k8s.io', kind: 'AWSManagedControlPlane', name: 'prod-control-plane' });
    expect(cluster.metadata.labels['capi-blueprints.io/infrastructure']).toEqual('eks');
    const cp = one(objects, 'AWSManagedControlPlane');
    expect(cp.spec).toEqual({
      region: 'ap-northeast-2',
      version: 'v1.33',
      eksClusterName: 'prod',
      identityRef: { kind: 'AWSClusterControllerIdentity', name: 'default' },
      network: { vpc: { cidrBlock: '10.0.0.0/16', availabilityZoneUsageLimit: 3, availabilityZoneSelection: 'Ordered' } },
    });
    expectValidManifests(objects);
  });

  test('given every control-plane option, when synthesized, then each maps to its AWSManagedControlPlane field and the objects are valid', () => {
    const objects = synth(eksCluster({
      eksClusterName: 'prod_seoul',
      identity: AwsIdentity.role('tenant-a'),
      network: AwsNetwork.existing({ vpcId: 'vpc-0a1b2c3d', subnetIds: ['subnet-0c41662a89d7878a2', 'subnet-03d16e2084d9f392b'] }),
      sshKeyName: 'ops',
      endpointAccess: { public: true, private: true, publicCidrs: ['203.0.113.0/24'] },
      logging: { audit: true },
      secretsEncryption: { kmsKey: 'arn:aws:kms:ap-northeast-2:111122223333:key/1234abcd' },
      access: {
        entries: [
          { principalArn: 'arn:aws:iam::111122223333:role/admins', policies: [{ policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy' }] },
          { principalArn: 'arn:aws:iam::111122223333:role/viewers', kubernetesGroups: ['viewers'], policies: [{ policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', namespaces: ['apps'] }] },
          { principalArn: 'arn:aws:iam::111122223333:role/nodes', type: EksAccessEntryType.EC2_LINUX },
        ],
      },
      associateOidcProvider: true,
      oidcIdentityProvider: { name: 'dex', issuerUrl: 'https://dex.example.com', clientId: 'kubernetes', groupsClaim: 'groups' },
      roleName: 'eks-prod-control-plane',
      roleAdditionalPolicies: ['arn:aws:iam::aws:policy/AmazonEKSVPCResourceController'],
      allowAddRoles: true,
      upgradePolicy: EksUpgradePolicy.STANDARD,
      bastion: { allowedCidrs: ['198.51.100.0/24'] },
      additionalTags: { team: 'platform' },
      addons: [{ name: 'aws-ebs-csi-driver', version: 'v1.45.0-eksbuild.2', serviceAccountRoleArn: 'arn:aws:iam::111122223333:role/ebs', configuration: '{"controller":{"replicaCount":2}}', preserveOnDelete: true, conflictResolution: EksAddonConflictResolution.PRESERVE }],
    }));
    const spec = one(objects, 'AWSManagedControlPlane').spec;
    expect(spec.eksClusterName).toEqual('prod_seoul');
    expect(spec.identityRef).toEqual({ kind: 'AWSClusterRoleIdentity', name: 'tenant-a' });
    expect(spec.network).toEqual({ vpc: { id: 'vpc-0a1b2c3d' }, subnets: [{ id: 'subnet-0c41662a89d7878a2' }, { id: 'subnet-03d16e2084d9f392b' }] });
    expect(spec.endpointAccess).toEqual({ public: true, private: true, publicCIDRs: ['203.0.113.0/24'] });
    expect(spec.logging).toEqual({ apiServer: false, audit: true, authenticator: false, controllerManager: false, scheduler: false });
    expect(spec.encryptionConfig).toEqual({ provider: 'arn:aws:kms:ap-northeast-2:111122223333:key/1234abcd', resources: ['secrets'] });
    expect(spec.accessConfig).toEqual({ authenticationMode: 'api_and_config_map' });
    expect(spec.accessEntries[1]).toEqual({
      principalARN: 'arn:aws:iam::111122223333:role/viewers',
      kubernetesGroups: ['viewers'],
      accessPolicies: [{ policyARN: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', accessScope: { type: 'namespace', namespaces: ['apps'] } }],
    });
    expect(spec.accessEntries[2]).toEqual({ principalARN: 'arn:aws:iam::111122223333:role/nodes', type: 'ec2_linux' });
    expect(spec.associateOIDCProvider).toBe(true);
    expect(spec.oidcIdentityProviderConfig).toEqual({ identityProviderConfigName: 'dex', issuerUrl: 'https://dex.example.com', clientId: 'kubernetes', groupsClaim: 'groups' });
    expect(spec.roleName).toEqual('eks-prod-control-plane');
    expect(spec.roleAdditionalPolicies).toEqual(['arn:aws:iam::aws:policy/AmazonEKSVPCResourceController']);
    expect(spec.upgradePolicy).toEqual('standard');
    expect(spec.bastion).toEqual({ enabled: true, instanceType: 't3.micro', allowedCIDRBlocks: ['198.51.100.0/24'] });
    expect(spec.sshKeyName).toEqual('ops');
    expect(spec.additionalTags).toEqual({ team: 'platform' });
    expect(spec.addons).toEqual([{
      name: 'aws-ebs-csi-driver',
      version: 'v1.45.0-eksbuild.2',
      serviceAccountRoleARN: 'arn:aws:iam::111122223333:role/ebs',
      configuration: '{"controller":{"replicaCount":2}}',
      preserveOnDelete: true,
      conflictResolution: 'preserve',
    }]);
    expectValidManifests(objects);
  });

  describe('version (EKS format v<major>.<minor>)', () => {
    test.each(['v1.31', 'v1.33', 'v1.36'])('given %s, when synthesized, then spec.version carries it unchanged', (version) => {
      expect(one(synth(eksCluster({}, { version })), 'AWSManagedControlPlane').spec.version).toEqual(version);
    });
    test('given a patch version (as in CAPA\'s flavors), when synthesized, then the control plane carries it and the machines use it as their version', () => {
      const cluster = eksCluster({}, { version: 'v1.33.4' });
      cluster.addNodePool('ng');
      const objects = synth(cluster);
      expect(one(objects, 'AWSManagedControlPlane').spec.version).toEqual('v1.33.4');
      expect(one(objects, 'MachinePool').spec.template.spec.version).toEqual('v1.33.4');
      expectValidManifests(objects);
    });
    test('given a patch version with a leading zero, when constructed, then a ValidationError shows the format', () => {
      expect(() => eksCluster({}, { version: 'v1.33.04' })).toThrow(/version 'v1\.33\.04' is not an EKS version/);
    });
    test('given a version without v, when constructed, then a ValidationError shows the format', () => {
      expect(() => eksCluster({}, { version: '1.33' })).toThrow(/version '1\.33' is not an EKS version\. Use 'v1\.33'/);
      expect(() => eksCluster({}, { version: 'latest' })).toThrow(/'latest' is not an EKS version\. Use 'v' \+ major\.minor, e\.g\. 'v1\.33'/);
    });
    test.each(['v1.30', 'v1.37', 'v2.1'])('given %s, when constructed, then a ValidationError names the supported range', (version) => {
      expect(() => eksCluster({}, { version })).toThrow(/outside the versions EKS and Cluster API v1\.14 both support \(v1\.31 to v1\.36\)/);
    });
  });

  describe('addons and the vpc-cni / kube-proxy disable rules', () => {
    test('given disableVpcCni with a vpc-cni addon, when constructed, then a ValidationError names the conflict', () => {
      expect(() => Infrastructure.eks({ region: 'ap-northeast-2', disableVpcCni: true, addons: [{ name: 'vpc-cni', version: 'v1.19.0-eksbuild.1' }] }))
        .toThrow(/addon 'vpc-cni' conflicts with disableVpcCni: CAPA cannot delete the VPC CNI and manage it as an addon/);
    });
    test('given disableKubeProxy with a kube-proxy addon, when constructed, then a ValidationError names the conflict', () => {
      expect(() => Infrastructure.eks({ region: 'ap-northeast-2', disableKubeProxy: true, addons: [{ name: 'kube-proxy', version: 'v1.33.0-eksbuild.2' }] }))
        .toThrow(/addon 'kube-proxy' conflicts with disableKubeProxy/);
    });
    test('given disableVpcCni and disableKubeProxy without those addons, when synthesized, then vpcCni and kubeProxy are disabled', () => {
      const spec = one(synth(eksCluster({ disableVpcCni: true, disableKubeProxy: true, addons: [{ name: 'coredns', version: 'v1.12.1-eksbuild.2' }] })), 'AWSManagedControlPlane').spec;
      expect(spec.vpcCni).toEqual({ disable: true });
      expect(spec.kubeProxy).toEqual({ disable: true });
      expect(spec.addons).toEqual([{ name: 'coredns', version: 'v1.12.1-eksbuild.2', conflictResolution: 'overwrite' }]);
    });
    test('given an addon added after construction, when synthesized, then it is in spec.addons; a duplicate is rejected', () => {
      const infra = Infrastructure.eks({ region: 'ap-northeast-2' });
      const cluster = new ManagedCluster(Testing.app(), 'prod', { version: 'v1.33', infrastructure: infra });
      infra.addAddon({ name: 'coredns', version: 'v1.12.1-eksbuild.2' });
      expect(one(synth(cluster), 'AWSManagedControlPlane').spec.addons.map((a: any) => a.name)).toEqual(['coredns']);
      expect(() => infra.addAddon({ name: 'coredns', version: 'v1.12.1-eksbuild.3' })).toThrow(/addon 'coredns' is added twice/);
    });
    test('given an addon with an IRSA role but no OIDC provider, when constructed, then a ValidationError asks for associateOidcProvider', () => {
      expect(() => eksCluster({ addons: [{ name: 'aws-ebs-csi-driver', version: 'v1.45.0-eksbuild.2', serviceAccountRoleArn: 'arn:aws:iam::111122223333:role/ebs' }] }))
        .toThrow(/serviceAccountRoleArn \(IRSA\), which needs the cluster's OIDC provider\. Set associateOidcProvider: true\./);
    });
    test('given an addon without version or with a bad name, when constructed, then a ValidationError says so', () => {
      expect(() => Infrastructure.eks({ region: 'ap-northeast-2', addons: [{ name: 'coredns', version: '' }] })).toThrow(/addon 'coredns' has no version/);
      expect(() => Infrastructure.eks({ region: 'ap-northeast-2', addons: [{ name: 'Core DNS', version: 'v1' }] })).toThrow(/addon name 'Core DNS' is not an EKS addon name/);
    });
  });

  describe('rejected settings', () => {
    test('given kubeadm control-plane settings, when constructed, then a ValidationError lists them instead of dropping them', () => {
      expect(() => eksCluster({}, { controlPlane: { replicas: 3, machineType: 'm6i.large' } }))
        .toThrow(/controlPlane\.replicas, controlPlane\.machineType cannot apply to EKS: AWS runs the control plane/);
    });
    test('given an API server port, when constructed, then a ValidationError says EKS listens on 443', () => {
      expect(() => eksCluster({}, { network: { apiServerPort: 8443 } })).toThrow(/network\.apiServerPort \(8443\) cannot apply to EKS, whose endpoint always listens on 443/);
    });
    test('given roleAdditionalPolicies without allowAddRoles, when constructed, then a ValidationError explains the EKSAllowAddRoles feature gate', () => {
      expect(() => eksCluster({ roleAdditionalPolicies: ['arn:aws:iam::aws:policy/AmazonEKSVPCResourceController'] }))
        .toThrow(/roleAdditionalPolicies needs the CAPA feature gate EKSAllowAddRoles.*--feature-gates=EKSAllowAddRoles=true and set allowAddRoles: true/);
    });
    test('given access entries with the CONFIG_MAP mode, when constructed, then a ValidationError asks for API modes', () => {
      expect(() => eksCluster({ access: { authenticationMode: EksAuthenticationMode.CONFIG_MAP, entries: [{ principalArn: 'arn:aws:iam::111122223333:role/a' }] } }))
        .toThrow(/access\.entries need authenticationMode API or API_AND_CONFIG_MAP, not CONFIG_MAP/);
    });
    test('given an ec2_linux entry with policies, when constructed, then a ValidationError says CAPA rejects them', () => {
      expect(() => eksCluster({ access: { entries: [{ principalArn: 'arn:aws:iam::111122223333:role/n', type: EksAccessEntryType.EC2_LINUX, kubernetesGroups: ['x'] }] } }))
        .toThrow(/access\.entries\[0\] of type 'ec2_linux' cannot have kubernetesGroups or policies/);
    });
    test('given creator admin off with CONFIG_MAP, when constructed, then a ValidationError says it must stay true', () => {
      expect(() => eksCluster({ access: { bootstrapClusterCreatorAdminPermissions: false } }))
        .toThrow(/bootstrapClusterCreatorAdminPermissions must stay true with the CONFIG_MAP authentication mode/);
    });
    test('given both endpoints disabled, or public CIDRs on a private-only endpoint, when constructed, then a ValidationError says so', () => {
      expect(() => eksCluster({ endpointAccess: { public: false, private: false } })).toThrow(/disables both the public and the private endpoint/);
      expect(() => eksCluster({ endpointAccess: { public: false, private: true, publicCidrs: ['203.0.113.0/24'] } })).toThrow(/publicCidrs is set but the public endpoint is disabled/);
      expect(() => eksCluster({ endpointAccess: { publicCidrs: ['nope'] } })).toThrow(/endpointAccess\.publicCidrs has 'nope', which is not a CIDR block/);
    });
    test('given a bad KMS key, EKS cluster name, region or controller identity name, when constructed, then a ValidationError says so', () => {
      expect(() => eksCluster({ secretsEncryption: { kmsKey: 'my-key' } })).toThrow(/secretsEncryption\.kmsKey 'my-key' is not a KMS key or alias ARN/);
      expect(() => eksCluster({ eksClusterName: '-bad name' })).toThrow(/eksClusterName '-bad name' is not a valid EKS cluster name/);
      expect(() => eksCluster({ region: 'seoul' })).toThrow(/region 'seoul' is not an AWS region/);
    });
    test('given a bastion with allowed CIDRs and disabled ingress rules, when constructed, then a ValidationError says CAPA rejects it', () => {
      expect(() => eksCluster({ bastion: { allowedCidrs: ['10.0.0.0/8'], disableIngressRules: true } })).toThrow(/bastion\.allowedCidrs cannot be combined with bastion\.disableIngressRules/);
    });
  });
});

describe('ManagedCluster on EKS: network rules', () => {
  test('given a service CIDR outside what EKS accepts, when constructed, then a ValidationError names the allowed ranges', () => {
    expect(() => eksCluster({}, { network: { serviceCidrs: ['100.64.0.0/16'] } }))
      .toThrow(/network\.serviceCidrs '100\.64\.0\.0\/16' cannot be the EKS service CIDR: EKS needs a \/12 to \/24 block/);
    expect(() => eksCluster({}, { network: { serviceCidrs: ['10.0.0.0/8'] } })).toThrow(/network\.serviceCidrs '10\.0\.0\.0\/8' is larger than \/12/);
  });
  test('given a valid service CIDR, when synthesized, then the Cluster carries it (CAPA passes it to EKS)', () => {
    const cluster = one(synth(eksCluster({}, { network: { serviceCidrs: ['172.20.0.0/16'] } })), 'Cluster');
    expect(cluster.spec.clusterNetwork.services).toEqual({ cidrBlocks: ['172.20.0.0/16'] });
  });
  test('given an existing network with one subnet, when constructed, then a ValidationError asks for two AZs', () => {
    expect(() => eksCluster({ network: AwsNetwork.existing({ vpcId: 'vpc-0a1b2c3d', subnetIds: ['subnet-0c41662a89d7878a2'] }) }))
      .toThrow(/EKS needs subnets in at least two availability zones/);
  });
});

describe('ManagedCluster on EKS: bastion machine', () => {
  test('given a bad bastion instance type or AMI, when constructed, then the shared AWS bastion checks apply', () => {
    expect(() => eksCluster({ bastion: { instanceType: 'large' } })).toThrow(/bastion\.instanceType 'large' is not an EC2 instance type/);
    expect(() => eksCluster({ bastion: { amiId: 'ubuntu' } })).toThrow(/bastion\.amiId 'ubuntu' is not an AMI id/);
  });
});
