import { IConstruct } from 'constructs';

/** Metadata type of the warnings constructs record; the `Platform` prints and counts them at synthesis. */
export const WARNING_METADATA = 'capi-blueprints:warning';

/** Records a warning on `scope` (printed with its construct path at synthesis; an error in strict mode). */
export function addWarning(scope: IConstruct, message: string): void {
  scope.node.addMetadata(WARNING_METADATA, message);
}

/** A warning and the construct path it was recorded on. */
export interface PathedWarning {
  readonly path: string;
  /** The message without its construct path. */
  readonly message: string;
}

/** How many other paths a grouped warning names before it only counts them. */
const PATHS_SHOWN = 3;

/**
 * Warnings as printed: each distinct message once, with the first construct path that recorded it
 * and how many others did. A blueprint-wide setting warns on every pool of every cluster; a fleet
 * of 1,000 clusters would otherwise print the same line 2,000 times.
 */
export function groupWarnings(warnings: readonly PathedWarning[]): string[] {
  const byMessage = new Map<string, string[]>();
  for (const { path, message } of warnings) {
    const paths = byMessage.get(message);
    if (paths) paths.push(path);
    else byMessage.set(message, [path]);
  }
  return [...byMessage].map(([message, [first, ...others]]) => {
    const line = first === '' ? message : `${first}: ${message}`;
    if (others.length === 0) return line;
    const shown = others.slice(0, PATHS_SHOWN).join(', ');
    const rest = others.length > PATHS_SHOWN ? `, and ${others.length - PATHS_SHOWN} more` : '';
    return `${line} (the same at ${others.length} other construct(s): ${shown}${rest})`;
  });
}
