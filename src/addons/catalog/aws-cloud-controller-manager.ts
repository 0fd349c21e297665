import { CatalogAddonOptions, catalogAddon } from './common';
import { isImageTag } from '../../core/registry';
import { ValidationError } from '../../core/validation-error';
import { ImageValueType } from '../addon';
import { ClusterValue } from '../cluster-value';
import { HelmAddon } from '../helm-addon';

/** Options of `Catalog.awsCloudControllerManager`. */
export interface AwsCloudControllerManagerOptions extends CatalogAddonOptions {
  /**
   * Image tag of the cloud controller manager; match the cluster's Kubernetes minor.
   * @default 'v1.33.0'
   */
  readonly imageTag?: string;
}

/**
 * AWS cloud controller manager (chart `aws-cloud-controller-manager` 0.0.8 from
 * https://kubernetes.github.io/cloud-provider-aws), in kube-system: needed because capi-blueprints
 * runs AWS clusters with `cloud-provider: external` (docs/capi-notes.md §4).
 * Keys of the chart's values.yaml: `args` (default `--v=2 --cloud-provider=aws`; we add
 * `--configure-cloud-routes=false` and `--cluster-name=<cluster>` so load balancers are tagged for
 * this cluster), `image.{repository,tag}`, `nodeSelector`/`tolerations` (control-plane nodes, and
 * the `node.cloudprovider.kubernetes.io/uninitialized` taint every node has until the CCM runs),
 * `hostNetworking` (runs before the CNI).
 */
export function awsCloudControllerManager(options: AwsCloudControllerManagerOptions = {}): HelmAddon {
  if (options.imageTag !== undefined && !isImageTag(options.imageTag)) {
    throw new ValidationError('Catalog.awsCloudControllerManager', `imageTag '${options.imageTag}' is not an image tag. Use e.g. 'v1.33.0' (letters, digits, '_', '.', '-').`);
  }
  return catalogAddon({
    name: 'aws-cloud-controller-manager',
    repository: 'https://kubernetes.github.io/cloud-provider-aws',
    chart: 'aws-cloud-controller-manager',
    version: '0.0.8',
    namespace: 'kube-system',
    createNamespace: false,
    values: {
      args: ['--v=2', '--cloud-provider=aws', '--configure-cloud-routes=false', ClusterValue.clusterName().wrap('--cluster-name=')],
      image: { repository: 'registry.k8s.io/provider-aws/cloud-controller-manager', tag: options.imageTag ?? 'v1.33.0' },
      hostNetworking: true,
      nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
      tolerations: [
        { key: 'node.cloudprovider.kubernetes.io/uninitialized', value: 'true', effect: 'NoSchedule' },
        { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
      ],
    },
    images: [{ path: 'image.repository', type: ImageValueType.REPOSITORY }],
  }, options);
}
