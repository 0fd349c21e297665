import { helm, testApp } from './support';
import { AddonBundle, Catalog, ImageValueType } from '../../src';

describe('values layering', () => {
  const baseValues = {
    controller: { replicas: 1, resources: { requests: { cpu: '100m', memory: '128Mi' } } },
    args: ['--a', '--b'],
    service: { type: 'ClusterIP' },
  };

  test('given a base and a site layer, when values override, then maps merge per key and the later layer wins', () => {
    const app = testApp();
    const addon = helm('web', { values: baseValues });
    const base = new AddonBundle(app, 'base', { addons: [addon] });
    const site = AddonBundle.compose(app, 'site', [base]);
    site.overrideAddon(addon, { values: { controller: { resources: { requests: { cpu: '500m' } } } } });

    expect(site.valuesOf(addon).controller).toEqual({ replicas: 1, resources: { requests: { cpu: '500m', memory: '128Mi' } } });
    expect(site.valuesOf(addon).service).toEqual({ type: 'ClusterIP' });
    // the base is not changed by the site's layer
    expect(base.valuesOf(addon).controller.resources.requests.cpu).toEqual('100m');
    expect(site.warnings).toEqual([]);
  });

  test('given an array in the base, when a layer sets it, then the array is replaced, not merged', () => {
    const app = testApp();
    const addon = helm('web', { values: baseValues });
    const site = new AddonBundle(app, 'site', { addons: [addon] });
    site.overrideAddon(addon, { values: { args: ['--c'] } });
    expect(site.valuesOf(addon).args).toEqual(['--c']);
  });

  test('given three layers, when each overrides the same key, then the last layer wins', () => {
    const app = testApp();
    const addon = helm('web', { values: baseValues });
    const a = new AddonBundle(app, 'a', { addons: [addon] });
    a.overrideAddon(addon, { values: { service: { type: 'NodePort' } } });
    const b = AddonBundle.compose(app, 'b', [a]);
    b.overrideAddon(addon, { values: { service: { type: 'LoadBalancer' } } });
    const c = new AddonBundle(app, 'c');
    c.extend(b);
    expect(c.valuesOf(addon).service.type).toEqual('LoadBalancer');
    expect(a.valuesOf(addon).service.type).toEqual('NodePort');
  });

  test('given an override of a path missing in the base, then a warning names the path (default mode)', () => {
    const app = testApp();
    const addon = helm('web', { values: baseValues });
    const site = new AddonBundle(app, 'site', { addons: [addon] });
    site.overrideAddon(addon, { values: { controler: { replicas: 3 }, controller: { replicas: 2 } } });
    expect(site.valuesOf(addon).controler).toEqual({ replicas: 3 });
    expect(site.warnings).toHaveLength(1);
    expect(site.warnings[0]).toMatch(/overrideAddon\('web'\) sets 'controler', not present in the values it overrides \(a typo\?\)\. Pass \{ addNew: true \}/);
    expect(site.node.metadata.some((e) => e.type === 'capi-blueprints:warning')).toBe(true);
  });

  test('given a strict bundle, when an override adds a missing path, then it is a ValidationError', () => {
    const app = testApp();
    const addon = helm('web', { values: baseValues });
    const site = new AddonBundle(app, 'site', { addons: [addon], strictValues: true });
    site.overrideAddon(addon, { values: { controller: { replcas: 3 } } });
    expect(() => site.valuesOf(addon)).toThrow(/overrideAddon\('web'\) sets 'controller.replcas', not present/);
    expect(() => app.synth()).toThrow(/controller.replcas/);
  });

  test('given addNew: true, when an override adds paths, then they are accepted without warning', () => {
    const app = testApp();
    const addon = helm('web', { values: baseValues });
    const site = new AddonBundle(app, 'site', { addons: [addon], strictValues: true });
    site.overrideAddon(addon, { values: { extraEnv: { A: '1' } }, addNew: true });
    expect(site.valuesOf(addon).extraEnv).toEqual({ A: '1' });
    expect(site.warnings).toEqual([]);
  });

  test('given a version override, then the version changes; a range is rejected with the fix', () => {
    const app = testApp();
    const addon = helm('web');
    const site = new AddonBundle(app, 'site', { addons: [addon] });
    site.overrideAddon(addon, { version: '^1.2.0' });
    expect(() => site.addons).toThrow(/chart version '\^1.2.0' is not an exact version/);
  });

  test('given an override of an addon that is not in the bundle, then the error names it', () => {
    const app = testApp();
    const site = new AddonBundle(app, 'site', { addons: [helm('a')] });
    site.overrideAddon(helm('b'), { values: {} });
    expect(() => site.addons).toThrow(/overrideAddon: addon 'b' is not in bundle 'site' or its bases/);
  });

  test('given a redefinition of a base addon with different values, then it is an error pointing to overrideAddon', () => {
    const app = testApp();
    const base = new AddonBundle(app, 'base', { addons: [helm('web', { values: { a: 1 } })] });
    const site = AddonBundle.compose(app, 'site', [base], { addons: [helm('web', { values: { a: 2 } })] });
    expect(() => site.addons).toThrow(/addon 'web' is defined differently in bundle 'site' and in bundle 'base'.*overrideAddon/);
  });
});

