import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { checkSeconds, IntegerRange, RANGES } from './ranges';

/**
 * The whole number of seconds of `duration` (Cluster API and its providers take integer seconds),
 * or a ValidationError naming the field when it has a fraction of a second or does not fit the
 * target field (`range`, int32 seconds by default; see `ranges.ts`). `undefined` stays `undefined`.
 */
export function wholeSeconds(
  scope: IConstruct | string, field: string, duration: Duration | undefined, range: IntegerRange = RANGES.seconds,
): number | undefined {
  return checkSeconds(scope, field, duration, range);
}
