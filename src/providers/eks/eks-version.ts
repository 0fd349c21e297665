import { IConstruct } from 'constructs';
import { CAPI_WORKLOAD_MINORS } from '../../core/kubernetes-version';
import { ValidationError } from '../../core/validation-error';

/**
 * Kubernetes minors EKS runs in November 2026 (standard or extended support) that Cluster API
 * v1.14 also supports for workload clusters: v1.31 to v1.36.
 */
export const EKS_MINORS = { min: Math.max(31, CAPI_WORKLOAD_MINORS.min), max: Math.min(36, CAPI_WORKLOAD_MINORS.max) };

/**
 * Checks an EKS version: `v<major>.<minor>` or, as in CAPA's flavors, `v<major>.<minor>.<patch>`
 * (EKS picks the patch release of the minor; CAPA sends major.minor to EKS), within `EKS_MINORS`.
 * Returns the minor.
 */
export function validateEksVersion(scope: IConstruct, field: string, version: string): number {
  const m = /^v(\d+)\.(\d+)(\.(0|[1-9]\d*))?$/.exec(version);
  if (!m) {
    const near = /^v?(\d+)\.(\d+)(\.\d+)?/.exec(version);
    const fix = !near ? "Use 'v' + major.minor, e.g. 'v1.33'." : `Use 'v${near[1]}.${near[2]}${near[3] ?? ''}'.`;
    throw new ValidationError(scope, `${field} '${version}' is not an EKS version. ${fix}`);
  }
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (major !== 1 || minor < EKS_MINORS.min || minor > EKS_MINORS.max) {
    throw new ValidationError(scope, `${field} '${version}' is outside the versions EKS and Cluster API v1.14 both support (v1.${EKS_MINORS.min} to v1.${EKS_MINORS.max}). Pick a version in that range.`);
  }
  return minor;
}

/**
 * The `v` + semver version CAPI requires on MachineDeployments and MachinePools for an EKS
 * version (`v1.33` → `v1.33.0`, `v1.33.4` unchanged); CAPA uses only its major.minor for node
 * groups and AMI lookup.
 */
export function eksMachineVersion(version: string): string {
  return /^v\d+\.\d+$/.test(version) ? `${version}.0` : version;
}
