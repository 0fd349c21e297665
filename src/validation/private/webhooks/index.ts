import { Issue } from '../issue';

/** Rules only the admission webhooks enforce. */
export function webhookIssues(_obj: any): Issue[] {
  return [];
}
