import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';

/**
 * Bounds on untrusted input (manifests and CRDs): the validator must finish in bounded time and
 * memory on any file, and report what it could not read instead of crashing.
 */
export const INPUT_LIMITS = {
  /** Largest file read, in bytes (an etcd object is at most 1.5 MiB; a file holds many). */
  maxFileBytes: 32 * 1024 * 1024,
  /**
   * Most alias nodes a document may expand (the `yaml` library's resource-exhaustion guard;
   * Kubernetes manifests use no aliases, so a document that needs more is an attack).
   */
  maxAliasCount: 100,
  /** Deepest nesting of maps and lists in one object (the API server's JSON decoder allows 10000). */
  maxDepth: 1000,
};

/** A file or directory that could not be read, with why. */
export interface InputProblem {
  readonly file: string;
  readonly message: string;
}

/**
 * Every `*.yaml`/`*.yml` regular file under a path (the path itself when it is a file), sorted.
 * Symbolic links are followed, but a directory is entered once (links that loop are skipped);
 * non-regular files (FIFOs, sockets, devices) are never opened, so nothing can block; whatever
 * cannot be listed or stat'ed is reported instead of thrown.
 */
export function listYamlFiles(p: string, problems: InputProblem[] = []): string[] {
  const out: string[] = [];
  const visited = new Set<string>();
  const walk = (current: string, explicit: boolean): void => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(current);
    } catch (e) {
      problems.push({ file: current, message: `cannot read: ${errorText(e)}; skipped` });
      return;
    }
    if (stat.isDirectory()) {
      let real: string;
      try {
        real = fs.realpathSync(current);
      } catch (e) {
        problems.push({ file: current, message: `cannot read: ${errorText(e)}; skipped` });
        return;
      }
      if (visited.has(real)) return; // a symbolic link back into a directory already read
      visited.add(real);
      let entries: string[];
      try {
        entries = fs.readdirSync(current).sort();
      } catch (e) {
        problems.push({ file: current, message: `cannot list directory: ${errorText(e)}; skipped` });
        return;
      }
      for (const entry of entries) {
        const full = path.join(current, entry);
        if (/\.ya?ml$/i.test(entry)) {
          walk(full, false);
        } else {
          // only directories are entered; other files without a YAML extension are ignored
          let isDir = false;
          try { isDir = fs.statSync(full).isDirectory(); } catch { isDir = false; }
          if (isDir) walk(full, false);
        }
      }
      return;
    }
    if (!stat.isFile()) {
      problems.push({ file: current, message: `not a regular file (${fileType(stat)}); skipped without reading it` });
      return;
    }
    if (explicit || /\.ya?ml$/i.test(current)) out.push(current);
  };
  walk(p, true);
  return out;
}

/** The text of a regular file, or why it cannot be read (too large, unreadable, not UTF-8 text). */
export function readTextFile(file: string): { text?: string; problem?: string } {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { problem: `not a regular file (${fileType(stat)}); skipped without reading it` };
    if (stat.size > INPUT_LIMITS.maxFileBytes) {
      return { problem: `file is ${stat.size} bytes, more than the ${INPUT_LIMITS.maxFileBytes} bytes the validator reads; split it into smaller files` };
    }
    const text = fs.readFileSync(file, 'utf8');
    if (text.includes('\u0000')) return { problem: 'not a text file (contains NUL bytes); skipped' };
    return { text };
  } catch (e) {
    return { problem: `cannot read: ${errorText(e)}; skipped` };
  }
}

/** One parsed YAML document: its value, or why it could not be turned into data. */
export interface ParsedDocument {
  readonly value?: any;
  readonly problem?: string;
}

/**
 * Parse a multi-document YAML text (YAML 1.1, as kubectl reads manifests) with bounded alias
 * expansion and nesting; never throws.
 */
export function parseYamlDocuments(text: string, version: '1.1' | '1.2' = '1.1'): ParsedDocument[] {
  let docs: YAML.Document.Parsed[];
  try {
    docs = YAML.parseAllDocuments(text, { version }) as YAML.Document.Parsed[];
    if (!Array.isArray(docs)) docs = [docs as any];
  } catch (e) {
    return [{ problem: parseErrorText(e) }];
  }
  return docs.map(doc => parseDocument(doc));
}

/** Parse one YAML document text (bounded, never throws). */
export function parseYamlDocument(text: string): ParsedDocument {
  try {
    return parseDocument(YAML.parseDocument(text, { version: '1.2' }) as YAML.Document.Parsed);
  } catch (e) {
    return { problem: parseErrorText(e) };
  }
}

function parseDocument(doc: YAML.Document.Parsed): ParsedDocument {
  const errors = doc.errors ?? [];
  if (errors.length > 0) return { problem: parseErrorText(errors[0]) };
  let value: any;
  try {
    value = doc.toJS({ maxAliasCount: INPUT_LIMITS.maxAliasCount });
  } catch (e) {
    const text = errorText(e);
    if (/alias count|resource exhaustion/i.test(text)) {
      return { problem: `YAML aliases expand too much (more than ${INPUT_LIMITS.maxAliasCount} alias nodes): resource exhaustion guard; expand the aliases in the file` };
    }
    return { problem: parseErrorText(e) };
  }
  const depth = nestingDepth(value, INPUT_LIMITS.maxDepth);
  if (depth > INPUT_LIMITS.maxDepth) return { problem: `document is nested more than ${INPUT_LIMITS.maxDepth} levels deep; not a Kubernetes object` };
  return { value };
}

/** The nesting depth of a value, counted without recursion, stopping once it passes `limit`. */
function nestingDepth(value: any, limit: number): number {
  let max = 0;
  const stack: Array<[any, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > max) max = d + 1;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/** A one-line message for a YAML error (the `yaml` library adds a multi-line excerpt). */
function parseErrorText(e: unknown): string {
  const first = errorText(e).split('\n')[0].replace(/:\s*$/, '');
  if (e instanceof RangeError || /Maximum call stack size exceeded/.test(first)) {
    return `document is nested more than the parser can follow (${first}); not a Kubernetes object`;
  }
  return `YAML parse error: ${first}`;
}

function fileType(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a file';
}

/** The message of an error (errno code first when there is one). */
export function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err === 'object' && typeof err.message === 'string') return err.message;
  return String(e);
}
