export * from './capa-network';
