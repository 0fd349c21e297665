export * from './output-layout';
