import { Construct } from 'constructs';
import { PodSecurityLevel, TeamGroup, TeamLimitRange, TeamNamespace, TeamNetworkOptions, TeamQuota } from './options';
import { checkTeamNamespaceOverlaps, registerTeam } from './private/overlap';
import { ResolvedNamespace, renderTeam } from './private/render';
import {
  checkGroups, checkLimitRange, checkMetadata, checkNetwork, checkPodSecurity, checkQuota, checkTeamNamespace,
} from './private/validate';
import { AddonBundle } from '../addons/addon-bundle';
import { ManifestAddon } from '../addons/manifest-addon';
import { isDnsLabel, isDnsSubdomain } from '../core/names';
import { checkSecretName } from '../core/secrets';
import { ValidationError } from '../core/validation-error';
import { AddonDelivery, ClusterResourceSetDeliveryOptions, ResourceSetStrategy } from '../delivery/addon-delivery';

/** Props of a `Team`. */
export interface TeamProps {
  /**
   * Team name: prefix of its objects (`<team>-admin` RoleBinding, `<team>` quota) and value of
   * the `capi-blueprints.io/team` label. A DNS label of at most 35 characters.
   * @default - the construct id
   */
  readonly teamName?: string;
  /** The team's namespaces (at least one). */
  readonly namespaces: TeamNamespace[];
  /**
   * Identity-provider groups and the role each gets in every namespace of the team.
   * @default - none (no RoleBindings)
   */
  readonly groups?: TeamGroup[];
  /**
   * Labels of every namespace of the team.
   * @default - none (besides the team and Pod Security labels)
   */
  readonly labels?: Record<string, string>;
  /**
   * Annotations of every namespace of the team.
   * @default - none
   */
  readonly annotations?: Record<string, string>;
  /**
   * Pod Security Admission level enforced in the namespaces (warn and audit are always `restricted`).
   * @default PodSecurityLevel.RESTRICTED
   */
  readonly podSecurity?: PodSecurityLevel;
  /**
   * ResourceQuota of each namespace.
   * @default - no quota
   */
  readonly quota?: TeamQuota;
  /**
   * LimitRange of each namespace (fields not given take their defaults).
   * @default - requests 100m CPU / 128Mi, limits 1 CPU / 512Mi, no maximum
   */
  readonly limitRange?: TeamLimitRange;
  /**
   * NetworkPolicies of each namespace: ingress is always denied by default and allowed from the
   * namespace itself and the ingress controllers.
   * @default - ingress from the namespace and from 'ingress-nginx'; egress not restricted
   */
  readonly network?: TeamNetworkOptions;
  /**
   * Names of image-pull Secrets that exist (or are synced, e.g. by External Secrets) in each
   * namespace. They are referenced by name from the team's ServiceAccount; secrets are never
   * written into the manifests.
   * @default - none
   */
  readonly imagePullSecrets?: string[];
  /**
   * Name of the ServiceAccount created in each namespace for the team's workloads (it carries the
   * image-pull Secret references).
   * @default - the team name
   */
  readonly serviceAccountName?: string;
  /**
   * Management-cluster namespace of the fleet objects of `selectClusters`.
   * @default 'default'
   */
  readonly fleetNamespace?: string;
  /**
   * How the ClusterResourceSets apply the team's objects.
   * @default - a Secret per cluster, strategy Reconcile (quota or RBAC changes are re-applied)
   */
  readonly resourceSet?: ClusterResourceSetDeliveryOptions;
}

const DEFAULT_LIMITS: TeamLimitRange = { defaultRequestCpu: '100m', defaultRequestMemory: '128Mi', defaultCpu: '1', defaultMemory: '512Mi' };

/**
 * Room for an application team on the clusters it is delivered to: namespaces (labels,
 * annotations, Pod Security level), a ResourceQuota and a LimitRange, RoleBindings of the team's
 * groups to the `admin`/`edit`/`view` ClusterRoles, NetworkPolicies (ingress denied by default,
 * allowed from the namespace and the ingress controllers; optionally egress restricted to DNS)
 * and a ServiceAccount referencing image-pull Secrets by name.
 *
 * A Team is an `AddonBundle` with one manifest addon (`team.addon`, named `team-<name>`),
 * delivered by ClusterResourceSets: `team.attachTo(cluster)`, `team.selectClusters({ matchLabels })`,
 * or `teams: [team]` in a Blueprint, Site or cluster overrides.
 *
 * ```ts
 * const payments = new Team(platform, 'payments', {
 *   namespaces: [{ name: 'payments' }, { name: 'payments-batch', podSecurity: PodSecurityLevel.BASELINE }],
 *   groups: [{ name: 'oidc:payments-devs', role: TeamRole.EDIT }],
 *   quota: { requestsCpu: '20', requestsMemory: '64Gi', pods: 200 },
 * });
 * payments.selectClusters({ matchLabels: { environment: 'prod' } });
 * ```
 */
