import { IConstruct } from 'constructs';
import { ValidationError } from './validation-error';

const SEMVER = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** A parsed `vMAJOR.MINOR.PATCH` Kubernetes version. */
export interface KubernetesVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

/** Parses `v1.33.4`; `undefined` when `version` is not `v` + semver. */
export function parseKubernetesVersion(version: string): KubernetesVersion | undefined {
  const m = SEMVER.exec(version);
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) } : undefined;
}

/** The workload-cluster Kubernetes minors Cluster API v1.14 supports. */
export const CAPI_WORKLOAD_MINORS = { min: 31, max: 36 };

/**
 * Checks that `version` is `v` + semver and within the Kubernetes 1.x minor range
 * `[minMinor, maxMinor]`, throwing a `ValidationError` that says what to use otherwise.
 */
export function validateKubernetesVersion(
  scope: IConstruct,
  field: string,
  version: string,
  range: { min: number; max: number } = CAPI_WORKLOAD_MINORS,
  why: string = 'the workload cluster range of Cluster API v1.14',
): KubernetesVersion {
  const parsed = parseKubernetesVersion(version);
  if (!parsed) {
    throw new ValidationError(scope, `${field} '${version}' is not a Kubernetes version. Use 'v' followed by a full semantic version, e.g. 'v1.33.4'.`);
  }
  if (parsed.major !== 1 || parsed.minor < range.min || parsed.minor > range.max) {
    throw new ValidationError(scope, `${field} '${version}' is outside ${why} (v1.${range.min}.x to v1.${range.max}.x). Pick a version in that range.`);
  }
  return parsed;
}
