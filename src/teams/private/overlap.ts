import { ManagedCluster } from '../../cluster/managed-cluster';
import type { Team } from '../team';

function matches(labels: Record<string, string>, matchLabels: Record<string, string>): boolean {
  return Object.entries(matchLabels).every(([k, v]) => labels[k] === v);
}

/**
 * Two teams claiming one namespace on one cluster would overwrite each other's quota and RBAC:
 * an error naming both teams and the cluster (reported by the team that comes second).
 */
export function checkTeamNamespaceOverlaps(team: Team): string[] {
  const root = team.node.root;
  const all = root.node.findAll();
  const teams = all.filter((c): c is Team => (c as any).addon !== undefined && Array.isArray((c as any).namespaceNames) && typeof (c as any).teamName === 'string');
  const clusters = all.filter((c): c is ManagedCluster => ManagedCluster.prototype.isPrototypeOf(c));
  const reaches = (t: Team, c: ManagedCluster) => t.attachedClusters.includes(c) || (t.clusterSelector !== undefined && matches(c.clusterLabels, t.clusterSelector.matchLabels));
  const errors: string[] = [];
  const before = teams.slice(0, teams.indexOf(team));
  for (const cluster of clusters) {
    if (!reaches(team, cluster)) continue;
    for (const other of before) {
      if (!reaches(other, cluster)) continue;
      const shared = team.namespaceNames.filter((n) => other.namespaceNames.includes(n));
      if (shared.length > 0) {
        errors.push(`namespace${shared.length > 1 ? 's' : ''} ${shared.map((s) => `'${s}'`).join(', ')} of team '${team.teamName}' ${shared.length > 1 ? 'are' : 'is'} also claimed by team '${other.teamName}' on cluster '${cluster.clusterName}'. Give each team namespaces of its own.`);
      }
    }
  }
  return errors;
}
