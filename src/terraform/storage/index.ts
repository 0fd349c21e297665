export * from './bucket-encryption';
export * from './lma-bucket-name';
export * from './lma-bucket';