describe('image registry override', () => {
  test('given imageRegistry, then repositories, registries and registries-with-slash are rewritten', () => {
    const app = testApp();
    const cilium = Catalog.cilium();
    const nginx = Catalog.ingressNginx();
    const calico = Catalog.calico();
    const bundle = new AddonBundle(app, 'b', { addons: [cilium, nginx, calico], imageRegistry: 'harbor.example.com/mirror/' });
    expect(bundle.valuesOf(cilium).image.repository).toEqual('harbor.example.com/mirror/cilium/cilium');
    expect(bundle.valuesOf(cilium).operator.image.repository).toEqual('harbor.example.com/mirror/cilium/operator');
    expect(bundle.valuesOf(nginx).controller.image.registry).toEqual('harbor.example.com/mirror');
    expect(bundle.valuesOf(nginx).controller.admissionWebhooks.patch.image.registry).toEqual('harbor.example.com/mirror');
    expect(bundle.valuesOf(calico).installation.registry).toEqual('harbor.example.com/mirror/');
    expect(bundle.valuesOf(calico).tigeraOperator.registry).toEqual('harbor.example.com/mirror');
    expect(bundle.valuesOf(calico).calicoctl.image).toEqual('harbor.example.com/mirror/calico/ctl');
  });

  test('given a site layer with imageRegistry over a base without, then the site setting applies to base addons', () => {
    const app = testApp();
    const metrics = Catalog.metricsServer();
    const base = new AddonBundle(app, 'base', { addons: [metrics] });
    const site = AddonBundle.compose(app, 'site', [base], { imageRegistry: 'registry.corp:5000' });
    expect(base.valuesOf(metrics).image.repository).toEqual('registry.k8s.io/metrics-server/metrics-server');
    expect(site.valuesOf(metrics).image.repository).toEqual('registry.corp:5000/metrics-server/metrics-server');
  });

  test('given a custom Helm addon declaring its image paths, then they follow the registry', () => {
    const app = testApp();
    const addon = helm('web', { values: { image: { repository: 'nginx' } }, images: [{ path: 'image.repository', type: ImageValueType.REPOSITORY }] });
    const bundle = new AddonBundle(app, 'b', { addons: [addon], imageRegistry: 'mirror.local' });
    expect(bundle.valuesOf(addon).image.repository).toEqual('mirror.local/library/nginx');
  });

  test('given an invalid registry, then the error shows the expected form', () => {
    expect(() => new AddonBundle(testApp(), 'b', { imageRegistry: 'https://harbor' })).toThrow(/imageRegistry 'https:\/\/harbor' is not a registry host/);
  });
});
