import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ValidationError } from '../../core/validation-error';
import { splitApiVersion } from '../../validation/private/core-kinds';

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

/** Group, kind, namespace and name of an object ('' when missing). */
function partsOf(object: ApiObject | any): { group: string; kind: string; namespace: string; name: string } {
  const isApi = ApiObject.isApiObject(object);
  return {
    group: groupOf(String(object.apiVersion ?? '')),
    kind: String(object.kind ?? ''),
    namespace: String((isApi ? object.metadata.namespace : object.metadata?.namespace) ?? ''),
    name: String((isApi ? object.name : object.metadata?.name) ?? ''),
  };
}

/** The API group of an apiVersion (`''` for the core group), from a small cache: few versions, many objects. */
function groupOf(apiVersion: string): string {
  let group = groups.get(apiVersion);
  if (group === undefined) {
    group = splitApiVersion(apiVersion)[0];
    groups.set(apiVersion, group);
  }
  return group;
}
const groups = new Map<string, string>();

function pathOf(owner: IConstruct | string): string {
  return typeof owner === 'string' ? owner : owner.node.path;
}

/**
 * Rejects two constructs rendering the same object (same group, kind, namespace and name) into
 * one scope (a management cluster, or the whole output), naming both construct paths. Objects are
 * added one by one (`add`), then `check()` throws for every duplicate. Identities are nested maps
 * of the objects' own strings: no string is built per object.
 */
export class UniqueObjects {
  private readonly seen = new Map<string, Map<string, any>>();
  private readonly errors: string[] = [];

  /** Adds an object rendered into `scope` by `owner`. */
  public add(scope: string, object: ApiObject | any, owner: IConstruct | string): void {
    const { group, kind, namespace, name } = partsOf(object);
    const level = mapUnder(mapUnder(mapUnder(mapUnder(this.seen, scope), group), kind), namespace);
    const first = level.get(name);
    if (first === undefined) {
      level.set(name, owner);
      return;
    }
    this.errors.push(`${pathOf(owner)}: renders ${group ? `${group}/` : ''}${kind} '${namespace}/${name}', which '${pathOf(first)}' renders too${scope ? ` (management cluster '${scope}')` : ''}. Rename one of them (cluster, pool, bundle or addon names) so that every object is rendered once.`);
  }

  /** Throws a ValidationError listing every duplicate added. */
  public check(): void {
    if (this.errors.length > 0) {
      throw new ValidationError('Platform', `synthesis stopped by ${this.errors.length} duplicate object(s):\n  ${this.errors.join('\n  ')}`);
    }
  }
}

/** The map under `key` in `map`, created when missing. */
function mapUnder(map: Map<string, any>, key: string): Map<string, any> {
  let next = map.get(key);
  if (next === undefined) map.set(key, (next = new Map()));
  return next;
}

/** `UniqueObjects` for a list of entries. */
export function checkUniqueObjects(entries: Iterable<ObjectEntry>): void {
  const unique = new UniqueObjects();
  for (const { scope, object, owner } of entries) unique.add(scope, object, owner);
  unique.check();
}
