import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ValidationError } from './validation-error';

/**
 * The one place that knows how large an integer each target field holds. Every integer the
 * library emits — counts, sizes, ports, percentages, durations in seconds — is checked here
 * against the range of the field it lands in (the Go type behind the CRD field, a webhook rule,
 * an AWS limit), so a value the API server, kubeadm or AWS would refuse (or silently wrap) fails
 * at synth with the field, the value and the range.
 */

/** The largest int32 (Kubernetes `replicas`, `*Seconds`, most counts). */
export const INT32_MAX = 2_147_483_647;

/** The largest whole number of seconds a Go `time.Duration` (int64 nanoseconds) holds. */
export const GO_DURATION_MAX_SECONDS = 9_223_372_036;

/** The integer range of one kind of target field. */
export interface IntegerRange {
  /** The smallest allowed value. */
  readonly min: number;
  /** The largest allowed value. */
  readonly max: number;
  /** Why the bounds are what they are, shown in the message (e.g. "the field is an int32"). */
  readonly why?: string;
}

/** Ranges of the target fields, by kind. */
export const RANGES = {
  /** A replica count (CAPI `replicas`, EKS scaling sizes): int32. */
  replicas: { min: 0, max: INT32_MAX, why: 'replicas are an int32' },
  /** A cluster-autoscaler bound: compared with the int32 `replicas`. */
  autoscalerMinSize: { min: 0, max: INT32_MAX, why: 'the autoscaler compares it with the int32 replicas' },
  /** The autoscaler's maximum (at least one node). */
  autoscalerMaxSize: { min: 1, max: INT32_MAX, why: 'the autoscaler compares it with the int32 replicas' },
  /** Replicas of a HorizontalPodAutoscaler (at least one; int32). */
  hpaReplicas: { min: 1, max: INT32_MAX, why: 'HorizontalPodAutoscaler replicas are an int32 of at least 1' },
  /** A count written as a Kubernetes quantity (ResourceQuota object counts). */
  quantityCount: { min: 0, max: Number.MAX_SAFE_INTEGER, why: 'larger numbers lose digits before they are written' },
  /** A non-negative int32 count (rollout surge, retries, …). */
  count: { min: 0, max: INT32_MAX, why: 'the field is an int32' },
  /** A duration stored as whole seconds in an int32 (CAPI `*Seconds`, CAPA warm-up, …). */
  seconds: { min: 0, max: INT32_MAX, why: 'the field holds int32 seconds' },
  /** A duration handed to a Go program as a `time.Duration` (Helm and Flux timeouts, intervals, Prometheus retention). */
  goDurationSeconds: { min: 0, max: GO_DURATION_MAX_SECONDS, why: 'a Go duration holds at most 292 years' },
  /** A TCP/UDP port. */
  port: { min: 1, max: 65535 },
  /** A percentage. */
  percent: { min: 0, max: 100 },
  /** An EBS volume size in GiB (CAPA's minimum; the largest EBS volume is 64 TiB). */
  ebsVolumeGiB: { min: 8, max: 65536, why: "CAPA's minimum is 8 GiB and the largest EBS volume is 64 TiB" },
  /** A Cinder volume size in GiB (CAPO's minimum is 1; Cinder stores sizes as int32). */
  cinderVolumeGiB: { min: 1, max: INT32_MAX, why: 'Cinder stores volume sizes as int32 GiB' },
  /** A number of days in an S3 lifecycle rule. */
  days: { min: 1, max: INT32_MAX, why: 'the field is an int32 number of days' },
};

/** IOPS and throughput (MiB/s) bounds per EBS volume type (AWS EBS limits). */
export const EBS_PERFORMANCE: Record<string, { readonly iops?: IntegerRange; readonly throughput?: IntegerRange }> = {
  gp3: { iops: { min: 3000, max: 80000, why: 'gp3 volumes take 3000 to 80000 IOPS' }, throughput: { min: 125, max: 2000, why: 'gp3 volumes take 125 to 2000 MiB/s' } },
  io1: { iops: { min: 100, max: 64000, why: 'io1 volumes take 100 to 64000 IOPS' } },
  io2: { iops: { min: 100, max: 256000, why: 'io2 volumes take 100 to 256000 IOPS' } },
};

/** Whether `value` is a whole number within `range`. */
export function inRange(value: number, range: IntegerRange): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max;
}

/** The message part "must be a whole number from A to B (why)". */
export function rangeText(range: IntegerRange): string {
  return `must be a whole number from ${range.min} to ${range.max}${range.why ? ` (${range.why})` : ''}`;
}

/**
 * `value` when it is a whole number within `range`, otherwise a ValidationError:
 * "`field` (`value`) must be a whole number from `min` to `max` (why). `fix`".
 */
export function checkInteger(scope: IConstruct | string, field: string, value: number, range: IntegerRange, fix?: string): number {
  if (!inRange(value, range)) {
    throw new ValidationError(scope, `${field} (${value}) ${rangeText(range)}.${fix ? ` ${fix}` : ''}`);
  }
  return value;
}

/** Like `checkInteger`, for an optional value (`undefined` passes through). */
export function checkOptionalInteger(
  scope: IConstruct | string, field: string, value: number | undefined, range: IntegerRange, fix?: string,
): number | undefined {
  return value === undefined ? undefined : checkInteger(scope, field, value, range, fix);
}

/**
 * The whole number of seconds of `duration` within `range` (int32 seconds unless told), or a
 * ValidationError naming the field when it has a fraction of a second or is out of range.
 * `undefined` stays `undefined`.
 */
export function checkSeconds(
  scope: IConstruct | string, field: string, duration: Duration | undefined, range: IntegerRange = RANGES.seconds,
): number | undefined {
  if (duration === undefined) return undefined;
  const seconds = duration.toMilliseconds() / 1000;
  if (!Number.isFinite(seconds)) {
    throw new ValidationError(scope, `${field} (${seconds}s) is not a finite duration. Use e.g. Duration.minutes(10).`);
  }
  if (!Number.isInteger(seconds)) {
    throw new ValidationError(scope, `${field} (${seconds}s) is not a whole number of seconds. Use e.g. Duration.seconds(${Math.max(1, Math.round(seconds))}).`);
  }
  if (seconds < range.min || seconds > range.max) {
    throw new ValidationError(scope, `${field} (${seconds}s) must be from ${range.min} to ${range.max} seconds${range.why ? ` (${range.why})` : ''}.`);
  }
  return seconds;
}
