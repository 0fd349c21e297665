import { IConstruct } from 'constructs';
import { isLabelValue, isQualifiedName } from './names';
import { ValidationError } from './validation-error';

/** Prefix of the labels capi-blueprints puts on the objects it generates. */
export const LABEL_PREFIX = 'capi-blueprints.io';

/** Cluster label naming the infrastructure provider (`aws`, `eks`, `byoh`): bundles select on it. */
export const INFRASTRUCTURE_LABEL = `${LABEL_PREFIX}/infrastructure`;

/** CAPI's label naming the cluster an object belongs to. */
export const CLUSTER_NAME_LABEL = 'cluster.x-k8s.io/cluster-name';

/** Checks every key and value of `labels`, naming `field` and the fix in the error. */
export function validateLabels(scope: IConstruct, field: string, labels: Record<string, string> | undefined): void {
  for (const [key, value] of Object.entries(labels ?? {})) {
    if (!isQualifiedName(key)) {
      throw new ValidationError(scope, `${field} has an invalid label key '${key}'. Use '[prefix/]name' with a DNS subdomain prefix and a name of at most 63 alphanumerics, '-', '_' or '.'.`);
    }
    if (typeof value !== 'string' || !isLabelValue(value)) {
      throw new ValidationError(scope, `${field}['${key}'] has an invalid label value '${value}'. Use at most 63 alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric.`);
    }
  }
}
