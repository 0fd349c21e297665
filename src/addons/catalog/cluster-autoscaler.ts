import { CatalogAddonOptions, catalogAddon } from './common';
import { AddonTarget, ImageValueType } from '../addon';
import { ClusterValue } from '../cluster-value';
import { HelmAddon } from '../helm-addon';

/** Options of `Catalog.clusterAutoscaler`. */
export interface ClusterAutoscalerOptions extends CatalogAddonOptions {}

/**
 * Cluster autoscaler with the `clusterapi` provider (chart `cluster-autoscaler` 9.46.6 from
 * https://kubernetes.github.io/autoscaler).
 *
 * Topology: it runs on the **management cluster**, one release per workload cluster, in the
 * cluster's namespace (release `<cluster>-cluster-autoscaler`). It reads MachineDeployments and
 * MachinePools of that namespace in-cluster and reaches the workload cluster through the
 * CAPI-generated `<cluster>-kubeconfig` Secret: `clusterAPIMode: kubeconfig-incluster`
 * (workload by kubeconfig, management in-cluster), `clusterAPIKubeconfigSecret`,
 * `clusterAPIWorkloadKubeconfigPath: /etc/kubernetes/value` (the Secret's key `value`),
 * `autoDiscovery.{clusterName,namespace}`, `rbac.clusterScoped: false` (a Role in the cluster's
 * namespace only). Keys checked against the chart's values.yaml and the CAPI autoscaling docs.
 * Node pools opt in with the min/max size annotations (NodePool `autoscaling`).
 * Deliver it with Argo CD or Flux: HelmChartProxy installs only into workload clusters.
 */
export function clusterAutoscaler(options: ClusterAutoscalerOptions = {}): HelmAddon {
  return catalogAddon({
    name: 'cluster-autoscaler',
    repository: 'https://kubernetes.github.io/autoscaler',
    chart: 'cluster-autoscaler',
    version: '9.46.6',
    namespace: 'kube-system',
    createNamespace: false,
    target: AddonTarget.MANAGEMENT_CLUSTER,
    values: {
      cloudProvider: 'clusterapi',
      clusterAPIMode: 'kubeconfig-incluster',
      clusterAPIKubeconfigSecret: ClusterValue.clusterName().wrap('', '-kubeconfig'),
      clusterAPIWorkloadKubeconfigPath: '/etc/kubernetes/value',
      autoDiscovery: { clusterName: ClusterValue.clusterName(), namespace: ClusterValue.clusterNamespace() },
      rbac: { clusterScoped: false },
      image: { repository: 'registry.k8s.io/autoscaling/cluster-autoscaler' },
      extraArgs: { 'balance-similar-node-groups': true, 'expander': 'least-waste' },
    },
    images: [{ path: 'image.repository', type: ImageValueType.REPOSITORY }],
  }, options);
}
