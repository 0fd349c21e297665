export * from './overrides';
export * from './blueprint';
export * from './site-infrastructure';
export * from './site';
export * from './fleet';
