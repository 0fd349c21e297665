/**
 * The validator's promise cuts both ways: what the API server rejects is a finding, and what it
 * admits is not. Built-in kinds are known per version; the API server's own normalisations
 * (pruning `null`, the defaulting webhooks' leading `v`) are applied before the rules.
 */
import { byName, validAwsCluster } from './fixtures';
import { expectValidManifests, validationFindings } from '../support/crd-validation';

const meta = (name: string, namespace?: string) => ({ name, ...(namespace ? { namespace } : {}) });

describe('built-in kinds', () => {
  const admitted: Array<[string, string, boolean]> = [
    ['v1', 'Secret', true], ['v1', 'ConfigMap', true], ['v1', 'Namespace', false], ['v1', 'ServiceAccount', true],
    ['v1', 'Service', true], ['apps/v1', 'Deployment', true], ['apps/v1', 'DaemonSet', true], ['batch/v1', 'Job', true],
    ['rbac.authorization.k8s.io/v1', 'ClusterRole', false], ['rbac.authorization.k8s.io/v1', 'RoleBinding', true],
    ['admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', false], ['admissionregistration.k8s.io/v1', 'MutatingWebhookConfiguration', false],
    ['apiextensions.k8s.io/v1', 'CustomResourceDefinition', false], ['policy/v1', 'PodDisruptionBudget', true],
    ['networking.k8s.io/v1', 'NetworkPolicy', true], ['storage.k8s.io/v1', 'StorageClass', false], ['autoscaling/v2', 'HorizontalPodAutoscaler', true],
    ['scheduling.k8s.io/v1', 'PriorityClass', false], ['coordination.k8s.io/v1', 'Lease', true],
  ];
  test.each(admitted)('given %s %s, when validated, then there is no finding', (apiVersion, kind, namespaced) => {
    expectValidManifests([{ apiVersion, kind, metadata: meta('x', namespaced ? 'default' : undefined) }]);
  });

  const unknown: Array<[string, string, RegExp]> = [
    ['apps/v1', 'Deploymnet', /^no matches for kind "Deploymnet" in version "apps\/v1": Kubernetes does not serve this kind; did you mean "Deployment"\?$/],
    ['v1', 'Secrets', /^no matches for kind "Secrets" in version "v1": Kubernetes does not serve this kind; did you mean "Secret"\?$/],
    ['v1', 'configmap', /did you mean "ConfigMap"\?$/],
    ['v1', 'Deployment', /^no matches for kind "Deployment" in version "v1": Kubernetes serves it as apps\/v1$/],
    ['policy/v1beta1', 'PodDisruptionBudget', /^no matches for kind "PodDisruptionBudget" in version "policy\/v1beta1": Kubernetes \(v1.31–v1.36\) serves it as policy\/v1$/],
    ['autoscaling/v2beta2', 'HorizontalPodAutoscaler', /serves it as autoscaling\/v1, autoscaling\/v2$/],
    ['apps/v2', 'Deployment', /serves it as apps\/v1$/],
    ['rbac.authorization.k8s.io/v1', 'Rolebinding', /did you mean "RoleBinding"\?$/],
    ['apps/v1', 'Widget', /Kubernetes does not serve this kind; the group serves ControllerRevision, DaemonSet, Deployment, ReplicaSet, StatefulSet$/],
  ];
  test.each(unknown)('given %s %s, when validated, then the kind is a finding with the fix', (apiVersion, kind, message) => {
    const findings = validationFindings([{ apiVersion, kind, metadata: meta('x', 'default') }]);
    expect(findings.map(f => ({ path: f.path, rule: f.rule }))).toEqual([{ path: 'kind', rule: 'schema' }]);
    expect(findings[0].message).toMatch(message);
  });
});

describe('objects the API server admits are not findings', () => {
  test('given a KubeadmControlPlane name of 63 and of 100 characters, when validated, then there is no finding (CAPI hashes long names into its label)', () => {
    for (const n of [63, 100]) {
      const objects = validAwsCluster();
      const name = 'c'.repeat(n);
      byName(objects, 'KubeadmControlPlane', 'prod-control-plane').metadata.name = name;
      byName(objects, 'Cluster', 'prod').spec.controlPlaneRef.name = name;
      expectValidManifests(objects);
    }
  });

  test('given versions without the leading v on KCP and MachineDeployment, when validated, then there is no finding (the defaulting webhooks add it)', () => {
    const objects = validAwsCluster();
    byName(objects, 'KubeadmControlPlane', 'prod-control-plane').spec.version = '1.33.4';
    byName(objects, 'MachineDeployment', 'prod-workers-a').spec.template.spec.version = '1.33.4';
    expectValidManifests(objects);
  });

  test('given null in non-nullable fields, when validated, then they are pruned as the API server does', () => {
    const objects = validAwsCluster();
    const kcp = byName(objects, 'KubeadmControlPlane', 'prod-control-plane');
    kcp.spec.kubeadmConfigSpec.files = null;
    kcp.spec.kubeadmConfigSpec.clusterConfiguration.apiServer.certSANs = null;
    kcp.spec.remediation = null;
    byName(objects, 'MachineDeployment', 'prod-workers-a').spec.template.spec.failureDomain = null;
    byName(objects, 'Cluster', 'prod').metadata.labels = null;
    expectValidManifests(objects);
  });

  test('given null for a required field, when validated, then it is reported as missing', () => {
    const objects = validAwsCluster();
    byName(objects, 'KubeadmControlPlane', 'prod-control-plane').spec.version = null;
    expect(validationFindings(objects).map(f => `${f.path}: ${f.message}`)).toEqual(['spec.version: Required value']);
  });
});
