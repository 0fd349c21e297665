export * from './iam';
export * from './network';
export * from './outputs';
