export * from './capacity';
export * from './machine-image';
export * from './machine-options';
export * from './root-volume';
export * from './subnet-selection';
export * from './instance-metadata';
