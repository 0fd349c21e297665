export * from './cluster-network';
export * from './control-plane';
export * from './infrastructure';
export * from './kubernetes-components';
export * from './managed-cluster';
