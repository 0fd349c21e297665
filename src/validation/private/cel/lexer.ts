import { CelSyntaxError, CelUnsupportedError } from './errors';

/** Token kinds of CEL. */
export type TokenKind = 'int' | 'uint' | 'double' | 'string' | 'bytes' | 'ident' | 'op' | 'eof';

/** One token. */
export interface Token {
  readonly kind: TokenKind;
  readonly value: string | number;
  readonly pos: number;
}

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '?.', '<', '>', '!', '+', '-', '*', '/', '%', '?', ':', '.', ',', '(', ')', '[', ']', '{', '}'];

/** Split a CEL expression into tokens. */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const start = i;
    // string and bytes literals, with optional r/b prefixes
    const prefix = /^([rRbB]{1,2})?("""|'''|"|')/.exec(src.slice(i, i + 5));
    if (prefix && (prefix[1] === undefined || /^[rRbB]+$/.test(prefix[1]))) {
      const flags = (prefix[1] ?? '').toLowerCase();
      const quote = prefix[2];
      i += prefix[0].length;
      let value = '';
      for (;;) {
        if (i >= src.length) throw new CelSyntaxError('unterminated string literal', start);
        if (src.startsWith(quote, i)) { i += quote.length; break; }
        const ch = src[i];
        if (quote.length === 1 && ch === '\n') throw new CelSyntaxError('newline in string literal', i);
        if (ch === '\\' && !flags.includes('r')) {
          const [decoded, len] = unescape(src, i);
          value += decoded;
          i += len;
        } else {
          value += ch;
          i++;
        }
      }
      tokens.push({ kind: flags.includes('b') ? 'bytes' : 'string', value, pos: start });
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const hex = /^0[xX][0-9a-fA-F]+[uU]?/.exec(src.slice(i));
      if (hex) {
        const text = hex[0];
        const isUint = /[uU]$/.test(text);
        tokens.push({ kind: isUint ? 'uint' : 'int', value: parseInt(text.replace(/[uU]$/, ''), 16), pos: start });
        i += text.length;
        continue;
      }
      const num = /^(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?[uU]?/.exec(src.slice(i))!;
      const text = num[0];
      i += text.length;
      if (/[uU]$/.test(text)) tokens.push({ kind: 'uint', value: parseInt(text, 10), pos: start });
      else if (/[.eE]/.test(text)) tokens.push({ kind: 'double', value: parseFloat(text), pos: start });
      else tokens.push({ kind: 'int', value: parseInt(text, 10), pos: start });
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))![0];
      tokens.push({ kind: 'ident', value: id, pos: start });
      i += id.length;
      continue;
    }
    if (c === '`') throw new CelUnsupportedError('backtick-quoted field names');
    const op = OPERATORS.find(o => src.startsWith(o, i));
    if (!op) throw new CelSyntaxError(`unexpected character '${c}'`, i);
    tokens.push({ kind: 'op', value: op, pos: start });
    i += op.length;
  }
  tokens.push({ kind: 'eof', value: '', pos: src.length });
  return tokens;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  'a': '\x07',
  'b': '\b',
  'f': '\f',
  'n': '\n',
  'r': '\r',
  't': '\t',
  'v': '\v',
  '\\': '\\',
  '\'': '\'',
  '"': '"',
  '`': '`',
  '?': '?',
};

function unescape(src: string, i: number): [string, number] {
  const e = src[i + 1];
  if (e === undefined) throw new CelSyntaxError('dangling escape', i);
  if (SIMPLE_ESCAPES[e] !== undefined) return [SIMPLE_ESCAPES[e], 2];
  const hexLen = e === 'x' || e === 'X' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
  if (hexLen > 0) {
    const hex = src.slice(i + 2, i + 2 + hexLen);
    if (!new RegExp(`^[0-9a-fA-F]{${hexLen}}$`).test(hex)) throw new CelSyntaxError('invalid escape', i);
    return [String.fromCodePoint(parseInt(hex, 16)), 2 + hexLen];
  }
  const oct = /^[0-3][0-7]{2}/.exec(src.slice(i + 1, i + 4));
  if (oct) return [String.fromCharCode(parseInt(oct[0], 8)), 4];
  throw new CelSyntaxError(`invalid escape '\\${e}'`, i);
}
