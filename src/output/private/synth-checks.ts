/**
 * The checks every synthesis runs before it writes a file, shared by `Platform.synth()` and by a
 * plain cdk8s `App` that holds capi-blueprints constructs.
 */
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { checkUniqueObjects, collectCharts } from './units';
import { ValidationError } from '../../core/validation-error';

/** Marks a `Platform` (which runs the checks itself, in `synth()`). */
export const PLATFORM_BRAND = Symbol.for('capi-blueprints.Platform');

/**
 * Runs the validations of every construct below `root` (not `root`'s own) and throws one
 * `ValidationError` listing every message, each prefixed with its construct path.
 * @param all `root.node.findAll()`, when the caller has it already
 */
export function validateTree(root: IConstruct, all: IConstruct[] = root.node.findAll()): void {
  const errors: string[] = [];
  for (const construct of all) {
    if (construct === root) continue;
    for (const message of construct.node.validate()) {
      errors.push(message.startsWith(`${construct.node.path}:`) ? message : `${construct.node.path}: ${message}`);
    }
  }
  if (errors.length > 0) {
    throw new ValidationError(rootName(root), `synthesis stopped by ${errors.length} validation error(s):\n  ${errors.join('\n  ')}`);
  }
}

const GUARDED = new WeakSet<IConstruct>();

/**
 * Makes a plain cdk8s `App` (not a `Platform`) that holds `scope` run the checks of a `Platform`
 * before it writes anything: cdk8s validates the whole tree before the first file, so a
 * validation on the root that throws stops it with our `ValidationError` (instead of cdk8s's plain
 * `Error`), and no file is written. The checks: every construct's validations, duplicate objects
 * (same group, kind, namespace and name), and every object rendered to JSON once (an error while
 * rendering would otherwise come after some files were written).
 */
export function guardPlainApp(scope: IConstruct): void {
  const root = scope.node.root;
  if (root === scope || PLATFORM_BRAND in root || GUARDED.has(root)) return;
  GUARDED.add(root);
  root.node.addValidation({
    validate: () => {
      // cdk8s validates the whole app again for every chart it writes: check once per synthesis
      // (the same tick, the same constructs), not once per chart, which made it quadratic in charts
      const constructs = root.node.findAll().length;
      if (PASSED.get(root) === constructs) return [];
      validateTree(root); // first: validations render objects some constructs create lazily
      const units = collectCharts(root);
      checkUniqueObjects(units.flatMap((u) => u.objects.map((o) => ({ scope: '', object: o, owner: o }))));
      for (const { objects } of units) for (const o of objects) renderOnce(o);
      PASSED.set(root, root.node.findAll().length);
      queueMicrotask(() => PASSED.delete(root)); // a later synthesis checks again
      return [];
    },
  });
}

/** Roots whose checks passed in this tick, with their number of constructs then. */
const PASSED = new WeakMap<IConstruct, number>();

function renderOnce(object: ApiObject): void {
  try {
    object.toJson();
  } catch (e) {
    if (ValidationError.isValidationError(e)) throw e;
    throw new ValidationError(object, `cannot be rendered: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function rootName(root: IConstruct): string {
  return PLATFORM_BRAND in root ? 'Platform' : 'App';
}
