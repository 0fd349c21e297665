import { AddonBundle, AddonDelivery, Catalog, ClusterValue } from '../../src';
import { awsCluster, helm, named, ofKind, testApp } from '../addons/support';

describe('Argo CD delivery', () => {
  test('given a chain of dependencies, then Applications carry sync waves from the graph', () => {
    const app = testApp();
    const crds = helm('crds');
    const operator = helm('operator', { dependsOn: [crds] });
    const instance = helm('instance', { dependsOn: [operator] });
    const other = helm('other');
    const bundle = new AddonBundle(app, 'b', { addons: [instance, other, operator, crds], delivery: AddonDelivery.argoCd({ project: 'platform' }) });
    bundle.attachTo(awsCluster(app, 'prod'));
    const waves = Object.fromEntries(ofKind(bundle, 'Application').map((a) => [a.metadata.name, a.metadata.annotations['argocd.argoproj.io/sync-wave']]));
    expect(waves).toEqual({ 'prod-crds': '0', 'prod-operator': '1', 'prod-instance': '2', 'prod-other': '0' });
  });

  test('given a cluster, then the Application targets the cluster by name with literal values', () => {
    const app = testApp();
    const addon = helm('web', { values: { name: ClusterValue.clusterName(), cidrs: ClusterValue.podCidrs(), env: ClusterValue.label('env') }, namespace: 'web-system' });
    const bundle = new AddonBundle(app, 'b', { addons: [addon], delivery: AddonDelivery.argoCd({ project: 'platform' }) });
    bundle.attachTo(awsCluster(app, 'prod', { labels: { env: 'production' }, network: { podCidrs: ['10.1.0.0/16', 'fd00:10:244::/56'], serviceCidrs: ['10.96.0.0/12', 'fd00:10:96::/112'] } }));
    const application = named(bundle, 'Application', 'prod-web');
    expect(application.metadata.namespace).toEqual('argocd');
    expect(application.spec.project).toEqual('platform');
    expect(application.spec.destination).toEqual({ name: 'prod', namespace: 'web-system' });
    expect(application.spec.source).toEqual({
      repoURL: 'https://charts.example.com',
      chart: 'web',
      targetRevision: '1.0.0',
      helm: { releaseName: 'web', valuesObject: { cidrs: ['10.1.0.0/16', 'fd00:10:244::/56'], env: 'production', name: 'prod' } },
    });
    expect(application.spec.syncPolicy.syncOptions).toEqual(['CreateNamespace=true']);
    expect(application.spec.syncPolicy.automated).toEqual({ prune: true, selfHeal: true });
  });

  test('given a missing label read by ClusterValue.label, then the error names the cluster and label', () => {
    const app = testApp();
    const bundle = new AddonBundle(app, 'b', { addons: [helm('web', { values: { env: ClusterValue.label('env') } })], delivery: AddonDelivery.argoCd() });
    bundle.attachTo(awsCluster(app, 'prod'));
    expect(() => app.synth()).toThrow(/cluster 'prod' has no label 'env', which ClusterValue.label\('env'\) reads/);
  });

  test('given the cluster autoscaler, then it goes to Argo CD\'s own cluster in the cluster namespace', () => {
    const app = testApp();
    const bundle = new AddonBundle(app, 'b', { addons: [Catalog.clusterAutoscaler()], delivery: AddonDelivery.argoCd() });
    bundle.attachTo(awsCluster(app, 'prod', { namespace: 'clusters' }));
    const application = named(bundle, 'Application', 'prod-cluster-autoscaler');
    expect(application.spec.destination).toEqual({ server: 'https://kubernetes.default.svc', namespace: 'clusters' });
    expect(application.spec.source.helm.releaseName).toEqual('prod-cluster-autoscaler');
    expect(application.spec.source.helm.valuesObject).toMatchObject({
      cloudProvider: 'clusterapi',
      clusterAPIMode: 'kubeconfig-incluster',
      clusterAPIKubeconfigSecret: 'prod-kubeconfig',
      autoDiscovery: { clusterName: 'prod', namespace: 'clusters' },
    });
  });

  test('given a selector, then one ApplicationSet per addon with a cluster generator and goTemplate values', () => {
    const app = testApp();
    const addon = helm('web', { values: { name: ClusterValue.clusterName(), env: ClusterValue.label('env') } });
    const bundle = new AddonBundle(app, 'fleet', { addons: [addon], delivery: AddonDelivery.argoCd() });
    bundle.selectClusters({ matchLabels: { tier: 'edge' } });
    const set = named(bundle, 'ApplicationSet', 'fleet-web');
    expect(set.spec.goTemplate).toBe(true);
    expect(set.spec.generators).toEqual([{ clusters: { selector: { matchLabels: { tier: 'edge' } } } }]);
    expect(set.spec.template.metadata.name).toEqual('{{ .name }}-web');
    expect(set.spec.template.spec.destination).toEqual({ name: '{{ .name }}', namespace: 'web' });
    expect(set.spec.template.spec.source.helm.values).toEqual('env: \'{{ index .metadata.labels "env" }}\'\nname: \'{{ .name }}\'\n');
  });

  test('given a selector and pod CIDRs in values, then ApplicationSets cannot render them and say why', () => {
    const app = testApp();
    const bundle = new AddonBundle(app, 'fleet', { addons: [Catalog.cilium()], delivery: AddonDelivery.argoCd() });
    bundle.selectClusters({ matchLabels: { tier: 'edge' } });
    expect(() => app.synth()).toThrow(/is not known to Argo CD's cluster generator/);
  });

  test('given applicationSets: false, then selected clusters of the program get Applications', () => {
    const app = testApp();
    awsCluster(app, 'edge-1', { labels: { tier: 'edge' } });
    awsCluster(app, 'core', { labels: { tier: 'core' } });
    const bundle = new AddonBundle(app, 'fleet', { addons: [Catalog.cilium()], delivery: AddonDelivery.argoCd({ applicationSets: false }) });
    bundle.selectClusters({ matchLabels: { tier: 'edge' } });
    expect(ofKind(bundle, 'Application').map((a) => a.metadata.name)).toEqual(['edge-1-cilium']);
  });
});
