import { argoRollouts, ArgoRolloutsOptions } from './argo-rollouts';
import { awsCloudControllerManager, AwsCloudControllerManagerOptions } from './aws-cloud-controller-manager';
import { awsEbsCsiDriver, AwsEbsCsiDriverOptions } from './aws-ebs-csi-driver';
import { calico, CalicoOptions } from './calico';
import { certManager, CertManagerOptions } from './cert-manager';
import { cilium, CiliumOptions } from './cilium';
import { clusterAutoscaler, ClusterAutoscalerOptions } from './cluster-autoscaler';
import { ingressNginx, IngressNginxOptions } from './ingress-nginx';
import { localPathProvisioner, LocalPathProvisionerOptions } from './local-path-provisioner';
import { metricsServer, MetricsServerOptions } from './metrics-server';
import { openstackCinderCsi, OpenStackCinderCsiOptions } from './openstack-cinder-csi';
import { openstackCloudControllerManager, OpenStackCloudControllerManagerOptions } from './openstack-cloud-controller-manager';
import { HelmAddon } from '../helm-addon';
import { ManifestAddon } from '../manifest-addon';

/**
 * Well-known addons with pinned versions and secure defaults. Each call returns a new addon;
 * options deep-merge over the defaults. Images follow a bundle's `imageRegistry`.
 * Versions and the chart keys used are listed in docs/addons.md.
 */
export class Catalog {
  /** Cilium CNI (1.17.6), pod CIDRs from the cluster; labels clusters `capi-blueprints.io/cni: cilium`. */
  public static cilium(options: CiliumOptions = {}): HelmAddon {
    return cilium(options);
  }

  /** Calico CNI via the Tigera operator (v3.29.4); labels clusters `capi-blueprints.io/cni: calico`. */
  public static calico(options: CalicoOptions = {}): HelmAddon {
    return calico(options);
  }

  /** AWS cloud controller manager (chart 0.0.8) on control-plane nodes. */
  public static awsCloudControllerManager(options: AwsCloudControllerManagerOptions = {}): HelmAddon {
    return awsCloudControllerManager(options);
  }

  /** AWS EBS CSI driver (chart 2.40.0) with an encrypted gp3 default StorageClass. */
  public static awsEbsCsiDriver(options: AwsEbsCsiDriverOptions = {}): HelmAddon {
    return awsEbsCsiDriver(options);
  }

  /** OpenStack cloud controller manager (chart 2.33.0) on control-plane nodes; reads the `cloud-config` Secret. */
  public static openstackCloudControllerManager(options: OpenStackCloudControllerManagerOptions = {}): HelmAddon {
    return openstackCloudControllerManager(options);
  }

  /** OpenStack Cinder CSI driver (chart 2.33.1) with a default `csi-cinder-sc-delete` StorageClass. */
  public static openstackCinderCsi(options: OpenStackCinderCsiOptions = {}): HelmAddon {
    return openstackCinderCsi(options);
  }

  /** ingress-nginx (chart 4.12.1). */
  public static ingressNginx(options: IngressNginxOptions = {}): HelmAddon {
    return ingressNginx(options);
  }

  /** cert-manager (v1.17.2) with CRDs. */
  public static certManager(options: CertManagerOptions = {}): HelmAddon {
    return certManager(options);
  }

  /** metrics-server (chart 3.12.2). */
  public static metricsServer(options: MetricsServerOptions = {}): HelmAddon {
    return metricsServer(options);
  }

  /** Cluster autoscaler (chart 9.46.6, clusterapi provider) on the management cluster, per workload cluster. */
  public static clusterAutoscaler(options: ClusterAutoscalerOptions = {}): HelmAddon {
    return clusterAutoscaler(options);
  }

  /** Rancher local-path-provisioner (v0.0.31) as manifests (no Helm repository exists). */
  public static localPathProvisioner(options: LocalPathProvisionerOptions = {}): ManifestAddon {
    return localPathProvisioner(options);
  }

  /** Argo Rollouts (chart 2.39.0). */
  public static argoRollouts(options: ArgoRolloutsOptions = {}): HelmAddon {
    return argoRollouts(options);
  }

  private constructor() {}
}
