/** A node of the dependency graph: a name and the names it depends on. */
export interface GraphNode {
  readonly name: string;
  readonly dependsOn: readonly string[];
}

/** The result of ordering a dependency graph. */
export interface GraphOrder {
  /** Names, every dependency before its dependents; ties keep the input order. */
  readonly order: string[];
  /** Wave of each name: 0 without dependencies, else 1 + the highest wave of its dependencies. */
  readonly waves: Map<string, number>;
}

/**
 * Orders `nodes` topologically in O(nodes + edges) (depth-first, input order for ties).
 * Throws `Error('cycle: a -> b -> a')` naming the first cycle found and
 * `Error('unknown: a -> b')` for a dependency that is not a node.
 */
export function topologicalOrder(nodes: readonly GraphNode[]): GraphOrder {
  const byName = new Map<string, GraphNode>();
  for (const n of nodes) byName.set(n.name, n);
  const state = new Map<string, 1 | 2>(); // 1 = on the stack, 2 = done
  const order: string[] = [];
  const waves = new Map<string, number>();
  const stack: string[] = [];

  const visit = (name: string): number => {
    const s = state.get(name);
    if (s === 2) return waves.get(name)!;
    if (s === 1) {
      const cycle = [...stack.slice(stack.indexOf(name)), name];
      throw new GraphError('cycle', cycle);
    }
    state.set(name, 1);
    stack.push(name);
    let wave = 0;
    for (const dep of byName.get(name)!.dependsOn) {
      if (!byName.has(dep)) throw new GraphError('unknown', [name, dep]);
      wave = Math.max(wave, visit(dep) + 1);
    }
    stack.pop();
    state.set(name, 2);
    waves.set(name, wave);
    order.push(name);
    return wave;
  };
  for (const n of nodes) visit(n.name);
  return { order, waves };
}

/** A cycle or an unknown dependency found while ordering. */
export class GraphError extends Error {
  constructor(public readonly problem: 'cycle' | 'unknown', public readonly names: string[]) {
    super(`${problem}: ${names.join(' -> ')}`);
    Object.setPrototypeOf(this, GraphError.prototype);
  }
}
