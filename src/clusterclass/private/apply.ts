/**
 * At synthesis: turns the clusters of class output into one ClusterClass (and templates) per
 * (blueprint, site, namespace) and a `Cluster` with `spec.topology` per cluster, replacing the
 * objects the topology controller creates. The renderers stay as they are: every cluster (and a
 * base cluster of the blueprint and site alone) is rendered in objects mode first.
 */
import { ApiObject, App, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { buildClass, ClassError, MemberInput } from './build';
import { ClassMember, classMembers } from './registry';
import { splitCluster, SplitError } from './split';
import type { ManagedCluster } from '../../cluster/managed-cluster';
import { ValidationError } from '../../core/validation-error';
import { addWarning } from '../../core/warnings';
import { RequestError } from '../../platform/blueprint/private/resolve';

const DONE = new WeakSet<IConstruct>();
const MEMBERSHIP = Symbol.for('capi-blueprints.ManagementCluster.membership');
/** Settings that attach things to a cluster rather than shape its objects (left out of the base render). */
const ATTACHED = ['addons', 'teams', 'lma'];

/** Builds a cluster in a scratch app (no management cluster, no bundles). */
export type BaseBuilder = (scope: IConstruct, id: string, request: any) => ManagedCluster;

/** The JSON of every object a cluster renders. */
export function clusterObjects(cluster: IConstruct): any[] {
  return cluster.node.findAll().filter(ApiObject.isApiObject).map((o) => o.toJson());
}

function strip(layers: Array<{ label: string; values?: Record<string, any>; definesPools?: boolean }>): any[] {
  const keep = (values: Record<string, any>) => Object.fromEntries(Object.entries(values).filter(([k]) => !ATTACHED.includes(k)));
  return layers.map((l) => ({ ...l, values: l.values ? keep(l.values) : l.values }));
}

/** Renders the class's base cluster (blueprint and site only, named like the class). */
function renderBase(build: BaseBuilder, member: ClassMember, className: string): MemberInput | string {
  const { site, blueprint } = member;
  const scratchSite = Object.create(site, {
    managementCluster: { value: undefined },
    _layers: { value: () => strip(site._layers()) },
  });
  const scratchBlueprint = { blueprintName: blueprint.blueprintName, _layers: () => strip(blueprint._layers()) };
  try {
    const cluster = build(new App(), className, {
      name: className,
      blueprint: scratchBlueprint,
      site: scratchSite,
      overrides: { namespace: member.cluster.clusterNamespace },
      label: `class '${className}'`,
    });
    return { name: className, parts: splitCluster(clusterObjects(cluster)), overrides: [] };
  } catch (e) {
    // a blueprint that needs a cluster fact (a version, an endpoint): the first cluster is the base
    if (ValidationError.isValidationError(e)) return e.message.startsWith(`${e.path}: `) ? e.message.slice(e.path.length + 2) : e.message;
    if (e instanceof RequestError) return e.message;
    throw e; // a bug, not a missing fact
  }
}

/**
 * Replaces the objects of every class-output cluster under `root` by its topology, and adds the
 * classes. Runs once per app (after validation, before writing).
 */
export function applyClassOutputs(root: IConstruct, build: BaseBuilder): void {
  const app = root.node.root;
  if (DONE.has(app)) return;
  DONE.add(app);
  // one class per blueprint, site and namespace (the objects: two sites may share a siteName)
  const groups = new Map<string, ClassMember[]>();
  for (const m of classMembers(app)) {
    const k = `${m.blueprint.node.path}|${m.site.node.path}|${m.cluster.clusterNamespace}`;
    let group = groups.get(k);
    if (!group) groups.set(k, (group = []));
    group.push(m);
  }
  const classNames = new Map<string, ClassMember>(); // management cluster|namespace|class name → first member
  for (const members of groups.values()) {
    const first = members[0];
    const className = `${first.blueprint.blueprintName}-${first.site.siteName}`;
    const namespace = first.cluster.clusterNamespace;
    const where = `${first.site.managementCluster?.node.path ?? ''}|${namespace}|${className}`;
    const other = classNames.get(where);
    if (other) {
      throw new ValidationError(first.cluster.node.scope ?? first.cluster, `blueprint '${first.blueprint.blueprintName}' with site '${first.site.siteName}' (cluster '${first.cluster.clusterName}') and blueprint '${other.blueprint.blueprintName}' with site '${other.site.siteName}' (cluster '${other.cluster.clusterName}') both make ClusterClass '${className}' in namespace '${namespace}'. Give the blueprints or sites names that do not run together (blueprintName, siteName), or use OutputMode.objects() for one of them.`);
    }
    classNames.set(where, first);
    const inputs: MemberInput[] = [];
    const unsplittable: Array<[ClassMember, string]> = []; // every member that cannot be split, reported together
    for (const m of members) {
      try {
        const own = [...m.provenance].filter(([, label]) => label === m.label).map(([p]) => p);
        inputs.push({ name: m.cluster.clusterName, parts: splitCluster(clusterObjects(m.cluster)), overrides: own });
      } catch (e) {
        if (!(e instanceof SplitError)) throw e;
        unsplittable.push([m, `cluster '${m.cluster.clusterName}' (class output, class '${className}') ${e.message}. Use OutputMode.objects() for its site or blueprint.`]);
      }
    }
    if (unsplittable.length === 1) throw new ValidationError(unsplittable[0][0].cluster, unsplittable[0][1]);
    if (unsplittable.length > 1) {
      const lines = unsplittable.map(([m, message]) => `${m.cluster.node.path}: ${message}`);
      throw new ValidationError(first.cluster.node.scope ?? first.cluster, `${unsplittable.length} clusters cannot be written as class '${className}':\n  ${lines.join('\n  ')}`);
    }
    const rendered = renderBase(build, first, className);
    let base: MemberInput;
    if (typeof rendered === 'string') {
      base = inputs[0];
      addWarning(first.cluster, `class '${className}' takes its templates from cluster '${first.cluster.clusterName}', because the blueprint and site alone do not make a cluster (${rendered}). Fields the other clusters set differently become variables; set them in the blueprint or site to keep them in the class.`);
    } else {
      base = rendered;
    }
    let out;
    try {
      out = buildClass({ className, namespace, base, members: inputs });
    } catch (e) {
      if (e instanceof ClassError) throw new ValidationError(first.cluster.node.scope ?? first.cluster, `class '${className}': ${e.message}`);
      throw e;
    }
    for (const [i, m] of members.entries()) {
      const consumed = inputs[i].parts.consumed;
      for (const o of m.cluster.node.findAll().filter(ApiObject.isApiObject)) {
        if (consumed.has(`${o.kind}/${o.name}`)) o.node.scope?.node.tryRemoveChild(o.node.id);
      }
      new ApiObject(m.cluster, 'Topology', out.clusters.get(m.cluster.clusterName));
    }
    const mgmt = first.site.managementCluster;
    const scope: IConstruct = first.cluster.node.scope!;
    const chartId = `clusterclass-${className}${namespace === 'default' ? '' : `-${namespace}`}`;
    // the same class for another management cluster (sites of the same name): the chart goes under
    // its site, keeping its id (the file name in that management cluster's folder)
    const chart = new Chart(scope.node.tryFindChild(chartId) === undefined ? scope : first.site, chartId, { namespace });
    if (mgmt) Object.defineProperty(chart, MEMBERSHIP, { value: mgmt });
    new ApiObject(chart, 'ClusterClass', out.clusterClass);
    for (const t of out.templates) new ApiObject(chart, t.metadata.name, t);
  }
}
