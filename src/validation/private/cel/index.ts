import { Issue } from '../issue';

/** Evaluate the `x-kubernetes-validations` of a schema node against its value. */
export function evaluateCelRules(_schema: any, _self: any, _path: string, _issues: Issue[]): void {
}
