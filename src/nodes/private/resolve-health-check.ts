import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { wholeSeconds } from '../../core/durations';
import { checkInteger, RANGES } from '../../core/ranges';
import { ValidationError } from '../../core/validation-error';
import { HealthCheckOptions } from '../health-check';

/** Applies the recommended defaults to `options` and checks the webhook rules. */
export function resolveHealthCheck(scope: IConstruct, field: string, options: HealthCheckOptions | undefined): HealthCheckOptions {
  const resolved: HealthCheckOptions = {
    enabled: options?.enabled ?? true,
    nodeStartupTimeout: options?.nodeStartupTimeout ?? Duration.minutes(10),
    unhealthyTimeout: options?.unhealthyTimeout ?? Duration.minutes(5),
    maxUnhealthyPercent: options?.maxUnhealthyPercent ?? 40,
  };
  const startup = wholeSeconds(scope, `${field}.nodeStartupTimeout`, resolved.nodeStartupTimeout)!;
  if (startup !== 0 && startup < 30) {
    throw new ValidationError(scope, `${field}.nodeStartupTimeout (${startup}s) must be 0 (disabled) or at least 30 seconds.`);
  }
  const unhealthy = wholeSeconds(scope, `${field}.unhealthyTimeout`, resolved.unhealthyTimeout)!;
  if (unhealthy < 1) {
    throw new ValidationError(scope, `${field}.unhealthyTimeout (${unhealthy}s) must be at least 1 second.`);
  }
  const pct = resolved.maxUnhealthyPercent!;
  checkInteger(scope, `${field}.maxUnhealthyPercent`, pct, RANGES.percent);
  return resolved;
}
