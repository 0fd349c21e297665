import { byohIssues } from './byoh';
import { capaIssues } from './capa';
import { capdIssues } from './capd';
import { capiIssues } from './capi';
import { capoIssues } from './capo';
import { splitApiVersion } from '../core-kinds';
import { Issue } from '../issue';

/** Rules only the admission webhooks enforce, for one object. */
export function webhookIssues(obj: any, featureGates: ReadonlySet<string> = new Set()): Issue[] {
  if (!obj || typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') return [];
  const [group] = splitApiVersion(obj.apiVersion);
  return [...capiIssues(obj, group, featureGates), ...capaIssues(obj, group, featureGates), ...byohIssues(obj, group),
    ...capoIssues(obj, group), ...capdIssues(obj, group, featureGates)];
}
