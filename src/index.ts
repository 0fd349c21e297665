export * from './core/validation-error';
export * from './imports';
export * from './validation';
