export * from './alerting';
export * from './logs-backend';
export * from './object-storage';
export * from './topology';
export * from './options';
export * from './lma-stack';
