import { Testing } from 'cdk8s';
import { byohCluster } from './support';
import { ByohInstall, Infrastructure, ManagedCluster, MachineImage, ValidationError } from '../../../src';
import { expectValidManifests } from '../../support/crd-validation';
import { argsOf, one, synth } from '../../support/synth';

const PLACEHOLDER = '{{ .DefaultNetworkInterfaceName }}';

function kubeVipFile(objects: any[]): any {
  return one(objects, 'KubeadmControlPlane').spec.kubeadmConfigSpec.files.find((f: any) => f.path === '/etc/kubernetes/manifests/kube-vip.yaml');
}

describe('ManagedCluster on BYOH', () => {
  test('given defaults, when synthesized, then ByoCluster and ByoMachineTemplate are v1beta1 and CAPI objects v1beta2, all valid', () => {
    const objects = synth(byohCluster());
    expect(objects.map((o) => `${o.apiVersion} ${o.kind}`).sort()).toEqual([
      'cluster.x-k8s.io/v1beta2 Cluster',
      'cluster.x-k8s.io/v1beta2 MachineHealthCheck',
      'controlplane.cluster.x-k8s.io/v1beta2 KubeadmControlPlane',
      'infrastructure.cluster.x-k8s.io/v1beta1 ByoCluster',
      'infrastructure.cluster.x-k8s.io/v1beta1 ByoMachineTemplate',
    ]);
    expectValidManifests(objects);
  });

  test('given defaults, when synthesized, then the Cluster carries the byoh infrastructure label and references the ByoCluster', () => {
    const cluster = one(synth(byohCluster()), 'Cluster');
    expect(cluster.metadata.labels).toEqual({ 'capi-blueprints.io/infrastructure': 'byoh' });
    expect(cluster.spec.infrastructureRef).toEqual({ apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'ByoCluster', name: 'onprem' });
  });

  test('given user cluster labels (e.g. for an on-prem local storage bundle), when synthesized, then they sit beside the infrastructure label', () => {
    const c = byohCluster({ labels: { 'storage.example.com/local-path': 'enabled' } });
    expect(one(synth(c), 'Cluster').metadata.labels).toEqual({
      'capi-blueprints.io/infrastructure': 'byoh',
      'storage.example.com/local-path': 'enabled',
    });
  });

  test('given an endpoint and a lookup registry, when synthesized, then the ByoCluster has them and the port defaults to the API server port', () => {
    const byo = one(synth(byohCluster({ network: { apiServerPort: 8443 } }, { bundleLookupBaseRegistry: 'harbor.example.com/byoh' })), 'ByoCluster');
    expect(byo.spec).toEqual({ bundleLookupBaseRegistry: 'harbor.example.com/byoh', controlPlaneEndpoint: { host: '192.168.0.10', port: 8443 } });
  });

  test('given control-plane hosts, when synthesized, then KCP machines come from a hashed ByoMachineTemplate selecting them, with no installer', () => {
    const objects = synth(byohCluster({}, { controlPlaneHosts: { matchLabels: { role: 'cp', site: 'seoul' } } }));
    const kcp = one(objects, 'KubeadmControlPlane');
    const ref = kcp.spec.machineTemplate.spec.infrastructureRef;
    expect(ref.kind).toEqual('ByoMachineTemplate');
    expect(ref.name).toMatch(/^onprem-control-plane-[0-9a-f]{8}$/);
    expect(one(objects, 'ByoMachineTemplate', ref.name).spec.template.spec).toEqual({ selector: { matchLabels: { role: 'cp', site: 'seoul' } } });
  });

  test('given defaults, when synthesized, then every node registers with containerd and ignores the preflight errors BYOH templates ignore', () => {
    const spec = one(synth(byohCluster()), 'KubeadmControlPlane').spec.kubeadmConfigSpec;
    for (const phase of [spec.initConfiguration, spec.joinConfiguration]) {
      expect(phase.nodeRegistration).toEqual({
        criSocket: 'unix:///var/run/containerd/containerd.sock',
        ignorePreflightErrors: ['Swap', 'DirAvailable--etc-kubernetes-manifests', 'FileAvailable--etc-kubernetes-kubelet.conf'],
      });
    }
  });

  test('given defaults, when synthesized, then there is no cloud provider wiring and no kube-vip', () => {
    const spec = one(synth(byohCluster()), 'KubeadmControlPlane').spec.kubeadmConfigSpec;
    expect(spec.clusterConfiguration).toBeUndefined();
    expect(spec.files).toBeUndefined();
    expect(JSON.stringify(spec)).not.toContain('cloud-provider');
  });

  test('given OIDC, apiServer and etcd settings, when synthesized, then they reach the KCP through the shared kubeadm renderer', () => {
    const kcp = one(synth(byohCluster({
      controlPlane: {
        imageRepository: 'registry.k8s.io',
        apiServer: {
          certSans: ['localhost', '127.0.0.1'],
          oidc: { issuerUrl: 'https://keycloak.example.com/auth/realms/k8s', clientId: 'kubernetes', groupsClaim: 'groups' },
        },
        controllerManager: { extraArgs: { 'enable-hostpath-provisioner': 'false' } },
        etcd: { extraArgs: { 'listen-metrics-urls': 'http://0.0.0.0:2381' }, imageTag: '3.5.21-0' },
      },
    })), 'KubeadmControlPlane');
    const cc = kcp.spec.kubeadmConfigSpec.clusterConfiguration;
    expect(cc.apiServer.certSANs).toEqual(['localhost', '127.0.0.1']);
    expect(argsOf(cc.apiServer.extraArgs)).toEqual({
      'oidc-client-id': 'kubernetes',
      'oidc-groups-claim': 'groups',
      'oidc-issuer-url': 'https://keycloak.example.com/auth/realms/k8s',
      'oidc-username-claim': 'sub',
    });
    expect(argsOf(cc.controllerManager.extraArgs)).toEqual({ 'enable-hostpath-provisioner': 'false' });
    expect(cc.etcd.local).toEqual({ extraArgs: [{ name: 'listen-metrics-urls', value: 'http://0.0.0.0:2381' }], imageTag: '3.5.21-0' });
    expect(cc.imageRepository).toEqual('registry.k8s.io');
  });

  describe('kube-vip', () => {
    test('given kubeVip with defaults, when synthesized, then the static pod file keeps the agent placeholder literally as the interface', () => {
      const objects = synth(byohCluster({}, { kubeVip: {} }));
      const file = kubeVipFile(objects);
      expect(file.owner).toEqual('root:root');
      expect(file.content).toContain(`value: "${PLACEHOLDER}"`);
      expect(file.content).toContain('name: vip_interface');
      expect(file.content).toContain('image: ghcr.io/kube-vip/kube-vip:v0.8.7');
      expectValidManifests(objects);
    });

    test('given kubeVip, when synthesized, then the pod announces the endpoint by ARP with leader election on the API server port', () => {
      const content: string = kubeVipFile(synth(byohCluster({}, { kubeVip: {} }))).content;
      for (const line of [
        '- name: address\n          value: 192.168.0.10',
        '- name: port\n          value: "6443"',
        '- name: vip_arp\n          value: "true"',
        '- name: cp_enable\n          value: "true"',
        '- name: vip_leaderelection\n          value: "true"',
        '- name: vip_cidr\n          value: "32"',
      ]) {
        expect(content).toContain(line);
      }
      expect(content).toContain('path: /etc/kubernetes/admin.conf');
      expect(content).not.toContain('svc_enable');
    });

    test('given a mirror image and a fixed interface, when synthesized, then both are used', () => {
      const content: string = kubeVipFile(synth(byohCluster({}, { kubeVip: { image: 'harbor.example.com/kube-vip/kube-vip:v0.8.7', networkInterface: 'ens192' } }))).content;
      expect(content).toContain('image: harbor.example.com/kube-vip/kube-vip:v0.8.7');
      expect(content).toContain('value: ens192');
      expect(content).not.toContain(PLACEHOLDER);
    });

    test.each(['v1.31.4', 'v1.33.4', 'v1.36.0'])('given kubeVip on %s (kubeadm ≥ 1.29), when synthesized, then kubeadm init runs kube-vip with super-admin.conf and restores admin.conf afterwards (kube-vip issue 684)', (version) => {
      const objects = synth(byohCluster({ version }, { kubeVip: {} }));
      const spec = one(objects, 'KubeadmControlPlane').spec.kubeadmConfigSpec;
      const script = spec.files.find((f: any) => f.path === '/etc/kube-vip-prepare.sh');
      expect(script).toMatchObject({ owner: 'root:root', permissions: '0700' });
      expect(script.content).toContain('if [[ -f /run/kubeadm/kubeadm.yaml ]]; then');
      expect(script.content).toContain("sed -i 's#path: /etc/kubernetes/admin.conf#path: /etc/kubernetes/super-admin.conf#' /etc/kubernetes/manifests/kube-vip.yaml");
      expect(spec.preKubeadmCommands).toEqual(['/etc/kube-vip-prepare.sh']);
      expect(spec.postKubeadmCommands).toEqual([
        "if [ -f /run/kubeadm/kubeadm.yaml ]; then sed -i 's#path: /etc/kubernetes/super-admin.conf#path: /etc/kubernetes/admin.conf#' /etc/kubernetes/manifests/kube-vip.yaml; fi",
      ]);
      expectValidManifests(objects);
    });

    test('given no kubeVip (external load balancer), when synthesized, then no kube-vip workaround commands are emitted', () => {
      const spec = one(synth(byohCluster()), 'KubeadmControlPlane').spec.kubeadmConfigSpec;
      expect(spec.preKubeadmCommands).toBeUndefined();
      expect(spec.postKubeadmCommands).toBeUndefined();
    });

    test('given kubeVip, when synthesized, then /etc/hosts of the pod comes from a prepared file instead of hostAliases', () => {
      const files = one(synth(byohCluster({}, { kubeVip: {} })), 'KubeadmControlPlane').spec.kubeadmConfigSpec.files;
      expect(files.find((f: any) => f.path === '/etc/kube-vip.hosts').content).toEqual('127.0.0.1 localhost kubernetes\n');
      expect(kubeVipFile(synth(byohCluster({}, { kubeVip: {} }))).content).not.toContain('hostAliases');
    });

    test('given kubeVip and a DNS name as endpoint, when synthesized, then a ValidationError asks for an IP', () => {
      expect(() => byohCluster({}, { kubeVip: {}, controlPlaneEndpoint: { host: 'api.example.com' } }))
        .toThrow(/controlPlaneEndpoint.host 'api.example.com' must be an IP address when kube-vip announces it/);
    });

    test('given kubeVip and an endpoint port other than the API server port, when synthesized, then a ValidationError explains why', () => {
      expect(() => byohCluster({}, { kubeVip: {}, controlPlaneEndpoint: { host: '192.168.0.10', port: 443 } }))
        .toThrow(/controlPlaneEndpoint.port \(443\) differs from the API server port \(6443\)/);
    });

    test('given an invalid interface name or image, when synthesized, then a ValidationError names it', () => {
      expect(() => byohCluster({}, { kubeVip: { networkInterface: 'eth 0' } })).toThrow(/kubeVip.networkInterface 'eth 0' is not a network interface name/);
      expect(() => byohCluster({}, { kubeVip: { image: '' } })).toThrow(/kubeVip.image '' is not an image reference/);
    });

    test('given no kubeVip and a DNS name (external load balancer), when synthesized, then it is accepted', () => {
      expect(one(synth(byohCluster({}, { controlPlaneEndpoint: { host: 'api.example.com', port: 443 } })), 'ByoCluster').spec.controlPlaneEndpoint)
        .toEqual({ host: 'api.example.com', port: 443 });
    });
  });

  describe('control-plane install', () => {
    test('given a published bundle for the control plane at v1.33, when synthesized, then a ValidationError explains the 1.24-1.26 limit', () => {
      expect(() => byohCluster({}, { controlPlaneInstall: ByohInstall.bundle({ bundleRepo: 'projects.registry.vmware.com/cluster_api_provider_bringyourownhost' }) }))
        .toThrow(/controlPlaneInstall: BYOH's published installer bundles cover Kubernetes v1.24 to v1.26 only, not v1.33.4. Use ByohInstall.preinstalled\(\)/);
    });

    test('given a self-built bundle acknowledged for the control plane, when synthesized, then the ByoMachineTemplate references a K8sInstallerConfigTemplate', () => {
      const objects = synth(byohCluster({}, { controlPlaneInstall: ByohInstall.bundle({ bundleRepo: 'harbor.example.com/bundles', customBundleCoversVersion: true }) }));
      const installer = one(objects, 'K8sInstallerConfigTemplate');
      expect(installer.metadata.name).toMatch(/^onprem-control-plane-[0-9a-f]{8}$/);
      expect(one(objects, 'ByoMachineTemplate').spec.template.spec.installerRef).toEqual({
        apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1', kind: 'K8sInstallerConfigTemplate', name: installer.metadata.name, namespace: 'default',
      });
      expectValidManifests(objects);
    });
  });

  describe('errors', () => {
    test('given an AWS machine setting on the control plane, when synthesized, then a ValidationError rejects it instead of dropping it', () => {
      expect(() => byohCluster({ controlPlane: { machineType: 'm6i.xlarge' } }))
        .toThrow(/controlPlane.machineType is a cloud machine setting, which BYOH cannot apply/);
      expect(() => byohCluster({ controlPlane: { image: MachineImage.fromId('ami-0123456789abcdef0') } }))
        .toThrow(/controlPlane.image is a cloud machine setting/);
      expect(() => byohCluster({ controlPlane: { rootVolume: { sizeGiB: 100 } } }))
        .toThrow(/controlPlane.rootVolume is a cloud machine setting/);
    });

    test('given a Kubernetes version outside CAPI v1.14 range, when synthesized, then a ValidationError says so', () => {
      expect(() => byohCluster({ version: 'v1.26.6' })).toThrow(/version 'v1.26.6' is outside the workload cluster range of Cluster API v1.14/);
    });

    test('given an empty control-plane selector, when synthesized, then a ValidationError refuses to claim any host', () => {
      expect(() => byohCluster({}, { controlPlaneHosts: {} })).toThrow(/controlPlaneHosts selects no labels, so it would claim any registered host/);
    });

    test('given a malformed endpoint or lookup registry, when synthesized, then a ValidationError names the value', () => {
      expect(() => byohCluster({}, { controlPlaneEndpoint: { host: 'not a host' } })).toThrow(/controlPlaneEndpoint.host 'not a host' is not an IP address or DNS name/);
      expect(() => byohCluster({}, { controlPlaneEndpoint: { host: '10.0.0.1', port: 70000 } })).toThrow(/controlPlaneEndpoint.port \(70000\) is not a port/);
      expect(() => byohCluster({}, { bundleLookupBaseRegistry: 'https://harbor.example.com' })).toThrow(/bundleLookupBaseRegistry 'https:\/\/harbor.example.com' is not a registry path/);
    });

    test('given an error, when thrown, then it is a ValidationError carrying the cluster path', () => {
      try {
        new ManagedCluster(Testing.app(), 'bad', {
          version: 'v1.33.4',
          infrastructure: Infrastructure.byoh({ controlPlaneEndpoint: { host: '10.0.0.1' }, controlPlaneHosts: {} }),
        });
        throw new Error('expected a ValidationError');
      } catch (e) {
        expect(ValidationError.isValidationError(e)).toBe(true);
        expect((e as ValidationError).path).toEqual('bad');
      }
    });
  });
});
