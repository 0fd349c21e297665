import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ValidationError } from '../../core/validation-error';

/** A top-most chart (a chart not inside another chart) and the objects it renders. */
export interface ChartUnit {
  readonly chart: Chart;
  readonly objects: ApiObject[];
}

/** Every top-most chart below `root`, wherever it sits in the construct tree, in tree order. */
export function collectCharts(root: IConstruct): ChartUnit[] {
  const units: ChartUnit[] = [];
  const visit = (c: IConstruct) => {
    if (Chart.isChart(c)) {
      units.push({ chart: c, objects: c.node.findAll().filter(ApiObject.isApiObject) });
      return;
    }
    for (const child of c.node.children) visit(child);
  };
  for (const child of root.node.children) visit(child);
  return units;
}

/** An object to check: an ApiObject or its JSON, where it goes and who renders it. */
export interface ObjectEntry {
  /** Objects are unique per scope (a management cluster, or `''` for the whole output). */
  readonly scope: string;
  readonly object: ApiObject | any;
  /** What renders it: a construct (its path is computed only for an error message) or a path. */
  readonly owner: IConstruct | string;
}

/** `group/kind namespace/name` of an object (an ApiObject is not converted to JSON). */
export function identityOf(object: ApiObject | any): string {
  const isApi = ApiObject.isApiObject(object);
  const apiVersion = String(object.apiVersion ?? '');
  const slash = apiVersion.indexOf('/');
  const namespace = isApi ? object.metadata.namespace : object.metadata?.namespace;
  const name = isApi ? object.name : object.metadata?.name;
  return `${slash < 0 ? '' : apiVersion.slice(0, slash)}/${object.kind} ${namespace ?? ''}/${name ?? ''}`;
}

function pathOf(owner: IConstruct | string): string {
  return typeof owner === 'string' ? owner : owner.node.path;
}

/**
 * Rejects two constructs rendering the same object (same group, kind, namespace and name) into
 * one scope (a management cluster, or the whole output), naming both construct paths.
 */
export function checkUniqueObjects(entries: ObjectEntry[]): void {
  const seen = new Map<string, IConstruct | string>();
  const errors: string[] = [];
  for (const { scope, object, owner } of entries) {
    const identity = identityOf(object);
    const key = `${scope}|${identity}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const [group, rest] = identity.split(/ (.*)/s);
      errors.push(`${pathOf(owner)}: renders ${group.replace(/^\//, '')} '${rest}', which '${pathOf(first)}' renders too${scope ? ` (management cluster '${scope}')` : ''}. Rename one of them (cluster, pool, bundle or addon names) so that every object is rendered once.`);
    } else {
      seen.set(key, owner);
    }
  }
  if (errors.length > 0) {
    throw new ValidationError('Platform', `synthesis stopped by ${errors.length} duplicate object(s):\n  ${errors.join('\n  ')}`);
  }
}
