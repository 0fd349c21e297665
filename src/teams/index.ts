export * from './options';
export * from './team';
