import { Duration } from 'cdk8s';
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

/** Protocols of the control-plane load balancer's health check. */
export enum HealthCheckProtocol {
  /** A TCP connection to the API server port. */
  TCP = 'TCP',
  /** An HTTPS request to the API server's `/readyz` (CAPA's NLB flavors; detects an API server that accepts connections but is not ready). */
  HTTPS = 'HTTPS',
  /** An SSL handshake (CAPA's default for classic ELBs). */
  SSL = 'SSL',
  /** A TLS handshake. */
  TLS = 'TLS',
}

/** The health check of the control-plane load balancer's API server target group. */
export interface ControlPlaneHealthCheckOptions {
  /**
   * Protocol.
   * @default HealthCheckProtocol.HTTPS for an NLB (as CAPA's flavors: `/readyz`); CAPA's default for other types
   */
  readonly protocol?: HealthCheckProtocol;
  /**
   * Time between checks of one target (5–300 s).
   * @default - AWS's default (10 s for an NLB)
   */
  readonly interval?: Duration;
  /**
   * Time without a response that fails a check (2–120 s).
   * @default - AWS's default
   */
  readonly timeout?: Duration;
  /**
   * Consecutive successes before a target is healthy (2–10).
   * @default - AWS's default
   */
  readonly healthyThreshold?: number;
  /**
   * Consecutive failures before a target is unhealthy (2–10).
   * @default - AWS's default
   */
  readonly unhealthyThreshold?: number;
}

/** The control-plane (API server) load balancer. */
export interface ControlPlaneLoadBalancerOptions {
  /**
   * Health check of the API server targets.
   * @default - HTTPS `/readyz` for an NLB, CAPA's defaults otherwise
   */
  readonly healthCheck?: ControlPlaneHealthCheckOptions;
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
