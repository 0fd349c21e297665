export * from './addon';
export * from './cluster-value';
export * from './helm-addon';
export * from './manifest-addon';
export * from './addon-bundle';
export * from './catalog';
