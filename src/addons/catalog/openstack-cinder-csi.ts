import { CatalogAddonOptions, catalogAddon } from './common';
import { checkSecretName } from '../../core/secrets';
import { ImageValueType } from '../addon';
import { ClusterValue } from '../cluster-value';
import { HelmAddon } from '../helm-addon';

/** Options of `Catalog.openstackCinderCsi`. */
export interface OpenStackCinderCsiOptions extends CatalogAddonOptions {
  /**
   * Secret in kube-system of the workload cluster holding `cloud.conf` (the one the cloud
   * controller manager reads).
   * @default 'cloud-config'
   */
  readonly secretName?: string;
  /**
   * Make the chart's `csi-cinder-sc-delete` StorageClass the cluster's default.
   * @default true
   */
  readonly defaultStorageClass?: boolean;
}

const SIDECARS = ['attacher', 'provisioner', 'snapshotter', 'resizer', 'livenessprobe', 'nodeDriverRegistrar'];

/**
 * Cinder CSI driver (chart `openstack-cinder-csi` 2.33.1, app v1.33.0, from
 * https://kubernetes.github.io/cloud-provider-openstack), in kube-system. Keys of the chart's
 * values.yaml: `secret.{enabled,hostMount,create,name,filename}` (the existing `cloud.conf`
 * Secret instead of the chart's default host mount of /etc/config, which CAPO nodes do not
 * have), `clusterID` (tags volumes with the cluster name), `storageClass.{enabled,delete.isDefault,
 * delete.allowVolumeExpansion,retain.*}`, `csi.plugin.image.repository` and
 * `csi.<sidecar>.image.repository`.
 */
export function openstackCinderCsi(options: OpenStackCinderCsiOptions = {}): HelmAddon {
  const secretName = options.secretName ?? 'cloud-config';
  checkSecretName('Catalog.openstackCinderCsi', 'secretName', secretName, 'cloud-config');
  const sidecarImages: Record<string, string> = {
    attacher: 'registry.k8s.io/sig-storage/csi-attacher',
    provisioner: 'registry.k8s.io/sig-storage/csi-provisioner',
    snapshotter: 'registry.k8s.io/sig-storage/csi-snapshotter',
    resizer: 'registry.k8s.io/sig-storage/csi-resizer',
    livenessprobe: 'registry.k8s.io/sig-storage/livenessprobe',
    nodeDriverRegistrar: 'registry.k8s.io/sig-storage/csi-node-driver-registrar',
  };
  const csi: Record<string, any> = { plugin: { image: { repository: 'registry.k8s.io/provider-os/cinder-csi-plugin' } } };
  for (const name of SIDECARS) csi[name] = { image: { repository: sidecarImages[name] } };
  return catalogAddon({
    name: 'openstack-cinder-csi',
    repository: 'https://kubernetes.github.io/cloud-provider-openstack',
    chart: 'openstack-cinder-csi',
    version: '2.33.1',
    namespace: 'kube-system',
    createNamespace: false,
    values: {
      csi,
      secret: { enabled: true, hostMount: false, create: false, name: secretName, filename: 'cloud.conf' },
      clusterID: ClusterValue.clusterName(),
      storageClass: {
        enabled: true,
        delete: { isDefault: options.defaultStorageClass ?? true, allowVolumeExpansion: true },
        retain: { isDefault: false, allowVolumeExpansion: true },
      },
    },
    images: [
      { path: 'csi.plugin.image.repository', type: ImageValueType.REPOSITORY },
      ...SIDECARS.map((name) => ({ path: `csi.${name}.image.repository`, type: ImageValueType.REPOSITORY })),
    ],
  }, options);
}
