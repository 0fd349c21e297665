export * from './finding';
export * from './report';
export * from './manifest-validator';
export * from './cdk8s-plugin';
