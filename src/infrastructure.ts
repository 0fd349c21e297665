import { ClusterInfrastructure } from './cluster/infrastructure';
import { AwsInfrastructure, AwsInfrastructureProps } from './providers/aws/aws-infrastructure';
import { ByohInfrastructure, ByohInfrastructureProps } from './providers/byoh/byoh-infrastructure';
import { DockerInfrastructure, DockerInfrastructureProps } from './providers/docker/docker-infrastructure';
import { EksInfrastructure, EksInfrastructureProps } from './providers/eks/eks-infrastructure';
import { OpenStackInfrastructure, OpenStackInfrastructureProps } from './providers/openstack/openstack-infrastructure';

/**
 * Factories of the infrastructures a `ManagedCluster` can run on. Each provider lives in its
 * own module under `providers/`; this facade only names them.
 */
export class Infrastructure {
  /** Self-managed Kubernetes (kubeadm) on AWS with CAPA. */
  public static aws(props: AwsInfrastructureProps): ClusterInfrastructure {
    return new AwsInfrastructure(props);
  }

  /** Self-managed Kubernetes (kubeadm) on hosts you bring, with BYOH (Bring Your Own Host). */
  public static byoh(props: ByohInfrastructureProps): ClusterInfrastructure {
    return new ByohInfrastructure(props);
  }

  /** Amazon EKS with CAPA (AWSManagedControlPlane); node pools default to managed node groups. */
  public static eks(props: EksInfrastructureProps): EksInfrastructure { return new EksInfrastructure(props); }

  /** Self-managed Kubernetes (kubeadm) on OpenStack with CAPO v0.14. */
  public static openstack(props: OpenStackInfrastructureProps): ClusterInfrastructure {
    return new OpenStackInfrastructure(props);
  }

  /** A local cluster in Docker containers (Cluster API's development provider), to try blueprints on a laptop. */
  public static docker(props: DockerInfrastructureProps = {}): ClusterInfrastructure {
    return new DockerInfrastructure(props);
  }

  private constructor() {}
}
