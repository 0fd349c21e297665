import { openstackCluster } from './support';
import {
  ManagedSecurityGroup, MachineImage, OpenStackApiServer, OpenStackImage, OpenStackNetwork, OpenStackResource, OpenStackSecurityGroupRules,
  SecurityGroupEtherType, SecurityGroupRuleDirection, Capacity, VolumeType, SubnetSelection,
} from '../../../src';
import { expectValidManifests } from '../../support/crd-validation';
import { argsOf, one, synth } from '../../support/synth';

const NET_ID = '1a4e4b0c-5d2f-4c3a-9b6e-7f0a1b2c3d4e';
const EXT_ID = 'e98e5ab1-1775-46bb-8a7b-ae1ced2950ff';
const SG_ID = '3b9f2d1e-0c4a-4e8b-9a7d-6c5b4a3f2e1d';
const IMAGE_ID = '5b516e3d-9340-4fa9-a2f0-489d0bd0182c';

function osc(objects: any[]): any {
  return one(objects, 'OpenStackCluster').spec;
}

function cpTemplate(objects: any[]): any {
  const kcp = one(objects, 'KubeadmControlPlane');
  return one(objects, 'OpenStackMachineTemplate', kcp.spec.machineTemplate.spec.infrastructureRef.name).spec.template.spec;
}

describe('OpenStack cluster defaults', () => {
  test('given only identity and machine defaults, when synthesized, then the cluster is secure, external-cloud-provider ready and valid', () => {
    const objects = synth(openstackCluster());
    expectValidManifests(objects);
    expect(osc(objects)).toEqual({
      identityRef: { type: 'Secret', name: 'dev-cloud-config', cloudName: 'openstack' },
      managedSubnets: [{ cidr: '10.6.0.0/24' }],
      apiServerLoadBalancer: { enabled: true },
      managedSecurityGroups: { allowAllInClusterTraffic: false },
    });
    const cluster = one(objects, 'Cluster');
    expect(cluster.spec.infrastructureRef).toEqual({ apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'OpenStackCluster', name: 'dev' });
    expect(cluster.metadata.labels['capi-blueprints.io/infrastructure']).toEqual('openstack');
    expect(one(objects, 'OpenStackCluster').apiVersion).toEqual('infrastructure.cluster.x-k8s.io/v1beta1');
  });

  test('given the default control plane, when synthesized, then kubelets use the external cloud provider with the OpenStack provider ID and hostname', () => {
    const objects = synth(openstackCluster());
    const kcp = one(objects, 'KubeadmControlPlane').spec;
    for (const phase of ['initConfiguration', 'joinConfiguration']) {
      const reg = kcp.kubeadmConfigSpec[phase].nodeRegistration;
      expect(reg.name).toEqual('{{ local_hostname }}');
      expect(argsOf(reg.kubeletExtraArgs)).toEqual({ 'cloud-provider': 'external', 'provider-id': "openstack:///'{{ instance_id }}'" });
    }
    expect(argsOf(kcp.kubeadmConfigSpec.clusterConfiguration.controllerManager.extraArgs)).toEqual({ 'cloud-provider': 'external' });
    expect(kcp.kubeadmConfigSpec.clusterConfiguration.apiServer).toBeUndefined();
    expect(kcp.machineTemplate.spec.infrastructureRef.kind).toEqual('OpenStackMachineTemplate');
    expect(cpTemplate(objects)).toEqual({ flavor: 'm1.large', image: { filter: { name: 'ubuntu-2404-kube-v1.33.4' } }, sshKeyName: 'capi' });
  });

  test('given no bastion, when synthesized, then none is created (and no floating IP settings on machines)', () => {
    const spec = osc(synth(openstackCluster()));
    expect(spec.bastion).toBeUndefined();
    expect(spec.disableAPIServerFloatingIP).toBeUndefined();
  });
});

