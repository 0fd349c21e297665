import { Duration } from 'cdk8s';
import { isDnsSubdomain } from '../../core/names';
import { GO_DURATION_MAX_SECONDS, inRange } from '../../core/ranges';
import { ValidationError } from '../../core/validation-error';

/** A Prometheus/Loki/Thanos duration string of `d` in its largest whole unit: `10d`, `36h`, `90m`, `45s`. */
export function promDuration(d: Duration): string {
  const seconds = d.toSeconds();
  if (seconds % 86400 === 0) return `${seconds / 86400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/** Seconds of `d`, which must be a whole, positive number of seconds. */
export function wholeSeconds(scope: string, field: string, d: Duration): number {
  const s = d.toSeconds();
  if (!inRange(s, { min: 1, max: Number.MAX_SAFE_INTEGER })) {
    throw new ValidationError(scope, `${field} (${s} s) is not a positive, whole number of seconds. Use e.g. Duration.days(15).`);
  }
  if (s > GO_DURATION_MAX_SECONDS) {
    throw new ValidationError(scope, `${field} (${s} s) must be at most ${GO_DURATION_MAX_SECONDS} seconds (a Go duration holds at most 292 years). Use e.g. Duration.days(365).`);
  }
  return s;
}

/** Checks a host name (DNS subdomain, optionally with a port). */
export function validateHost(scope: string, field: string, host: string): void {
  const [name, port, extra] = host.split(':');
  if (extra !== undefined || !isDnsSubdomain(name) || (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535))) {
    throw new ValidationError(scope, `${field} '${host}' is not a host name (optionally with ':port', 1 to 65535). Give e.g. 'lma.example.com' without a scheme or path.`);
  }
}

/** Whether `name` is a Prometheus label name. */
export function isPromLabelName(name: string): boolean {
  return /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name) && !name.startsWith('__');
}
