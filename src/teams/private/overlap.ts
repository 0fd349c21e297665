import { IConstruct } from 'constructs';
import { modelState } from '../../addons/private/state';
import { ManagedCluster } from '../../cluster/managed-cluster';
import type { Team } from '../team';

interface TeamSet {
  readonly teams: Team[];
  key?: string;
  result?: Map<Team, string[]>;
}

const byRoot = new WeakMap<IConstruct, TeamSet>();

/** Records a team of its App, for the namespace check. */
export function registerTeam(team: Team): void {
  const root = team.node.root;
  let set = byRoot.get(root);
  if (!set) byRoot.set(root, set = { teams: [] });
  set.teams.push(team);
}

function matches(labels: Record<string, string>, matchLabels: Record<string, string>): boolean {
  return Object.entries(matchLabels).every(([k, v]) => labels[k] === v);
}

/**
 * Two teams claiming one namespace on one cluster would overwrite each other's quota and RBAC:
 * an error naming both teams and the cluster, reported by the team that comes second. Computed
 * once per model change for all teams of the App (clusters × teams × namespaces).
 */
export function checkTeamNamespaceOverlaps(team: Team): string[] {
  const set = byRoot.get(team.node.root);
  if (!set) return [];
  const key = `${modelState.generation}/${modelState.attachments}`;
  if (set.key !== key || !set.result) {
    set.result = computeOverlaps(team.node.root, set.teams);
    set.key = key;
  }
  return set.result.get(team) ?? [];
}

function computeOverlaps(root: IConstruct, teams: Team[]): Map<Team, string[]> {
  const result = new Map<Team, string[]>();
  const clusters = root.node.findAll().filter((c): c is ManagedCluster => ManagedCluster.prototype.isPrototypeOf(c));
  for (const cluster of clusters) {
    const owner = new Map<string, Team>();
    for (const team of teams) {
      const attached = team.attachedClusters.includes(cluster);
      const selector = team.clusterSelector;
      if (!attached && !(selector && matches(cluster.clusterLabels, selector.matchLabels))) continue;
      const clashes = new Map<Team, string[]>();
      for (const ns of team.namespaceNames) {
        const other = owner.get(ns);
        if (other && other !== team) clashes.set(other, [...(clashes.get(other) ?? []), ns]);
        else owner.set(ns, team);
      }
      for (const [other, shared] of clashes) {
        const list = result.get(team) ?? [];
        list.push(`namespace${shared.length > 1 ? 's' : ''} ${shared.map((s) => `'${s}'`).join(', ')} of team '${team.teamName}' ${shared.length > 1 ? 'are' : 'is'} also claimed by team '${other.teamName}' on cluster '${cluster.clusterName}'. Give each team namespaces of its own.`);
        result.set(team, list);
      }
    }
  }
  return result;
}
