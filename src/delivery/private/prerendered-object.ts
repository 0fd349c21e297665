import { ApiObject, ApiObjectProps } from 'cdk8s';
import { Construct } from 'constructs';
import { resolvesWithDefaults } from '../../output/manifest-json';

/** How a generated binding turns its resolved props into Kubernetes JSON (`{ ...GVK, ...toJson_<Kind>Props(resolved) }`). */
export type BindingConversion = (resolved: any) => any;

/**
 * An API object of a generated binding whose body (everything but `apiVersion`, `kind` and
 * `metadata`) is Kubernetes JSON already: for the objects a bundle renders for every cluster of a
 * fleet during synthesis, whose cluster-independent parts are converted once per addon and shared
 * (frozen) by all clusters' objects instead of being converted again for each one.
 *
 * It keeps the binding's props and conversion: with JSON patches, or in an app with custom
 * resolvers, it renders exactly as the binding does (cdk8s resolves the props and applies the
 * patches, then the binding converts). Otherwise its JSON is the prerendered body with cdk8s's
 * metadata (labels or annotations added later are rendered) — the same data, in the same order.
 */
export class PrerenderedObject extends ApiObject {
  private readonly convert: BindingConversion;
  private readonly body: Record<string, any>;

  /**
   * @param props the binding's props (with apiVersion and kind), as the binding class would get them
   * @param convert the binding's conversion of resolved props
   * @param body `convert`'s result apart from apiVersion, kind and metadata (frozen here; parts may be shared with other objects)
   */
  constructor(scope: Construct, id: string, props: ApiObjectProps, convert: BindingConversion, body: Record<string, any>) {
    super(scope, id, props);
    this.convert = convert;
    // returned as it is by every toJson(): frozen, so that editing one result cannot change the next
    this.body = deepFreeze(body);
  }

  public override toJson(): any {
    // ApiObject keeps its patches private
    if ((this as any).patches.length > 0 || !resolvesWithDefaults(this)) return this.convert(super.toJson());
    const metadata = this.metadata.toJson();
    const json: Record<string, any> = { apiVersion: this.apiVersion, kind: this.kind };
    if (metadata !== undefined) json.metadata = metadata;
    return Object.assign(json, this.body);
  }
}

/** `value`, deeply frozen (shared between objects: an attempt to edit one object's JSON fails instead of changing all). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
