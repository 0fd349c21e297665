/**
 * Builds a ClusterClass, its templates and the topology Clusters of its members from the split
 * objects-mode output of a base cluster (blueprint + site) and of each member cluster.
 */
import { ClusterParts, DeploymentPart, PoolPart, TemplatePart } from './split';
import { denormalize, diffFields, FieldDiff, getAt, NAME_TOKEN, normalize, pointer, schemaFor, variableName } from './variables';
import { jsonEqual } from '../../core/json-equal';
import { canonicalJson, hashedName } from '../../core/names';

const CAPI_V1BETA2 = 'cluster.x-k8s.io/v1beta2';
const CLUSTER_NAME = '{{ .cluster.name }}';

/** One cluster of the class, split by role. */
export interface MemberInput {
  readonly name: string;
  readonly parts: ClusterParts;
  /** Field paths the cluster's own layer overrides (for variable descriptions). */
  readonly overrides: string[];
}

/** What `buildClass` needs. */
export interface ClassInput {
  readonly className: string;
  readonly namespace: string;
  /** The class's defaults: a cluster of the blueprint and site without cluster overrides. */
  readonly base: MemberInput;
  readonly members: MemberInput[];
}

/** The ClusterClass, its templates and one topology Cluster per member (by member name). */
export interface ClassOutput {
  readonly clusterClass: any;
  readonly templates: any[];
  readonly clusters: Map<string, any>;
}

/**
 * Thrown for member overrides a variable cannot express, with every such problem of the class (one
 * per line); each names the cluster and the fix.
 */
