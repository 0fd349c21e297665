/**
 * The YAML writer of the manifests: a small emitter for JSON data (what `ApiObject.toJson()`
 * returns), several times faster than a general YAML library, whose output every reader of
 * Kubernetes manifests takes for the same data.
 *
 * Output is YAML 1.2 in block style (2-space indentation, sequences indented under their key, as
 * cdk8s writes them). A string is written plain only when no YAML 1.2 or YAML 1.1 reader could
 * take it for anything else: printable ASCII, starting with a letter or one of `_ / $ ^ ( ) ; \`
 * (or `-` followed by one of those or `-`), no `: `, ` #`, trailing `:` or surrounding spaces, and none of
 * the YAML 1.1 words `y n yes no on off true false null` in any case, nor a bare exponent (`e0`). Everything that could be
 * read as a number, a boolean, null, a timestamp, an octal (`0755`), a sexagesimal (`1:30`), a
 * float (`1e3`, `.5`, `.inf`), a merge key (`<<`), a document marker (`---`) or an indicator is
 * quoted: single quotes when it is one printable line, double quotes (JSON escapes, plus `\uXXXX`
 * for the characters YAML does not allow raw or YAML 1.1 takes for line breaks) otherwise.
 * Strings of several lines are literal blocks (`|`, `|-`, `|+`) when that keeps them exact.
 *
 * `undefined` in a mapping is written as `null` (as cdk8s `Yaml.stringify` does); numbers as
 * JavaScript writes them (`-0`, `.nan`, `.inf`, `-.inf` for the special values).
 */
import { ApiObject } from 'cdk8s';
import { ByteSink } from './byte-sink';
import { withFastToJson } from './manifest-json';

/**
 * A plain scalar: starts with a letter or one of `_ / $ ^ ( ) ; \` (or `-` before one of those or
 * another `-`, but not `---`), then printable ASCII where `:` is followed by a non-space and a
 * space by neither `#` nor the end.
 */
