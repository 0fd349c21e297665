export * from './node-bootstrap';
