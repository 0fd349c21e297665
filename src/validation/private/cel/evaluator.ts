import { Node } from './ast';
import { CelEvalError, CelUnsupportedError } from './errors';
import { callFunction } from './functions';
import { jsonEqual } from '../../../core/json-equal';

/** The value of `oldSelf` on create when a rule sets `optionalOldSelf`: an empty optional. */
export class CelOptional {
  constructor(public readonly present: boolean, public readonly value?: any) {}
}

/** Variables visible to an expression. */
export type Activation = ReadonlyMap<string, any>;

/** Evaluate a parsed CEL expression. Throws CelEvalError or CelUnsupportedError. */
export function evaluate(node: Node, vars: Activation): any {
  switch (node.t) {
    case 'lit': return node.v;
    case 'ident':
      if (!vars.has(node.name)) throw new CelEvalError(`undeclared reference to '${node.name}'`);
      return vars.get(node.name);
    case 'select': return select(evaluate(node.operand, vars), node.field);
    case 'has': {
      const target = evaluate(node.operand, vars);
      if (!isMap(target)) throw new CelEvalError(`invalid type for field selection: has() on ${typeName(target)}`);
      const key = fieldKey(target, node.field);
      return key !== undefined && target[key] !== undefined && target[key] !== null;
    }
    case 'index': return index(evaluate(node.operand, vars), evaluate(node.index, vars));
    case 'call': {
      const target = node.target === undefined ? undefined : evaluate(node.target, vars);
      const args = node.args.map(a => evaluate(a, vars));
      return callFunction(node.fn, node.target !== undefined, target, args);
    }
    case 'comp': return comprehension(node, vars);
    case 'list': return node.items.map(i => evaluate(i, vars));
    case 'map': {
      const m: Record<string, any> = {};
      for (const [k, v] of node.entries) m[String(evaluate(k, vars))] = evaluate(v, vars);
      return m;
    }
    case 'unary': {
      const v = evaluate(node.operand, vars);
      if (node.op === '!') return !asBool(v, '!');
      if (typeof v !== 'number') throw new CelEvalError(`no such overload: -${typeName(v)}`);
      return -v;
    }
    case 'binary': return binary(node.op, node.left, node.right, vars);
    case 'cond': return asBool(evaluate(node.cond, vars), '?:') ? evaluate(node.then, vars) : evaluate(node.else, vars);
  }
}

function binary(op: string, leftNode: Node, rightNode: Node, vars: Activation): any {
  if (op === '&&' || op === '||') {
    // CEL's logical operators are commutative with respect to errors
    const short = op === '||';
    let leftErr: unknown;
    try {
      if (asBool(evaluate(leftNode, vars), op) === short) return short;
    } catch (e) {
      if (e instanceof CelUnsupportedError) throw e;
      leftErr = e;
    }
    const right = asBool(evaluate(rightNode, vars), op);
    if (right === short) return short;
    if (leftErr) throw leftErr;
    return !short;
  }
  const l = evaluate(leftNode, vars);
  const r = evaluate(rightNode, vars);
  switch (op) {
    case '==': return jsonEqual(l, r);
    case '!=': return !jsonEqual(l, r);
    case '<': return compare(l, r) < 0;
    case '<=': return compare(l, r) <= 0;
    case '>': return compare(l, r) > 0;
    case '>=': return compare(l, r) >= 0;
    case 'in':
      if (Array.isArray(r)) return r.some(x => jsonEqual(x, l));
      if (isMap(r)) return Object.prototype.hasOwnProperty.call(r, String(l));
      throw new CelEvalError(`no such overload: ${typeName(l)} in ${typeName(r)}`);
    case '+':
      if (typeof l === 'number' && typeof r === 'number') return l + r;
      if (typeof l === 'string' && typeof r === 'string') return l + r;
      if (Array.isArray(l) && Array.isArray(r)) return [...l, ...r];
      throw new CelEvalError(`no such overload: ${typeName(l)} + ${typeName(r)}`);
    case '-': case '*': case '/': case '%':
      if (typeof l !== 'number' || typeof r !== 'number') throw new CelEvalError(`no such overload: ${typeName(l)} ${op} ${typeName(r)}`);
      return arithmetic(op, l, r);
    default: throw new CelUnsupportedError(`operator ${op}`);
  }
}

function arithmetic(op: string, l: number, r: number): number {
  const ints = Number.isInteger(l) && Number.isInteger(r);
  if (op === '-') return l - r;
  if (op === '*') return l * r;
  if (ints && r === 0) throw new CelEvalError(op === '/' ? 'division by zero' : 'modulus by zero');
  if (op === '/') return ints ? Math.trunc(l / r) : l / r;
  return l % r;
}