describe('OpenStack cluster props', () => {
  test('given an identity region, when synthesized, then identityRef carries it', () => {
    const spec = osc(synth(openstackCluster({}, { identity: { secretName: 'creds', cloudName: 'prod', region: 'RegionTwo' } })));
    expect(spec.identityRef).toEqual({ type: 'Secret', name: 'creds', cloudName: 'prod', region: 'RegionTwo' });
  });

  test('given a managed network with a CIDR and DNS servers, when synthesized, then the managed subnet has them', () => {
    const spec = osc(synth(openstackCluster({}, { network: OpenStackNetwork.managed({ cidr: '192.168.79.0/24', dnsNameservers: ['1.1.1.1', '8.8.8.8'] }) })));
    expect(spec.managedSubnets).toEqual([{ cidr: '192.168.79.0/24', dnsNameservers: ['1.1.1.1', '8.8.8.8'] }]);
  });

  test('given an existing network by id and subnets by filter, when synthesized, then network and subnets reference them and nothing is managed', () => {
    const objects = synth(openstackCluster({}, {
      network: OpenStackNetwork.existing({ network: OpenStackResource.fromId(NET_ID), subnets: [OpenStackResource.fromFilter({ name: 'k8s-v4', tags: ['k8s'] })] }),
    }));
    expectValidManifests(objects);
    const spec = osc(objects);
    expect(spec.network).toEqual({ id: NET_ID });
    expect(spec.subnets).toEqual([{ filter: { name: 'k8s-v4', tags: ['k8s'] } }]);
    expect(spec.managedSubnets).toBeUndefined();
  });

  test('given an external network, when synthesized, then externalNetwork references it', () => {
    expect(osc(synth(openstackCluster({}, { externalNetwork: OpenStackResource.fromId(EXT_ID) }))).externalNetwork).toEqual({ id: EXT_ID });
    expect(osc(synth(openstackCluster({}, { externalNetwork: OpenStackResource.fromName('public') }))).externalNetwork).toEqual({ filter: { name: 'public' } });
  });

  test('given disableExternalNetwork with an internal load balancer, when synthesized, then both flags are set and valid', () => {
    const objects = synth(openstackCluster({}, { disableExternalNetwork: true, apiServer: OpenStackApiServer.loadBalancer({ floatingIp: false }) }));
    expectValidManifests(objects);
    const spec = osc(objects);
    expect([spec.disableExternalNetwork, spec.disableAPIServerFloatingIP, spec.externalNetwork]).toEqual([true, true, undefined]);
  });

  test('given load balancer options, when synthesized, then apiServerLoadBalancer and the API addresses carry them', () => {
    const objects = synth(openstackCluster({}, {
      apiServer: OpenStackApiServer.loadBalancer({
        allowedCidrs: ['203.0.113.0/24'],
        provider: 'amphora',
        flavor: 'small',
        availabilityZone: 'az-1',
        additionalPorts: [8443],
        floatingIpAddress: '172.16.111.100',
        fixedIp: '10.6.0.10',
      }),
    }));
    expectValidManifests(objects);
    const spec = osc(objects);
    expect(spec.apiServerLoadBalancer).toEqual({
      enabled: true, allowedCIDRs: ['203.0.113.0/24'], provider: 'amphora', flavor: 'small', availabilityZone: 'az-1', additionalPorts: [8443],
    });
    expect([spec.apiServerFloatingIP, spec.apiServerFixedIP]).toEqual(['172.16.111.100', '10.6.0.10']);
  });

  test('given a floating IP endpoint, when synthesized, then there is no load balancer and the address is set', () => {
    const spec = osc(synth(openstackCluster({}, { apiServer: OpenStackApiServer.floatingIp({ address: '172.16.111.101' }) })));
    expect(spec.apiServerLoadBalancer).toBeUndefined();
    expect(spec.apiServerFloatingIP).toEqual('172.16.111.101');
  });

  test('given a fixed IP endpoint, when synthesized, then there is neither a load balancer nor a floating IP, also without an external network', () => {
    const objects = synth(openstackCluster({}, { apiServer: OpenStackApiServer.fixedIp('10.6.0.10'), disableExternalNetwork: true }));
    expectValidManifests(objects);
    const spec = osc(objects);
    expect([spec.apiServerLoadBalancer, spec.disableAPIServerFloatingIP, spec.apiServerFixedIP]).toEqual([undefined, true, '10.6.0.10']);
  });

  test('given a non-default API server port, when synthesized, then the load balancer listens on it too', () => {
    const objects = synth(openstackCluster({ network: { apiServerPort: 443 } }));
    expect(osc(objects).apiServerPort).toEqual(443);
    expect(one(objects, 'Cluster').spec.clusterNetwork.apiServerPort).toEqual(443);
  });

  test('given Calico rules and worker/control-plane rules, when synthesized, then the managed groups carry them with defaults applied', () => {
    const objects = synth(openstackCluster({}, {
      securityGroups: {
        allNodesRules: OpenStackSecurityGroupRules.calico(),
        controlPlaneRules: [{ name: 'etcd-backup', protocol: 'tcp', portRangeMin: 2379, remoteIpPrefix: '10.10.0.0/16' }],
        workerRules: [{
          name: 'nodeports',
          protocol: 'tcp',
          portRangeMin: 30000,
          portRangeMax: 32767,
          remoteGroupId: SG_ID,
          direction: SecurityGroupRuleDirection.INGRESS,
          etherType: SecurityGroupEtherType.IPV4,
          description: 'NodePorts from the LB',
        }],
      },
    }));
    expectValidManifests(objects);
    const groups = osc(objects).managedSecurityGroups;
    expect(groups.allNodesSecurityGroupRules).toEqual([
      { name: 'BGP (Calico)', description: 'Calico BGP between nodes', direction: 'ingress', etherType: 'IPv4', protocol: 'tcp', portRangeMin: 179, portRangeMax: 179, remoteManagedGroups: ['controlplane', 'worker'] },
      { name: 'IP-in-IP (Calico)', description: 'Calico IP-in-IP between nodes', direction: 'ingress', etherType: 'IPv4', protocol: '4', remoteManagedGroups: ['controlplane', 'worker'] },
    ]);
    expect(groups.controlPlaneNodesSecurityGroupRules).toEqual([
      { name: 'etcd-backup', direction: 'ingress', etherType: 'IPv4', protocol: 'tcp', portRangeMin: 2379, portRangeMax: 2379, remoteIPPrefix: '10.10.0.0/16' },
    ]);
    expect(groups.workerNodesSecurityGroupRules[0]).toMatchObject({ remoteGroupID: SG_ID, portRangeMin: 30000, portRangeMax: 32767, description: 'NodePorts from the LB' });
  });

  test('given Cilium rules and all in-cluster traffic, when synthesized, then VXLAN, health and ICMP are open between nodes', () => {
    const securityGroups = { allowAllInClusterTraffic: true, allNodesRules: OpenStackSecurityGroupRules.cilium() };
    const groups = osc(synth(openstackCluster({}, { securityGroups }))).managedSecurityGroups;
    expect(groups.allowAllInClusterTraffic).toBe(true);
    expect(groups.allNodesSecurityGroupRules.map((r: any) => [r.protocol, r.portRangeMin])).toEqual([['udp', 8472], ['tcp', 4240], ['icmp', undefined]]);
  });

  test('given unmanaged security groups and disabled port security, when synthesized, then neither managed groups nor port security are emitted', () => {
    const spec = osc(synth(openstackCluster({}, { securityGroups: { managed: false }, disablePortSecurity: true })));
    expect(spec.managedSecurityGroups).toBeUndefined();
    expect(spec.disablePortSecurity).toBe(true);
  });

  test('given a bastion, when synthesized, then it is enabled with its spec and the machine SSH key by default', () => {
    const objects = synth(openstackCluster({}, { bastion: { flavor: 'm1.small', image: OpenStackImage.fromName('ubuntu-2404'), availabilityZone: 'az-1', floatingIp: '172.16.111.50' } }));
    expectValidManifests(objects);
    expect(osc(objects).bastion).toEqual({
      enabled: true,
      availabilityZone: 'az-1',
      floatingIP: '172.16.111.50',
      spec: { flavor: 'm1.small', image: { filter: { name: 'ubuntu-2404' } }, sshKeyName: 'capi' },
    });
  });

  test('given availability zones, MTU and tags, when synthesized, then the control plane spreads over the zones and Neutron resources are tagged', () => {
    const spec = osc(synth(openstackCluster({}, { availabilityZones: ['az-1', 'az-2', 'az-3'], networkMtu: 1450, tags: ['team-a', 'prod'] })));
    expect([spec.controlPlaneAvailabilityZones, spec.networkMTU, spec.tags]).toEqual([['az-1', 'az-2', 'az-3'], 1450, ['team-a', 'prod']]);
  });
});

