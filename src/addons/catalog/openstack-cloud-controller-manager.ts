import { CatalogAddonOptions, catalogAddon } from './common';
import { checkSecretName } from '../../core/secrets';
import { ImageValueType } from '../addon';
import { ClusterValue } from '../cluster-value';
import { HelmAddon } from '../helm-addon';

/** Options of `Catalog.openstackCloudControllerManager`. */
export interface OpenStackCloudControllerManagerOptions extends CatalogAddonOptions {
  /**
   * Secret in kube-system of the workload cluster holding the cloud provider's `cloud.conf`
   * (never created from values: credentials stay out of manifests). Cinder CSI reads the same
   * Secret.
   * @default 'cloud-config'
   */
  readonly secretName?: string;
}

/**
 * OpenStack cloud controller manager (chart `openstack-cloud-controller-manager` 2.33.0, app
 * v1.33.0, from https://kubernetes.github.io/cloud-provider-openstack), in kube-system: needed
 * because capi-blueprints runs OpenStack clusters with `cloud-provider: external`.
 * Keys of the chart's values.yaml: `image.repository` (the tag defaults to the app version),
 * `secret.{enabled,create,name}` (we set `create: false`: the `cloud.conf` Secret is provided
 * by reference, e.g. by External Secrets, never rendered from values — the old chart's bug),
 * `cluster.name` (prefixes the Octavia load balancers the CCM creates, so clusters sharing a
 * project do not collide), `nodeSelector`/`tolerations` (the chart's defaults: control-plane
 * nodes, tolerating the `uninitialized` taint).
 */
export function openstackCloudControllerManager(options: OpenStackCloudControllerManagerOptions = {}): HelmAddon {
  const secretName = options.secretName ?? 'cloud-config';
  checkSecretName('Catalog.openstackCloudControllerManager', 'secretName', secretName, 'cloud-config');
  return catalogAddon({
    name: 'openstack-cloud-controller-manager',
    repository: 'https://kubernetes.github.io/cloud-provider-openstack',
    chart: 'openstack-cloud-controller-manager',
    version: '2.33.0',
    namespace: 'kube-system',
    createNamespace: false,
    values: {
      image: { repository: 'registry.k8s.io/provider-os/openstack-cloud-controller-manager' },
      secret: { enabled: true, create: false, name: secretName },
      cluster: { name: ClusterValue.clusterName() },
      nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
      tolerations: [
        { key: 'node.cloudprovider.kubernetes.io/uninitialized', value: 'true', effect: 'NoSchedule' },
        { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
      ],
    },
    images: [{ path: 'image.repository', type: ImageValueType.REPOSITORY }],
  }, options);
}