export class Team extends AddonBundle {
  /** Team name. */
  public readonly teamName: string;
  /** The team's namespaces with the team's settings applied. */
  public readonly namespaceNames: string[];
  /** The manifest addon carrying the team's objects (add it to another bundle to deliver it there). */
  public readonly addon: ManifestAddon;
  /** Name of the workloads' ServiceAccount in each namespace. */
  public readonly serviceAccountName: string;

  constructor(scope: Construct, id: string, props: TeamProps) {
    const teamName = props.teamName ?? id;
    if (typeof teamName !== 'string' || !isDnsLabel(teamName) || teamName.length > 35) {
      throw new ValidationError(`${scope.node.path ? scope.node.path + '/' : ''}${id}`, `team name '${teamName}' is not a DNS label of at most 35 characters. Use lower-case letters, digits and '-' (it becomes the addon 'team-${teamName}').`);
    }
    super(scope, id, {
      bundleName: `team-${teamName}`,
      delivery: AddonDelivery.clusterResourceSet(props.resourceSet ?? { strategy: ResourceSetStrategy.RECONCILE }),
      namespace: props.fleetNamespace,
    });
    this.teamName = teamName;
    const path = this.node.path;

    if (!Array.isArray(props.namespaces) || props.namespaces.length === 0) {
      throw new ValidationError(path, "has no namespaces. Give at least one, e.g. namespaces: [{ name: 'payments' }].");
    }
    checkPodSecurity(path, 'podSecurity', props.podSecurity);
    checkMetadata(path, 'labels', props.labels, true);
    checkMetadata(path, 'annotations', props.annotations, false);
    checkQuota(path, 'quota', props.quota);
    const teamLimits = { ...DEFAULT_LIMITS, ...props.limitRange };
    checkLimitRange(path, 'limitRange', teamLimits);
    const groups = [...(props.groups ?? [])];
    checkGroups(path, groups);
    const network: TeamNetworkOptions = { ingressControllerNamespaces: ['ingress-nginx'], ...props.network };
    checkNetwork(path, network);
    const pullSecrets = [...(props.imagePullSecrets ?? [])];
    for (const s of pullSecrets) {
      checkSecretName(path, 'imagePullSecrets entry', s, 'registry-credentials'); // a Secret in each namespace
    }
    if (new Set(pullSecrets).size !== pullSecrets.length) {
      throw new ValidationError(path, `imagePullSecrets lists a Secret twice (${pullSecrets.join(', ')}). List each once.`);
    }
    this.serviceAccountName = props.serviceAccountName ?? teamName;
    if (!isDnsSubdomain(this.serviceAccountName)) {
      throw new ValidationError(path, `serviceAccountName '${this.serviceAccountName}' is not a ServiceAccount name. Use a DNS subdomain, e.g. '${teamName}'.`);
    }

    const resolved: ResolvedNamespace[] = [];
    const seen = new Set<string>();
    props.namespaces.forEach((ns, i) => {
      const field = `namespaces[${i}]`;
      checkTeamNamespace(path, ns?.name);
      if (seen.has(ns.name)) {
        throw new ValidationError(path, `namespace '${ns.name}' is listed twice. Give each namespace once.`);
      }
      seen.add(ns.name);
      checkPodSecurity(path, `${field}.podSecurity`, ns.podSecurity);
      checkMetadata(path, `${field}.labels`, ns.labels, true);
      checkMetadata(path, `${field}.annotations`, ns.annotations, false);
      checkQuota(path, `${field}.quota`, ns.quota);
      const limitRange = ns.limitRange ? { ...DEFAULT_LIMITS, ...ns.limitRange } : teamLimits;
      if (ns.limitRange) checkLimitRange(path, `${field}.limitRange`, limitRange);
      resolved.push({
        name: ns.name,
        labels: { ...props.labels, ...ns.labels },
        annotations: { ...props.annotations, ...ns.annotations },
        podSecurity: ns.podSecurity ?? props.podSecurity ?? PodSecurityLevel.RESTRICTED,
        quota: ns.quota ?? props.quota,
        limitRange,
      });
    });
    this.namespaceNames = resolved.map((r) => r.name);

    this.addon = new ManifestAddon({
      name: `team-${teamName}`,
      manifests: renderTeam({
        teamName, namespaces: resolved, groups, network, imagePullSecrets: pullSecrets, serviceAccountName: this.serviceAccountName,
      }),
    });
    this.addAddon(this.addon);
    registerTeam(this);
    this.node.addValidation({ validate: () => checkTeamNamespaceOverlaps(this) });
  }
}
