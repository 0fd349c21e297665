import * as fs from 'fs';
import * as path from 'path';
import { InputProblem, listYamlFiles, parseYamlDocument, readTextFile } from './input-files';

/** The schema of one served version of one CRD. */
export interface CrdVersion {
  readonly group: string;
  readonly kind: string;
  readonly version: string;
  readonly namespaced: boolean;
  readonly schema: any;
}

interface PendingDoc {
  readonly file: string;
  readonly text: string;
  parsed?: CrdVersion[];
}

const CACHE = new Map<string, CrdIndex>();

/**
 * All CRDs of a directory, indexed by group and kind. YAML documents are split and keyed with a
 * cheap text scan and parsed only when a kind is first looked up, so loading is fast and the
 * parsed schemas are kept for the life of the process.
 */
export class CrdIndex {
  /** The index of a directory, loaded once per process. */
  public static load(dir: string): CrdIndex {
    const key = path.resolve(dir);
    let index = CACHE.get(key);
    if (!index) {
      index = new CrdIndex(key);
      CACHE.set(key, index);
    }
    return index;
  }

  private readonly byGroupKind = new Map<string, PendingDoc[]>();
  private readonly problemList: InputProblem[] = [];

  private constructor(dir: string) {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
      throw new Error(`CRD directory '${dir}' does not exist or is not a directory.`);
    }
    for (const file of listYamlFiles(dir, this.problemList)) {
      const read = readTextFile(file);
      if (read.text === undefined) {
        this.problemList.push({ file, message: read.problem ?? 'cannot read' });
        continue;
      }
      for (const docText of splitDocuments(read.text)) {
        if (/^kind:\s*(List|CustomResourceDefinitionList)\s*$/m.test(docText)) {
          // `kubectl get crd -o yaml` writes one List of CRDs: index its items (parsed now).
          const items: any[] = this.parse(file, docText)?.items ?? [];
          if (!Array.isArray(items)) continue;
          for (const item of items.filter(i => i?.kind === 'CustomResourceDefinition')) {
            const parsed = parseCrd(item);
            this.add({ file, text: '', parsed }, [...new Set(parsed.map(v => `${v.group}/${v.kind}`))]);
          }
          continue;
        }
        if (!/^kind:\s*CustomResourceDefinition\s*$/m.test(docText)) continue;
        const doc: PendingDoc = { file, text: docText };
        let keys = scanKeys(docText);
        if (!keys) {
          doc.parsed = parseCrd(this.parse(file, docText));
          keys = [...new Set(doc.parsed.map(v => `${v.group}/${v.kind}`))];
        }
        this.add(doc, keys);
      }
    }
  }

  /**
   * CRD files that could not be read or parsed so far (CRDs are parsed when their kind is first
   * looked up, so the list grows as manifests are validated).
   */
  public get problems(): InputProblem[] {
    return [...this.problemList];
  }

  /** Parse one CRD document; a document that does not parse is recorded as a problem. */
  private parse(file: string, text: string): any {
    const doc = parseYamlDocument(text);
    if (doc.problem !== undefined) {
      const message = `file does not parse: ${doc.problem}; its CRDs are ignored`;
      if (!this.problemList.some(p => p.file === file && p.message === message)) this.problemList.push({ file, message });
      return undefined;
    }
    return doc.value;
  }

  private add(doc: PendingDoc, keys: string[]): void {
    for (const k of keys) {
      const list = this.byGroupKind.get(k) ?? [];
      list.push(doc);
      this.byGroupKind.set(k, list);
    }
  }

  /** Whether any CRD defines this group and kind (at any version). */
  public hasKind(group: string, kind: string): boolean {
    return this.byGroupKind.has(`${group}/${kind}`);
  }

  /** The served versions of a group and kind. */
  public versions(group: string, kind: string): CrdVersion[] {
    const docs = this.byGroupKind.get(`${group}/${kind}`) ?? [];
    const result: CrdVersion[] = [];
    for (const doc of docs) {
      if (!doc.parsed) doc.parsed = parseCrd(this.parse(doc.file, doc.text));
      result.push(...doc.parsed.filter(v => v.group === group && v.kind === kind));
    }
    return result;
  }

  /** Every served version of every CRD (parses all of them). */
  public all(): CrdVersion[] {
    const out: CrdVersion[] = [];
    for (const key of [...this.byGroupKind.keys()].sort()) {
      const [group, kind] = [key.slice(0, key.lastIndexOf('/')), key.slice(key.lastIndexOf('/') + 1)];
      out.push(...this.versions(group, kind));
    }
    return out;
  }

  /** The schema of one version, if served. */
  public find(group: string, version: string, kind: string): CrdVersion | undefined {
    return this.versions(group, kind).find(v => v.version === version);
  }
}

function scanKeys(text: string): string[] | undefined {
  const group = /^ {2}group:\s*['"]?([^'"\s]+)['"]?\s*$/m.exec(text);
  const names = /^ {2}names:\s*\n((?: {4}.*\n?| *\n)*)/m.exec(text);
  const kind = names ? /^ {4}kind:\s*['"]?([^'"\s]+)['"]?\s*$/m.exec(names[1]) : null;
  if (!group || !kind) return undefined;
  return [`${group[1]}/${kind[1]}`];
}

function parseCrd(doc: any): CrdVersion[] {
  const spec = doc?.spec;
  if (!spec || typeof spec !== 'object' || typeof spec.names?.kind !== 'string' || typeof spec.group !== 'string' || !Array.isArray(spec.versions)) return [];
  return spec.versions
    .filter((v: any) => v && typeof v === 'object' && typeof v.name === 'string' && v.served !== false)
    .map((v: any) => ({
      group: spec.group,
      kind: spec.names.kind,
      version: v.name,
      namespaced: spec.scope !== 'Cluster',
      schema: v.schema?.openAPIV3Schema ?? spec.validation?.openAPIV3Schema ?? {},
    }));
}

/** Split a YAML stream into documents on `---` lines. */
export function splitDocuments(text: string): string[] {
  return text.split(/^---[ \t]*(?:#.*)?$/m).filter(d => d.trim().length > 0);
}
