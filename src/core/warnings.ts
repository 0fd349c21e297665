import { IConstruct } from 'constructs';

/** Metadata type of the warnings constructs record; the `Platform` prints and counts them at synthesis. */
export const WARNING_METADATA = 'capi-blueprints:warning';

/** Records a warning on `scope` (printed with its construct path at synthesis; an error in strict mode). */
export function addWarning(scope: IConstruct, message: string): void {
  scope.node.addMetadata(WARNING_METADATA, message);
}
