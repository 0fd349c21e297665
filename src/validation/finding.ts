/**
 * Which kind of check produced a finding.
 */
export enum FindingRule {
  /** The OpenAPI v3 schema of the CRD (types, enums, patterns, unknown fields, ...). */
  SCHEMA = 'schema',
  /** An `x-kubernetes-validations` CEL rule of the CRD. */
  CEL = 'cel',
  /** A rule only the provider's admission webhook enforces. */
  WEBHOOK = 'webhook',
  /** A reference between objects of the same set that does not resolve, or a duplicate object. */
  REFERENCE = 'reference',
  /**
   * An input that could not be read as manifests or CRDs: a missing, unreadable, oversized or
   * non-regular file, a YAML syntax error, aliases that expand beyond the resource-exhaustion
   * guard, a CRD file that does not parse.
   */
  INPUT = 'input',
}

/**
 * One problem found in a manifest: what an API server (or its admission webhooks) would reject.
 */
export interface Finding {
  /**
   * The file the object was read from.
   * @default - the object was not read from a file
   */
  readonly file?: string;
  /**
   * The `apiVersion` of the object.
   * @default - the object has no apiVersion
   */
  readonly apiVersion?: string;
  /** The `kind` of the object (empty when the object has none). */
  readonly kind: string;
  /** The `metadata.name` of the object (empty when the object has none). */
  readonly name: string;
  /**
   * The `metadata.namespace` of the object.
   * @default - the object has no namespace
   */
  readonly namespace?: string;
  /** JSON field path of the offending value, e.g. `spec.template.spec.rootVolume.size` (empty for the whole object). */
  readonly path: string;
  /** What is wrong, with the offending value where it helps. */
  readonly message: string;
  /** Which kind of check produced the finding. */
  readonly rule: FindingRule;
}
