import { CelEvalError, CelUnsupportedError } from './errors';
import { CelOptional, isMap, typeName } from './evaluator';
import { compilePattern } from '../regex';

/**
 * Call a CEL function: the standard library subset plus the Kubernetes string and list
 * extensions used by CRD rules. Anything else is a CelUnsupportedError.
 */
export function callFunction(fn: string, member: boolean, target: any, args: any[]): any {
  const all = member ? [target, ...args] : args;
  const sig = `${member ? `${typeName(target)}.` : ''}${fn}(${args.map(typeName).join(', ')})`;
  const fail = (): never => { throw new CelEvalError(`no such overload: ${sig}`); };
  const [a, b, c] = all;
  switch (fn) {
    case 'size':
      if (all.length !== 1) fail();
      if (typeof a === 'string') return [...a].length;
      if (Array.isArray(a)) return a.length;
      if (isMap(a)) return Object.keys(a).length;
      return fail();
    case 'startsWith': return strings(all, 2, fail) && a.startsWith(b);
    case 'endsWith': return strings(all, 2, fail) && a.endsWith(b);
    case 'contains': return strings(all, 2, fail) && a.includes(b);
    case 'matches': {
      strings(all, 2, fail);
      const re = compilePattern(b);
      if (!re) throw new CelUnsupportedError(`regular expression '${b}'`);
      return re.test(a);
    }
    case 'lowerAscii': return strings(all, 1, fail) && a.replace(/[A-Z]/g, (x: string) => x.toLowerCase());
    case 'upperAscii': return strings(all, 1, fail) && a.replace(/[a-z]/g, (x: string) => x.toUpperCase());
    case 'trim': return strings(all, 1, fail) && a.trim();
    case 'split':
      if (typeof a !== 'string' || typeof b !== 'string') return fail();
      if (c === undefined || c < 0) return a.split(b);
      if (c === 0) return [];
      { const parts = a.split(b); return c >= parts.length ? parts : [...parts.slice(0, c - 1), parts.slice(c - 1).join(b)]; }
    case 'join':
      if (!Array.isArray(a) || a.some(x => typeof x !== 'string') || (b !== undefined && typeof b !== 'string')) return fail();
      return a.join(b ?? '');
    case 'replace':
      if (typeof a !== 'string' || typeof b !== 'string' || typeof c !== 'string') return fail();
      if (all.length === 4) { let s = a; for (let n = 0; n < all[3] && s.includes(b); n++) s = s.replace(b, c); return s; }
      return a.split(b).join(c);
    case 'substring': {
      if (typeof a !== 'string' || typeof b !== 'number') return fail();
      const cps = [...a];
      const end = c ?? cps.length;
      if (b < 0 || end > cps.length || b > end) throw new CelEvalError(`substring out of range: ${b}, ${end}`);
      return cps.slice(b, end).join('');
    }
    case 'charAt': {
      if (typeof a !== 'string' || typeof b !== 'number') return fail();
      const cps = [...a];
      if (b < 0 || b > cps.length) throw new CelEvalError(`index out of range: ${b}`);
      return cps[b] ?? '';
    }
    case 'indexOf': case 'lastIndexOf':
      if (typeof a === 'string' && typeof b === 'string') {
        const cps = [...a];
        const idx = fn === 'indexOf' ? a.indexOf(b, c === undefined ? 0 : [...cps.slice(0, c)].join('').length) : a.lastIndexOf(b);
        return idx < 0 ? -1 : [...a.slice(0, idx)].length;
      }
      if (Array.isArray(a)) {
        const keys = a.map(x => JSON.stringify(x));
        return fn === 'indexOf' ? keys.indexOf(JSON.stringify(b)) : keys.lastIndexOf(JSON.stringify(b));
      }
      return fail();
    case 'isSorted': return Array.isArray(a) ? a.every((x, i) => i === 0 || a[i - 1] <= x) : fail();
    case 'sum': return Array.isArray(a) && a.every(x => typeof x === 'number') ? a.reduce((s, x) => s + x, 0) : fail();
    case 'min': case 'max':
      if (!Array.isArray(a) || a.length === 0) throw new CelEvalError(`${fn}() on an empty or non-list value`);
      return a.reduce((m, x) => ((fn === 'min' ? x < m : x > m) ? x : m));
    case 'int': return toInt(a, fail);
    case 'uint': { const v = toInt(a, fail); if (v < 0) throw new CelEvalError('uint overflow'); return v; }
    case 'double':
      if (typeof a === 'number') return a;
      if (typeof a === 'string' && a.trim() !== '' && !isNaN(Number(a))) return Number(a);
      return fail();
    case 'string':
      if (typeof a === 'string') return a;
      if (typeof a === 'number' || typeof a === 'boolean') return String(a);
      return fail();
    case 'bool':
      if (typeof a === 'boolean') return a;
      if (a === 'true' || a === 'false') return a === 'true';
      return fail();
    case 'dyn': return a;
    case 'hasValue': return a instanceof CelOptional ? a.present : fail();
    case 'orValue': return a instanceof CelOptional ? (a.present ? a.value : b) : fail();
    case 'value':
      if (!(a instanceof CelOptional)) return fail();
      if (!a.present) throw new CelEvalError('optional.none() dereference');
      return a.value;
    default:
      throw new CelUnsupportedError(`function ${fn}()`);
  }
}

function strings(all: any[], n: number, fail: () => never): true {
  if (all.length !== n || all.some(x => typeof x !== 'string')) fail();
  return true;
}

function toInt(a: any, fail: () => never): number {
  if (typeof a === 'number') return Math.trunc(a);
  if (typeof a === 'string' && /^[+-]?\d+$/.test(a.trim())) return parseInt(a, 10);
  if (typeof a === 'boolean') return fail();
  throw new CelEvalError(`cannot convert ${typeName(a)} to int`);
}
