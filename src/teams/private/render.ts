import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { PodSecurityLevel, TeamGroup, TeamLimitRange, TeamNetworkOptions, TeamQuota, TeamRole } from '../options';

/** One namespace with the team's settings resolved. */
export interface ResolvedNamespace {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly podSecurity: PodSecurityLevel;
  readonly quota?: TeamQuota;
  readonly limitRange: TeamLimitRange;
}

/** What the manifests are made from. */
export interface TeamModel {
  readonly teamName: string;
  readonly namespaces: ResolvedNamespace[];
  readonly groups: TeamGroup[];
  readonly network: TeamNetworkOptions;
  readonly imagePullSecrets: string[];
  readonly serviceAccountName: string;
}

/** Label on every object of a team. */
export const TEAM_LABEL = 'capi-blueprints.io/team';

const ROLE_ORDER = [TeamRole.ADMIN, TeamRole.EDIT, TeamRole.VIEW];

function sorted(map: Record<string, string>): Record<string, string> | undefined {
  const keys = Object.keys(map).sort();
  return keys.length > 0 ? Object.fromEntries(keys.map((k) => [k, map[k]])) : undefined;
}

function q(v: string | undefined): k8s.Quantity | undefined {
  return v === undefined ? undefined : k8s.Quantity.fromString(v);
}

function n(v: number | undefined): k8s.Quantity | undefined {
  return v === undefined ? undefined : k8s.Quantity.fromNumber(v);
}

function quantities(entries: Array<[string, k8s.Quantity | undefined]>): Record<string, k8s.Quantity> | undefined {
  const out: Record<string, k8s.Quantity> = {};
  for (const [k, v] of entries) if (v !== undefined) out[k] = v;
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The team's Kubernetes objects, built with cdk8s-plus-28 (Namespace, RoleBinding, Group,
 * ClusterRole references) and its `k8s` bindings where cdk8s-plus has no L2 construct of that
 * shape (ResourceQuota, LimitRange, NetworkPolicy with namespace/ipBlock peers, ServiceAccount
 * with imagePullSecrets). Built in an App of their own that is never synthesized to disk: the
 * objects travel inside the delivery (a ClusterResourceSet Secret), not into the management
 * cluster's manifests.
 */
export function renderTeam(model: TeamModel): any[] {
  const app = new App();
  const chart = new Chart(app, model.teamName, { disableResourceNameHashes: true });
  const teamLabels = { [TEAM_LABEL]: model.teamName };
  for (const ns of model.namespaces) {
    const scope = new Construct(chart, ns.name);
    const meta = (name: string) => ({ name, namespace: ns.name, labels: teamLabels });
    new kplus.Namespace(scope, 'Namespace', {
      metadata: {
        name: ns.name,
        labels: sorted({
          ...ns.labels,
          ...teamLabels,
          'pod-security.kubernetes.io/enforce': ns.podSecurity,
          'pod-security.kubernetes.io/enforce-version': 'latest',
          // warn and audit at restricted, so that teams see what the strictest level would reject
          'pod-security.kubernetes.io/warn': PodSecurityLevel.RESTRICTED,
          'pod-security.kubernetes.io/audit': PodSecurityLevel.RESTRICTED,
        }),
        annotations: sorted(ns.annotations),
      },
    });

    // RBAC: one RoleBinding per role to the default ClusterRoles (admin/edit/view).
    for (const role of ROLE_ORDER) {
      const groups = model.groups.filter((g) => g.role === role).map((g) => g.name).sort();
      if (groups.length === 0) continue;
      const binding = new kplus.RoleBinding(scope, `RoleBinding-${role}`, {
        metadata: meta(`${model.teamName}-${role}`),
        role: kplus.ClusterRole.fromClusterRoleName(scope, `ClusterRole-${role}`, role),
      });
      groups.forEach((g, i) => binding.addSubjects(kplus.Group.fromName(scope, `Group-${role}-${i}`, g)));
    }

    if (ns.quota) {
      const quota = ns.quota;
      new k8s.KubeResourceQuota(scope, 'ResourceQuota', {
        metadata: meta(model.teamName),
        spec: {
          hard: quantities([
            ['limits.cpu', q(quota.limitsCpu)],
            ['limits.memory', q(quota.limitsMemory)],
            ['persistentvolumeclaims', n(quota.persistentVolumeClaims)],
            ['pods', n(quota.pods)],
            ['requests.cpu', q(quota.requestsCpu)],
            ['requests.memory', q(quota.requestsMemory)],
            ['requests.storage', q(quota.requestsStorage)],
            ['services', n(quota.services)],
            ['services.loadbalancers', n(quota.loadBalancers)],
          ]),
        },
      });
    }

    const l = ns.limitRange;
    new k8s.KubeLimitRange(scope, 'LimitRange', {
      metadata: meta(model.teamName),
      spec: {
        limits: [{
          type: 'Container',
          defaultRequest: quantities([['cpu', q(l.defaultRequestCpu)], ['memory', q(l.defaultRequestMemory)]]),
          default: quantities([['cpu', q(l.defaultCpu)], ['memory', q(l.defaultMemory)]]),
          max: quantities([['cpu', q(l.maxCpu)], ['memory', q(l.maxMemory)]]),
        }],
      },
    });

    renderNetworkPolicies(scope, model, meta);

    new k8s.KubeServiceAccount(scope, 'ServiceAccount', {
      metadata: meta(model.serviceAccountName),
      imagePullSecrets: model.imagePullSecrets.length > 0 ? model.imagePullSecrets.map((name) => ({ name })) : undefined,
    });
  }
  return chart.toJson();
}

