import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, ApiObjectMetadataDefinition, App, Chart, IResolver, JsonPatch, Lazy, ResolutionContext } from 'cdk8s';
import { Platform } from '../../src';
import { manifestJson } from '../../src/output/manifest-json';

const root = path.resolve(__dirname, '..', '..');

/** Order-sensitive comparison (key order is part of the output). */
const same = (objects: ApiObject[]) => expect(JSON.stringify(manifestJson(objects))).toEqual(JSON.stringify(objects.map((o) => o.toJson())));

describe('manifestJson', () => {
  describe.each(['aws-cluster', 'byoh-cluster', 'eks-cluster', 'lma-platform', 'platform-addons'])('examples/%s.ts', (name) => {
    test('given every object of the example, when converted, then the JSON equals cdk8s toJson(), key order included', () => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-json-'));
      const previous = process.env.CAPI_BLUEPRINTS_OUTDIR;
      process.env.CAPI_BLUEPRINTS_OUTDIR = tmp;
      const platforms: App[] = [];
      const capture = function (this: App) { platforms.push(this); };
      const synth = jest.spyOn(Platform.prototype, 'synth').mockImplementation(capture);
      const appSynth = jest.spyOn(App.prototype, 'synth').mockImplementation(capture);
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require(path.join(root, 'examples', `${name}.ts`));
        expect(platforms).toHaveLength(1);
        for (const p of platforms) p.node.validate(); // renders the addon bundles
        const objects = platforms.flatMap((p) => p.node.findAll().filter(ApiObject.isApiObject));
        expect(objects.length).toBeGreaterThan(5);
        same(objects);
      } finally {
        synth.mockRestore();
        appSynth.mockRestore();
        if (previous === undefined) delete process.env.CAPI_BLUEPRINTS_OUTDIR;
        else process.env.CAPI_BLUEPRINTS_OUTDIR = previous;
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });
  });

  test('given Lazy values, tokens, number/string unions, nulls, empty metadata and JSON patches, when converted, then the JSON equals cdk8s toJson()', () => {
    const chart = new Chart(new App(), 'c');
    class IntOrString { constructor(public readonly value: number | string) {} }
    const token = { resolve: () => ({ z: 1, a: [null, Lazy.any({ produce: () => 'lazy' })] }) };
    const o = new ApiObject(chart, 'o', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'o', labels: {}, annotations: { b: 'x', a: Lazy.any({ produce: () => 'y' }) }, finalizers: [] },
      data: { zeta: 'z', alpha: undefined, beta: null, port: new IntOrString(8080), t: token, list: [], map: {} },
    } as any);
    o.addJsonPatch(JsonPatch.add('/data/patched', 'yes'), JsonPatch.remove('/data/zeta'));
    const plainObject = new ApiObject(chart, 'p', { apiVersion: 'v1', kind: 'Secret' });
    same([o, plainObject]);
    expect(manifestJson([o])[0].data).toEqual({ list: [], map: {}, patched: 'yes', port: { value: 8080 }, t: { a: [undefined, 'lazy'], z: 1 } });
  });

  test('given an app with its own resolvers, when converted, then cdk8s resolves (the resolver runs) and the JSON is the same', () => {
    const seen: string[] = [];
    const upper: IResolver = { resolve: (ctx: ResolutionContext) => { if (typeof ctx.value === 'string' && ctx.value.startsWith('up:')) { seen.push(ctx.value); ctx.replaceValue(ctx.value.slice(3).toUpperCase()); } } };
    const chart = new Chart(new App({ resolvers: [upper] }), 'c');
    const o = new ApiObject(chart, 'o', { apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'up:x' } } as any);
    expect(manifestJson([o])[0].data).toEqual({ a: 'X' });
    expect(seen).toEqual(['up:x']);
    same([o]);
  });

  test('given a value that is not plain data, when converted, then the error is cdk8s\'s, and toJson is restored', () => {
    const chart = new Chart(new App(), 'c');
    const o = new ApiObject(chart, 'o', { apiVersion: 'v1', kind: 'ConfigMap', data: { when: new Date(0) } } as any);
    const original = ApiObject.prototype.toJson;
    const originalMetadata = ApiObjectMetadataDefinition.prototype.toJson;
    expect(() => manifestJson([o])).toThrow(/Failed serializing construct at path 'c\/o' with name 'c-o-.*': Error: can't render non-simple object of type 'Date'/);
    expect(ApiObject.prototype.toJson).toBe(original);
    expect(ApiObjectMetadataDefinition.prototype.toJson).toBe(originalMetadata);
    expect(() => o.toJson()).toThrow(/can't render non-simple object of type 'Date'/);
  });
});
