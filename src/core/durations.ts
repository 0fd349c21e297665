import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ValidationError } from './validation-error';

/**
 * The whole number of seconds of `duration` (Cluster API and its providers take integer seconds),
 * or a ValidationError naming the field when it has a fraction of a second. `undefined` stays
 * `undefined`.
 */
export function wholeSeconds(scope: IConstruct | string, field: string, duration: Duration | undefined): number | undefined {
  if (duration === undefined) return undefined;
  const seconds = duration.toMilliseconds() / 1000;
  if (!Number.isInteger(seconds)) {
    throw new ValidationError(scope, `${field} (${seconds}s) is not a whole number of seconds. Use e.g. Duration.seconds(${Math.max(1, Math.round(seconds))}).`);
  }
  return seconds;
}
