export * from './app';
export * from './iam';
export * from './network';
export * from './storage';
export * from './state';
export * from './outputs';
