import { parseQuantity } from './quantity';
import { ipv4NetworkOf, isCidr } from '../../core/cidr';
import { isDnsLabel, isLabelValue, isQualifiedName } from '../../core/names';
import { checkOptionalInteger, RANGES } from '../../core/ranges';
import { ValidationError } from '../../core/validation-error';
import { PodSecurityLevel, TeamGroup, TeamLimitRange, TeamNetworkOptions, TeamQuota, TeamRole } from '../options';

/** Namespaces a team may not claim: the system's own. */
const RESERVED = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

export function checkNamespaceName(path: string, field: string, name: string): void {
  if (typeof name !== 'string' || !isDnsLabel(name)) {
    throw new ValidationError(path, `${field} '${name}' is not a DNS label. Use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit.`);
  }
}

export function checkTeamNamespace(path: string, name: string): void {
  checkNamespaceName(path, 'namespace', name);
  if (RESERVED.has(name) || name.startsWith('kube-')) {
    throw new ValidationError(path, `namespace '${name}' is reserved for the system (default, kube-*). Give the team a namespace of its own, e.g. 'payments'.`);
  }
}

export function checkPodSecurity(path: string, field: string, level: PodSecurityLevel | undefined): void {
  if (level === undefined) return;
  if (!Object.values(PodSecurityLevel).includes(level)) {
    throw new ValidationError(path, `${field} '${level}' is not a Pod Security Admission level. Use PodSecurityLevel.RESTRICTED, BASELINE or PRIVILEGED.`);
  }
}

export function checkGroups(path: string, groups: TeamGroup[]): void {
  const seen = new Set<string>();
  for (const g of groups) {
    const name = g?.name;
    if (typeof name !== 'string' || name.length === 0 || name.length > 253 || /[\s\u0000-\u001f]/.test(name)) {
      throw new ValidationError(path, `group name ${JSON.stringify(name)} is not a group name. Give the group as the API server sees it (OIDC groups claim, e.g. 'oidc:payments-devs'): 1 to 253 characters, no whitespace.`);
    }
    if (name.startsWith('system:')) {
      throw new ValidationError(path, `group '${name}' is a Kubernetes system group; binding a team role to it would grant it to every user or node of that group. Use a group of your identity provider.`);
    }
    if (!Object.values(TeamRole).includes(g.role)) {
      throw new ValidationError(path, `group '${name}' has role '${g.role}', which is not a team role. Use TeamRole.ADMIN, EDIT or VIEW.`);
    }
    if (seen.has(name)) {
      throw new ValidationError(path, `group '${name}' is listed twice. Give each group one role (the highest it needs).`);
    }
    seen.add(name);
  }
}

export function checkMetadata(path: string, field: string, map: Record<string, string> | undefined, labels: boolean): void {
  for (const [k, v] of Object.entries(map ?? {})) {
    if (!isQualifiedName(k)) {
      throw new ValidationError(path, `${field} key '${k}' is not a qualified name. Use an optional DNS-subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.'.`);
    }
    if (typeof v !== 'string' || (labels && !isLabelValue(v))) {
      throw new ValidationError(path, `${field} '${k}' has value ${JSON.stringify(v)}, which is not a ${labels ? 'label value (at most 63 letters, digits, \'-\', \'_\' or \'.\')' : 'string'}.`);
    }
    if (k.startsWith('pod-security.kubernetes.io/')) {
      throw new ValidationError(path, `${field} sets '${k}', which the team sets from podSecurity. Use podSecurity: PodSecurityLevel.… instead.`);
    }
  }
}

function quantity(path: string, field: string, q: string | undefined): number | undefined {
  if (q === undefined) return undefined;
  const v = parseQuantity(q);
  if (v === undefined) {
    throw new ValidationError(path, `${field} '${q}' is not a Kubernetes quantity. Use e.g. '500m' or '2' (CPU), '512Mi' or '4Gi' (memory, storage).`);
  }
  return v;
}

function count(path: string, field: string, n: number | undefined): void {
  checkOptionalInteger(path, field, n as number, RANGES.quantityCount);
}

