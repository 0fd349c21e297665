import { App, Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { awsCluster, helm, objectsOf, testApp } from './support';
import { AddonBundle, AddonKind, Catalog, ClusterValue, ManifestAddon } from '../../src';

describe('HelmAddon', () => {
  test('given minimal props, then defaults are resolved (release = name, namespace = name, wait, 5 min)', () => {
    const addon = helm('web');
    const config = addon.toAddonConfig();
    expect(config.kind).toEqual(AddonKind.HELM_CHART);
    expect(config.namespace).toEqual('web');
    expect(config.createNamespace).toBe(true);
    expect(config.helm!.releaseName).toEqual('web');
    expect(config.helm!.install).toEqual({ wait: true, waitForJobs: false, timeoutSeconds: 300, atomic: false });
  });

  test.each([
    ['http://charts.example.com'],
    ['charts.example.com'],
    ['git://example.com/charts'],
  ])('given repository %s, then it is rejected: only https:// and oci://', (repository) => {
    expect(() => helm('web', { repository })).toThrow(/is not an https:\/\/ or oci:\/\/ URL/);
  });

  test.each([['latest'], ['^1.2.0'], ['~1.2'], ['>=1.0.0'], ['1.x'], ['*'], ['1.2']])('given version %s, then it is rejected as not exact', (version) => {
    expect(() => helm('web', { version })).toThrow(new RegExp(`chart version '${version.replace(/[*^.+]/g, '\\$&')}' is not an exact version`));
  });

  test('given oci:// and v-prefixed exact versions, then they are accepted', () => {
    expect(helm('web', { repository: 'oci://ghcr.io/org/charts', version: 'v1.2.3-rc.1' }).version).toEqual('v1.2.3-rc.1');
  });

  test('given an invalid name, then the error says what a name is', () => {
    expect(() => helm('Web_App')).toThrow(/addon name 'Web_App' is not a DNS label of at most 40 characters/);
  });

  test('given a timeout and atomic, then install config carries seconds', () => {
    expect(helm('web', { install: { timeout: Duration.minutes(10), atomic: true } }).install).toEqual({ wait: true, waitForJobs: false, timeoutSeconds: 600, atomic: true });
  });

  test('given addDependency with the addon itself, then it is rejected', () => {
    const a = helm('a');
    expect(() => a.addDependency(a)).toThrow(/cannot depend on itself/);
  });

  test('given a dependency given as a string, then the error asks for the addon object', () => {
    expect(() => helm('a').addDependency('b' as any)).toThrow(/takes addon objects \(IAddon\), not names/);
  });

  test('ClusterValue.wrap is refused on lists', () => {
    expect(() => ClusterValue.podCidrs().wrap('x')).toThrow(/is a list and cannot be wrapped/);
    expect(ClusterValue.clusterName().wrap('--cluster-name=').toString()).toEqual('--cluster-name=<cluster.name>');
  });
});

describe('ManifestAddon', () => {
  test('given a non-object manifest, then it is rejected', () => {
    expect(() => new ManifestAddon({ name: 'm', manifests: [{ kind: 'ConfigMap' }] })).toThrow(/is not a Kubernetes object/);
  });

  test('given no manifests, then the config is an error', () => {
    expect(() => new ManifestAddon({ name: 'm' }).toAddonConfig()).toThrow(/has no manifests/);
  });

  const cm = (name: string, extra: Record<string, any> = {}) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data: { k: 'v' }, ...extra });

  test.each([
    [{ ...cm('x'), kind: 'Config Map' }, /manifest 0 \('x'\) has kind 'Config Map', which is not a Kubernetes kind\. Use e\.g\. 'ConfigMap'\./],
    [{ ...cm('x'), apiVersion: 'v 1' }, /manifest ConfigMap 'x' has apiVersion 'v 1', which is not an API version/],
    [cm('a b'), /manifest ConfigMap 'a b' has a name the API server rejects/],
    [{ ...cm('x'), metadata: { name: 'x', namespace: 'Kube System' } }, /manifest ConfigMap 'x' has namespace 'Kube System', which is not a namespace name/],
  ])('given a manifest the API server would reject (%#), then the addon says which and why', (manifest, expected) => {
    expect(() => new ManifestAddon({ name: 'm', manifests: [manifest] }).toAddonConfig()).toThrow(expected);
  });

  test('given CRD objects with lower-case kinds or versions like v1alpha and v1-preview, then they are accepted (the API server allows them)', () => {
    const crd = (apiVersion: string, kind: string) => ({ apiVersion, kind, metadata: { name: 'x', namespace: 'default' } });
    expect(() => new ManifestAddon({ name: 'm', manifests: [crd('example.com/v1alpha', 'foo'), crd('example.com/v1-preview', 'Bar'), crd('rbac.authorization.k8s.io/v1', 'ClusterRole')] }).toAddonConfig())
      .not.toThrow();
  });

  test('given the same object twice, then it is an error (the second would replace the first)', () => {
    expect(() => new ManifestAddon({ name: 'm', manifests: [cm('dup'), cm('dup', { data: { k: 'other' } })] }).toAddonConfig())
      .toThrow("ManifestAddon 'm': lists manifest ConfigMap 'dup' in namespace 'default' twice; the second would replace the first when applied. Give each object once.");
    expect(() => new ManifestAddon({ name: 'm', manifests: [cm('dup'), { ...cm('dup'), metadata: { name: 'dup', namespace: 'other' } }] }).toAddonConfig()).not.toThrow();
  });

  test('given manifests over the 1 MiB a Secret or ConfigMap holds, then synthesis stops with the size and the fix', () => {
    const app = testApp();
    const big = [0, 1, 2].map((i) => cm(`part-${i}`, { data: { blob: 'x'.repeat(400_000) } }));
    const bundle = new AddonBundle(app, 'b', { addons: [new ManifestAddon({ name: 'big', manifests: big })] });
    bundle.attachTo(awsCluster(app, 'c1'));
    expect(() => objectsOf(bundle)).toThrow(/b: addon 'big' renders 12\d{5} bytes of manifests into one Secret; the API server accepts at most 1048576 \(1 MiB\) per Secret or ConfigMap\. Split it into several ManifestAddons/);
  });

  test('the local-path-provisioner catalog entry is a manifest addon with the pinned image', () => {
    const config = Catalog.localPathProvisioner().toAddonConfig();
    expect(config.kind).toEqual(AddonKind.MANIFESTS);
    const deployment = config.manifests!.find((m) => m.kind === 'Deployment');
    expect(deployment.spec.template.spec.containers[0].image).toEqual('rancher/local-path-provisioner:v0.0.31');
  });
});

