import { Issue } from './issue';

/** An issue about the object at position `at` of the set. */
export interface LocatedIssue {
  readonly at: number;
  readonly issue: Issue;
}

/** Cross-object checks over a set of objects. */
export function referenceIssues(_objects: any[]): LocatedIssue[] {
  return [];
}
