export * from './gitops';
export * from './management-cluster';
