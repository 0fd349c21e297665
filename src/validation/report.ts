import { Finding } from './finding';
import { formatFinding } from './private/format';

/**
 * The result of validating a set of manifests.
 */
export class ValidationReport {
  /** Every finding, in the order the objects were given (then by check). */
  public readonly findings: Finding[];
  /** How many objects were validated. */
  public readonly objectCount: number;

  /**
   * @param findings the findings of the validation
   * @param objectCount how many objects were validated
   */
  constructor(findings: Finding[], objectCount: number) {
    this.findings = findings;
    this.objectCount = objectCount;
  }

  /** Whether no finding was reported. */
  public get ok(): boolean {
    return this.findings.length === 0;
  }

  /**
   * Human-readable text: one line per finding (`file: Kind namespace/name: path: message [rule]`)
   * and a summary line.
   */
  public format(): string {
    const lines = this.findings.map(formatFinding);
    lines.push(this.ok
      ? `${this.objectCount} object(s) validated, no findings.`
      : `${this.objectCount} object(s) validated, ${this.findings.length} finding(s).`);
    return lines.join('\n');
  }

  /** The report as plain JSON data: `{ ok, objectCount, findings }`. */
  public toJson(): any {
    return {
      ok: this.ok,
      objectCount: this.objectCount,
      findings: this.findings.map(f => ({ ...f })),
    };
  }
}
