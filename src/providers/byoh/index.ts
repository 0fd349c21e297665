export * from './bootstrap-kubeconfig';
export * from './byoh-infrastructure';
export * from './byoh-install';
export * from './byoh-pool';
export * from './host-selector';
export * from './kube-vip';
