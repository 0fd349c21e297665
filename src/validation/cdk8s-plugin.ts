import * as path from 'path';
import { Finding, FindingRule } from './finding';
import { ManifestValidator } from './manifest-validator';

/**
 * Properties of the cdk8s validation plugin (the `properties` of its `cdk8s.yaml` entry).
 */
export interface CapiManifestValidationProps {
  /**
   * Directory of CustomResourceDefinitions to validate against.
   * @default '../shared/crds' (relative to the working directory of `cdk8s synth`)
   */
  readonly crds?: string;
  /**
   * Cluster API feature gates enabled on the management cluster.
   * @default - only the gates on by default in CAPI v1.14
   */
  readonly featureGates?: string[];
}

const FIXES: Record<string, string> = {
  [FindingRule.SCHEMA]: 'Change the field to match the CRD schema (names, types, enums, patterns, sizes), or omit it.',
  [FindingRule.CEL]: 'Change the object so that the x-kubernetes-validations rule of the CRD holds.',
  [FindingRule.WEBHOOK]: 'Change the object to satisfy the provider admission webhook (see capi-notes §3).',
  [FindingRule.REFERENCE]: 'Add the referenced object to the app, fix the reference, or remove the duplicate.',
  [FindingRule.INPUT]: 'Make the file a readable, regular YAML file (valid syntax, no alias expansion beyond the guard, within the size limit).',
};

/**
 * A cdk8s validation plugin running the ManifestValidator over the synthesized manifests.
 *
 * In `cdk8s.yaml`, with the path of the installed library (a bare package name makes cdk8s-cli
 * `npm install` a second copy into its plugin directory; see docs/validation.md):
 *
 * ```yaml
 * validations:
 *   - package: ./node_modules/capi-blueprints
 *     version: 0.0.0
 *     class: CapiManifestValidation
 *     properties:
 *       crds: crds
 * ```
 */
export class CapiManifestValidation {
  /** The CRD directory validated against. */
  public readonly crds: string;
  /** The Cluster API feature gates considered enabled. */
  public readonly featureGates: string[];

  /**
   * @param props plugin properties from `cdk8s.yaml`
   */
  constructor(props: CapiManifestValidationProps = {}) {
    this.crds = path.resolve(props.crds ?? '../shared/crds');
    this.featureGates = [...(props.featureGates ?? [])];
  }

  /**
   * Run the validation (the cdk8s-cli `Validation` contract): reads `context.manifests`, adds one
   * violation per distinct problem to `context.report` and submits it.
   * @param context the cdk8s-cli `ValidationContext`
   */
  public async validate(context: any): Promise<void> {
    const manifests: string[] = [...(context.manifests ?? [])];
    const report = ManifestValidator.fromCrdDirectory(this.crds, { featureGates: this.featureGates }).validateFiles(manifests);
    const groups = new Map<string, Finding[]>();
    for (const f of report.findings) {
      const key = `${f.rule}\u0000${f.message}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    for (const findings of groups.values()) {
      const first = findings[0];
      context.report.addViolation({
        ruleName: `capi-blueprints/${first.rule}`,
        recommendation: first.message,
        fix: FIXES[first.rule] ?? '',
        violatingResources: findings.map(f => ({
          resourceName: f.name || `${f.kind || 'object'}`,
          locations: [f.path || '(object)'],
          manifestPath: f.file ?? '',
        })),
      });
    }
    context.logger?.log?.(`capi-blueprints: ${report.objectCount} object(s) validated, ${report.findings.length} finding(s)`);
    context.report.submit(report.ok ? 'success' : 'failure', {
      objects: String(report.objectCount),
      findings: String(report.findings.length),
    });
  }
}
