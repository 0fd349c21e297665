import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';

/**
 * An API object whose body (everything but `apiVersion`, `kind` and `metadata`) is Kubernetes
 * JSON already, as a generated binding's `toJson()` would render it: for the objects a bundle
 * renders for every cluster of a fleet during synthesis, whose cluster-independent parts are
 * converted once per addon and shared (frozen) by all clusters' objects instead of being converted
 * again for each one.
 *
 * Its metadata stays cdk8s's (labels or annotations added later are rendered); with JSON patches
 * it renders through cdk8s's `ApiObject.toJson()`, which copies the body and applies them.
 */
export class PrerenderedObject extends ApiObject {
  private readonly body: Record<string, any>;

  /**
   * @param body the object's JSON apart from apiVersion, kind and metadata (shared parts frozen)
   */
  constructor(scope: Construct, id: string, apiVersion: string, kind: string, metadata: Record<string, any>, body: Record<string, any>) {
    super(scope, id, { apiVersion, kind, metadata, ...body });
    this.body = body;
  }

  public override toJson(): any {
    if ((this as any).patches.length > 0) return super.toJson(); // ApiObject keeps its patches private
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
