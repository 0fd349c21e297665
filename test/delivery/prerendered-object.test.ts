import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, IResolver, JsonPatch, ResolutionContext, Testing } from 'cdk8s';
import { AddonBundle, Catalog, ClusterValue } from '../../src';
import { deepFreeze, PrerenderedObject } from '../../src/delivery/private/prerendered-object';
import * as caaph from '../../src/imports/caaph/addons.cluster.x-k8s.io';
import { awsCluster, helm, objectsOf, testApp } from '../addons/support';

/** What the generated binding renders for the same props (the HelmChartProxies before they were prerendered). */
function bindingJson(o: ApiObject): any {
  const json = o.toJson();
  const chart = Testing.chart();
  return new caaph.HelmChartProxy(chart, 'same', { metadata: json.metadata, spec: caaph_props(json.spec) }).toJson();
}

/** The binding props of a HelmChartProxy spec JSON (repoURL is the one renamed key). */
function caaph_props(spec: any): caaph.HelmChartProxySpec {
  const { repoURL, ...rest } = spec;
  return { ...rest, repoUrl: repoURL };
}

describe('per-cluster HelmChartProxies (prerendered)', () => {
  const build = () => {
    const app = testApp();
    const bundle = new AddonBundle(app, 'base', {
      addons: [Catalog.certManager(), helm('web', { values: { name: ClusterValue.clusterName(), replicas: 2, tags: { b: '2', a: '1' } } })],
    });
    for (const name of ['prod', 'dev']) bundle.attachTo(awsCluster(app, name));
    objectsOf(bundle); // renders the bundle (during validation)
    const objects = () => bundle.node.findAll().filter(ApiObject.isApiObject).filter((o) => o.kind === 'HelmChartProxy');
    return { app, bundle, objects };
  };

  test('given a bundle attached to clusters, when rendered, then each object is what the generated binding renders for it, in the same key order', () => {
    const { objects } = build();
    expect(objects()).toHaveLength(4);
    for (const o of objects()) {
      expect(o).toBeInstanceOf(PrerenderedObject);
      expect(JSON.stringify(o.toJson())).toEqual(JSON.stringify(bindingJson(o)));
    }
  });

  test('given the objects of two clusters, then they share the cluster-independent spec, frozen, and each selects its own cluster', () => {
    const { objects } = build();
    const [prod, dev] = ['prod-web', 'dev-web'].map((n) => objects().find((o) => o.name === n)!.toJson());
    expect(prod.spec.options).toBe(dev.spec.options);
    expect(Object.isFrozen(prod.spec.options)).toBe(true);
    expect(() => { prod.spec.options.wait = false; }).toThrow(TypeError);
    expect(() => { prod.spec.version = '2.0.0'; }).toThrow(TypeError); // this object's own spec: the next toJson() returns it again
    expect(objects().find((o) => o.name === 'prod-web')!.toJson().spec.version).toEqual('1.0.0');
    expect(prod.spec.clusterSelector).toEqual({ matchLabels: { 'capi-blueprints.io/cluster-name': 'prod' } });
    expect(dev.spec.clusterSelector).toEqual({ matchLabels: { 'capi-blueprints.io/cluster-name': 'dev' } });
  });

  test('given a label added and JSON patches applied after rendering, when rendered again, then the patches act as on the binding (its prop names) and the shared spec is unchanged', () => {
    const { objects } = build();
    const prod = objects().find((o) => o.name === 'prod-web')!;
    prod.metadata.addLabel('team', 'payments');
    prod.addJsonPatch(JsonPatch.replace('/spec/options/timeout', '600s'), JsonPatch.replace('/spec/repoUrl', 'https://mirror.example.com'));
    const json = prod.toJson();
    expect(json.metadata.labels.team).toEqual('payments');
    expect(json.spec.options.timeout).toEqual('600s');
    expect(json.spec.repoURL).toEqual('https://mirror.example.com');
    expect(json.spec).not.toHaveProperty('repoUrl');
    expect(JSON.stringify(json)).toEqual(JSON.stringify(bindingJson(prod)));
    const dev = objects().find((o) => o.name === 'dev-web')!.toJson();
    expect(dev.spec.options.timeout).toEqual('300s');
    expect(dev.spec.repoURL).toEqual('https://charts.example.com');
  });

  test('given an app with a custom resolver, when rendered, then the resolver applies to the whole object, as with the binding', () => {
    const upper: IResolver = { resolve: (context: ResolutionContext) => { if (typeof context.value === 'string' && context.value.startsWith('https://')) context.replaceValue(context.value.toUpperCase()); } };
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'prerendered-')), resolvers: [upper] });
    const bundle = new AddonBundle(app, 'base', { addons: [helm('web')] });
    bundle.attachTo(awsCluster(app, 'prod'));
    const hcp = objectsOf(bundle).find((o) => o.kind === 'HelmChartProxy');
    expect(hcp.spec.repoURL).toEqual('HTTPS://CHARTS.EXAMPLE.COM');
  });
});

describe('deepFreeze', () => {
  test('given nested objects and arrays, then every level is frozen and the value is returned', () => {
    const value = { a: { b: [1, { c: 2 }] } };
    expect(deepFreeze(value)).toBe(value);
    expect(Object.isFrozen(value.a.b[1])).toBe(true);
  });
});
