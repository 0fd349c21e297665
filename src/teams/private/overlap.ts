import { IConstruct } from 'constructs';
import { AddonTarget } from '../../addons/addon';
import { AddonBundle } from '../../addons/addon-bundle';
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
  const all = root.node.findAll();
  const clusters = all.filter((c): c is ManagedCluster => ManagedCluster.prototype.isPrototypeOf(c));
  // attachments as sets, and each bundle's addon namespaces, once (not per cluster)
  const targets = (attached: ManagedCluster[], selector: { matchLabels: Record<string, string> } | undefined) => {
    const set = new Set(attached);
    return (cluster: ManagedCluster) => set.has(cluster) || (selector !== undefined && matches(cluster.clusterLabels, selector.matchLabels));
  };
  const bundles = all.filter((c): c is AddonBundle => AddonBundle.prototype.isPrototypeOf(c))
    .map((b) => ({ reaches: targets(b.attachedClusters, b.clusterSelector), namespaces: addonNamespaces(b) }));
  const teamTargets = new Map(teams.map((team) => [team, targets(team.attachedClusters, team.clusterSelector)]));
  // team → namespace → the addon there and the clusters where both meet (one message per team and namespace)
  const inAddonNamespaces = new Map<Team, Map<string, { addon: string; clusters: string[] }>>();
  for (const cluster of clusters) {
    const onCluster = teams.filter((team) => teamTargets.get(team)!(cluster));
    if (onCluster.length === 0) continue;
    const addonNamespacesHere = new Map<string, string>();
    for (const b of bundles) {
      if (!b.reaches(cluster)) continue;
      for (const [ns, addon] of b.namespaces) if (!addonNamespacesHere.has(ns)) addonNamespacesHere.set(ns, addon);
    }
    const owner = new Map<string, Team>();
    for (const team of onCluster) {
      const clashes = new Map<Team, string[]>();
      for (const ns of team.namespaceNames) {
        const addon = addonNamespacesHere.get(ns);
        if (addon) {
          let byNs = inAddonNamespaces.get(team);
          if (!byNs) inAddonNamespaces.set(team, (byNs = new Map()));
          const entry = byNs.get(ns) ?? { addon, clusters: [] };
          entry.clusters.push(cluster.clusterName);
          byNs.set(ns, entry);
        }
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
  for (const [team, byNs] of inAddonNamespaces) {
    for (const [ns, { addon, clusters: where }] of byNs) {
      const on = where.length === 1 ? `cluster '${where[0]}'` : `clusters '${where[0]}' and ${where.length - 1} more`;
      // the team's default-deny NetworkPolicy, quota and restricted Pod Security would apply to the addon's pods
      result.set(team, [...(result.get(team) ?? []), `namespace '${ns}' of team '${team.teamName}' is the namespace of addon '${addon}' on ${on}; the team's network policies, quota and Pod Security level would apply to the addon. Give the team a namespace of its own.`]);
    }
  }
  return result;
}

/** The namespaces a bundle's Helm addons install into on workload clusters, with an addon of each. */
function addonNamespaces(b: AddonBundle): Map<string, string> {
  const out = new Map<string, string>();
  const effective = b._effective();
  if (effective.errors.length > 0) return out; // reported by the bundle
  for (const addon of effective.addons) {
    const onWorkload = addon.config.helm !== undefined && addon.config.target !== AddonTarget.MANAGEMENT_CLUSTER;
    if (onWorkload && !out.has(addon.config.namespace)) out.set(addon.config.namespace, addon.name);
  }
  return out;
}
