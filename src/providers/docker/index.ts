export * from './docker-infrastructure';
