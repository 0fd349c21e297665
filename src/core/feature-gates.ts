/** The kubeadm providers' gate for `format: ignition` (off by default in CAPI v1.14). */
export const IGNITION_GATE = 'KubeadmBootstrapFormatIgnition';

/** CAPA's gate for Ignition user data (S3 bucket, AWSMachine `ignition`). */
export const CAPA_IGNITION_GATE = 'BootstrapFormatIgnition';

/** Cluster API's feature gates (core, kubeadm bootstrap and control plane, CAPD: `sigs.k8s.io/cluster-api/feature`). */
const CAPI_GATES = [
  'MachinePool', 'ClusterTopology', 'RuntimeSDK', 'KubeadmBootstrapFormatIgnition', 'MachineSetPreflightChecks',
  'MachineWaitForVolumeDetachConsiderVolumeAttachments', 'PriorityQueue', 'ReconcilerRateLimiting', 'InPlaceUpdates', 'MachineTaintPropagation',
];

/** CAPA's feature gates (`sigs.k8s.io/cluster-api-provider-aws/v2/feature`). */
const CAPA_GATES = [
  'EKS', 'EKSEnableIAM', 'EKSAllowAddRoles', 'EKSFargate', 'MachinePool', 'MachinePoolMachines', 'EventBridgeInstanceState',
  'AutoControllerIdentityCreator', 'BootstrapFormatIgnition', 'ExternalResourceGC', 'AlternativeGCStrategy', 'TagUnmanagedNetworkResources', 'ROSA',
];

/**
 * The feature gates each provider's manager knows, by `ManagementProvidersOptions` key (providers
 * not listed: not checked). A manager refuses to start on a gate it does not know
 * ("unrecognized feature gate"), and gate names are case-sensitive.
 */
export const PROVIDER_FEATURE_GATES: Readonly<Record<string, readonly string[]>> = {
  core: CAPI_GATES,
  kubeadmBootstrap: CAPI_GATES,
  kubeadmControlPlane: CAPI_GATES,
  docker: CAPI_GATES,
  aws: CAPA_GATES,
};
