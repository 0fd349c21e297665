import { IConstruct } from 'constructs';
import { ValidationError } from './validation-error';

/** One `{name, value}` entry of a kubeadm `extraArgs` or `kubeletExtraArgs` list. */
export interface KubeadmArg {
  readonly name: string;
  readonly value: string;
}

/**
 * Merges the arguments a provider must set (`managed`) with the user's own (`user`), rejecting a
 * user argument that would silently replace a managed one.
 *
 * @param field the prop the user arguments came from, for the error message
 */
export function mergeArgs(
  scope: IConstruct,
  field: string,
  managed: Record<string, string>,
  user: Record<string, string> | undefined,
  hint: string = 'remove it; capi-blueprints sets it for this infrastructure',
): Record<string, string> {
  const merged: Record<string, string> = { ...managed };
  for (const [name, value] of Object.entries(user ?? {})) {
    if (name.trim() === '' || name.startsWith('-')) {
      throw new ValidationError(scope, `${field} has an invalid argument name '${name}'. Use the flag name without leading dashes, e.g. 'max-pods'.`);
    }
    if (name in managed && managed[name] !== value) {
      throw new ValidationError(scope, `${field}['${name}'] = '${value}' conflicts with the value '${managed[name]}' set by capi-blueprints. To fix, ${hint}.`);
    }
    merged[name] = value;
  }
  return merged;
}

/** A `{name, value}` list sorted by name, or `undefined` when there are no arguments. */
export function toArgList(args: Record<string, string>): KubeadmArg[] | undefined {
  const names = Object.keys(args).sort();
  return names.length === 0 ? undefined : names.map((name) => ({ name, value: args[name] }));
}
