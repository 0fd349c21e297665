/** CEL abstract syntax tree. */
export type Node =
  | { readonly t: 'lit'; readonly v: any; readonly kind: string }
  | { readonly t: 'ident'; readonly name: string }
  | { readonly t: 'select'; readonly operand: Node; readonly field: string }
  | { readonly t: 'has'; readonly operand: Node; readonly field: string }
  | { readonly t: 'index'; readonly operand: Node; readonly index: Node }
  | { readonly t: 'call'; readonly target?: Node; readonly fn: string; readonly args: Node[] }
  | { readonly t: 'comp'; readonly macro: string; readonly target: Node; readonly v: string; readonly v2?: string; readonly args: Node[] }
  | { readonly t: 'list'; readonly items: Node[] }
  | { readonly t: 'map'; readonly entries: Array<[Node, Node]> }
  | { readonly t: 'unary'; readonly op: string; readonly operand: Node }
  | { readonly t: 'binary'; readonly op: string; readonly left: Node; readonly right: Node }
  | { readonly t: 'cond'; readonly cond: Node; readonly then: Node; readonly else: Node };

/** Whether an expression mentions an identifier (e.g. `oldSelf`). */
export function mentions(node: Node, name: string): boolean {
  switch (node.t) {
    case 'lit': return false;
    case 'ident': return node.name === name;
    case 'select': case 'has': return mentions(node.operand, name);
    case 'index': return mentions(node.operand, name) || mentions(node.index, name);
    case 'call': return (node.target !== undefined && mentions(node.target, name)) || node.args.some(a => mentions(a, name));
    case 'comp': return mentions(node.target, name) || node.args.some(a => mentions(a, name));
    case 'list': return node.items.some(i => mentions(i, name));
    case 'map': return node.entries.some(([k, v]) => mentions(k, name) || mentions(v, name));
    case 'unary': return mentions(node.operand, name);
    case 'binary': return mentions(node.left, name) || mentions(node.right, name);
    case 'cond': return mentions(node.cond, name) || mentions(node.then, name) || mentions(node.else, name);
  }
}