const PLAIN = /^(?:[A-Za-z_/$^();\\]|(?!---)-(?=[A-Za-z_/$^();\\-]))(?:[!-9;-~]|:(?=[!-~])| (?=[ !"$-~]))*$/;
/** YAML 1.1 booleans and null (`y`, `NO`, `Off`, …), compared in lower case. */
const WORDS = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null']);
/** A bare exponent (`e0`, `E+5`): the `yaml` package's YAML 1.1 schema reads it as a float. */
const BARE_EXPONENT = /^[eE][-+]?[0-9]+$/;
/** One line of characters allowed raw inside quotes (no C0/C1 controls, DEL, NEL, LS/PS, BOM, surrogates). */
const SINGLE_QUOTABLE = /^[\x20-\x7E\u00A0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]*$/;
/** Characters allowed raw in a literal block: the quotable ones, tab and line feed. */
const BLOCK_SAFE = /^[\t\n\x20-\x7E\u00A0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]*$/;
/** Characters JSON leaves raw that YAML must see escaped. */
const NEEDS_ESCAPE = /[\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]/g;

/** Rendered mapping keys (the same few hundred keys repeat in every manifest). */
const keyCache = new Map<string, string>();

/**
 * Multi-document YAML: one document per object, each starting with `---`, in the order given.
 * Objects are JSON values or cdk8s `ApiObject`s; an `ApiObject` is converted with `manifestJson`
 * one at a time, so that only one object's JSON is alive at any moment.
 *
 * The first document starts with `---` too, so that files concatenated as they are stay separate
 * documents: `cdk8s synth --stdout` pipes every file to standard output without a separator
 * (cdk8s-team/cdk8s-cli#943), which would otherwise merge the last object of one file with the
 * first of the next.
 */
export function stringifyManifests(objects: any[]): string {
  const sink = new ByteSink();
  writeManifests(sink, objects);
  return sink.toString();
}

/** `stringifyManifests`, appended to `sink` as UTF-8 (one document's text alive at a time). */
export function writeManifests(sink: ByteSink, objects: any[]): void {
  withFastToJson(() => {
    for (let i = 0; i < objects.length; i++) {
      const o = objects[i];
      sink.put('---\n');
      sink.put(stringifyDocument(ApiObject.isApiObject(o) ? o.toJson() : o));
    }
  });
}

/** One YAML document (ending with a line feed) for a JSON value. */
export function stringifyDocument(value: any): string {
  if (value !== null && typeof value === 'object') {
    if (Array.isArray(value)) return value.length === 0 ? '[]\n' : sequence(value, '', 0);
    return isEmpty(value) ? '{}\n' : mapping(value, '', 0);
  }
  return scalar(value, '') + '\n';
}

/** Whether a mapping has no keys (without listing them). */
function isEmpty(obj: Record<string, any>): boolean {
  for (const k in obj) if (hasOwn.call(obj, k)) return false;
  return true;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** `n` spaces (the same strings for every line of every document). */
const SPACES: string[] = [];
function spaces(n: number): string {
  return SPACES[n] ?? (SPACES[n] = ' '.repeat(n));
}

// The writers concatenate strings rather than `join` an array of pieces: `Array.prototype.join`
// makes a two-byte string (2 bytes per character, transcoded again when written) as soon as one
// piece is a "thin" string — what V8 leaves of a string once it was used as a property key, e.g.
// an object name that is also a construct id — while concatenation keeps ASCII documents one-byte.

/** A block mapping indented by `indent` spaces; its first line starts with `first` instead. */
function mapping(obj: Record<string, any>, first: string, indent: number): string {
  const inner = indent + 2;
  let out = '';
  let prefix = first;
  // for…in: own keys come first, in Object.keys order; no array per mapping
  for (const k in obj) {
    if (!hasOwn.call(obj, k)) continue;
    const v = obj[k];
    out += prefix + key(k);
    prefix = spaces(indent);
    if (v !== null && typeof v === 'object') {
      if (Array.isArray(v)) {
        out += v.length === 0 ? ': []\n' : ':\n' + sequence(v, spaces(inner), inner);
      } else {
        out += isEmpty(v) ? ': {}\n' : ':\n' + mapping(v, spaces(inner), inner);
      }
    } else {
      out += ': ' + scalar(v, spaces(inner)) + '\n';
    }
  }
  return out;
}

/** A block sequence indented by `indent` spaces; its first line starts with `first` instead. */
function sequence(arr: any[], first: string, indent: number): string {
  const inner = indent + 2;
  let out = '';
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    out += (i === 0 ? first : spaces(indent)) + '- ';
    if (v !== null && typeof v === 'object') {
      if (Array.isArray(v)) out += v.length === 0 ? '[]\n' : sequence(v, '', inner);
      else out += isEmpty(v) ? '{}\n' : mapping(v, '', inner);
    } else {
      out += scalar(v === undefined ? null : v, spaces(inner)) + '\n';
    }
  }
  return out;
}

function key(k: string): string {
  let rendered = keyCache.get(k);
  if (rendered === undefined) {
    rendered = k.includes('\n') ? doubleQuoted(k) : string(k, '');
    if (keyCache.size < 10_000) keyCache.set(k, rendered);
  }
  return rendered;
}

/** A scalar; block scalars' lines are indented with `indent`. */
function scalar(v: any, indent: string): string {
  switch (typeof v) {
    case 'string': return string(v, indent);
    case 'number': return number(v);
    case 'boolean': return v ? 'true' : 'false';
    case 'bigint': return String(v);
    case 'undefined': return 'null';
    case 'object': return 'null'; // null (objects are collections)
    default: throw new Error(`cannot write a ${typeof v} as YAML`);
  }
}

function number(n: number): string {
  if (Number.isFinite(n)) return Object.is(n, -0) ? '-0' : String(n);
  if (Number.isNaN(n)) return '.nan';
  return n > 0 ? '.inf' : '-.inf';
}

function string(s: string, indent: string): string {
  if (PLAIN.test(s) && !(s.length <= 5 && WORDS.has(s.toLowerCase())) && !BARE_EXPONENT.test(s)) return s;
  if (s.includes('\n')) return literalBlock(s, indent) ?? doubleQuoted(s);
  if (SINGLE_QUOTABLE.test(s)) return `'${s.replace(/'/g, "''")}'`;
  return doubleQuoted(s);
}

function doubleQuoted(s: string): string {
  return JSON.stringify(s).replace(NEEDS_ESCAPE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `s` as a literal block scalar, or undefined when one cannot carry it exactly. */
function literalBlock(s: string, indent: string): string | undefined {
  if (!BLOCK_SAFE.test(s)) return undefined;
  const lines = s.split('\n');
  // Trailing line feeds decide the chomping indicator: none `|-`, one `|`, more `|+`.
  let end = lines.length;
  while (end > 0 && lines[end - 1] === '') end--;
  if (end === 0) return undefined; // only line feeds
  const trailing = lines.length - end;
  // The first line with content sets the indentation: it must not start with white space, and
  // the lines before it must be empty.
  let first = 0;
  while (lines[first] === '') first++;
  const c = lines[first].charCodeAt(0);
  if (c === 0x20 || c === 0x09) return undefined;
  let out = trailing === 0 ? '|-' : trailing === 1 ? '|' : '|+';
  const last = trailing <= 1 ? end : lines.length - 1;
  for (let i = 0; i < last; i++) {
    const line = lines[i];
    out += line === '' ? '\n' : '\n' + indent + line;
  }
  return out;
}
