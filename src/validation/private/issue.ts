/** A finding before it is attached to its object. */
export interface Issue {
  readonly path: string;
  readonly message: string;
  readonly rule: 'schema' | 'cel' | 'webhook' | 'reference';
}

/** Join a field path and a property name. */
export function child(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** Join a field path and a list index or map key. */
export function index(path: string, i: number | string): string {
  return `${path}[${i}]`;
}
