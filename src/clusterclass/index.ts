export * from './output-mode';
