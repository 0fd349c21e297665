export * from './platform';
export * from './blueprint';