export class ClassError extends Error {
  constructor(public readonly problems: string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems:\n  ${problems.join('\n  ')}`);
  }
}

/** A template role of the class and where its patches apply. */
interface Role {
  /** Template name suffix and variable name prefix. */
  readonly id: string;
  readonly prefix: string;
  readonly matchResources: Record<string, any>;
  readonly pick: (p: ClusterParts) => TemplatePart | undefined;
  /** For error messages: which option feeds it. */
  readonly section: string;
}

function roles(pools: string[]): Role[] {
  const out: Role[] = [
    { id: 'cluster', prefix: 'infrastructure', matchResources: { infrastructureCluster: true }, pick: (p) => p.infrastructure, section: 'infrastructure' },
    { id: 'control-plane', prefix: 'controlPlane', matchResources: { controlPlane: true }, pick: (p) => p.controlPlane, section: 'controlPlane' },
    { id: 'control-plane-machine', prefix: 'controlPlaneMachine', matchResources: { controlPlane: true }, pick: (p) => p.controlPlaneMachine, section: 'controlPlane' },
  ];
  for (const pool of pools) {
    const match = { machineDeploymentClass: { names: [pool] } };
    out.push({ id: `${pool}-machine`, prefix: `${pool}Machine`, matchResources: match, pick: (p) => p.pools.get(pool)?.infrastructure, section: `nodePools.${pool}` });
    out.push({ id: `${pool}-bootstrap`, prefix: `${pool}Bootstrap`, matchResources: match, pick: (p) => p.pools.get(pool)?.bootstrap, section: `nodePools.${pool}` });
  }
  return out;
}

/** `template.spec.x` → `x` for variable names. */
function namePath(path: string[]): string[] {
  return path[0] === 'template' && path[1] === 'spec' ? path.slice(2) : path;
}

/** A Go template for a string holding the cluster name (literal `{{` escaped). */
function nameTemplate(s: string): string {
  return s.split(NAME_TOKEN).map((part) => part.replace(/\{\{/g, '{{ "{{" }}')).join('{{ .builtin.cluster.name }}');
}

function stringPaths(value: any, path: string[], out: Array<[string[], string]>): void {
  if (typeof value === 'string') { if (value.includes(NAME_TOKEN)) out.push([path, value]); return; }
  if (Array.isArray(value)) { value.forEach((v, i) => stringPaths(v, [...path, String(i)], out)); return; }
  if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) stringPaths(v, [...path, k], out);
}

/** Builds the class. */
export function buildClass(input: ClassInput): ClassOutput {
  const { className, namespace, base, members } = input;
  const poolNames = [...new Set([base, ...members].flatMap((m) => [...m.parts.pools.keys()]))];
  const variables: any[] = [];
  const patches: any[] = [];
  const nameJsonPatches = new Map<string, any[]>(); // role id -> patches for the cluster name
  const values = new Map<string, Array<{ name: string; value: any }>>(members.map((m) => [m.name, []]));
  const templateRefs = new Map<string, any>();
  const templates: any[] = [];
  const candidates: Candidate[] = [];
  const templateNames = new Set<string>();
  const problems: string[] = []; // every problem of every member, reported together at the end

  for (const role of roles(poolNames)) {
    const owner = role.pick(base.parts) ? base : members.find((m) => role.pick(m.parts));
    if (!owner) continue;
    const baseT = role.pick(owner.parts)!;
    const baseSpec = normalize(baseT.spec, owner.name);
    const diffs = new Map<string, FieldDiff>();
    const memberSpecs = new Map<string, any>();
    for (const m of members) {
      const t = role.pick(m.parts);
      if (!t) continue;
      if (t.kind !== baseT.kind || t.apiVersion !== baseT.apiVersion) {
        problems.push(`cluster '${m.name}' renders a ${t.kind} (${t.apiVersion}) for ${role.id}, the class a ${baseT.kind} (${baseT.apiVersion}). A class has one template kind per role: give the cluster its own site, or use OutputMode.objects().`);
        continue;
      }
      const spec = normalize(t.spec, m.name);
      memberSpecs.set(m.name, spec);
      for (const d of diffFields(baseSpec, spec)) {
        if (d.op === 'remove') {
          problems.push(`cluster '${m.name}' leaves out ${baseT.kind} field spec.${d.path.join('.')}, which class '${className}' sets (from the blueprint or site); a variable cannot remove a field. Set the field in the cluster's overrides instead of removing it, move the override to a site of its own, or use OutputMode.objects().`);
          continue;
        }
        diffs.set(pointer(d.path), d);
      }
    }
    // outermost paths only (a type change at /a wins over a change at /a/b)
    const chosen: FieldDiff[] = [];
    for (const d of [...diffs.values()].sort((a, b) => a.path.length - b.path.length || pointer(a.path).localeCompare(pointer(b.path)))) {
      if (chosen.some((c) => pointer(d.path).startsWith(`${pointer(c.path)}/`))) continue;
      chosen.push(d);
    }
    const covered = chosen.map((c) => pointer(c.path));
    for (const d of chosen) {
      const perMember = members.filter((m) => memberSpecs.has(m.name))
        .map((m) => ({ member: m, value: denormalize(getAt(memberSpecs.get(m.name), d.path), m.name) }));
      const baseRaw = getAt(baseSpec, d.path);
      const baseValue = baseRaw === undefined ? undefined : denormalize(baseRaw, owner.name);
      const differing = perMember.filter((p) => !jsonEqual(p.value, baseValue));
      candidates.push({
        name: variableName(role.prefix, namePath(d.path)),
        op: d.op,
        field: `${baseT.kind} spec.${d.path.join('.')}`,
        definition: {
          selector: { apiVersion: baseT.apiVersion, kind: baseT.kind, matchResources: role.matchResources },
          jsonPatches: [{ op: d.op, path: `/spec${pointer(d.path)}`, valueFrom: { variable: '' } }],
        },
        schema: schemaFor(d.path, [...perMember.map((p) => p.value), baseValue]),
        values: new Map(perMember.filter((p) => p.value !== undefined).map((p) => [p.member.name, p.value])),
        baseValue,
        setBy: differing.map((p) => ({ member: p.member.name, overrides: matchingOverrides(p.member, role.section, d.path) })),
      });
    }
    // strings holding the cluster name: a template patch from the builtin variable
    const named: Array<[string[], string]> = [];
    stringPaths(baseSpec, [], named);
    for (const [path, s] of named) {
      if (covered.some((c) => pointer(path) === c || pointer(path).startsWith(`${c}/`))) continue;
      const list = nameJsonPatches.get(role.id) ?? [];
      list.push({ selector: { apiVersion: baseT.apiVersion, kind: baseT.kind, matchResources: role.matchResources }, path: `/spec${pointer(path)}`, template: nameTemplate(s) });
      nameJsonPatches.set(role.id, list);
    }
    const content = { apiVersion: baseT.apiVersion, kind: baseT.kind, spec: denormalize(baseSpec, owner.name) };
    const templateName = hashedName(`${className}-${role.id}`, content);
    // the same name is the same content under a base cut short (a long class name): one template serves both roles
    if (!templateNames.has(templateName)) {
      templateNames.add(templateName);
      templates.push({ apiVersion: content.apiVersion, kind: content.kind, metadata: { name: templateName, namespace }, spec: content.spec });
    }
    templateRefs.set(role.id, { apiVersion: content.apiVersion, kind: content.kind, name: templateName });
  }
  for (const v of mergeCandidates(candidates)) {
    variables.push({
      name: v.name,
      required: false,
      schema: { openAPIV3Schema: { ...v.schema, description: `${v.fields.join(', ')}; differs per cluster (${v.setBy || 'none'}).` } },
    });
    patches.push({
      name: v.name,
      ...(v.op === 'add' ? { enabledIf: `{{ hasKey . "${v.name}" }}` } : {}),
      definitions: v.definitions.map((d) => ({ ...d, jsonPatches: d.jsonPatches.map((jp: any) => ({ ...jp, valueFrom: { variable: v.name } })) })),
    });
    for (const [member, value] of v.values) values.get(member)!.push({ name: v.name, value });
  }
  if (nameJsonPatches.size > 0) {
    patches.push({
      name: 'cluster-name',
      description: 'Fields that hold the cluster name.',
      definitions: [...nameJsonPatches.values()].flat().map((p) => ({
        selector: p.selector,
        jsonPatches: [{ op: 'replace', path: p.path, valueFrom: { template: p.template } }],
      })),
    });
  }

  const basePools = base.parts.pools;
  // the pool as the base has it, else as the first member that has it (one map, not a scan per lookup)
  const owners = new Map(basePools);
  for (const m of members) for (const [name, part] of m.parts.pools) if (!owners.has(name)) owners.set(name, part);
  const poolOwner = (pool: string): PoolPart => owners.get(pool)!;
  const clusterClass = {
    apiVersion: CAPI_V1BETA2,
    kind: 'ClusterClass',
    metadata: { name: className, namespace },
    spec: {
      infrastructure: { templateRef: templateRefs.get('cluster'), naming: { template: namingTemplate(base.parts.names.infrastructure, base.name) } },
      controlPlane: {
        templateRef: templateRefs.get('control-plane'),
        machineInfrastructure: { templateRef: templateRefs.get('control-plane-machine') },
        naming: { template: namingTemplate(base.parts.names.controlPlane, base.name) },
        ...(base.parts.controlPlaneHealthCheck ? { healthCheck: base.parts.controlPlaneHealthCheck } : {}),
      },
      ...(poolNames.length > 0 ? {
        workers: {
          machineDeployments: poolNames.map((pool) => {
            const p = poolOwner(pool);
            return {
              class: pool,
              bootstrap: { templateRef: templateRefs.get(`${pool}-bootstrap`) },
              infrastructure: { templateRef: templateRefs.get(`${pool}-machine`) },
              naming: { template: `${CLUSTER_NAME}-{{ .machineDeployment.topologyName }}` },
              ...(p.healthCheck ? { healthCheck: p.healthCheck } : {}),
              ...deploymentClassFields(p.deployments[0]),
            };
          }),
        },
      } : {}),
      ...(variables.length > 0 ? { variables } : {}),
      ...(patches.length > 0 ? { patches } : {}),
    },
  };

  const clusters = new Map<string, any>();
  for (const m of members) {
    clusters.set(m.name, topologyCluster(m, className, base.parts, poolOwner, values.get(m.name)!, problems));
  }
  if (problems.length > 0) throw new ClassError(problems);
  return { clusterClass, templates, clusters };
}

