import { CatalogAddonOptions, catalogAddon } from './common';
import { ImageValueType } from '../addon';
import { ClusterValue } from '../cluster-value';
import { HelmAddon } from '../helm-addon';

/** Options of `Catalog.awsEbsCsiDriver`. */
export interface AwsEbsCsiDriverOptions extends CatalogAddonOptions {}

const SIDECARS: Record<string, string> = {
  provisioner: 'public.ecr.aws/eks-distro/kubernetes-csi/external-provisioner',
  attacher: 'public.ecr.aws/eks-distro/kubernetes-csi/external-attacher',
  snapshotter: 'public.ecr.aws/eks-distro/kubernetes-csi/external-snapshotter/csi-snapshotter',
  livenessProbe: 'public.ecr.aws/eks-distro/kubernetes-csi/livenessprobe',
  resizer: 'public.ecr.aws/eks-distro/kubernetes-csi/external-resizer',
  nodeDriverRegistrar: 'public.ecr.aws/eks-distro/kubernetes-csi/node-driver-registrar',
};

/**
 * AWS EBS CSI driver (chart `aws-ebs-csi-driver` 2.40.0 from
 * https://kubernetes-sigs.github.io/aws-ebs-csi-driver), in kube-system, with an encrypted gp3
 * default StorageClass. Keys of the chart's values.yaml (and of the old base values):
 * `image.repository`, `sidecars.<name>.image.repository`, `controller.k8sTagClusterId` (tags
 * volumes with the cluster name), `storageClasses[]`. The driver uses the nodes' instance profile:
 * attach the `AmazonEBSCSIDriverPolicy` to the CAPA node and control-plane roles.
 */
export function awsEbsCsiDriver(options: AwsEbsCsiDriverOptions = {}): HelmAddon {
  const sidecars: Record<string, any> = {};
  for (const [name, repository] of Object.entries(SIDECARS)) sidecars[name] = { image: { repository } };
  return catalogAddon({
    name: 'aws-ebs-csi-driver',
    repository: 'https://kubernetes-sigs.github.io/aws-ebs-csi-driver',
    chart: 'aws-ebs-csi-driver',
    version: '2.40.0',
    namespace: 'kube-system',
    createNamespace: false,
    values: {
      image: { repository: 'public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver' },
      sidecars,
      controller: { k8sTagClusterId: ClusterValue.clusterName() },
      storageClasses: [{
        name: 'gp3',
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
        volumeBindingMode: 'WaitForFirstConsumer',
        reclaimPolicy: 'Delete',
        allowVolumeExpansion: true,
        parameters: { type: 'gp3', encrypted: 'true' },
      }],
    },
    images: [
      { path: 'image.repository', type: ImageValueType.REPOSITORY },
      ...Object.keys(SIDECARS).map((name) => ({ path: `sidecars.${name}.image.repository`, type: ImageValueType.REPOSITORY })),
    ],
  }, options);
}
