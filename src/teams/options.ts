/** Pod Security Admission levels (`pod-security.kubernetes.io/enforce`). */
export enum PodSecurityLevel {
  /** Unrestricted (system and infrastructure workloads only). */
  PRIVILEGED = 'privileged',
  /** Prevents known privilege escalations (no host namespaces, no privileged containers). */
  BASELINE = 'baseline',
  /** Current pod hardening best practice (non-root, no capabilities, seccomp RuntimeDefault). */
  RESTRICTED = 'restricted',
}

/** The Kubernetes default ClusterRole a team group is bound to in each of its namespaces. */
export enum TeamRole {
  /** `admin`: everything in the namespace, including RoleBindings (not the quota or the namespace). */
  ADMIN = 'admin',
  /** `edit`: read and write most objects, no RBAC. */
  EDIT = 'edit',
  /** `view`: read most objects, no Secrets. */
  VIEW = 'view',
}

/** A group of the company's identity provider and the role it gets in the team's namespaces. */
export interface TeamGroup {
  /** Group name as the API server sees it (from OIDC `groups` claim or a client certificate's O). */
  readonly name: string;
  /** Role bound in each namespace of the team. */
  readonly role: TeamRole;
}

/**
 * A ResourceQuota (`hard` limits per namespace). Quantities use Kubernetes syntax: `500m`, `2`,
 * `4Gi`, `512Mi`.
 */
export interface TeamQuota {
  /**
   * Sum of CPU requests (`requests.cpu`).
   * @default - no limit
   */
  readonly requestsCpu?: string;
  /**
   * Sum of memory requests (`requests.memory`).
   * @default - no limit
   */
  readonly requestsMemory?: string;
  /**
   * Sum of CPU limits (`limits.cpu`).
   * @default - no limit
   */
  readonly limitsCpu?: string;
  /**
   * Sum of memory limits (`limits.memory`).
   * @default - no limit
   */
  readonly limitsMemory?: string;
  /**
   * Sum of storage requested by PersistentVolumeClaims (`requests.storage`).
   * @default - no limit
   */
  readonly requestsStorage?: string;
  /**
   * Number of pods (`pods`).
   * @default - no limit
   */
  readonly pods?: number;
  /**
   * Number of Services (`services`).
   * @default - no limit
   */
  readonly services?: number;
  /**
   * Number of Services of type LoadBalancer (`services.loadbalancers`).
   * @default - no limit
   */
  readonly loadBalancers?: number;
  /**
   * Number of PersistentVolumeClaims (`persistentvolumeclaims`).
   * @default - no limit
   */
  readonly persistentVolumeClaims?: number;
}

/** Container defaults and bounds of a LimitRange (type `Container`). */
export interface TeamLimitRange {
  /**
   * CPU request of containers that give none (`defaultRequest.cpu`).
   * @default '100m'
   */
  readonly defaultRequestCpu?: string;
  /**
   * Memory request of containers that give none (`defaultRequest.memory`).
   * @default '128Mi'
   */
  readonly defaultRequestMemory?: string;
  /**
   * CPU limit of containers that give none (`default.cpu`).
   * @default '1'
   */
  readonly defaultCpu?: string;
  /**
   * Memory limit of containers that give none (`default.memory`).
   * @default '512Mi'
   */
  readonly defaultMemory?: string;
  /**
   * Largest CPU limit of one container (`max.cpu`).
   * @default - no maximum
   */
  readonly maxCpu?: string;
  /**
   * Largest memory limit of one container (`max.memory`).
   * @default - no maximum
   */
  readonly maxMemory?: string;
}

/** The team's NetworkPolicies (in each of its namespaces). */
export interface TeamNetworkOptions {
  /**
   * Namespaces of ingress controllers (or mesh gateways) allowed to reach every pod of the team.
   * @default ['ingress-nginx'] (the namespace of `Catalog.ingressNginx()`)
   */
  readonly ingressControllerNamespaces?: string[];
  /**
   * Other namespaces whose pods may reach the team's pods (e.g. the LMA namespace, for scraping).
   * @default - none
   */
  readonly allowFromNamespaces?: string[];
  /**
   * Address blocks (CIDRs) allowed to reach the team's pods, e.g. an office network.
   * @default - none
   */
  readonly allowFromCidrs?: string[];
  /**
   * Deny egress too, except DNS (kube-dns in kube-system, port 53), the namespace itself and
   * `allowEgressToCidrs`. Without it, egress is not restricted (and DNS needs no policy).
   * @default false
   */
  readonly restrictEgress?: boolean;
  /**
   * Address blocks the team's pods may reach when `restrictEgress` is on.
   * @default - none
   */
  readonly allowEgressToCidrs?: string[];
}

/** One namespace of a team; unset fields take the team's settings. */
export interface TeamNamespace {
  /** Namespace name (a DNS label; not `default`, not `kube-*`). */
  readonly name: string;
  /**
   * Labels of the Namespace, over the team's `labels`.
   * @default - the team's labels
   */
  readonly labels?: Record<string, string>;
  /**
   * Annotations of the Namespace, over the team's `annotations`.
   * @default - the team's annotations
   */
  readonly annotations?: Record<string, string>;
  /**
   * Pod Security Admission level enforced in the namespace.
   * @default - the team's podSecurity
   */
  readonly podSecurity?: PodSecurityLevel;
  /**
   * ResourceQuota of the namespace (replaces the team's as a whole).
   * @default - the team's quota
   */
  readonly quota?: TeamQuota;
  /**
   * LimitRange of the namespace (replaces the team's as a whole).
   * @default - the team's limitRange
   */
  readonly limitRange?: TeamLimitRange;
}
