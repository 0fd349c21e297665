import { Testing } from 'cdk8s';
import {
  AwsIdentity, AwsNetwork, Infrastructure, LoadBalancerScheme, LoadBalancerType, ManagedCluster, ValidationError,
} from '../../../src';
import { expectValidManifests } from '../../support/crd-validation';
import { argsOf, awsCluster, one, synth } from '../../support/synth';

describe('ManagedCluster on AWS (kubeadm)', () => {
  test('given defaults, when synthesized, then Cluster, AWSCluster, KubeadmControlPlane and its AWSMachineTemplate are valid v1beta2 objects', () => {
    const objects = synth(awsCluster());
    expect(objects.map((o) => `${o.apiVersion} ${o.kind}`).sort()).toEqual([
      'cluster.x-k8s.io/v1beta2 Cluster',
      'cluster.x-k8s.io/v1beta2 MachineHealthCheck',
      'controlplane.cluster.x-k8s.io/v1beta2 KubeadmControlPlane',
      'infrastructure.cluster.x-k8s.io/v1beta2 AWSCluster',
      'infrastructure.cluster.x-k8s.io/v1beta2 AWSMachineTemplate',
    ]);
    expectValidManifests(objects);
  });

  test('given defaults, when synthesized, then the Cluster references its provider objects by {apiGroup, kind, name}', () => {
    const cluster = one(synth(awsCluster()), 'Cluster');
    expect(cluster.spec.infrastructureRef).toEqual({ apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'AWSCluster', name: 'prod' });
    expect(cluster.spec.controlPlaneRef).toEqual({ apiGroup: 'controlplane.cluster.x-k8s.io', kind: 'KubeadmControlPlane', name: 'prod-control-plane' });
    expect(cluster.spec.clusterNetwork).toEqual({
      pods: { cidrBlocks: ['192.168.0.0/16'] },
      services: { cidrBlocks: ['10.96.0.0/12'] },
      serviceDomain: 'cluster.local',
    });
  });

  test('given defaults, when synthesized, then the external cloud provider is wired as CAPA documents it', () => {
    const kcp = one(synth(awsCluster()), 'KubeadmControlPlane');
    const spec = kcp.spec.kubeadmConfigSpec;
    expect(argsOf(spec.clusterConfiguration.controllerManager.extraArgs)).toEqual({ 'cloud-provider': 'external' });
    expect(spec.clusterConfiguration.apiServer).toBeUndefined();
    for (const phase of [spec.initConfiguration, spec.joinConfiguration]) {
      expect(phase.nodeRegistration.name).toEqual('{{ ds.meta_data.local_hostname }}');
      expect(argsOf(phase.nodeRegistration.kubeletExtraArgs)).toEqual({ 'cloud-provider': 'external' });
    }
  });

  test('given defaults, when synthesized, then machines are secure: IMDSv2 required, encrypted root volume, no public IP, no bastion', () => {
    const objects = synth(awsCluster());
    const tmpl = one(objects, 'AWSMachineTemplate').spec.template.spec;
    expect(tmpl.instanceMetadataOptions.httpTokens).toEqual('required');
    expect(tmpl.rootVolume).toEqual({ size: 50, type: 'gp3', encrypted: true });
    expect(tmpl.publicIP).toBeUndefined();
    expect(tmpl.iamInstanceProfile).toEqual('control-plane.cluster-api-provider-aws.sigs.k8s.io');
    expect(one(objects, 'AWSCluster').spec.bastion).toBeUndefined();
  });

  test('given control plane settings, when synthesized, then they reach the KubeadmControlPlane', () => {
    const kcp = one(synth(awsCluster({
      controlPlane: {
        replicas: 5,
        imageRepository: 'registry.example.com/k8s',
        certificatesExpiryDays: 30,
        apiServer: {
          certSans: ['api.example.com'],
          extraArgs: { 'audit-log-maxage': '30' },
          extraVolumes: [{ name: 'audit', hostPath: '/var/log/audit', mountPath: '/var/log/audit', readOnly: false }],
          oidc: { issuerUrl: 'https://sso.example.com/realms/k8s', clientId: 'kubernetes', usernameClaim: 'preferred_username', groupsClaim: 'groups' },
        },
        scheduler: { extraArgs: { 'bind-address': '0.0.0.0' } },
        etcd: { extraArgs: { 'listen-metrics-urls': 'http://0.0.0.0:2381' }, imageTag: '3.5.21-0' },
        kubeletExtraArgs: { 'max-pods': '64' },
      },
    })), 'KubeadmControlPlane');
    const cc = kcp.spec.kubeadmConfigSpec.clusterConfiguration;
    expect(kcp.spec.replicas).toEqual(5);
    expect(kcp.spec.rollout).toEqual({ before: { certificatesExpiryDays: 30 } });
    expect(cc.imageRepository).toEqual('registry.example.com/k8s');
    expect(cc.apiServer.certSANs).toEqual(['api.example.com']);
    expect(argsOf(cc.apiServer.extraArgs)).toEqual({
      'audit-log-maxage': '30',
      'oidc-client-id': 'kubernetes',
      'oidc-groups-claim': 'groups',
      'oidc-issuer-url': 'https://sso.example.com/realms/k8s',
      'oidc-username-claim': 'preferred_username',
    });
    expect(cc.apiServer.extraArgs.map((a: any) => a.name)).toEqual([...cc.apiServer.extraArgs.map((a: any) => a.name)].sort());
    expect(cc.apiServer.extraVolumes).toEqual([{ name: 'audit', hostPath: '/var/log/audit', mountPath: '/var/log/audit', readOnly: false }]);
    expect(cc.etcd.local).toEqual({ extraArgs: [{ name: 'listen-metrics-urls', value: 'http://0.0.0.0:2381' }], imageTag: '3.5.21-0' });
    expect(argsOf(kcp.spec.kubeadmConfigSpec.joinConfiguration.nodeRegistration.kubeletExtraArgs)).toEqual({ 'cloud-provider': 'external', 'max-pods': '64' });
  });

  test('given no certificatesExpiryDays, when synthesized, then machines roll 21 days before expiry', () => {
    expect(one(synth(awsCluster()), 'KubeadmControlPlane').spec.rollout.before.certificatesExpiryDays).toEqual(21);
  });

  test('given a bring-your-own network, a role identity, an internal NLB with allowed CIDRs and a bastion, when synthesized, then the AWSCluster carries them', () => {
    const objects = synth(awsCluster({}, {
      network: AwsNetwork.existing({ vpcId: 'vpc-0a1b2c3d4e5f60718', subnetIds: ['subnet-0c41662a89d7878a2', 'subnet-03d16e2084d9f392b'] }),
      identity: AwsIdentity.role('other-account'),
      controlPlaneLoadBalancer: { type: LoadBalancerType.NLB, scheme: LoadBalancerScheme.INTERNAL, allowedCidrs: ['10.0.0.0/8'] },
      bastion: { allowedCidrs: ['203.0.113.0/24'] },
      sshKeyName: 'ops',
    }));
    const spec = one(objects, 'AWSCluster').spec;
    expect(spec.network).toEqual({ vpc: { id: 'vpc-0a1b2c3d4e5f60718' }, subnets: [{ id: 'subnet-0c41662a89d7878a2' }, { id: 'subnet-03d16e2084d9f392b' }] });
    expect(spec.identityRef).toEqual({ kind: 'AWSClusterRoleIdentity', name: 'other-account' });
    expect(spec.controlPlaneLoadBalancer).toEqual({
      loadBalancerType: 'nlb',
      scheme: 'internal',
      ingressRules: [{ description: 'Kubernetes API', protocol: 'tcp', fromPort: 6443, toPort: 6443, cidrBlocks: ['10.0.0.0/8'] }],
      healthCheckProtocol: 'HTTPS',
    });
    expect(spec.bastion).toEqual({ enabled: true, instanceType: 't3.micro', allowedCIDRBlocks: ['203.0.113.0/24'] });
    expect(spec.sshKeyName).toEqual('ops');
    expectValidManifests(objects);
  });

  test('given cluster labels and a label added later, when synthesized, then the Cluster carries them and the infrastructure label', () => {
    const cluster = awsCluster({ labels: { env: 'prod' } });
    cluster.addLabel('cni', 'cilium');
    expect(one(synth(cluster), 'Cluster').metadata.labels).toEqual({ 'env': 'prod', 'cni': 'cilium', 'capi-blueprints.io/infrastructure': 'aws' });
  });

  describe('invalid input', () => {
    const cases: Array<[string, () => unknown, RegExp]> = [
      ['even control-plane replicas', () => awsCluster({ controlPlane: { replicas: 2 } }), /prod: controlPlane.replicas \(2\) must be an odd number ≥ 1/],
      ['zero control-plane replicas', () => awsCluster({ controlPlane: { replicas: 0 } }), /controlPlane.replicas \(0\) must be an odd number/],
      ['version without v', () => awsCluster({ version: '1.33.4' }), /version '1.33.4' is not a Kubernetes version. Use 'v' followed by a full semantic version/],
      ['version outside CAPI v1.14 range', () => awsCluster({ version: 'v1.29.0' }), /version 'v1.29.0' is outside the workload cluster range of Cluster API v1.14 \(v1.31.x to v1.36.x\)/],
      ['cluster name too long', () => new ManagedCluster(Testing.app(), 'x', { name: 'a'.repeat(64), version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'us-east-1' }) }), /cluster name 'a{64}' is not a DNS label/],
      ['cluster name with capitals', () => new ManagedCluster(Testing.app(), 'Prod', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'us-east-1' }) }), /cluster name 'Prod' is not a DNS label/],
      ['bad pod CIDR', () => awsCluster({ network: { podCidrs: ['10.0.0.0/33'] } }), /network.podCidrs has '10.0.0.0\/33', which is not a CIDR block/],
      ['bad service CIDR', () => awsCluster({ network: { serviceCidrs: ['not-a-cidr'] } }), /network.serviceCidrs has 'not-a-cidr'/],
      ['certificate expiry below 7 days', () => awsCluster({ controlPlane: { certificatesExpiryDays: 5 } }), /certificatesExpiryDays \(5\) must be a whole number of days from 7 to 364/],
      ['duplicate managed arg', () => awsCluster({ controlPlane: { controllerManager: { extraArgs: { 'cloud-provider': 'aws' } } } }), /controlPlane.controllerManager.extraArgs\['cloud-provider'\] = 'aws' conflicts with the value 'external' set by capi-blueprints/],
      ['removed apiserver flag', () => awsCluster({ controlPlane: { apiServer: { extraArgs: { 'cloud-provider': 'external' } } } }), /apiServer.extraArgs\['cloud-provider'\] was removed from kube-apiserver in Kubernetes 1.33/],
      ['http OIDC issuer', () => awsCluster({ controlPlane: { apiServer: { oidc: { issuerUrl: 'http://sso', clientId: 'k' } } } }), /oidc.issuerUrl 'http:\/\/sso' must be an https:\/\/ URL/],
      ['bad region', () => awsCluster({}, { region: 'seoul' }), /region 'seoul' is not an AWS region/],
      ['bastion CIDRs with disabled ingress rules', () => awsCluster({}, { bastion: { allowedCidrs: ['0.0.0.0/0'], disableIngressRules: true } }), /bastion.allowedCidrs cannot be combined with bastion.disableIngressRules/],
      ['bad VPC id', () => awsCluster({}, { network: AwsNetwork.existing({ vpcId: 'my-vpc', subnetIds: ['subnet-0c41662a89d7878a2'] }) }), /network vpcId 'my-vpc' is not a VPC id/],
      ['empty subnet list', () => awsCluster({}, { network: AwsNetwork.existing({ vpcId: 'vpc-0a1b2c3d', subnetIds: [] }) }), /network subnetIds is empty/],
      ['io1 root volume without iops', () => awsCluster({ controlPlane: { rootVolume: { type: 'io1' as any } } }), /controlPlane.rootVolume.type 'io1' needs rootVolume.iops/],
      ['throughput on gp2', () => awsCluster({ controlPlane: { rootVolume: { type: 'gp2' as any, throughput: 200 } } }), /rootVolume.throughput is only for gp3 volumes, not 'gp2'/],
      ['tiny root volume', () => awsCluster({ controlPlane: { rootVolume: { sizeGiB: 4 } } }), /rootVolume.sizeGiB \(4\) must be a whole number from 8 to 65536/],
      ['bad AMI id', () => awsCluster({ controlPlane: { image: { amiId: 'ubuntu', lookupOptions: undefined } as any } }), /image 'ubuntu' is not an AMI id/],
      ['reserved infrastructure label', () => awsCluster({ labels: { 'capi-blueprints.io/infrastructure': 'gcp' } }), /labels\['capi-blueprints.io\/infrastructure'\] is set by capi-blueprints/],
      ['bad label value', () => awsCluster({ labels: { env: 'prod env' } }), /labels\['env'\] has an invalid label value 'prod env'/],
    ];
    test.each(cases)('given %s, when constructed, then a ValidationError names the path, value and fix', (_name, build, message) => {
      let error: unknown;
      try { build(); } catch (e) { error = e; }
      expect(ValidationError.isValidationError(error)).toBe(true);
      expect((error as Error).message).toMatch(message);
    });
  });
});
