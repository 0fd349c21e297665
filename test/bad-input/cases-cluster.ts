/** Invalid ManagedCluster and (kubeadm) control-plane settings. */
import { Duration } from 'cdk8s';
import { awsCluster } from './builders';
import { BadInputCase, k8s } from './harness';
import { Infrastructure, ManagedCluster } from '../../src';

export const clusterCases: BadInputCase[] = [
  k8s('a cluster name that is not a DNS label', 'Prod_1', (app) => { new ManagedCluster(app, 'Prod_1', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'ap-northeast-2' }) }); },
    /^Prod_1: cluster name 'Prod_1' is not a DNS label\. Use at most 63 lower-case letters, digits and '-'/),
  k8s('a Kubernetes version without a patch release', 'prod', (app) => { awsCluster(app, { version: 'v1.33' }); },
    /^prod: version 'v1\.33' is not a Kubernetes version\. Use 'v' followed by a full semantic version, e\.g\. 'v1\.33\.4'\./),
  k8s('a Kubernetes version outside the CAPI v1.14 range', 'prod', (app) => { awsCluster(app, { version: 'v1.29.0' }); },
    /^prod: version 'v1\.29\.0' is outside .*\(v1\.31\.x to v1\.36\.x\)\. Pick a version in that range\./),
  k8s('a pod CIDR that is not a CIDR', 'prod', (app) => { awsCluster(app, { network: { podCidrs: ['192.168.0.0/33'] } }); },
    /^prod: network\.podCidrs has '192\.168\.0\.0\/33', which is not a CIDR block\. Use e\.g\. '10\.0\.0\.0\/16'\./),
  k8s('an empty service CIDR list', 'prod', (app) => { awsCluster(app, { network: { serviceCidrs: [] } }); },
    /^prod: network\.serviceCidrs is empty\. Give at least one CIDR block or leave it unset for the default\./),
  k8s('pod and service CIDRs that overlap', 'prod', (app) => { awsCluster(app, { network: { podCidrs: ['10.96.0.0/12'], serviceCidrs: ['10.100.0.0/16'] } }); },
    /^prod: network\.podCidrs '10\.96\.0\.0\/12' overlaps network\.serviceCidrs '10\.100\.0\.0\/16'\. Give pods and services disjoint ranges, e\.g\. pods '192\.168\.0\.0\/16' and services '10\.96\.0\.0\/12' \(the defaults\)\./),
  k8s('a service domain that is not a DNS domain', 'prod', (app) => { awsCluster(app, { network: { serviceDomain: 'cluster..local' } }); },
    /^prod: network\.serviceDomain 'cluster\.\.local' is not a DNS domain\. Use e\.g\. 'cluster\.local'\./),
  k8s('an API server port out of range', 'prod', (app) => { awsCluster(app, { network: { apiServerPort: 70000 } }); },
    /^prod: network\.apiServerPort \(70000\) is not a port\. Use an integer from 1 to 65535\./),
  k8s('a namespace that is not a DNS label', 'prod', (app) => { awsCluster(app, { namespace: 'Team.A' }); },
    /^prod: namespace 'Team\.A' is not a DNS label\. Use at most 63 lower-case letters, digits and '-'\./),
  k8s('a cluster label with an invalid value', 'prod', (app) => { awsCluster(app, { labels: { env: 'prod env' } }); },
    /^prod: labels\['env'\] has an invalid label value 'prod env'\. Use at most 63 alphanumerics/),
  k8s('the infrastructure label set by hand', 'prod', (app) => { awsCluster(app).addLabel('capi-blueprints.io/infrastructure', 'byoh'); },
    /^prod: label 'capi-blueprints\.io\/infrastructure' is set by capi-blueprints from the infrastructure \('aws'\)\. Use another key\./),
  k8s('two node pools with one name', 'prod/second', (app) => {
    const cluster = awsCluster(app);
    cluster.addNodePool('workers');
    cluster.addNodePool('second', { name: 'workers' });
  }, /^prod\/second: node pool name 'workers' is already used by 'prod\/workers' in cluster 'prod'\. Give each pool a unique name\./),
];

