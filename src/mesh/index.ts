export * from './service-mesh';
