import { Node } from './ast';
import { CelSyntaxError, CelUnsupportedError } from './errors';
import { Token, tokenize } from './lexer';

const MACROS = new Set(['all', 'exists', 'exists_one', 'filter', 'map']);
const RESERVED = new Set(['as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if', 'import', 'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while']);

const CACHE = new Map<string, Node>();

/** Parse a CEL expression (cached by text). Throws CelSyntaxError or CelUnsupportedError. */
export function parseCel(src: string): Node {
  let node = CACHE.get(src);
  if (!node) {
    node = new Parser(tokenize(src)).parseAll();
    CACHE.set(src, node);
  }
  return node;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  public parseAll(): Node {
    const e = this.expr();
    if (this.peek().kind !== 'eof') throw new CelSyntaxError(`unexpected '${this.peek().value}'`, this.peek().pos);
    return e;
  }

  private peek(): Token { return this.tokens[this.i]; }
  private next(): Token { return this.tokens[this.i++]; }
  private isOp(v: string): boolean { const t = this.peek(); return t.kind === 'op' && t.value === v; }
  private accept(v: string): boolean {
    if (this.isOp(v)) { this.i++; return true; }
    return false;
  }
  private expect(v: string): void {
    if (!this.accept(v)) throw new CelSyntaxError(`expected '${v}' but found '${this.peek().value || 'end of expression'}'`, this.peek().pos);
  }

  private expr(): Node {
    const cond = this.or();
    if (this.accept('?')) {
      const then = this.or();
      this.expect(':');
      const otherwise = this.expr();
      return { t: 'cond', cond, then, else: otherwise };
    }
    return cond;
  }

  private or(): Node {
    let left = this.and();
    while (this.accept('||')) left = { t: 'binary', op: '||', left, right: this.and() };
    return left;
  }

  private and(): Node {
    let left = this.relation();
    while (this.accept('&&')) left = { t: 'binary', op: '&&', left, right: this.relation() };
    return left;
  }

  private relation(): Node {
    let left = this.addition();
    for (;;) {
      const t = this.peek();
      const op = t.kind === 'op' && ['<', '<=', '>', '>=', '==', '!='].includes(t.value as string) ? t.value as string
        : t.kind === 'ident' && t.value === 'in' ? 'in' : undefined;
      if (!op) return left;
      this.i++;
      left = { t: 'binary', op, left, right: this.addition() };
    }
  }

  private addition(): Node {
    let left = this.multiplication();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next().value as string;
      left = { t: 'binary', op, left, right: this.multiplication() };
    }
    return left;
  }

  private multiplication(): Node {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = this.next().value as string;
      left = { t: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Node {
    if (this.accept('!')) return { t: 'unary', op: '!', operand: this.unary() };
    if (this.isOp('-')) {
      this.i++;
      const operand = this.unary();
      if (operand.t === 'lit' && typeof operand.v === 'number') return { t: 'lit', v: -operand.v, kind: operand.kind };
      return { t: 'unary', op: '-', operand };
    }
    return this.member();
  }

  private member(): Node {
    let node = this.primary();
    for (;;) {
      if (this.isOp('?.')) throw new CelUnsupportedError('optional field selection (?.)');
      if (this.accept('.')) {
        const name = this.ident();
        if (this.accept('(')) {
          const args = this.args(')');
          node = MACROS.has(name) ? this.macro(node, name, args) : { t: 'call', target: node, fn: name, args };
        } else {
          node = { t: 'select', operand: node, field: name };
        }
      } else if (this.accept('[')) {
        if (this.isOp('?')) throw new CelUnsupportedError('optional index ([?])');
        const index = this.expr();
        this.expect(']');
        node = { t: 'index', operand: node, index };
      } else {
        return node;
      }
    }
  }

  private macro(target: Node, name: string, args: Node[]): Node {
    const varName = (n: Node): string => {
      if (n.t !== 'ident') throw new CelSyntaxError(`${name}() expects a variable name as first argument`, this.peek().pos);
      return n.name;
    };
    if (args.length === 2) return { t: 'comp', macro: name, target, v: varName(args[0]), args: [args[1]] };
    if (args.length === 3 && name === 'map') return { t: 'comp', macro: name, target, v: varName(args[0]), args: [args[1], args[2]] };
    if (args.length === 3) return { t: 'comp', macro: name, target, v: varName(args[0]), v2: varName(args[1]), args: [args[2]] };
    throw new CelSyntaxError(`wrong number of arguments to ${name}()`, this.peek().pos);
  }

  private ident(): string {
    const t = this.next();
    if (t.kind !== 'ident') throw new CelSyntaxError(`expected an identifier but found '${t.value}'`, t.pos);
    return t.value as string;
  }

  private args(close: string): Node[] {
    const args: Node[] = [];
    if (this.accept(close)) return args;
    for (;;) {
      args.push(this.expr());
      if (this.accept(close)) return args;
      this.expect(',');
      if (this.accept(close)) return args;
    }
  }

  private primary(): Node {
    const t = this.next();
    switch (t.kind) {
      case 'int': case 'uint': case 'double': return { t: 'lit', v: t.value, kind: t.kind };
      case 'string': return { t: 'lit', v: t.value, kind: 'string' };
      case 'bytes': throw new CelUnsupportedError('bytes literals');
      case 'ident': return this.identOrCall(t);
      case 'op':
        if (t.value === '(') { const e = this.expr(); this.expect(')'); return e; }
        if (t.value === '[') return { t: 'list', items: this.args(']') };
        if (t.value === '{') return this.mapLiteral();
        if (t.value === '.') return this.identOrCall(this.next());
        break;
      default:
    }
    throw new CelSyntaxError(`unexpected '${t.value || 'end of expression'}'`, t.pos);
  }

  private identOrCall(t: Token): Node {
    const name = t.value as string;
    if (name === 'true' || name === 'false') return { t: 'lit', v: name === 'true', kind: 'bool' };
    if (name === 'null') return { t: 'lit', v: null, kind: 'null' };
    if (RESERVED.has(name)) throw new CelSyntaxError(`reserved identifier '${name}'`, t.pos);
    if (this.accept('(')) {
      const args = this.args(')');
      if (name === 'has') {
        if (args.length !== 1 || args[0].t !== 'select') throw new CelSyntaxError('has() expects a field selection, e.g. has(self.field)', t.pos);
        return { t: 'has', operand: args[0].operand, field: args[0].field };
      }
      return { t: 'call', fn: name, args };
    }
    if (this.isOp('{')) throw new CelUnsupportedError(`message construction (${name}{...})`);
    return { t: 'ident', name };
  }

  private mapLiteral(): Node {
    const entries: Array<[Node, Node]> = [];
    if (this.accept('}')) return { t: 'map', entries };
    for (;;) {
      const k = this.expr();
      this.expect(':');
      entries.push([k, this.expr()]);
      if (this.accept('}')) return { t: 'map', entries };
      this.expect(',');
      if (this.accept('}')) return { t: 'map', entries };
    }
  }
}
