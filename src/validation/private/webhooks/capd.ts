import { Issue } from '../issue';
import { get } from '../util';

/** Webhook rules of Cluster API's development provider (CAPD v1.14, Dev* kinds). */
export function capdIssues(obj: any, group: string, featureGates: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  if (group !== 'infrastructure.cluster.x-k8s.io') return issues;
  const add = (path: string, message: string): void => { issues.push({ path, message, rule: 'webhook' }); };
  switch (obj.kind) {
    case 'DevCluster':
      sortedFailureDomains(get(obj.spec ?? {}, 'backend.docker.failureDomains'), 'spec.backend.docker.failureDomains', add);
      break;
    case 'DevClusterTemplate':
      if (!featureGates.has('ClusterTopology')) add('spec', 'Forbidden: can be set only if the ClusterTopology feature flag is enabled');
      sortedFailureDomains(get(obj.spec ?? {}, 'template.spec.backend.docker.failureDomains'), 'spec.template.spec.backend.docker.failureDomains', add);
      break;
    default:
  }
  return issues;
}

function sortedFailureDomains(fds: unknown, path: string, add: (path: string, message: string) => void): void {
  if (!Array.isArray(fds)) return;
  const names = fds.map((fd: any) => String(fd?.name ?? ''));
  const sorted = [...names].sort();
  if (names.some((n, i) => n !== sorted[i])) {
    add(path, `Invalid value: [${names.join(', ')}]: failure domains must be sorted by name`);
  }
}
