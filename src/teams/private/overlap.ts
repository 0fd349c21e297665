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
  const bundles = all.filter((c): c is AddonBundle => AddonBundle.prototype.isPrototypeOf(c));
  const report = (team: Team, message: string) => result.set(team, [...(result.get(team) ?? []), message]);
  for (const cluster of clusters) {
    const owner = new Map<string, Team>();
    const addonNamespaces = addonNamespacesOn(cluster, bundles);
    for (const team of teams) {
      const attached = team.attachedClusters.includes(cluster);
      const selector = team.clusterSelector;
      if (!attached && !(selector && matches(cluster.clusterLabels, selector.matchLabels))) continue;
      const clashes = new Map<Team, string[]>();
      for (const ns of team.namespaceNames) {
        const addon = addonNamespaces.get(ns);
        if (addon) {
          // the team's default-deny NetworkPolicy, quota and restricted Pod Security would apply to the addon's pods
          report(team, `namespace '${ns}' of team '${team.teamName}' is the namespace of addon '${addon}' on cluster '${cluster.clusterName}'; the team's network policies, quota and Pod Security level would apply to the addon. Give the team a namespace of its own.`);
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
  return result;
}

/** The namespaces Helm addons install into on `cluster` (from the bundles attached to it or selecting it), with an addon of each. */
function addonNamespacesOn(cluster: ManagedCluster, bundles: AddonBundle[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const b of bundles) {
    const selector = b.clusterSelector;
    if (!b.attachedClusters.includes(cluster) && !(selector && matches(cluster.clusterLabels, selector.matchLabels))) continue;
    const effective = b._effective();
    if (effective.errors.length > 0) continue; // reported by the bundle
    for (const addon of effective.addons) {
      const onWorkload = addon.config.helm !== undefined && addon.config.target !== AddonTarget.MANAGEMENT_CLUSTER;
      if (onWorkload && !out.has(addon.config.namespace)) out.set(addon.config.namespace, addon.name);
    }
  }
  return out;
}
