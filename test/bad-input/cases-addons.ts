/** Invalid addons, addon bundles and deliveries. */
import { Duration } from 'cdk8s';
import { awsCluster } from './builders';
import { BadInputCase, k8s } from './harness';
import { AddonBundle, AddonDelivery, Catalog, ClusterValue, HelmAddon, HelmAddonProps, ManifestAddon } from '../../src';

function helm(name: string, props: Partial<HelmAddonProps> = {}): HelmAddon {
  return new HelmAddon({ name, repository: 'https://charts.example.com', chart: name, version: '1.0.0', ...props });
}

export const addonCases: BadInputCase[] = [
  k8s('a dependency that is not in the bundle', 'addons', (app) => {
    const web = helm('web', { dependsOn: [Catalog.certManager()] });
    new AddonBundle(app, 'addons', { addons: [web] }).attachTo(awsCluster(app));
  }, /^\s*addons: addon 'web' depends on 'cert-manager', which is not in bundle 'addons' or its bases\. Add it to the bundle \(addAddon\) or remove the dependency\./m),
  k8s('a dependency cycle', 'addons', (app) => {
    const a = helm('a');
    const b = helm('b', { dependsOn: [a] });
    const c = helm('c', { dependsOn: [b] });
    a.addDependency(c);
    new AddonBundle(app, 'addons', { addons: [a, b, c] }).attachTo(awsCluster(app));
  }, /^\s*addons: dependency cycle between addons: a -> c -> b -> a\. Remove one of these dependencies/m),
  k8s('a Helm repository over plain http', 'HelmAddon \'web\'', () => { helm('web', { repository: 'http://charts.example.com' }); },
    /^HelmAddon 'web': repository 'http:\/\/charts\.example\.com' is not an https:\/\/ or oci:\/\/ URL\. HelmChartProxy \(CAAPH\) accepts only these; use e\.g\. 'https:\/\/charts\.jetstack\.io'/),
  k8s('a chart version range', 'HelmAddon \'web\'', () => { helm('web', { version: '^1.2.0' }); },
    /^HelmAddon 'web': chart version '\^1\.2\.0' is not an exact version\. Pin a released version such as '1\.17\.2' or 'v1\.17\.2' \(no ranges, wildcards or 'latest'\)\./),
  k8s('the chart version latest', 'HelmAddon \'web\'', () => { helm('web', { version: 'latest' }); },
    /^HelmAddon 'web': chart version 'latest' is not an exact version\. Pin a released version/),
  k8s('an addon name with upper case and an underscore', 'HelmAddon \'Web_App\'', () => { helm('Web_App'); },
    /^HelmAddon 'Web_App': addon name 'Web_App' is not a DNS label of at most 40 characters\. Use lower-case letters, digits and '-'/),
  k8s('a chart name with a space', 'HelmAddon \'web\'', () => { helm('web', { chart: 'web app' }); },
    /^HelmAddon 'web': chart 'web app' is not a chart name\. Give the chart's name in the repository, e\.g\. 'cert-manager'\./),
  k8s('a Helm release name over 53 characters', 'HelmAddon \'web\'', () => { helm('web', { releaseName: 'r'.repeat(54) }); },
    /^HelmAddon 'web': releaseName 'r{54}' is not a Helm release name\. Use at most 53 lower-case letters, digits and '-'\./),
  k8s('an install timeout of 0', 'HelmAddon \'web\'', () => { helm('web', { install: { timeout: Duration.seconds(0) } }); },
    /^HelmAddon 'web': install\.timeout \(0s\) must be from 1 to 9223372036 seconds \(a Go duration holds at most 292 years\)\./),
  k8s('an addon depending on itself', 'HelmAddon \'a\'', () => { const a = helm('a'); a.addDependency(a); },
    /^HelmAddon 'a': an addon cannot depend on itself\. Remove this addDependency call\./),
  k8s('a manifest that is not a Kubernetes object', 'ManifestAddon \'m\'', () => { new ManifestAddon({ name: 'm', manifests: [{ kind: 'ConfigMap' }] }); },
    /^ManifestAddon 'm': manifest \{"kind":"ConfigMap"\} is not a Kubernetes object\. Give apiVersion, kind and metadata\.name\./),
  k8s('a Helm chart delivered by a ClusterResourceSet', 'addons', (app) => {
    new AddonBundle(app, 'addons', { addons: [helm('web')], delivery: AddonDelivery.clusterResourceSet() }).attachTo(awsCluster(app));
  }, /addons: addon 'web' is a Helm chart, which a ClusterResourceSet cannot install/),
  k8s('dependencies HelmChartProxy cannot order', 'addons', (app) => {
    const certManager = Catalog.certManager();
    new AddonBundle(app, 'addons', {
      addons: [certManager, helm('issuer', { dependsOn: [certManager] })],
      delivery: AddonDelivery.helmChartProxy({ rejectDependencies: true }),
    }).attachTo(awsCluster(app));
  }, /addons: addon 'issuer' depends on 'cert-manager', but HelmChartProxy \(CAAPH\) cannot order installs\. Deliver this bundle with AddonDelivery\.argoCd\(\) or \.flux\(\)/),
  k8s('a management-cluster addon through HelmChartProxy', 'addons', (app) => {
    new AddonBundle(app, 'addons', { addons: [Catalog.clusterAutoscaler()] }).attachTo(awsCluster(app));
  }, /addons: addon 'cluster-autoscaler' runs on the management cluster, but HelmChartProxy installs only into workload clusters/),
  k8s('a value reading a cluster label the cluster lacks', 'addons', (app) => {
    new AddonBundle(app, 'addons', { addons: [helm('web', { values: { env: ClusterValue.label('env') } })], delivery: AddonDelivery.argoCd() }).attachTo(awsCluster(app));
  }, /addons: .*cluster 'prod' has no label 'env', which ClusterValue\.label\('env'\) reads\. Add it with cluster\.addLabel\('env'/),
  k8s('one addon from two bundles with different versions', 'second', (app) => {
    const cluster = awsCluster(app);
    new AddonBundle(app, 'first', { addons: [Catalog.certManager()] }).attachTo(cluster);
    new AddonBundle(app, 'second', { addons: [Catalog.certManager({ version: 'v1.18.0' })] }).attachTo(cluster);
  }, /cluster 'prod' gets addon 'cert-manager' from bundle 'first' and from bundle 'second' with different definitions \(version v1\.17\.2 vs v1\.18\.0, or values\)/),
  k8s('two CNIs on one cluster', 'b', (app) => {
    const cluster = awsCluster(app);
    new AddonBundle(app, 'a', { addons: [Catalog.cilium()] }).attachTo(cluster);
    new AddonBundle(app, 'b', { addons: [Catalog.calico()] }).attachTo(cluster);
  }, /cluster 'prod' gets label 'capi-blueprints\.io\/cni' = 'cilium' from addon 'cilium' and 'calico' from addon 'calico'/),
  k8s('an image registry with a scheme', 'addons', (app) => { new AddonBundle(app, 'addons', { imageRegistry: 'https://harbor' }); },
    /^addons: imageRegistry 'https:\/\/harbor' is not a registry host with an optional path\. Use e\.g\. 'harbor\.example\.com\/mirror'\./),
  k8s('an empty cluster selector', 'addons', (app) => { new AddonBundle(app, 'addons').selectClusters({ matchLabels: {} }); },
    /^addons: selectClusters needs at least one label in matchLabels \(an empty selector would match every cluster/),
  k8s('a bundle name that is not a DNS label', 'addons', (app) => { new AddonBundle(app, 'addons', { bundleName: 'Platform Addons' }); },
    /^addons: bundle name 'Platform Addons' is not a DNS label of at most 40 characters\. Use lower-case letters, digits and '-'\./),
  k8s('a fleet namespace that is not a DNS label', 'addons', (app) => { new AddonBundle(app, 'addons', { namespace: 'Fleet' }); },
    /^addons: namespace 'Fleet' is not a DNS label\. Use at most 63 lower-case letters, digits and '-', e\.g\. 'capi-addons'\./),
  k8s('an override with a misspelt value under strictValues', 'addons', (app) => {
    const addon = helm('web', { values: { controller: { replicas: 1 } } });
    const bundle = new AddonBundle(app, 'addons', { addons: [addon], strictValues: true });
    bundle.overrideAddon(addon, { values: { controller: { replcas: 3 } } });
    bundle.attachTo(awsCluster(app));
  }, /addons: overrideAddon\('web'\) sets 'controller\.replcas', not present/),
  k8s('an addon name used twice in a bundle', 'addons', (app) => { new AddonBundle(app, 'addons', { addons: [helm('web'), helm('web', { version: '2.0.0' })] }); },
    /^addons: addon name 'web' is already used in bundle 'addons'\. Give each addon a unique name, or change the existing one with overrideAddon\(\)\./),
  k8s('an Argo CD namespace that is not a DNS label', 'addons', (app) => {
    new AddonBundle(app, 'addons', { addons: [helm('web')], delivery: AddonDelivery.argoCd({ namespace: 'Argo CD' }) }).attachTo(awsCluster(app));
  }, /^addons: delivery\.namespace 'Argo CD' is not a DNS label\. Use the namespace Argo CD runs in, e\.g\. 'argocd'\./),
  k8s('a Flux reconcile interval of 0', 'addons', (app) => {
    new AddonBundle(app, 'addons', { addons: [helm('web')], delivery: AddonDelivery.flux({ interval: Duration.seconds(0) }) }).attachTo(awsCluster(app));
  }, /^addons: delivery\.interval \(0s\) must be from 1 to 9223372036 seconds \(a Go duration holds at most 292 years\)\./),
  k8s('a Flux interval with a fraction of a second', 'addons', (app) => {
    new AddonBundle(app, 'addons', { addons: [helm('web')], delivery: AddonDelivery.flux({ interval: Duration.millis(1500) }) }).attachTo(awsCluster(app));
  }, /^addons: delivery\.interval \(1\.5s\) is not a whole number of seconds\. Use e\.g\. Duration\.seconds\(2\)\./),
  k8s('a Helm install timeout with a fraction of a second', 'HelmAddon \'web\'', () => { helm('web', { install: { timeout: Duration.millis(90500) } }); },
    /^HelmAddon 'web': install\.timeout \(90\.5s\) is not a whole number of seconds\. Use e\.g\. Duration\.seconds\(91\)\./),
];