describe('OpenStack control-plane machines', () => {
  test('given controlPlaneMachine settings, when synthesized, then they override the machine defaults field by field and validate', () => {
    const objects = synth(openstackCluster({}, {
      controlPlaneMachine: {
        flavor: 'm1.xlarge',
        rootVolume: { sizeGiB: 100, type: 'ssd', availabilityZone: 'cinder-az' },
        serverGroup: OpenStackResource.fromName('cp-anti-affinity'),
        securityGroups: [OpenStackResource.fromId(SG_ID)],
        ports: [{}, { network: OpenStackResource.fromName('storage'), subnets: [OpenStackResource.fromName('storage-v4')], nameSuffix: 'storage', vnicType: 'normal', tags: ['storage'] }],
        serverMetadata: { team: 'platform', env: 'prod' },
        configDrive: true,
        tags: ['control-plane'],
      },
    }));
    expectValidManifests(objects);
    expect(cpTemplate(objects)).toEqual({
      flavor: 'm1.xlarge',
      image: { filter: { name: 'ubuntu-2404-kube-v1.33.4' } },
      sshKeyName: 'capi',
      rootVolume: { sizeGiB: 100, type: 'ssd', availabilityZone: { name: 'cinder-az' } },
      serverGroup: { filter: { name: 'cp-anti-affinity' } },
      securityGroups: [{ id: SG_ID }],
      ports: [{}, { network: { filter: { name: 'storage' } }, fixedIPs: [{ subnet: { filter: { name: 'storage-v4' } } }], nameSuffix: 'storage', vnicType: 'normal', tags: ['storage'] }],
      serverMetadata: [{ key: 'env', value: 'prod' }, { key: 'team', value: 'platform' }],
      configDrive: true,
      tags: ['control-plane'],
    });
  });

  test('given provider-neutral control-plane machine settings, when synthesized, then machineType is the flavor, image a Glance UUID and security groups by name or UUID', () => {
    const objects = synth(openstackCluster({
      controlPlane: { machineType: 'm1.2xlarge', image: MachineImage.fromId(IMAGE_ID), rootVolume: { sizeGiB: 80 }, additionalSecurityGroups: ['bastion-ssh', SG_ID] },
    }));
    expectValidManifests(objects);
    expect(cpTemplate(objects)).toMatchObject({
      flavor: 'm1.2xlarge', image: { id: IMAGE_ID }, rootVolume: { sizeGiB: 80 }, securityGroups: [{ filter: { name: 'bastion-ssh' } }, { id: SG_ID }],
    });
  });

  test('given Capacity.onDemand(), when synthesized, then it is accepted (only spot is AWS-only)', () => {
    expect(() => synth(openstackCluster({ controlPlane: { capacity: Capacity.onDemand() } }))).not.toThrow();
  });

  test('given the same settings twice, when synthesized, then the template name is identical; a different flavor gives a new name', () => {
    const name = (flavor: string) => one(synth(openstackCluster({ controlPlane: { machineType: flavor } })), 'KubeadmControlPlane').spec.machineTemplate.spec.infrastructureRef.name;
    expect(name('m1.large')).toEqual(name('m1.large'));
    expect(name('m1.large')).not.toEqual(name('m1.xlarge'));
    expect(name('m1.large')).toMatch(/^dev-control-plane-[0-9a-f]{8}$/);
  });
});