export const controlPlaneCases: BadInputCase[] = [
  k8s('an even control-plane replica count', 'prod', (app) => { awsCluster(app, { controlPlane: { replicas: 2 } }); },
    /^prod: controlPlane\.replicas \(2\) must be an odd number ≥ 1 so stacked etcd keeps quorum\. Use 1, 3 or 5\./),
  k8s('certificatesExpiryDays below 7', 'prod', (app) => { awsCluster(app, { controlPlane: { certificatesExpiryDays: 3 } }); },
    /^prod: controlPlane\.certificatesExpiryDays \(3\) must be a whole number of days from 7 to 364/),
  k8s('an API server flag removed in Kubernetes 1.33', 'prod', (app) => { awsCluster(app, { controlPlane: { apiServer: { extraArgs: { 'cloud-provider': 'external' } } } }); },
    /^prod: controlPlane\.apiServer\.extraArgs\['cloud-provider'\] was removed from kube-apiserver in Kubernetes 1\.33 .* Remove it/),
  k8s('an OIDC issuer over http', 'prod', (app) => { awsCluster(app, { controlPlane: { apiServer: { oidc: { issuerUrl: 'http://login.example.com', clientId: 'k8s' } } } }); },
    /^prod: controlPlane\.apiServer\.oidc\.issuerUrl 'http:\/\/login\.example\.com' must be an https:\/\/ URL/),
  k8s('a certificate SAN that is not a DNS name or IP', 'prod', (app) => { awsCluster(app, { controlPlane: { apiServer: { certSans: ['api example com'] } } }); },
    /^prod: controlPlane\.apiServer\.certSans has 'api example com', which is not a DNS name or IP address/),
  k8s('an empty image repository', 'prod', (app) => { awsCluster(app, { controlPlane: { imageRepository: '' } }); },
    /^prod: controlPlane\.imageRepository is empty\. Set a registry such as 'registry\.example\.com\/k8s' or leave it unset\./),
  k8s('a relative host path for an extra volume', 'prod', (app) => {
    awsCluster(app, { controlPlane: { apiServer: { extraVolumes: [{ name: 'audit', hostPath: 'var/log/audit', mountPath: '/var/log/audit' }] } } });
  }, /^prod: controlPlane\.apiServer\.extraVolumes volume 'audit' has hostPath 'var\/log\/audit'\. Use an absolute path\./),
  k8s('a kubelet argument conflicting with the external cloud provider', 'prod', (app) => { awsCluster(app, { controlPlane: { kubeletExtraArgs: { 'cloud-provider': 'aws' } } }); },
    /^prod: controlPlane\.kubeletExtraArgs\['cloud-provider'\] = 'aws' conflicts with the value 'external' set by capi-blueprints\. To fix, /),
  k8s('a control-plane health check starting after 10 s', 'prod', (app) => { awsCluster(app, { controlPlane: { healthCheck: { nodeStartupTimeout: Duration.seconds(10) } } }); },
    /^prod: controlPlane\.healthCheck\.nodeStartupTimeout \(10s\) must be 0 \(disabled\) or at least 30 seconds\./),
  k8s('a control-plane remediation retry period with a fraction of a second', 'prod', (app) => { awsCluster(app, { controlPlane: { remediation: { retryPeriod: Duration.millis(1500) } } }); },
    /^prod: controlPlane\.remediation\.retryPeriod \(1\.5s\) is not a whole number of seconds\. Use e\.g\. Duration\.seconds\(2\)\./),
  k8s('a negative control-plane remediation retry count', 'prod', (app) => { awsCluster(app, { controlPlane: { remediation: { maxRetry: -1 } } }); },
    /^prod: controlPlane\.remediation\.maxRetry \(-1\) must be a whole number from 0 to 2147483647 \(the field is an int32\)\. Use 0 to never retry, or leave it unset to retry without limit\./),
];
