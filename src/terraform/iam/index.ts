export * from './policy-document';
export * from './secret-backend';
export * from './capa-iam-names';
export * from './capa-iam-props';
export * from './capa-iam';
