export * from './openstack-api-server';
export * from './openstack-infrastructure';
export * from './openstack-machine-options';
export * from './openstack-network';
export * from './openstack-pool';
export * from './openstack-resource';
export * from './openstack-security-groups';
