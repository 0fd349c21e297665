import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Lazy } from 'cdk8s';
import { Infrastructure, ManagedCluster, Platform, Team, ValidationError } from '../../src';

/** Errors raised while synthesizing under a plain cdk8s `App`: ValidationErrors, and nothing written. */
describe('a plain cdk8s App holding capi-blueprints constructs', () => {
  let outdir: string;
  beforeEach(() => { outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'plain-app-')); });
  afterEach(() => fs.rmSync(outdir, { recursive: true, force: true }));

  const cluster = (app: App, id: string, name?: string) =>
    new ManagedCluster(app, id, { name, version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'eu-west-1' }) });

  function synthError(app: App): ValidationError {
    try {
      app.synth();
    } catch (e) {
      return e as ValidationError;
    }
    throw new Error('synth() did not throw');
  }

  const written = () => fs.readdirSync(outdir);

  test('given a construct validation that fails, then synth throws a ValidationError listing it and writes no file', () => {
    const app = new App({ outdir });
    const prod = cluster(app, 'prod');
    cluster(app, 'other');
    new Team(app, 'a', { namespaces: [{ name: 'shared' }] }).attachTo(prod);
    new Team(app, 'b', { namespaces: [{ name: 'shared' }] }).attachTo(prod);
    const error = synthError(app);
    expect(ValidationError.isValidationError(error)).toBe(true);
    expect(error.message).toMatch(/^App: synthesis stopped by 1 validation error\(s\):\n {2}b: .*namespace 'shared' of team 'b' is also claimed by team 'a' on cluster 'prod'/);
    expect(written()).toEqual([]);
  });

  test('given many clusters, when synthesized, then each object is rendered a bounded number of times (the checks run once per synthesis, not once per chart)', () => {
    const app = new App({ outdir });
    for (let i = 0; i < 8; i++) cluster(app, `c${i}`);
    const toJson = jest.spyOn(ApiObject.prototype, 'toJson');
    try {
      app.synth();
      const objects = app.node.findAll().filter(ApiObject.isApiObject).length;
      expect(toJson.mock.calls.length).toBeLessThanOrEqual(2 * objects); // once by the checks, once written (was once per chart more)
    } finally {
      toJson.mockRestore();
    }
  });

  test('given a synthesis that passed, when a duplicate is added and synthesized again in the same tick, then the checks run again and catch it', () => {
    const app = new App({ outdir });
    cluster(app, 'a', 'same');
    app.synth();
    cluster(app, 'b', 'same');
    expect(synthError(app).message).toMatch(/b\/Cluster: renders cluster\.x-k8s\.io\/Cluster 'default\/same', which 'a\/Cluster' renders too/);
  });

  test('given two clusters rendering the same objects, then synth throws a ValidationError naming both paths and writes no file', () => {
    const app = new App({ outdir });
    cluster(app, 'a', 'same');
    cluster(app, 'b', 'same');
    const error = synthError(app);
    expect(ValidationError.isValidationError(error)).toBe(true);
    expect(error.message).toMatch(/b\/Cluster: renders cluster\.x-k8s\.io\/Cluster 'default\/same', which 'a\/Cluster' renders too/);
    expect(written()).toEqual([]);
  });

  test('given an object that fails while rendered, then synth throws a ValidationError with its path and writes no file', () => {
    const app = new App({ outdir });
    cluster(app, 'first');
    const second = cluster(app, 'second');
    new ApiObject(second, 'broken', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'broken' }, data: Lazy.any({ produce: () => { throw new Error('boom'); } }) } as any);
    const error = synthError(app);
    expect(ValidationError.isValidationError(error)).toBe(true);
    expect(error.message).toMatch(/^second\/broken: cannot be rendered: .*Error: boom$/);
    expect(written()).toEqual([]);
  });

  test('given valid constructs, then synth writes one file per chart as before', () => {
    const app = new App({ outdir });
    cluster(app, 'a');
    cluster(app, 'b');
    app.synth();
    expect(written().sort()).toEqual(['a.k8s.yaml', 'b.k8s.yaml']);
  });

  test('given a Platform, then the checks run once in its own synth (no validation is added to it)', () => {
    const platform = new Platform({ outdir });
    cluster(platform, 'a');
    expect((platform.node as any)._validations ?? []).toHaveLength(0);
    platform.synth();
    expect(written()).toEqual(['a.k8s.yaml']);
  });
});
