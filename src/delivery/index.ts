export * from './addon-delivery';
