/**
 * API groups served by Kubernetes itself (no CRD): objects of these groups get ObjectMeta checks
 * only. `''` is the core group (`apiVersion: v1`).
 */
export const BUILTIN_GROUPS = new Set([
  '', 'apps', 'batch', 'autoscaling', 'policy', 'rbac.authorization.k8s.io', 'networking.k8s.io',
  'storage.k8s.io', 'apiextensions.k8s.io', 'admissionregistration.k8s.io', 'apiregistration.k8s.io',
  'coordination.k8s.io', 'scheduling.k8s.io', 'node.k8s.io', 'discovery.k8s.io',
  'certificates.k8s.io', 'events.k8s.io', 'flowcontrol.apiserver.k8s.io', 'resource.k8s.io',
]);

/** Kinds of the built-in groups that are cluster-scoped. */
export const CLUSTER_SCOPED_BUILTINS = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass',
  'CustomResourceDefinition', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration',
  'APIService', 'PriorityClass', 'RuntimeClass', 'CSIDriver', 'CSINode', 'VolumeAttachment',
  'IngressClass', 'CertificateSigningRequest', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding',
]);

/** Split an apiVersion into group and version (`v1` → `['', 'v1']`). */
export function splitApiVersion(apiVersion: string): [string, string] {
  const i = apiVersion.lastIndexOf('/');
  return i < 0 ? ['', apiVersion] : [apiVersion.slice(0, i), apiVersion.slice(i + 1)];
}
