export * from './finding';
export * from './report';
export * from './manifest-validator';
