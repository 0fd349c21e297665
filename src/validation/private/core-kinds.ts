import { editDistance } from '../../core/edit-distance';

/**
 * The kinds Kubernetes itself serves (no CRD), per API group and version, for the Kubernetes
 * versions Cluster API v1.14 supports (v1.31–v1.36). Alpha and beta versions are included when a
 * release of that range serves them (some only behind a feature gate), so a manifest written for
 * any of them is not reported; versions removed before v1.31 (`policy/v1beta1`,
 * `autoscaling/v2beta2`, `batch/v1beta1`, …) are not, so manifests using them are.
 * `''` is the core group (`apiVersion: v1`).
 */
export const BUILTIN_KINDS: Record<string, Record<string, string[]>> = {
  '': {
    v1: [
      'Binding', 'ComponentStatus', 'ConfigMap', 'Endpoints', 'Event', 'LimitRange', 'Namespace', 'Node',
      'PersistentVolume', 'PersistentVolumeClaim', 'Pod', 'PodTemplate', 'ReplicationController',
      'ResourceQuota', 'Secret', 'Service', 'ServiceAccount',
    ],
  },
  'apps': { v1: ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'] },
  'batch': { v1: ['CronJob', 'Job'] },
  'autoscaling': { v1: ['HorizontalPodAutoscaler'], v2: ['HorizontalPodAutoscaler'] },
  'policy': { v1: ['Eviction', 'PodDisruptionBudget'] },
  'rbac.authorization.k8s.io': { v1: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'] },
  'networking.k8s.io': {
    v1: ['IPAddress', 'Ingress', 'IngressClass', 'NetworkPolicy', 'ServiceCIDR'],
    v1beta1: ['IPAddress', 'ServiceCIDR'],
  },
  'storage.k8s.io': {
    v1: ['CSIDriver', 'CSINode', 'CSIStorageCapacity', 'StorageClass', 'VolumeAttachment', 'VolumeAttributesClass'],
    v1beta1: ['VolumeAttributesClass'],
    v1alpha1: ['VolumeAttributesClass'],
  },
  'apiextensions.k8s.io': { v1: ['CustomResourceDefinition'] },
  'admissionregistration.k8s.io': {
    v1: ['MutatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'ValidatingWebhookConfiguration'],
    v1beta1: ['MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding'],
    v1alpha1: ['MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding'],
  },
  'apiregistration.k8s.io': { v1: ['APIService'] },
  'coordination.k8s.io': { v1: ['Lease'], v1beta1: ['LeaseCandidate'], v1alpha2: ['LeaseCandidate'] },
  'scheduling.k8s.io': { v1: ['PriorityClass'] },
  'node.k8s.io': { v1: ['RuntimeClass'] },
  'discovery.k8s.io': { v1: ['EndpointSlice'] },
  'certificates.k8s.io': {
    v1: ['CertificateSigningRequest'],
    v1beta1: ['ClusterTrustBundle', 'PodCertificateRequest'],
    v1alpha1: ['ClusterTrustBundle', 'PodCertificateRequest'],
  },
  'events.k8s.io': { v1: ['Event'] },
  'flowcontrol.apiserver.k8s.io': { v1: ['FlowSchema', 'PriorityLevelConfiguration'], v1beta3: ['FlowSchema', 'PriorityLevelConfiguration'] },
  'resource.k8s.io': {
    v1: ['DeviceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'],
    v1beta2: ['DeviceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'],
    v1beta1: ['DeviceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'],
    v1alpha3: ['DeviceTaintRule'],
  },
  'authentication.k8s.io': { v1: ['SelfSubjectReview', 'TokenRequest', 'TokenReview'] },
  'authorization.k8s.io': { v1: ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview'] },
  'storagemigration.k8s.io': { v1alpha1: ['StorageVersionMigration'] },
  'internal.apiserver.k8s.io': { v1alpha1: ['StorageVersion'] },
};

/**
 * API groups served by Kubernetes itself (no CRD): objects of these groups get ObjectMeta checks
 * and a check that Kubernetes serves their kind at their version.
 */
export const BUILTIN_GROUPS = new Set(Object.keys(BUILTIN_KINDS));

/** Kinds of the built-in groups that are cluster-scoped. */
export const CLUSTER_SCOPED_BUILTINS = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass',
  'CustomResourceDefinition', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration',
  'APIService', 'PriorityClass', 'RuntimeClass', 'CSIDriver', 'CSINode', 'VolumeAttachment',
  'IngressClass', 'CertificateSigningRequest', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding',
]);

/**
 * Why Kubernetes would not serve a built-in group's kind at a version (`undefined` when it does):
 * the kind at other versions, or the nearest kind name of the group.
 */
export function builtinKindProblem(group: string, version: string, kind: string): string | undefined {
  const versions = BUILTIN_KINDS[group];
  if (!versions) return undefined;
  if (versions[version]?.includes(kind)) return undefined;
  const apiVersion = group === '' ? version : `${group}/${version}`;
  const served = Object.keys(versions).filter(v => versions[v].includes(kind)).map(v => (group === '' ? v : `${group}/${v}`));
  if (served.length > 0) {
    return `no matches for kind "${kind}" in version "${apiVersion}": Kubernetes (v1.31–v1.36) serves it as ${served.join(', ')}`;
  }
  const elsewhere = Object.entries(BUILTIN_KINDS).flatMap(([g, vs]) => Object.keys(vs).filter(v => vs[v].includes(kind)).map(v => (g === '' ? v : `${g}/${v}`)));
  if (elsewhere.length > 0) {
    return `no matches for kind "${kind}" in version "${apiVersion}": Kubernetes serves it as ${elsewhere.join(', ')}`;
  }
  const all = [...new Set(Object.values(versions).flat())].sort();
  const near = all.filter(k => k.toLowerCase() === kind.toLowerCase() || editDistance(k.toLowerCase(), kind.toLowerCase()) <= 2);
  const hint = near.length > 0 ? `; did you mean ${near.map(k => `"${k}"`).join(' or ')}?` : `; the group serves ${all.join(', ')}`;
  return `no matches for kind "${kind}" in version "${apiVersion}": Kubernetes does not serve this kind${hint}`;
}

/** Split an apiVersion into group and version (`v1` → `['', 'v1']`). */
export function splitApiVersion(apiVersion: string): [string, string] {
  const i = apiVersion.lastIndexOf('/');
  return i < 0 ? ['', apiVersion] : [apiVersion.slice(0, i), apiVersion.slice(i + 1)];
}
