/** Load balancer types CAPA can put in front of the API servers. */
export enum LoadBalancerType {
  /** Network load balancer (the default: current generation, preserves client IPs). */
  NLB = 'nlb',
  /** Classic ELB (CAPA's own default; legacy). */
  CLASSIC = 'classic',
  /** Application load balancer. */
  ALB = 'alb',
  /** No load balancer (you provide the endpoint). */
  DISABLED = 'disabled',
}

/** Whether the API load balancer is reachable from the internet. */
export enum LoadBalancerScheme {
  /** Public. Restrict sources with `allowedCidrs`. */
  INTERNET_FACING = 'internet-facing',
  /** Reachable only inside the VPC (and peered networks). */
  INTERNAL = 'internal',
}

/** The control-plane (API server) load balancer. */
export interface ControlPlaneLoadBalancerOptions {
  /**
   * Load balancer type.
   * @default LoadBalancerType.NLB
   */
  readonly type?: LoadBalancerType;
  /**
   * Scheme.
   * @default LoadBalancerScheme.INTERNET_FACING
   */
  readonly scheme?: LoadBalancerScheme;
  /**
   * Source CIDR blocks allowed to reach the API server.
   * @default - CAPA's default (any source)
   */
  readonly allowedCidrs?: string[];
}
