/** A v1beta2 contract reference: `{apiGroup, kind, name}` in the referrer's namespace. */
export interface ContractRef {
  /** API group of the referenced object, e.g. `infrastructure.cluster.x-k8s.io`. */
  readonly apiGroup: string;
  /** Kind of the referenced object. */
  readonly kind: string;
  /** Name of the referenced object. */
  readonly name: string;
}

/** The API groups of the kinds capi-blueprints references. */
export const API_GROUPS = {
  infrastructure: 'infrastructure.cluster.x-k8s.io',
  bootstrap: 'bootstrap.cluster.x-k8s.io',
  controlPlane: 'controlplane.cluster.x-k8s.io',
};
