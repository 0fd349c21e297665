import { isDnsLabel } from '../../core/names';
import { ValidationError } from '../../core/validation-error';

/** An exact chart version: semver with optional `v`, no ranges, no `latest`. */
const EXACT_VERSION = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const REPOSITORY = /^(https|oci):\/\/[^\s/]+(\/[^\s]*)?$/;
const CHART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

export function validateAddonName(scope: string, name: string): void {
  if (!isDnsLabel(name) || name.length > 40) {
    throw new ValidationError(scope, `addon name '${name}' is not a DNS label of at most 40 characters. Use lower-case letters, digits and '-' (the name becomes part of object names such as '<cluster>-${name}').`);
  }
}

export function validateChart(scope: string, repository: string, chart: string, version: string): void {
  if (!REPOSITORY.test(repository)) {
    throw new ValidationError(scope, `repository '${repository}' is not an https:// or oci:// URL. HelmChartProxy (CAAPH) accepts only these; use e.g. 'https://charts.jetstack.io' or 'oci://ghcr.io/org/charts'.`);
  }
  if (!CHART.test(chart)) {
    throw new ValidationError(scope, `chart '${chart}' is not a chart name. Give the chart's name in the repository, e.g. 'cert-manager'.`);
  }
  validateVersion(scope, version);
}

export function validateVersion(scope: string, version: string): void {
  if (!EXACT_VERSION.test(version)) {
    throw new ValidationError(scope, `chart version '${version}' is not an exact version. Pin a released version such as '1.17.2' or 'v1.17.2' (no ranges, wildcards or 'latest').`);
  }
}

export function validateNamespace(scope: string, namespace: string): void {
  if (!isDnsLabel(namespace)) {
    throw new ValidationError(scope, `namespace '${namespace}' is not a DNS label. Use at most 63 lower-case letters, digits and '-'.`);
  }
}
