import { ApiObject, ApiObjectMetadataDefinition, App, ImplicitTokenResolver, JsonPatch, Lazy, LazyResolver, NumberStringUnionResolver } from 'cdk8s';

/**
 * The Kubernetes JSON of API objects: exactly what each object's `toJson()` returns, computed
 * faster (see `withFastToJson`).
 */
export function manifestJson(objects: ApiObject[]): any[] {
  return withFastToJson(() => objects.map((o) => o.toJson()));
}

/**
 * Runs `fn` with a faster `ApiObject.toJson()`, which returns exactly what cdk8s's returns.
 *
 * cdk8s's `ApiObject.toJson()` resolves every value through the app's resolvers (looking the app
 * up from the object, once per value, and allocating a key path per value), then copies the result
 * again to drop empty values and sort keys. When the app has only cdk8s's built-in resolvers (Lazy,
 * implicit tokens, number/string unions — the case of every `Platform`), the same result is
 * computed here in one pass. Generated bindings override `toJson()` and call `super.toJson()`, so
 * while `fn` runs, `ApiObject.prototype.toJson` and `ApiObjectMetadataDefinition.prototype.toJson`
 * are the one-pass versions (restored when `fn` returns or throws). Anything unexpected (custom
 * resolvers, values that are not plain data) falls back to cdk8s's own implementation, so the
 * result is always cdk8s's.
 */
export function withFastToJson<T>(fn: () => T): T {
  const apiObjectToJson = ApiObject.prototype.toJson;
  const metadataToJson = ApiObjectMetadataDefinition.prototype.toJson;
  if ((apiObjectToJson as any)[FAST]) return fn(); // already installed (nested call)
  const sortKeys = !process.env.CDK8S_DISABLE_SORT;
  const apps = new Map<any, boolean>();
  const fastPathFor = (o: any): boolean => {
    const root = o?.node?.root;
    let ok = apps.get(root);
    if (ok === undefined) {
      ok = root instanceof App && hasDefaultResolvers(root);
      apps.set(root, ok);
    }
    return ok && typeof o.props === 'object' && Array.isArray(o.patches);
  };
  ApiObject.prototype.toJson = function fastApiObjectToJson(this: any) {
    if (!fastPathFor(this)) return apiObjectToJson.call(this);
    try {
      const data = { ...this.props, metadata: this.metadata.toJson() };
      let json = plain(data, sortKeys, false);
      if (this.patches.length > 0) json = JsonPatch.apply(json, ...this.patches);
      const result: Record<string, any> = {};
      if ('apiVersion' in json) result.apiVersion = json.apiVersion;
      if ('kind' in json) result.kind = json.kind;
      if ('metadata' in json) result.metadata = json.metadata;
      for (const k of Object.keys(json)) if (!(k in result)) result[k] = json[k];
      return result;
    } catch (e) {
      if (e === NOT_PLAIN) return apiObjectToJson.call(this);
      throw new Error(`Failed serializing construct at path '${this.node.path}' with name '${this.name}': ${e}`);
    }
  };
  ApiObjectMetadataDefinition.prototype.toJson = function fastMetadataToJson(this: any) {
    if (!fastPathFor(this.apiObject)) return metadataToJson.call(this);
    try {
      return plain({
        ...this._additionalAttributes,
        name: this.name,
        namespace: this.namespace,
        annotations: this.annotations,
        finalizers: this.finalizers,
        ownerReferences: this.ownerReferences,
        labels: this.labels,
      }, true, true);
    } catch (e) {
      if (e === NOT_PLAIN) return metadataToJson.call(this);
      throw e;
    }
  };
  (ApiObject.prototype.toJson as any)[FAST] = true;
  try {
    return fn();
  } finally {
    ApiObject.prototype.toJson = apiObjectToJson;
    ApiObjectMetadataDefinition.prototype.toJson = metadataToJson;
  }
}

/** Marks the installed one-pass `toJson`. */
const FAST = Symbol('capi-blueprints.fastToJson');

/** Thrown when a value is not plain data: the caller falls back to cdk8s. */
const NOT_PLAIN = new Error('not plain data');

function hasDefaultResolvers(app: App): boolean {
  const r = app.resolvers;
  return r.length === 3 && r[0] instanceof LazyResolver && r[1] instanceof ImplicitTokenResolver && r[2] instanceof NumberStringUnionResolver;
}

/**
 * cdk8s `resolve` with the built-in resolvers followed by `sanitizeValue`, in one pass:
 * `undefined` for null, Lazy values produced, objects with a `resolve()` method resolved, class
 * instances with a number or string `value` turned into `{ value }`, mapping entries with null
 * values dropped, keys sorted (`sortKeys`), empty collections dropped (`dropEmpty`).
 */
function plain(value: any, sortKeys: boolean, dropEmpty: boolean): any {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'undefined':
      return undefined;
    case 'object':
      if (value === null) return undefined;
      break;
    default: // functions, symbols, bigints: only a resolve() method changes them
      return typeof value.resolve === 'function' ? plain(value.resolve(), sortKeys, dropEmpty) : value;
  }
  if (value instanceof Lazy) return plain(value.produce(), sortKeys, dropEmpty);
  if (typeof value.resolve === 'function') return plain(value.resolve(), sortKeys, dropEmpty);
  if (Array.isArray(value)) {
    if (dropEmpty && value.length === 0) return undefined;
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = plain(value[i], sortKeys, dropEmpty);
    return out;
  }
  if (value.constructor !== Object) {
    const v = value.value;
    if (typeof v === 'number' || typeof v === 'string') return plain({ value: v }, sortKeys, dropEmpty);
    throw NOT_PLAIN;
  }
  const keys = Object.keys(value);
  if (sortKeys) keys.sort();
  const out: Record<string, any> = {};
  let n = 0;
  for (let i = 0; i < keys.length; i++) {
    const v = plain(value[keys[i]], sortKeys, dropEmpty);
    if (v !== undefined && v !== null) {
      out[keys[i]] = v;
      n++;
    }
  }
  return dropEmpty && n === 0 ? undefined : out;
}
