import * as fs from 'fs';
import * as path from 'path';
import { Finding, FindingRule } from './finding';
import { CrdIndex } from './private/crd-index';
import { InputProblem, listYamlFiles, parseYamlDocuments, readTextFile } from './private/input-files';
import { Issue } from './private/issue';
import { checkObject } from './private/object-checks';
import { referenceIssues } from './private/references';
import { topologyIssues } from './private/topology';
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
   * `MachineTaintPropagation`, `KubeadmBootstrapFormatIgnition`, and CAPA's
   * `BootstrapFormatIgnition`): fields behind a gate that is not listed are reported.
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
      if (!pathExists(p)) {
        findings.push({ file: p, kind: '', name: '', path: '', message: `file or directory '${p}' does not exist`, rule: FindingRule.INPUT });
        continue;
      }
      const problems: InputProblem[] = [];
      for (const file of listYamlFiles(p, problems)) {
        const read = readManifestFile(file);
        entries.push(...read.entries);
        findings.push(...read.findings);
      }
      findings.push(...problems.map(pr => inputFinding(displayPath(pr.file), pr.message)));
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
    // CRDs that could not be read (reported once per report, with the CRD file)
    for (const problem of this.index.problems) findings.push(inputFinding(displayPath(problem.file), `CRD ${problem.message}`));
    if (this.crossReferences) {
      for (const { at, issue } of referenceIssues(entries.map(e => e.object))) findings.push(toFinding(entries[at], issue));
      for (const { at, issue } of topologyIssues(entries.map(e => e.object))) findings.push(toFinding(entries[at], issue));
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

function pathExists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

function inputFinding(file: string, message: string): Finding {
  return { file, kind: '', name: '', path: '', message, rule: FindingRule.INPUT };
}

function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

function readManifestFile(file: string): { entries: Entry[]; findings: Finding[] } {
  const read = readTextFile(file);
  if (read.text === undefined) return { entries: [], findings: [inputFinding(displayPath(file), read.problem ?? 'cannot read')] };
  return parseManifestText(read.text, displayPath(file));
}

function parseManifestText(text: string, file?: string): { entries: Entry[]; findings: Finding[] } {
  const entries: Entry[] = [];
  const findings: Finding[] = [];
  // YAML 1.1, as kubectl reads manifests: unquoted yes/no/on/off are booleans, 0755 is octal
  for (const doc of parseYamlDocuments(text, '1.1')) {
    if (doc.problem !== undefined) {
      findings.push({ file, kind: '', name: '', path: '', message: doc.problem, rule: FindingRule.INPUT });
      continue;
    }
    const value = doc.value;
    if (value === null || value === undefined) continue;
    if (typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items)) {
      for (const item of value.items) entries.push({ object: item, file });
    } else {
      entries.push({ object: value, file });
    }
  }
  return { entries, findings };
}
