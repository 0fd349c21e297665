export * from './allowed-namespaces';
export * from './aws-cluster-controller-identity';
export * from './aws-cluster-role-identity';
export * from './aws-cluster-static-identity';