describe('OpenStack cluster errors', () => {
  const cases: Array<[string, () => unknown, RegExp]> = [
    ['secret name', () => openstackCluster({}, { identity: { secretName: 'Bad_Name', cloudName: 'x' } }), /identity.secretName 'Bad_Name' is not a Secret name/],
    ['cloud name', () => openstackCluster({}, { identity: { secretName: 's', cloudName: ' ' } }), /identity.cloudName is empty/],
    ['region', () => openstackCluster({}, { identity: { secretName: 's', cloudName: 'c', region: '' } }), /identity.region '' is empty/],
    ['network cidr', () => openstackCluster({}, { network: OpenStackNetwork.managed({ cidr: '10.6.0.0' }) }), /network cidr '10.6.0.0' is not a CIDR block/],
    ['dns server', () => openstackCluster({}, { network: OpenStackNetwork.managed({ dnsNameservers: ['dns.example.com'] }) }), /dnsNameservers has 'dns.example.com', which is not an IP address/],
    ['dns twice', () => openstackCluster({}, { network: OpenStackNetwork.managed({ dnsNameservers: ['1.1.1.1', '1.1.1.1'] }) }), /dnsNameservers lists '1.1.1.1' twice/],
    ['three subnets', () => openstackCluster({}, {
      network: OpenStackNetwork.existing({ network: OpenStackResource.fromName('n'), subnets: ['a', 'b', 'c'].map((n) => OpenStackResource.fromName(n)) }),
    }), /network lists 3 subnets; CAPO takes at most two/],
    ['network id', () => openstackCluster({}, { network: OpenStackNetwork.existing({ network: OpenStackResource.fromId('net-1') }) }), /network id 'net-1' is not a UUID/],
    ['empty filter', () => openstackCluster({}, { externalNetwork: OpenStackResource.fromFilter({}) }), /externalNetwork has an empty filter, which would match any resource/],
    ['tag with comma', () => openstackCluster({}, { externalNetwork: OpenStackResource.fromFilter({ tags: ['a,b'] }) }), /externalNetwork tags has 'a,b', which is not a tag/],
    ['external and disabled', () => openstackCluster({}, {
      externalNetwork: OpenStackResource.fromId(EXT_ID),
      disableExternalNetwork: true,
      apiServer: OpenStackApiServer.loadBalancer({ floatingIp: false }),
    }), /externalNetwork is set, but disableExternalNetwork is true/],
    ['disabled external with LB floating IP', () => openstackCluster({}, { disableExternalNetwork: true }), /disableExternalNetwork is true, but the API load balancer asks for a floating IP/],
    ['disabled external with floating IP endpoint', () => openstackCluster({}, { disableExternalNetwork: true, apiServer: OpenStackApiServer.floatingIp() }),
      /OpenStackApiServer.floatingIp\(\), but disableExternalNetwork is true/],
    ['floating address without floating IP', () => openstackCluster({}, { apiServer: OpenStackApiServer.loadBalancer({ floatingIp: false, floatingIpAddress: '172.16.0.1' }) }),
      /floatingIpAddress '172.16.0.1' is set, but floatingIp is false/],
    ['floating address', () => openstackCluster({}, { apiServer: OpenStackApiServer.loadBalancer({ floatingIpAddress: 'fip' }) }), /apiServer floatingIpAddress 'fip' is not an IP address/],
    ['endpoint address', () => openstackCluster({}, { apiServer: OpenStackApiServer.floatingIp({ address: '1.2.3' }) }), /apiServer floating IP address '1.2.3' is not an IP address/],
    ['fixed IP endpoint', () => openstackCluster({}, { apiServer: OpenStackApiServer.fixedIp('vip') }), /apiServer fixed IP 'vip' is not an IP address/],
    ['fixed IP', () => openstackCluster({}, { apiServer: OpenStackApiServer.loadBalancer({ fixedIp: '10.6.0' }) }), /apiServer fixedIp '10.6.0' is not an IP address/],
    ['allowed CIDR', () => openstackCluster({}, { apiServer: OpenStackApiServer.loadBalancer({ allowedCidrs: ['10.0.0.1'] }) }), /allowedCidrs has '10.0.0.1', which is not a CIDR block/],
    ['allowed CIDRs on OVN', () => openstackCluster({}, { apiServer: OpenStackApiServer.loadBalancer({ allowedCidrs: ['10.0.0.0/8'], provider: 'ovn' }) }),
      /allowedCidrs needs the 'amphora' Octavia provider, but provider is 'ovn'/],
    ['LB zone', () => openstackCluster({}, { apiServer: OpenStackApiServer.loadBalancer({ availabilityZone: 'az 1' }) }), /apiServer availabilityZone 'az 1' is not an availability zone name/],
    ['additional port', () => openstackCluster({}, { apiServer: OpenStackApiServer.loadBalancer({ additionalPorts: [6443] }) }), /additionalPorts has 6443, which is not a port other than the API server's/],
    ['additional port twice', () => openstackCluster({}, { apiServer: OpenStackApiServer.loadBalancer({ additionalPorts: [80, 80] }) }), /additionalPorts lists a port twice/],
    ['bastion floating IP', () => openstackCluster({}, { bastion: { flavor: 'f', image: OpenStackImage.fromName('i'), floatingIp: '2001:db8::1' } }), /bastion.floatingIp '2001:db8::1' is not an IPv4 address/],
    ['bastion floating IP without external network', () => openstackCluster({}, {
      disableExternalNetwork: true, apiServer: OpenStackApiServer.loadBalancer({ floatingIp: false }), bastion: { flavor: 'f', image: OpenStackImage.fromName('i'), floatingIp: '172.16.0.5' },
    }), /bastion.floatingIp is set, but disableExternalNetwork is true/],
    ['bastion image', () => openstackCluster({}, { bastion: { flavor: 'f', image: OpenStackImage.fromId('ubuntu') } }), /bastion.image id 'ubuntu' is not a UUID/],
    ['MTU', () => openstackCluster({}, { networkMtu: 20000 }), /networkMtu \(20000\) must be a whole number from 68 to 9216/],
    ['duplicate tags', () => openstackCluster({}, { tags: ['a', 'a'] }), /tags lists 'a' twice/],
    ['empty zones', () => openstackCluster({}, { availabilityZones: [] }), /availabilityZones is empty/],
    ['duplicate zones', () => openstackCluster({}, { availabilityZones: ['az-1', 'az-1'] }), /availabilityZones lists 'az-1' twice/],
    ['zone with space', () => openstackCluster({}, { availabilityZones: ['az 1'] }), /availabilityZones 'az 1' is not an availability zone name/],
    ['port security off with managed groups', () => openstackCluster({}, { disablePortSecurity: true }), /disablePortSecurity is true, but CAPO-managed security groups are on/],
    ['port security on an existing network', () => openstackCluster({}, {
      disablePortSecurity: false, network: OpenStackNetwork.existing({ network: OpenStackResource.fromId(NET_ID) }),
    }), /disablePortSecurity only applies to the network CAPO creates/],
    ['rules without managed groups', () => openstackCluster({}, { securityGroups: { managed: false, allNodesRules: OpenStackSecurityGroupRules.calico() } }),
      /securityGroups.allNodesRules is set, but securityGroups.managed is false/],
    ['duplicate rule', () => openstackCluster({}, { securityGroups: { workerRules: [{ name: 'r', protocol: 'icmp' }, { name: 'r', protocol: 'icmp' }] } }),
      /securityGroups.workerRules has two rules named 'r'/],
    ['two remotes', () => openstackCluster({}, { securityGroups: { allNodesRules: [{ name: 'r', remoteIpPrefix: '10.0.0.0/8', remoteManagedGroups: [ManagedSecurityGroup.WORKER] }] } }),
      /rule 'r' sets more than one of remoteIpPrefix, remoteGroupId and remoteManagedGroups/],
    ['remote prefix', () => openstackCluster({}, { securityGroups: { allNodesRules: [{ name: 'r', remoteIpPrefix: '10.0.0.0' }] } }), /remoteIpPrefix '10.0.0.0' is not a CIDR block/],
    ['remote group', () => openstackCluster({}, { securityGroups: { allNodesRules: [{ name: 'r', remoteGroupId: 'default' }] } }), /remoteGroupId 'default' is not a security group UUID/],
    ['no managed groups', () => openstackCluster({}, { securityGroups: { allNodesRules: [{ name: 'r', remoteManagedGroups: [] }] } }), /remoteManagedGroups is empty/],
    ['port out of range', () => openstackCluster({}, { securityGroups: { allNodesRules: [{ name: 'r', protocol: 'tcp', portRangeMin: 0 }] } }), /portRangeMin \(0\) is not a port/],
    ['port range reversed', () => openstackCluster({}, { securityGroups: { allNodesRules: [{ name: 'r', protocol: 'tcp', portRangeMin: 90, portRangeMax: 80 }] } }),
      /portRangeMin \(90\) is greater than portRangeMax \(80\)/],
    ['max without min', () => openstackCluster({}, { securityGroups: { allNodesRules: [{ name: 'r', protocol: 'tcp', portRangeMax: 80 }] } }), /sets portRangeMax without portRangeMin/],
    ['ports without protocol', () => openstackCluster({}, { securityGroups: { allNodesRules: [{ name: 'r', portRangeMin: 80 }] } }), /has a port range but protocol 'any'/],
    ['empty rule name', () => openstackCluster({}, { securityGroups: { allNodesRules: [{ name: ' ' }] } }), /has an empty name/],
    ['IPv6 prefix on an IPv4 rule', () => openstackCluster({}, { securityGroups: { allNodesRules: [{ name: 'r', remoteIpPrefix: 'fd00::/8' }] } }),
      /rule 'r' remoteIpPrefix 'fd00::\/8' is an IPv6 block, but etherType is IPv4 \(Neutron rejects the conflict\)/],
    ['unknown protocol', () => openstackCluster({}, { securityGroups: { allNodesRules: [{ name: 'r', protocol: 'TCP/IP' }] } }),
      /rule 'r' has protocol 'TCP\/IP', which Neutron does not know\. Use a protocol name .* or a number from 0 to 255\./],
    ['protocol number above 255', () => openstackCluster({}, { securityGroups: { allNodesRules: [{ name: 'r', protocol: '300' }] } }), /has protocol '300', which Neutron does not know/],
    ['long rule description', () => openstackCluster({}, { securityGroups: { allNodesRules: [{ name: 'r', protocol: 'icmp', description: 'd'.repeat(256) }] } }),
      /rule 'r' has a description of 256 characters; Neutron takes at most 255/],
    ['bad direction', () => openstackCluster({}, { securityGroups: { allNodesRules: [{ name: 'r', direction: 'in' as SecurityGroupRuleDirection }] } }), /has direction 'in'/],
  ];
  test.each(cases)('given a bad %s, when the cluster is built, then a ValidationError names it', (_name, build, message) => {
    expect(build).toThrow(message);
  });
});

describe('OpenStack machine errors', () => {
  const cases: Array<[string, () => unknown, RegExp]> = [
    ['missing flavor', () => openstackCluster({}, { machine: { image: OpenStackImage.fromName('i') } }), /control plane machine has no flavor. Set machineType/],
    ['missing image', () => openstackCluster({}, { machine: { flavor: 'm1.large' } }), /control plane machine has no image/],
    ['blank flavor', () => openstackCluster({ controlPlane: { machineType: ' m1.large' } }), /control plane machine flavor ' m1.large' is empty or has leading\/trailing spaces/],
    ['image id', () => openstackCluster({ controlPlane: { image: MachineImage.fromId('ami-0123456789abcdef0') } }), /control plane machine image id 'ami-0123456789abcdef0' is not a UUID/],
    ['AMI lookup', () => openstackCluster({ controlPlane: { image: MachineImage.lookup() } }), /controlPlane.image is MachineImage.lookup\(\), an AWS AMI lookup/],
    ['spot', () => openstackCluster({ controlPlane: { capacity: Capacity.spot() } }), /controlPlane.capacity is an AWS setting that OpenStack cannot apply. OpenStack has no spot market/],
    ['subnet', () => openstackCluster({ controlPlane: { subnet: SubnetSelection.fromId('subnet-0123456789abcdef0') } }), /controlPlane.subnet is an AWS setting .* ports/],
    ['instance profile', () => openstackCluster({ controlPlane: { iamInstanceProfile: 'x' } }), /controlPlane.iamInstanceProfile is an AWS setting/],
    ['AWS tags', () => openstackCluster({ controlPlane: { additionalTags: { a: 'b' } } }), /controlPlane.additionalTags is an AWS setting .* serverMetadata/],
    ['EBS volume type', () => openstackCluster({ controlPlane: { rootVolume: { sizeGiB: 50, type: VolumeType.GP3 } } }), /controlPlane.rootVolume.type is an EBS setting/],
    ['EBS encryption', () => openstackCluster({ controlPlane: { rootVolume: { encrypted: false } } }), /controlPlane.rootVolume.encrypted is an EBS setting/],
    ['flavor twice', () => openstackCluster({ controlPlane: { machineType: 'a' } }, { controlPlaneMachine: { flavor: 'b' } }),
      /controlPlane.machineType and controlPlaneMachine.flavor are both set/],
    ['root volume size', () => openstackCluster({}, { controlPlaneMachine: { rootVolume: { sizeGiB: 0 } } }), /rootVolume.sizeGiB \(0\) must be a whole number from 1 to 2147483647/],
    ['root volume beyond int32', () => openstackCluster({}, { controlPlaneMachine: { rootVolume: { sizeGiB: 2 ** 31 } } }),
      /rootVolume.sizeGiB \(2147483648\) must be a whole number from 1 to 2147483647 \(Cinder stores volume sizes as int32 GiB\)/],
    ['root volume zone', () => openstackCluster({}, { controlPlaneMachine: { rootVolume: { sizeGiB: 10, availabilityZone: '' } } }), /rootVolume.availabilityZone '' is not an availability zone name/],
    ['server group by tags', () => openstackCluster({}, { controlPlaneMachine: { serverGroup: OpenStackResource.fromFilter({ tags: ['x'] }) } }),
      /serverGroup cannot be selected by tags/],
    ['server metadata', () => openstackCluster({}, { controlPlaneMachine: { serverMetadata: { k: 'v'.repeat(256) } } }), /serverMetadata 'k' is invalid/],
    ['port security and groups', () => openstackCluster({}, { controlPlaneMachine: { ports: [{ disablePortSecurity: true, securityGroups: [OpenStackResource.fromName('default')] }] } }),
      /ports\[0\] has securityGroups and disablePortSecurity: true/],
    ['VNIC type', () => openstackCluster({}, { controlPlaneMachine: { ports: [{ vnicType: 'sriov' }] } }), /ports\[0\].vnicType 'sriov' is not a Neutron VNIC type/],
    ['port name suffix', () => openstackCluster({}, { controlPlaneMachine: { ports: [{ nameSuffix: 'Storage_1' }] } }), /ports\[0\].nameSuffix 'Storage_1' must be lower-case/],
    ['SSH key', () => openstackCluster({}, { controlPlaneMachine: { sshKeyName: '' } }), /sshKeyName '' is empty/],
    ['machine tags', () => openstackCluster({}, { controlPlaneMachine: { tags: [''] } }), /tags has '', which is not a tag/],
    ['machine tag with a slash', () => openstackCluster({}, { controlPlaneMachine: { tags: ['team/a'] } }), /tags has 'team\/a', which is not a tag\. Use a non-empty tag without commas or slashes/],
    ['cluster tag over 60 characters', () => openstackCluster({}, { tags: ['t'.repeat(61)] }), /^dev: tags has a tag of 61 characters \('t{20}…'\); Neutron and Nova take at most 60\. Shorten it\./],
    ['two ports with one name', () => openstackCluster({}, { controlPlaneMachine: { ports: [{ nameSuffix: 'data' }, { nameSuffix: 'data' }] } }),
      /ports\[1\] and ports\[0\] both get the name suffix 'data' .* Give each port its own nameSuffix\./],
    ['a port suffix equal to another port\'s index', () => openstackCluster({}, { controlPlaneMachine: { ports: [{}, {}, { nameSuffix: '1' }] } }),
      /ports\[2\] and ports\[1\] both get the name suffix '1' \(CAPO's default suffix is the port's index\)/],
    ['version', () => openstackCluster({ version: '1.33.4' }), /version/],
  ];
  test.each(cases)('given a bad %s, when the cluster is built, then a ValidationError names it', (_name, build, message) => {
    expect(build).toThrow(message);
  });
});
