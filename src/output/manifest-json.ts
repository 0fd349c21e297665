import { ApiObject, ApiObjectMetadataDefinition, App, ImplicitTokenResolver, JsonPatch, Lazy, LazyResolver, NumberStringUnionResolver } from 'cdk8s';
import { IConstruct } from 'constructs';

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
  // Whether the app of a construct (found through its parent, shared by many objects) has only the built-in resolvers.
  const byParent = new Map<any, boolean>();
  const fastPathFor = (o: any): boolean => {
    const parent = o?.node?.scope;
    let ok = byParent.get(parent);
    if (ok === undefined) {
      const root = o?.node?.root;
      ok = root instanceof App && hasDefaultResolvers(root);
      byParent.set(parent, ok);
    }
    return ok && typeof o.props === 'object' && o.props !== null && Array.isArray(o.patches);
  };
  ApiObject.prototype.toJson = function fastApiObjectToJson(this: any) {
    if (!fastPathFor(this)) return apiObjectToJson.call(this);
    try {
      // = plain({ ...this.props, metadata: this.metadata.toJson() }), without copying the props first.
      const props = this.props;
      const metadata = this.metadata.toJson();
      const keys = Object.keys(props);
      if (!Object.prototype.hasOwnProperty.call(props, 'metadata')) keys.push('metadata');
      if (sortKeys) sortStrings(keys);
      let json: Record<string, any> = {};
      for (const k of keys) {
        // metadata.toJson() is already plain, sorted data (sanitizing it again changes nothing)
        const v = k === 'metadata' ? (metadataToJsonIsFast(this.metadata) ? metadata : plain(metadata, sortKeys, false)) : plain(props[k], sortKeys, false);
        if (v !== undefined && v !== null) json[k] = v;
      }
      if (this.patches.length > 0) json = JsonPatch.apply(json, ...this.patches);
      // apiVersion, kind and metadata first, then the rest
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
  const metadataToJsonIsFast = (m: any) => m.toJson === fastMetadataToJson;
  ApiObjectMetadataDefinition.prototype.toJson = fastMetadataToJson;
  function fastMetadataToJson(this: any) {
    if (!fastPathFor(this.apiObject)) return metadataToJson.call(this);
    try {
      // = plain({ ...this._additionalAttributes, name, namespace, annotations, finalizers, ownerReferences, labels }),
      // without copying the attributes first.
      const attributes = this._additionalAttributes ?? {};
      const keys = Object.keys(attributes);
      for (const k of METADATA_FIELDS) if (!Object.prototype.hasOwnProperty.call(attributes, k)) keys.push(k);
      sortStrings(keys);
      const out: Record<string, any> = {};
      let n = 0;
      for (const k of keys) {
        const v = plain(METADATA_FIELDS.includes(k) ? this[k] : attributes[k], true, true);
        if (v !== undefined && v !== null) {
          out[k] = v;
          n++;
        }
      }
      return n === 0 ? undefined : out;
    } catch (e) {
      if (e === NOT_PLAIN) return metadataToJson.call(this);
      throw e;
    }
  }
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

/** The fields of `ApiObjectMetadataDefinition` that override its additional attributes in `toJson()`. */
const METADATA_FIELDS = ['name', 'namespace', 'annotations', 'finalizers', 'ownerReferences', 'labels'];

/**
 * Sorts keys in place in the order of `Array.prototype.sort()` (UTF-16 code units): insertion
 * sort for the few keys of most objects (several times faster there), the built-in sort beyond.
 */
function sortStrings(keys: string[]): void {
  if (keys.length > 16) {
    keys.sort();
    return;
  }
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > k) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = k;
  }
}

/** cdk8s's Lazy (read once: the cdk8s barrel's getters are slow in a hot loop). */
const LAZY = Lazy;

/** Thrown when a value is not plain data: the caller falls back to cdk8s. */
const NOT_PLAIN = new Error('not plain data');

/**
 * Whether the app `construct` belongs to resolves values with cdk8s's built-in resolvers only
 * (Lazy, implicit tokens, number/string unions): then plain data needs no resolution.
 */
export function resolvesWithDefaults(construct: IConstruct): boolean {
  // by parent: siblings share it, and `node.root` builds the list of every scope up to the root
  const parent = construct.node.scope ?? construct;
  let ok = defaultResolversByParent.get(parent);
  if (ok === undefined) {
    const root = construct.node.root;
    ok = root instanceof App && hasDefaultResolvers(root);
    defaultResolversByParent.set(parent, ok);
  }
  return ok;
}
/** `resolvesWithDefaults` by parent construct (an app's resolvers are fixed when it is created). */
const defaultResolversByParent = new WeakMap<IConstruct, boolean>();

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
  if (value instanceof LAZY) return plain(value.produce(), sortKeys, dropEmpty);
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
  if (sortKeys) sortStrings(keys);
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
