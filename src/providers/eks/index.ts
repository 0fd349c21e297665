export * from './eks-addon';
export * from './eks-infrastructure';
export * from './eks-node-group-options';
export * from './eks-options';