describe('ManifestAddon from cdk8s charts', () => {
  test('given a chart with a cdk8s-plus ConfigMap, then its objects become the addon manifests', () => {
    const chart = new Chart(new App(), 'manifests');
    new kplus.ConfigMap(chart, 'cm', { metadata: { name: 'settings', namespace: 'kube-system' }, data: { a: '1' } });
    const config = new ManifestAddon({ name: 'settings', charts: [chart] }).toAddonConfig();
    expect(config.manifests).toEqual([expect.objectContaining({ kind: 'ConfigMap', metadata: expect.objectContaining({ name: 'settings' }), data: { a: '1' } })]);
  });
});

describe('Catalog', () => {
  test.each([
    ['cilium', Catalog.cilium(), 'https://helm.cilium.io', '1.17.6'],
    ['calico', Catalog.calico(), 'https://docs.tigera.io/calico/charts', 'v3.29.4'],
    ['aws-cloud-controller-manager', Catalog.awsCloudControllerManager(), 'https://kubernetes.github.io/cloud-provider-aws', '0.0.8'],
    ['aws-ebs-csi-driver', Catalog.awsEbsCsiDriver(), 'https://kubernetes-sigs.github.io/aws-ebs-csi-driver', '2.40.0'],
    ['ingress-nginx', Catalog.ingressNginx(), 'https://kubernetes.github.io/ingress-nginx', '4.12.1'],
    ['cert-manager', Catalog.certManager(), 'https://charts.jetstack.io', 'v1.17.2'],
    ['metrics-server', Catalog.metricsServer(), 'https://kubernetes-sigs.github.io/metrics-server', '3.12.2'],
    ['cluster-autoscaler', Catalog.clusterAutoscaler(), 'https://kubernetes.github.io/autoscaler', '9.46.6'],
    ['argo-rollouts', Catalog.argoRollouts(), 'https://argoproj.github.io/argo-helm', '2.39.0'],
  ])('%s is pinned and declares its images', (name, addon, repository, version) => {
    const config = addon.toAddonConfig();
    expect([config.name, config.helm!.repository, config.helm!.version]).toEqual([name, repository, version]);
    expect(config.helm!.images.length).toBeGreaterThan(0);
  });

  test('options deep-merge over the defaults and can change the version', () => {
    const addon = Catalog.ingressNginx({ version: '4.12.2', values: { controller: { replicaCount: 5 } } });
    const config = addon.toAddonConfig();
    expect(config.helm!.version).toEqual('4.12.2');
    expect(config.helm!.values.controller.replicaCount).toEqual(5);
    expect(config.helm!.values.controller.image.registry).toEqual('registry.k8s.io');
  });

  test('ingress-nginx: the Service type is one Kubernetes knows, and ClusterIP goes without externalTrafficPolicy (rejected on ClusterIP Services)', () => {
    expect(() => Catalog.ingressNginx({ serviceType: 'loadbalancer' })).toThrow(
      "Catalog.ingressNginx: serviceType 'loadbalancer' is not a Service type the controller can be exposed with. Use one of LoadBalancer, NodePort, ClusterIP.",
    );
    expect(Catalog.ingressNginx({ serviceType: 'ClusterIP' }).toAddonConfig().helm!.values.controller.service).toEqual({ type: 'ClusterIP' });
    expect(Catalog.ingressNginx({ serviceType: 'NodePort' }).toAddonConfig().helm!.values.controller.service).toEqual({ type: 'NodePort', externalTrafficPolicy: 'Local' });
  });

  test('the AWS CCM runs on control-plane nodes with --cloud-provider=aws and the cluster name', () => {
    const values = Catalog.awsCloudControllerManager().toAddonConfig().helm!.values;
    expect(values.args.slice(0, 3)).toEqual(['--v=2', '--cloud-provider=aws', '--configure-cloud-routes=false']);
    expect(values.args[3].toString()).toEqual('--cluster-name=<cluster.name>');
    expect(values.nodeSelector).toEqual({ 'node-role.kubernetes.io/control-plane': '' });
    expect(values.tolerations.map((t: any) => t.key)).toEqual(['node.cloudprovider.kubernetes.io/uninitialized', 'node-role.kubernetes.io/control-plane']);
  });

  test('metrics-server verifies kubelet certificates unless asked not to', () => {
    expect(Catalog.metricsServer().toAddonConfig().helm!.values.args).toEqual([]);
    expect(Catalog.metricsServer({ kubeletInsecureTls: true }).toAddonConfig().helm!.values.args).toEqual(['--kubelet-insecure-tls']);
  });
});
