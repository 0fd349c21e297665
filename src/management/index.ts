export * from './gitops';
export * from './management-cluster';
export * from './providers';