/** A variable before variables that one override feeds into several templates are merged. */
interface Candidate {
  readonly name: string;
  readonly op: string;
  readonly field: string;
  readonly definition: any;
  readonly schema: Record<string, any>;
  readonly values: Map<string, any>;
  readonly baseValue: any;
  readonly setBy: Array<{ member: string; overrides: string[] }>;
}

/** A variable of the class, with the patch definitions it feeds. */
interface Merged {
  readonly name: string;
  readonly op: string;
  readonly fields: string[];
  readonly definitions: any[];
  readonly schema: Record<string, any>;
  readonly values: Map<string, any>;
  readonly setBy: string;
}

/**
 * One variable per override: candidates with the same values for every cluster, the same default
 * and the same single override behind them (e.g. `docker.nodeImage` in the control-plane and
 * worker machine templates) become one variable named after that override.
 */
function mergeCandidates(candidates: Candidate[]): Merged[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const overrides = [...new Set(c.setBy.flatMap((s) => s.overrides))];
    const k = overrides.length === 1
      ? canonicalJson([c.op, [...c.values].sort(([a], [b]) => a.localeCompare(b)), c.baseValue, c.schema, overrides[0]])
      : `single:${c.name}`;
    let group = groups.get(k);
    if (!group) groups.set(k, (group = []));
    group.push(c);
  }
  const taken = new Set(candidates.map((c) => c.name));
  const out: Merged[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    const override = first.setBy[0]?.overrides[0];
    const mergedName = group.length > 1 && override ? variableName('', override.split(/[.[\]']+/)) : undefined;
    const parts = mergedName && !taken.has(mergedName) ? [group] : group.map((c) => [c]);
    for (const part of parts) {
      const c = part[0];
      out.push({
        name: part.length > 1 ? mergedName! : c.name,
        op: c.op,
        fields: part.map((x) => x.field),
        definitions: part.map((x) => x.definition),
        schema: c.schema,
        values: c.values,
        setBy: c.setBy.map((s) => `${s.member}${s.overrides.length > 0 ? ` (${s.overrides.join(', ')})` : ''}`).join('; '),
      });
    }
  }
  return out;
}

/** Template field → the option names that feed it, where they are spelled differently. */
const OPTION_OF: Record<string, string[]> = {
  instanceType: ['machineType', 'instanceTypes'],
  spotMarketOptions: ['capacity'],
  ami: ['image'],
  customImage: ['nodeImage', 'image'],
  rootVolume: ['rootVolume'],
};

/** The member's own overrides that feed the field at `path` of a template of `section`. */
function matchingOverrides(m: MemberInput, section: string, path: string[]): string[] {
  const provider = section === 'infrastructure' ? /^(aws|docker|network)\b/ : /^(aws|docker)\b/;
  const inSection = m.overrides.filter((o) => o === section || o.startsWith(`${section}.`) || provider.test(o));
  const names = path.flatMap((p) => [p, ...(OPTION_OF[p] ?? [])]);
  const matching = inSection.filter((o) => o.split(/[.[\]']+/).some((segment) => names.includes(segment)));
  return matching.length > 0 ? matching : inSection;
}

function namingTemplate(objectName: string, clusterName: string): string {
  return objectName.startsWith(clusterName) ? `${CLUSTER_NAME}${objectName.slice(clusterName.length)}` : objectName;
}

/** The class-level fields of a MachineDeployment class (from one of the pool's MachineDeployments). */
function deploymentClassFields(d: DeploymentPart): Record<string, any> {
  return {
    ...(Object.keys(d.machineLabels).length > 0 ? { metadata: { labels: d.machineLabels } } : {}),
    ...(d.rollout?.strategy ? { rollout: { strategy: d.rollout.strategy } } : {}),
    ...(d.deletion ? { deletion: d.deletion } : {}),
    ...(d.minReadySeconds !== undefined ? { minReadySeconds: d.minReadySeconds } : {}),
    ...(d.taints ? { taints: d.taints } : {}),
    ...(d.readinessGates ? { readinessGates: d.readinessGates } : {}),
  };
}

/** A topology health check: the member's, when it differs from the class's. */
function healthCheckOverride(classCheck: any, own: any): any {
  if (jsonEqual(classCheck, own)) return undefined;
  if (own === undefined) return { enabled: false };
  return { enabled: true, ...own };
}

function topologyCluster(
  m: MemberInput, className: string, base: ClusterParts, poolOwner: (pool: string) => PoolPart, variables: Array<{ name: string; value: any }>,
  problems: string[],
): any {
  const { cluster } = m.parts;
  const { controlPlaneRef: _cp, infrastructureRef: _infra, ...spec } = cluster.spec;
  const machineDeployments: any[] = [];
  for (const [pool, part] of m.parts.pools) {
    const classFields = deploymentClassFields(poolOwner(pool).deployments[0]);
    for (const d of part.deployments) {
      const own = deploymentClassFields(d);
      const labels: Record<string, string> = {};
      const classLabels: Record<string, string> = classFields.metadata?.labels ?? {};
      for (const [k, v] of Object.entries(classLabels)) {
        if (!(k in d.machineLabels)) {
          problems.push(`cluster '${m.name}' pool '${pool}' has no machine label '${k}', which class '${className}' sets; topology labels can add and change labels, not remove them. Set the label in the cluster's overrides, or use OutputMode.objects().`);
          continue;
        }
        if (d.machineLabels[k] !== v) labels[k] = d.machineLabels[k];
      }
      for (const [k, v] of Object.entries(d.machineLabels)) if (!(k in classLabels)) labels[k] = v;
      const metadata = {
        ...(Object.keys(labels).length > 0 || d.labels ? { labels: { ...d.labels, ...labels } } : {}),
        ...(d.annotations ? { annotations: d.annotations } : {}),
      };
      const hc = healthCheckOverride(poolOwner(pool).healthCheck, part.healthCheck);
      const differs = (field: string) => !jsonEqual(classFields[field], own[field]);
      machineDeployments.push({
        class: pool,
        name: d.name.startsWith(`${m.name}-`) ? d.name.slice(m.name.length + 1) : d.name,
        ...(d.failureDomain ? { failureDomain: d.failureDomain } : {}),
        ...(d.replicas !== undefined ? { replicas: d.replicas } : {}),
        ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
        ...(hc ? { healthCheck: hc } : {}),
        ...(differs('rollout') && own.rollout ? { rollout: own.rollout } : {}),
        ...(differs('deletion') && own.deletion ? { deletion: own.deletion } : {}),
        ...(differs('minReadySeconds') && own.minReadySeconds !== undefined ? { minReadySeconds: own.minReadySeconds } : {}),
        ...(differs('taints') && own.taints ? { taints: own.taints } : {}),
        ...(differs('readinessGates') && own.readinessGates ? { readinessGates: own.readinessGates } : {}),
      });
      for (const field of ['rollout', 'deletion', 'minReadySeconds', 'taints', 'readinessGates']) {
        if (differs(field) && own[field] === undefined) {
          problems.push(`cluster '${m.name}' pool '${pool}' has no ${field}, which class '${className}' sets for the pool; a topology cannot unset it. Set it in the cluster's overrides, or use OutputMode.objects().`);
        }
      }
    }
  }
  const cpHealthCheck = healthCheckOverride(base.controlPlaneHealthCheck, m.parts.controlPlaneHealthCheck);
  const controlPlane = {
    ...(m.parts.controlPlaneReplicas !== undefined ? { replicas: m.parts.controlPlaneReplicas } : {}),
    ...(cpHealthCheck ? { healthCheck: cpHealthCheck } : {}),
  };
  return {
    apiVersion: cluster.apiVersion,
    kind: 'Cluster',
    metadata: cluster.metadata,
    spec: {
      ...spec,
      topology: {
        classRef: { name: className },
        version: m.parts.version,
        ...(Object.keys(controlPlane).length > 0 ? { controlPlane } : {}),
        ...(machineDeployments.length > 0 ? { workers: { machineDeployments } } : {}),
        ...(variables.length > 0 ? { variables: [...variables].sort((a, b) => a.name.localeCompare(b.name)) } : {}),
      },
    },
  };
}