function compare(l: any, r: any): number {
  if (typeof l === 'number' && typeof r === 'number') return l - r;
  if (typeof l === 'string' && typeof r === 'string') return l < r ? -1 : l > r ? 1 : 0;
  if (typeof l === 'boolean' && typeof r === 'boolean') return Number(l) - Number(r);
  throw new CelEvalError(`no such overload: comparison of ${typeName(l)} and ${typeName(r)}`);
}

function comprehension(node: Extract<Node, { t: 'comp' }>, vars: Activation): any {
  const target = evaluate(node.target, vars);
  let pairs: Array<[any, any]>;
  if (Array.isArray(target)) pairs = target.map((v, i) => [i, v]);
  else if (isMap(target)) pairs = Object.keys(target).map(k => [k, target[k]]);
  else throw new CelEvalError(`no such overload: ${node.macro}() on ${typeName(target)}`);
  const bind = ([a, b]: [any, any]): Map<string, any> => {
    const scope = new Map(vars);
    if (node.v2 !== undefined) { scope.set(node.v, a); scope.set(node.v2, b); } else {scope.set(node.v, Array.isArray(target) ? b : a);}
    return scope;
  };
  const pred = (p: [any, any], expr: Node = node.args[0]): any => evaluate(expr, bind(p));
  switch (node.macro) {
    case 'all': case 'exists': {
      const stopOn = node.macro === 'exists';
      let err: unknown;
      for (const p of pairs) {
        try {
          if (asBool(pred(p), node.macro) === stopOn) return stopOn;
        } catch (e) {
          if (e instanceof CelUnsupportedError) throw e;
          err = err ?? e;
        }
      }
      if (err) throw err;
      return !stopOn;
    }
    case 'exists_one': return pairs.filter(p => asBool(pred(p), 'exists_one')).length === 1;
    case 'filter': return pairs.filter(p => asBool(pred(p), 'filter')).map(p => (Array.isArray(target) ? p[1] : p[0]));
    case 'map': {
      const kept = node.args.length === 2 ? pairs.filter(p => asBool(pred(p), 'map')) : pairs;
      return kept.map(p => pred(p, node.args[node.args.length - 1]));
    }
    default: throw new CelUnsupportedError(`macro ${node.macro}()`);
  }
}

function select(target: any, field: string): any {
  if (target instanceof CelOptional) throw new CelUnsupportedError('field selection on an optional value');
  if (!isMap(target)) throw new CelEvalError(`no such key: ${field} (selection on ${typeName(target)})`);
  const key = fieldKey(target, field);
  if (key === undefined || target[key] === undefined) throw new CelEvalError(`no such key: ${field}`);
  return target[key];
}

function index(target: any, i: any): any {
  if (Array.isArray(target)) {
    if (typeof i !== 'number' || !Number.isInteger(i)) throw new CelEvalError(`no such overload: list[${typeName(i)}]`);
    if (i < 0 || i >= target.length) throw new CelEvalError(`index out of bounds: ${i}`);
    return target[i];
  }
  if (isMap(target)) {
    const k = String(i);
    if (!Object.prototype.hasOwnProperty.call(target, k)) throw new CelEvalError(`no such key: ${k}`);
    return target[k];
  }
  throw new CelEvalError(`no such overload: ${typeName(target)}[${typeName(i)}]`);
}

/** The property of an object a CEL field name designates (Kubernetes escapes `-`, `.`, `/` and keywords). */
function fieldKey(target: Record<string, any>, field: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(target, field)) return field;
  const unescaped = field
    .replace(/^__([a-z]+)__$/, (m, w) => (['as', 'break', 'const', 'continue', 'else', 'false', 'for', 'function', 'if', 'import', 'in', 'let', 'loop', 'package', 'namespace', 'null', 'return', 'true', 'var', 'void', 'while'].includes(w) ? w : m))
    .replace(/__underscores__/g, '__').replace(/__dot__/g, '.').replace(/__dash__/g, '-').replace(/__slash__/g, '/');
  return Object.prototype.hasOwnProperty.call(target, unescaped) ? unescaped : undefined;
}

/** A value as a bool, or a CEL "no such overload" error. */
export function asBool(v: any, op: string): boolean {
  if (typeof v !== 'boolean') throw new CelEvalError(`no such overload: ${op} on ${typeName(v)}`);
  return v;
}

/** Whether a value is a CEL map (a plain object). */
export function isMap(v: any): v is Record<string, any> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof CelOptional);
}

/** The CEL type name of a value, for messages. */
export function typeName(v: any): string {
  if (v === null || v === undefined) return 'null_type';
  if (Array.isArray(v)) return 'list';
  if (v instanceof CelOptional) return 'optional';
  if (typeof v === 'object') return 'map';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'double';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}
