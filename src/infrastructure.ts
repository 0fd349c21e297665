import { ClusterInfrastructure } from './cluster/infrastructure';
import { AwsInfrastructure, AwsInfrastructureProps } from './providers/aws/aws-infrastructure';
import { ByohInfrastructure, ByohInfrastructureProps } from './providers/byoh/byoh-infrastructure';
import { EksInfrastructure, EksInfrastructureProps } from './providers/eks/eks-infrastructure';

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

  private constructor() {}
}