function notAbove(
  path: string, lowField: string, low: number | undefined, lowText: string | undefined,
  highField: string, high: number | undefined, highText: string | undefined,
): void {
  if (low !== undefined && high !== undefined && low > high) {
    throw new ValidationError(path, `${lowField} (${lowText}) is greater than ${highField} (${highText}). Set ${lowField} ≤ ${highField}.`);
  }
}

export function checkQuota(path: string, field: string, q: TeamQuota | undefined): void {
  if (!q) return;
  const rc = quantity(path, `${field}.requestsCpu`, q.requestsCpu);
  const rm = quantity(path, `${field}.requestsMemory`, q.requestsMemory);
  const lc = quantity(path, `${field}.limitsCpu`, q.limitsCpu);
  const lm = quantity(path, `${field}.limitsMemory`, q.limitsMemory);
  quantity(path, `${field}.requestsStorage`, q.requestsStorage);
  for (const k of ['pods', 'services', 'loadBalancers', 'persistentVolumeClaims'] as const) count(path, `${field}.${k}`, q[k]);
  notAbove(path, `${field}.requestsCpu`, rc, q.requestsCpu, `${field}.limitsCpu`, lc, q.limitsCpu);
  notAbove(path, `${field}.requestsMemory`, rm, q.requestsMemory, `${field}.limitsMemory`, lm, q.limitsMemory);
}

export function checkLimitRange(path: string, field: string, l: TeamLimitRange): void {
  const drc = quantity(path, `${field}.defaultRequestCpu`, l.defaultRequestCpu);
  const drm = quantity(path, `${field}.defaultRequestMemory`, l.defaultRequestMemory);
  const dc = quantity(path, `${field}.defaultCpu`, l.defaultCpu);
  const dm = quantity(path, `${field}.defaultMemory`, l.defaultMemory);
  const mc = quantity(path, `${field}.maxCpu`, l.maxCpu);
  const mm = quantity(path, `${field}.maxMemory`, l.maxMemory);
  notAbove(path, `${field}.defaultRequestCpu`, drc, l.defaultRequestCpu, `${field}.defaultCpu`, dc, l.defaultCpu);
  notAbove(path, `${field}.defaultRequestMemory`, drm, l.defaultRequestMemory, `${field}.defaultMemory`, dm, l.defaultMemory);
  notAbove(path, `${field}.defaultCpu`, dc, l.defaultCpu, `${field}.maxCpu`, mc, l.maxCpu);
  notAbove(path, `${field}.defaultMemory`, dm, l.defaultMemory, `${field}.maxMemory`, mm, l.maxMemory);
}

export function checkNetwork(path: string, n: TeamNetworkOptions): void {
  for (const ns of [...(n.ingressControllerNamespaces ?? []), ...(n.allowFromNamespaces ?? [])]) {
    checkNamespaceName(path, 'network namespace', ns);
  }
  for (const [field, cidrs] of [['allowFromCidrs', n.allowFromCidrs], ['allowEgressToCidrs', n.allowEgressToCidrs]] as const) {
    const seen = new Set<string>();
    for (const cidr of cidrs ?? []) {
      if (typeof cidr !== 'string' || !isCidr(cidr)) {
        throw new ValidationError(path, `network.${field} entry '${cidr}' is not a CIDR block. Use e.g. '10.20.0.0/16'.`);
      }
      const network = ipv4NetworkOf(cidr);
      if (network !== undefined) {
        throw new ValidationError(path, `network.${field} entry '${cidr}' has host bits set; a NetworkPolicy reads it as '${network}'. Write '${network}' (or '${cidr.split('/')[0]}/32' for one address).`);
      }
      if (seen.has(cidr)) throw new ValidationError(path, `network.${field} lists '${cidr}' twice. List each block once.`);
      seen.add(cidr);
    }
  }
  if ((n.allowEgressToCidrs ?? []).length > 0 && !n.restrictEgress) {
    throw new ValidationError(path, 'network.allowEgressToCidrs is set but restrictEgress is off, so egress is not restricted and the list has no effect. Set restrictEgress: true or remove allowEgressToCidrs.');
  }
}
