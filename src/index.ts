export * from './core/validation-error';
export * from './imports';
export * from './validation';
export * from './terraform';
