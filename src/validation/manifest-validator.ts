import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { Finding, FindingRule } from './finding';
import { CrdIndex, listYamlFiles } from './private/crd-index';
import { Issue } from './private/issue';
import { checkObject } from './private/object-checks';
import { referenceIssues } from './private/references';
import { ValidationReport } from './report';

/**
 * Options of a ManifestValidator.
 */
export interface ManifestValidatorOptions {
  /**
   * Check the rules only the providers' admission webhooks enforce (Cluster API, CAPA, BYOH).
   * @default true
   */
  readonly webhookRules?: boolean;
  /**
   * Check references between the objects of a set (contract references, cluster names, duplicate
   * objects, ClusterResourceSet resources).
   * @default true
   */
  readonly crossReferences?: boolean;
  /**
   * Cluster API feature gates enabled on the management cluster (e.g. `ClusterTopology`,
   * `MachineTaintPropagation`): fields behind a gate that is not listed are reported.
   * @default - only the gates on by default in CAPI v1.14 (MachinePool)
   */
  readonly featureGates?: string[];
}

/**
 * Offline, API-server-grade validation of Kubernetes manifests against a directory of CRDs:
 * strict OpenAPI schema, `x-kubernetes-validations` CEL rules, the Cluster API / provider webhook
 * rules no CRD carries, and references between the objects of the set.
 *
 * CRDs are loaded and indexed once per process and directory.
 */
export class ManifestValidator {
  /**
   * A validator for the CRDs (`*.yaml`/`*.yml`, multi-document, searched recursively) of a directory.
   * @param dir the directory holding the CRDs
   * @param options what to check
   */
  public static fromCrdDirectory(dir: string, options: ManifestValidatorOptions = {}): ManifestValidator {
    return new ManifestValidator(CrdIndex.load(dir), options);
  }

  /** Whether webhook-only rules are checked. */
  public readonly webhookRules: boolean;
  /** Whether references between objects are checked. */
  public readonly crossReferences: boolean;
  /** The Cluster API feature gates considered enabled (besides those on by default). */
  public readonly featureGates: string[];

  private constructor(private readonly index: CrdIndex, options: ManifestValidatorOptions) {
    this.webhookRules = options.webhookRules ?? true;
    this.crossReferences = options.crossReferences ?? true;
    this.featureGates = [...(options.featureGates ?? [])];
  }

  /**
   * Validate a set of objects (plain JSON, e.g. `chart.toJson()`). References are resolved within the set.
   * @param objects the Kubernetes objects
   */
  public validateObjects(objects: any[]): ValidationReport {
    return this.validateEntries(objects.map(object => ({ object })));
  }

  /**
   * Validate YAML files (multi-document) or directories of them (`*.yaml`/`*.yml`, recursively) as one set.
   * @param paths files or directories
   */
  public validateFiles(paths: string[]): ValidationReport {
    const entries: Entry[] = [];
    const findings: Finding[] = [];
    for (const p of paths) {
      if (!fs.existsSync(p)) {
        findings.push({ file: p, kind: '', name: '', path: '', message: `file or directory '${p}' does not exist`, rule: FindingRule.SCHEMA });
        continue;
      }
      for (const file of listYamlFiles(p)) {
        const read = readManifestFile(file);
        entries.push(...read.entries);
        findings.push(...read.findings);
      }
    }
    const report = this.validateEntries(entries);
    return new ValidationReport([...findings, ...report.findings], report.objectCount);
  }

  /**
   * Validate the documents of a YAML text as one set.
   * @param text multi-document YAML
   * @param fileName the file name reported in findings (none when omitted)
   */
  public validateYaml(text: string, fileName?: string): ValidationReport {
    const read = parseManifestText(text, fileName);
    const report = this.validateEntries(read.entries);
    return new ValidationReport([...read.findings, ...report.findings], report.objectCount);
  }

  private validateEntries(entries: Entry[]): ValidationReport {
    const findings: Finding[] = [];
    const gates = new Set(['MachinePool', ...this.featureGates]);
    entries.forEach(entry => {
      for (const issue of checkObject(this.index, entry.object, this.webhookRules, gates)) findings.push(toFinding(entry, issue));
    });
    if (this.crossReferences) {
      for (const { at, issue } of referenceIssues(entries.map(e => e.object))) findings.push(toFinding(entries[at], issue));
    }
    return new ValidationReport(findings, entries.length);
  }
}

interface Entry {
  readonly object: any;
  readonly file?: string;
}

function toFinding(entry: Entry, issue: Issue): Finding {
  const o = entry.object && typeof entry.object === 'object' ? entry.object : {};
  const f: Finding = {
    file: entry.file,
    apiVersion: typeof o.apiVersion === 'string' ? o.apiVersion : undefined,
    kind: typeof o.kind === 'string' ? o.kind : '',
    name: typeof o.metadata?.name === 'string' ? o.metadata.name : '',
    namespace: typeof o.metadata?.namespace === 'string' ? o.metadata.namespace : undefined,
    path: issue.path,
    message: issue.message,
    rule: issue.rule as FindingRule,
  };
  return JSON.parse(JSON.stringify(f));
}

function readManifestFile(file: string): { entries: Entry[]; findings: Finding[] } {
  return parseManifestText(fs.readFileSync(file, 'utf8'), path.relative(process.cwd(), file) || file);
}

function parseManifestText(text: string, file?: string): { entries: Entry[]; findings: Finding[] } {
  const entries: Entry[] = [];
  const findings: Finding[] = [];
  // YAML 1.1, as kubectl reads manifests: unquoted yes/no/on/off are booleans, 0755 is octal
  for (const doc of YAML.parseAllDocuments(text, { version: '1.1' })) {
    const errors = (doc as any).errors ?? [];
    if (errors.length > 0) {
      findings.push({ file, kind: '', name: '', path: '', message: `YAML parse error: ${errors[0].message}`, rule: FindingRule.SCHEMA });
      continue;
    }
    const value = (doc as any).toJS({ maxAliasCount: -1 });
    if (value === null || value === undefined) continue;
    if (typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items)) {
      for (const item of value.items) entries.push({ object: item, file });
    } else {
      entries.push({ object: value, file });
    }
  }
  return { entries, findings };
}
