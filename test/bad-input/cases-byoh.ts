/** Invalid BYOH infrastructure, pools, host selectors, install settings, versions and bootstrap kubeconfigs. */
import { Chart } from 'cdk8s';
import { byohCluster, byohPool } from './builders';
import { BadInputCase, k8s } from './harness';
import { BootstrapKubeconfig, BootstrapKubeconfigProps, ByohInstall, ByohPool, HostSelectorOperator, Infrastructure, ManagedCluster, NodePoolKind } from '../../src';
import { Platform } from '../../src/platform';

/** A public example CA (the one in examples/byoh-cluster.ts), base64 PEM. */
const CA_DATA = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJwakNDQVV1Z0F3SUJBZ0lVUzBNR3VoRzNxVTg1MzUwSWw3RnpVcy9zOS9Vd0NnWUlLb1pJemowRUF3SXcKS0RFbU1DUUdBMVVFQXd3ZFpYaGhiWEJzWlMxdFlXNWhaMlZ0Wlc1MExXTnNkWE4wWlhJdFkyRXdIaGNOTWpZeApNVEl4TWpNek1EQTFXaGNOTXpZeE1URTRNak16TURBMVdqQW9NU1l3SkFZRFZRUUREQjFsZUdGdGNHeGxMVzFoCmJtRm5aVzFsYm5RdFkyeDFjM1JsY2kxallUQlpNQk1HQnlxR1NNNDlBZ0VHQ0NxR1NNNDlBd0VIQTBJQUJNcVIKY2VpNjA5ekxpUUlCaUVBdlZlMUtjMTdFTGEzUjNBeEwzZUZTenA0WVRKaG9EQzVORjFtMlZLbURPT3NtRXpWZAozcWV2c2hpVUppS1N1S1lLVW4ralV6QlJNQjBHQTFVZERnUVdCQlNzZk4vQitaVGxqNE9STmI1UERCcUlxU1Z0CitUQWZCZ05WSFNNRUdEQVdnQlNzZk4vQitaVGxqNE9STmI1UERCcUlxU1Z0K1RBUEJnTlZIUk1CQWY4RUJUQUQKQVFIL01Bb0dDQ3FHU000OUJBTUNBMGtBTUVZQ0lRRFd0QWhPU2d5OWNtYm14bDB6V05qT0Qya2kyVUVmbzFydApGOEZCcm9HcXR3SWhBSUFsQ24ramQ2ZStzYUVlMkRyVFNheUxXS0ZPUEF3NHcvK2xVRnFEaHhsdAotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==';

function kubeconfig(app: Platform, props: Partial<BootstrapKubeconfigProps>): void {
  const chart = new Chart(app, 'mgmt', { namespace: 'byoh-system' });
  new BootstrapKubeconfig(chart, 'agents', { apiServer: 'https://10.0.0.10:6443', certificateAuthorityData: CA_DATA, ...props });
}

