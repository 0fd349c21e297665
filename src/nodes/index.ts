export * from './autoscaling';
export * from './health-check';
export * from './node-pool';
export * from './rollout';
export * from './taint';
