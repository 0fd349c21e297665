export * from './aws-identity';
export * from './aws-infrastructure';
export * from './aws-machine-pool-options';
export * from './aws-network';
export * from './bastion';
export * from './ignition';
export * from './load-balancer';