export const byohCases: BadInputCase[] = [
  k8s('cluster.addNodePool on a BYOH cluster', 'onprem/workers', (app) => { byohCluster(app).addNodePool('workers', { replicas: 2 }); },
    /^onprem\/workers: node pool 'workers' has no host selector\. BYOH pools claim registered hosts by label: create them with `new ByohPool\(cluster, 'workers'/),
  k8s('a ByohPool on an AWS cluster', 'prod/workers', (app) => {
    const cluster = new ManagedCluster(app, 'prod', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'ap-northeast-2' }) });
    new ByohPool(cluster, 'workers', { cluster, hosts: { matchLabels: { role: 'w' } } });
  }, /^prod\/workers: ByohPool needs a cluster on BYOH infrastructure, but cluster 'prod' runs on 'aws'\. Use Infrastructure\.byoh\(\{\.\.\.\}\) for the cluster/),
  k8s('a host selector without labels', 'onprem/workers', (app) => { byohPool(byohCluster(app), 'workers', { hosts: {} }); },
    /^onprem\/workers: hosts selects no labels, so it would claim any registered host\. Give matchLabels/),
  k8s('an In expression without values', 'onprem/gpu', (app) => { byohPool(byohCluster(app), 'gpu', { hosts: { matchExpressions: [{ key: 'gpu', operator: HostSelectorOperator.IN }] } }); },
    /^onprem\/gpu: hosts\.matchExpressions\[0\] \('gpu' In\) has no values\. List at least one value, or use EXISTS \/ DOES_NOT_EXIST\./),
  k8s('an Exists expression with values', 'onprem/gpu', (app) => { byohPool(byohCluster(app), 'gpu', { hosts: { matchExpressions: [{ key: 'gpu', operator: HostSelectorOperator.EXISTS, values: ['x'] }] } }); },
    /^onprem\/gpu: hosts\.matchExpressions\[0\] \('gpu' Exists\) must not have values \(got x\)\. Remove values, or use IN \/ NOT_IN\./),
  k8s('a host selector label key with a space', 'onprem/workers', (app) => { byohPool(byohCluster(app), 'workers', { hosts: { matchLabels: { 'bad key': 'x' } } }); },
    /^onprem\/workers: hosts\.matchLabels has an invalid label key 'bad key'\. Use '\[prefix\/\]name'/),
  k8s('a pool selecting the control-plane hosts', 'onprem/cp-like', (app) => { byohPool(byohCluster(app), 'cp-like', { hosts: { matchLabels: { role: 'control-plane' } } }); },
    /^onprem\/cp-like: node pool 'cp-like' selects the same hosts as the control plane \(selector .*\)\. Give each pool and the control plane its own host labels/),
  k8s('two pools selecting the same hosts', 'onprem/b', (app) => {
    const cluster = byohCluster(app);
    byohPool(cluster, 'a', { hosts: { matchLabels: { role: 'worker' } } });
    byohPool(cluster, 'b', { hosts: { matchLabels: { role: 'worker' } } });
  }, /^onprem\/b: node pool 'b' selects the same hosts as node pool 'a' \(selector .*\)\. Give each pool and the control plane its own host labels/),
  k8s('an EC2 machine type on a ByohPool', 'onprem/workers', (app) => { byohPool(byohCluster(app), 'workers', { machineType: 'm6i.large' } as any); },
    /^onprem\/workers: machineType is a cloud machine setting, which BYOH cannot apply: .* Remove machineType; choose the hosts with a host selector instead/),
  k8s('an AWS machine setting on the BYOH control plane', 'onprem', (app) => { byohCluster(app, { controlPlane: { rootVolume: { sizeGiB: 100 } } }); },
    /^onprem: controlPlane\.rootVolume is a cloud machine setting, which BYOH cannot apply: .* Remove controlPlane\.rootVolume/),
  k8s('a MachinePool kind on a ByohPool', 'onprem/workers', (app) => { byohPool(byohCluster(app), 'workers', { kind: NodePoolKind.MACHINE_POOL } as any); },
    /^onprem\/workers: kind 'MachinePool' is not available on BYOH: its pools are MachineDeployments over registered hosts \(BYOH has no MachinePool\)\. Remove kind\./),
  k8s('BYOH\'s published bundles for Kubernetes 1.33', 'onprem/bundled', (app) => {
    byohPool(byohCluster(app), 'bundled', { install: ByohInstall.bundle({ bundleRepo: 'harbor.example.com/byoh-bundles' }) });
  }, /^onprem\/bundled: install: BYOH's published installer bundles cover Kubernetes v1\.24 to v1\.26 only, not v1\.33\.4\. Use ByohInstall\.preinstalled\(\) .* customBundleCoversVersion: true/),
  k8s('a preinstalled Kubernetes version without the v', 'onprem/workers', (app) => {
    byohPool(byohCluster(app), 'workers', { install: ByohInstall.preinstalled({ kubernetesVersion: '1.33.4' }) });
  }, /^onprem\/workers: install is ByohInstall\.preinstalled\(\{ kubernetesVersion: '1\.33\.4' \}\), which is not a Kubernetes version\. Write it as the cluster's version is written: 'v' \+ MAJOR\.MINOR\.PATCH, e\.g\. 'v1\.33\.4'\./),
  k8s('a preinstalled Kubernetes version of another patch release', 'onprem/workers', (app) => {
    byohPool(byohCluster(app), 'workers', { install: ByohInstall.preinstalled({ kubernetesVersion: 'v1.33.3+vmware.1' }) });
  }, /^onprem\/workers: install is ByohInstall\.preinstalled\(\{ kubernetesVersion: 'v1\.33\.3\+vmware\.1' \}\), but the cluster runs v1\.33\.4: the hosts' kubelet and kubeadm would not match/),
  k8s('an install bundle repository with a scheme', 'onprem/bundled', (app) => {
    byohPool(byohCluster(app), 'bundled', { install: ByohInstall.bundle({ bundleRepo: 'oci://harbor.example.com/b', customBundleCoversVersion: true }) });
  }, /^onprem\/bundled: install\.bundleRepo 'oci:\/\/harbor\.example\.com\/b' is not an OCI repository\. Use a registry path without scheme, e\.g\. 'harbor\.example\.com\/byoh-bundles'\./),
  k8s('the control plane on published bundles at 1.33', 'onprem', (app) => {
    byohCluster(app, {}, { controlPlaneInstall: ByohInstall.bundle({ bundleRepo: 'projects.registry.vmware.com/cluster_api_provider_bringyourownhost' }) });
  }, /^onprem: controlPlaneInstall: BYOH's published installer bundles cover Kubernetes v1\.24 to v1\.26 only, not v1\.33\.4\. Use ByohInstall\.preinstalled\(\)/),
  k8s('a Kubernetes version below the CAPI v1.14 range', 'onprem', (app) => { byohCluster(app, { version: 'v1.26.6' }); },
    /^onprem: version 'v1\.26\.6' is outside the workload cluster range of Cluster API v1\.14 .*Pick a version in that range\./),
  k8s('an endpoint host that is neither an IP nor a DNS name', 'onprem', (app) => { byohCluster(app, {}, { controlPlaneEndpoint: { host: 'not a host' } }); },
    /^onprem: controlPlaneEndpoint\.host 'not a host' is not an IP address or DNS name\. Use the VIP, e\.g\. '192\.168\.0\.10'\./),
  k8s('an endpoint port out of range', 'onprem', (app) => { byohCluster(app, {}, { controlPlaneEndpoint: { host: '10.0.0.1', port: 70000 } }); },
    /^onprem: controlPlaneEndpoint\.port \(70000\) is not a port\. Use an integer from 1 to 65535\./),
  k8s('kube-vip with a DNS name as endpoint', 'onprem', (app) => { byohCluster(app, {}, { kubeVip: {}, controlPlaneEndpoint: { host: 'api.example.com' } }); },
    /^onprem: controlPlaneEndpoint\.host 'api\.example\.com' must be an IP address when kube-vip announces it .* Use the VIP address, or remove kubeVip/),
  k8s('a kube-vip interface name with a space', 'onprem', (app) => { byohCluster(app, {}, { kubeVip: { networkInterface: 'eth 0' } }); },
    /^onprem: kubeVip\.networkInterface 'eth 0' is not a network interface name\. Use e\.g\. 'ens192'/),
  k8s('a bundle lookup registry with a scheme', 'onprem', (app) => { byohCluster(app, {}, { bundleLookupBaseRegistry: 'https://harbor.example.com' }); },
    /^onprem: bundleLookupBaseRegistry 'https:\/\/harbor\.example\.com' is not a registry path\. Use e\.g\. 'harbor\.example\.com\/cluster_api_provider_bringyourownhost' \(no scheme\)/),
  k8s('a bootstrap kubeconfig over http', 'mgmt/agents', (app) => { kubeconfig(app, { apiServer: 'http://10.0.0.10:6443' }); },
    /^mgmt\/agents: apiServer 'http:\/\/10\.0\.0\.10:6443' uses http\. BYOH needs 'https:\/\/<host>:<port>', e\.g\. 'https:\/\/10\.0\.0\.10:6443'\./),
  k8s('a bootstrap kubeconfig API server without a port', 'mgmt/agents', (app) => { kubeconfig(app, { apiServer: 'https://10.0.0.10' }); },
    /^mgmt\/agents: apiServer 'https:\/\/10\.0\.0\.10' is not of the form 'https:\/\/<host>:<port>' \(no path, explicit port\)\. Use e\.g\. 'https:\/\/10\.0\.0\.10:6443'\./),
  k8s('a bootstrap kubeconfig CA given as PEM text', 'mgmt/agents', (app) => { kubeconfig(app, { certificateAuthorityData: Buffer.from(CA_DATA, 'base64').toString('utf8') }); },
    /^mgmt\/agents: certificateAuthorityData is a PEM text, not its base64 encoding\. Encode it, e\.g\. `base64 -w0 ca\.crt`\./),
  k8s('a bootstrap kubeconfig CA that is not base64', 'mgmt/agents', (app) => { kubeconfig(app, { certificateAuthorityData: 'not base64!' }); },
    /^mgmt\/agents: certificateAuthorityData is not base64\. Use the base64 encoding of the CA certificate in PEM form/),
  k8s('a bootstrap kubeconfig name with upper case', 'mgmt/agents', (app) => { kubeconfig(app, { name: 'Agents' }); },
    /^mgmt\/agents: name 'Agents' is not a valid object name\. Use lower-case letters, digits, '-' and '\.'\./),
];
