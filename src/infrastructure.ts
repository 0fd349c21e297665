/* eslint-disable @typescript-eslint/no-require-imports */
import type { ClusterInfrastructure } from './cluster/infrastructure';
import type { AwsInfrastructureProps } from './providers/aws/aws-infrastructure';
import type { ByohInfrastructureProps } from './providers/byoh/byoh-infrastructure';
import type { DockerInfrastructureProps } from './providers/docker/docker-infrastructure';
import type { EksInfrastructure, EksInfrastructureProps } from './providers/eks/eks-infrastructure';
import type { OpenStackInfrastructureProps } from './providers/openstack/openstack-infrastructure';

/**
 * Factories of the infrastructures a `ManagedCluster` can run on. Each provider lives in its
 * own module under `providers/`; this facade only names them (and loads a provider's module, with
 * its generated bindings, only when the provider is used).
 */
export class Infrastructure {
  /** Self-managed Kubernetes (kubeadm) on AWS with CAPA. */
  public static aws(props: AwsInfrastructureProps): ClusterInfrastructure {
    const { AwsInfrastructure } = require('./providers/aws/aws-infrastructure') as typeof import('./providers/aws/aws-infrastructure');
    return new AwsInfrastructure(props);
  }

  /** Self-managed Kubernetes (kubeadm) on hosts you bring, with BYOH (Bring Your Own Host). */
  public static byoh(props: ByohInfrastructureProps): ClusterInfrastructure {
    const { ByohInfrastructure } = require('./providers/byoh/byoh-infrastructure') as typeof import('./providers/byoh/byoh-infrastructure');
    return new ByohInfrastructure(props);
  }

  /** Amazon EKS with CAPA (AWSManagedControlPlane); node pools default to managed node groups. */
  public static eks(props: EksInfrastructureProps): EksInfrastructure {
    const { EksInfrastructure: Eks } = require('./providers/eks/eks-infrastructure') as typeof import('./providers/eks/eks-infrastructure');
    return new Eks(props);
  }

  /** Self-managed Kubernetes (kubeadm) on OpenStack with CAPO v0.14. */
  public static openstack(props: OpenStackInfrastructureProps): ClusterInfrastructure {
    const { OpenStackInfrastructure } = require('./providers/openstack/openstack-infrastructure') as typeof import('./providers/openstack/openstack-infrastructure');
    return new OpenStackInfrastructure(props);
  }

  /** A local cluster in Docker containers (Cluster API's development provider), to try blueprints on a laptop. */
  public static docker(props: DockerInfrastructureProps = {}): ClusterInfrastructure {
    const { DockerInfrastructure } = require('./providers/docker/docker-infrastructure') as typeof import('./providers/docker/docker-infrastructure');
    return new DockerInfrastructure(props);
  }

  private constructor() {}
}