const byName = (ns: string): k8s.LabelSelector => ({ matchLabels: { 'kubernetes.io/metadata.name': ns } });

function renderNetworkPolicies(scope: Construct, model: TeamModel, meta: (name: string) => any): void {
  const all: k8s.LabelSelector = {};
  const net = model.network;
  new k8s.KubeNetworkPolicy(scope, 'DenyIngress', {
    metadata: meta('default-deny-ingress'),
    spec: { podSelector: all, policyTypes: ['Ingress'] },
  });
  new k8s.KubeNetworkPolicy(scope, 'AllowSameNamespace', {
    metadata: meta('allow-same-namespace'),
    spec: { podSelector: all, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: all }] }] },
  });
  const controllers = [...(net.ingressControllerNamespaces ?? [])].sort();
  if (controllers.length > 0) {
    new k8s.KubeNetworkPolicy(scope, 'AllowIngressControllers', {
      metadata: meta('allow-ingress-controllers'),
      spec: { podSelector: all, policyTypes: ['Ingress'], ingress: [{ from: controllers.map((c) => ({ namespaceSelector: byName(c) })) }] },
    });
  }
  const others = [...(net.allowFromNamespaces ?? [])].sort();
  const cidrs = [...(net.allowFromCidrs ?? [])].sort();
  if (others.length + cidrs.length > 0) {
    new k8s.KubeNetworkPolicy(scope, 'AllowFrom', {
      metadata: meta('allow-from-allowed-sources'),
      spec: {
        podSelector: all,
        policyTypes: ['Ingress'],
        ingress: [{ from: [...others.map((o) => ({ namespaceSelector: byName(o) })), ...cidrs.map((cidr) => ({ ipBlock: { cidr } }))] }],
      },
    });
  }
  if (!net.restrictEgress) return;
  new k8s.KubeNetworkPolicy(scope, 'DenyEgress', {
    metadata: meta('default-deny-egress'),
    spec: { podSelector: all, policyTypes: ['Egress'] },
  });
  new k8s.KubeNetworkPolicy(scope, 'AllowDns', {
    metadata: meta('allow-dns-egress'),
    spec: {
      podSelector: all,
      policyTypes: ['Egress'],
      egress: [{
        to: [{ namespaceSelector: byName('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
        ports: [
          { protocol: 'UDP', port: k8s.IntOrString.fromNumber(53) },
          { protocol: 'TCP', port: k8s.IntOrString.fromNumber(53) },
        ],
      }],
    },
  });
  const egressCidrs = [...(net.allowEgressToCidrs ?? [])].sort();
  new k8s.KubeNetworkPolicy(scope, 'AllowEgress', {
    metadata: meta('allow-egress'),
    spec: {
      podSelector: all,
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: all }, ...egressCidrs.map((cidr) => ({ ipBlock: { cidr } }))] }],
    },
  });
}
