import { testApp } from './support';
import { AddonBundle, Catalog } from '../../src';

describe('Catalog: OpenStack cloud controller manager', () => {
  test('given defaults, when read, then the chart is pinned and the cloud.conf Secret is referenced, never created', () => {
    const config = Catalog.openstackCloudControllerManager().toAddonConfig();
    expect([config.name, config.helm!.repository, config.helm!.chart, config.helm!.version, config.namespace])
      .toEqual(['openstack-cloud-controller-manager', 'https://kubernetes.github.io/cloud-provider-openstack', 'openstack-cloud-controller-manager', '2.33.0', 'kube-system']);
    const values = config.helm!.values;
    expect(values.secret).toEqual({ enabled: true, create: false, name: 'cloud-config' });
    expect(values.cloudConfig).toBeUndefined();
    expect(values.cluster.name.toString()).toEqual('<cluster.name>');
    expect(values.nodeSelector).toEqual({ 'node-role.kubernetes.io/control-plane': '' });
    expect(values.tolerations.map((t: any) => t.key)).toEqual(['node.cloudprovider.kubernetes.io/uninitialized', 'node-role.kubernetes.io/control-plane']);
  });

  test('given a Secret name, when read, then the CCM reads that Secret', () => {
    expect(Catalog.openstackCloudControllerManager({ secretName: 'os-cloud' }).toAddonConfig().helm!.values.secret.name).toEqual('os-cloud');
  });

  test('given a bad Secret name, when created, then a ValidationError names it', () => {
    expect(() => Catalog.openstackCloudControllerManager({ secretName: 'Cloud Config' })).toThrow(/Catalog.openstackCloudControllerManager: secretName 'Cloud Config' is not a Secret name/);
  });
});

describe('Catalog: OpenStack Cinder CSI', () => {
  test('given defaults, when read, then the chart is pinned, reads the Secret instead of a host file and makes a default StorageClass', () => {
    const config = Catalog.openstackCinderCsi().toAddonConfig();
    expect([config.name, config.helm!.chart, config.helm!.version]).toEqual(['openstack-cinder-csi', 'openstack-cinder-csi', '2.33.1']);
    const values = config.helm!.values;
    expect(values.secret).toEqual({ enabled: true, hostMount: false, create: false, name: 'cloud-config', filename: 'cloud.conf' });
    expect(values.clusterID.toString()).toEqual('<cluster.name>');
    expect(values.storageClass).toEqual({
      enabled: true, delete: { isDefault: true, allowVolumeExpansion: true }, retain: { isDefault: false, allowVolumeExpansion: true },
    });
    expect(config.helm!.images.map((i) => i.path)).toEqual([
      'csi.plugin.image.repository', 'csi.attacher.image.repository', 'csi.provisioner.image.repository', 'csi.snapshotter.image.repository',
      'csi.resizer.image.repository', 'csi.livenessprobe.image.repository', 'csi.nodeDriverRegistrar.image.repository',
    ]);
  });

  test('given defaultStorageClass false and a Secret name, when read, then no class is default and the Secret is used', () => {
    const values = Catalog.openstackCinderCsi({ defaultStorageClass: false, secretName: 'os-cloud' }).toAddonConfig().helm!.values;
    expect(values.storageClass.delete.isDefault).toBe(false);
    expect(values.secret.name).toEqual('os-cloud');
  });

  test('given a bad Secret name, when created, then a ValidationError names it', () => {
    expect(() => Catalog.openstackCinderCsi({ secretName: '' })).toThrow(/Catalog.openstackCinderCsi: secretName '' is not a Secret name/);
  });

  test('given an image registry on the bundle, when resolved, then the CCM and every CSI image follow it', () => {
    const ccm = Catalog.openstackCloudControllerManager();
    const csi = Catalog.openstackCinderCsi();
    const bundle = new AddonBundle(testApp(), 'b', { addons: [ccm, csi], imageRegistry: 'harbor.example.com/mirror' });
    expect(bundle.valuesOf(ccm).image.repository).toEqual('harbor.example.com/mirror/provider-os/openstack-cloud-controller-manager');
    expect(bundle.valuesOf(csi).csi.plugin.image.repository).toEqual('harbor.example.com/mirror/provider-os/cinder-csi-plugin');
    expect(bundle.valuesOf(csi).csi.attacher.image.repository).toEqual('harbor.example.com/mirror/sig-storage/csi-attacher');
  });
});
