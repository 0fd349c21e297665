/**
 * What the Cluster API topology webhooks check, offline: a ClusterClass's variables, patches and
 * template references, and each topology Cluster against its class (class reference,
 * MachineDeployment classes and names, variable values against the class schemas).
 */
import { splitApiVersion } from './core-kinds';
import { Issue } from './issue';
import { LocatedIssue } from './references';
import { validateAgainstSchema } from './schema';
import { get } from './util';

const CAPI = 'cluster.x-k8s.io';

function namespaceOf(o: any): string {
  const ns = o?.metadata?.namespace;
  return typeof ns === 'string' && ns !== '' ? ns : 'default';
}

function isCapi(o: any, kind: string): boolean {
  return o && typeof o.apiVersion === 'string' && splitApiVersion(o.apiVersion)[0] === CAPI && o.kind === kind;
}

/** Template reference paths of a ClusterClass (`apiVersion` + `kind` + `name`). */
function templateRefs(cc: any): Array<[string, any]> {
  const refs: Array<[string, any]> = [
    ['spec.infrastructure.templateRef', get(cc, 'spec.infrastructure.templateRef')],
    ['spec.controlPlane.templateRef', get(cc, 'spec.controlPlane.templateRef')],
    ['spec.controlPlane.machineInfrastructure.templateRef', get(cc, 'spec.controlPlane.machineInfrastructure.templateRef')],
  ];
  for (const kind of ['machineDeployments', 'machinePools']) {
    const list = get(cc, `spec.workers.${kind}`);
    if (!Array.isArray(list)) continue;
    list.forEach((c: any, i: number) => {
      refs.push([`spec.workers.${kind}[${i}].bootstrap.templateRef`, get(c, 'bootstrap.templateRef')]);
      refs.push([`spec.workers.${kind}[${i}].infrastructure.templateRef`, get(c, 'infrastructure.templateRef')]);
    });
  }
  return refs.filter(([, r]) => r && typeof r === 'object');
}

/** Issues of one ClusterClass on its own (variables and patches). */
function classIssues(cc: any): Issue[] {
  const issues: Issue[] = [];
  const add = (path: string, message: string): void => { issues.push({ path, message, rule: 'webhook' }); };
  const names = new Set<string>();
  const variables = get(cc, 'spec.variables');
  if (Array.isArray(variables)) {
    variables.forEach((v: any, i: number) => {
      const name = v?.name;
      if (typeof name !== 'string') return;
      if (name.startsWith('builtin')) add(`spec.variables[${i}].name`, `Invalid value: "${name}": "builtin" is a reserved variable name`);
      if (name.includes('.')) add(`spec.variables[${i}].name`, `Invalid value: "${name}": variable name must not contain "."`);
      if (names.has(name)) add(`spec.variables[${i}].name`, `Invalid value: "${name}": variable names must be unique`);
      names.add(name);
    });
  }
  // MachineDeployment classes are a list map keyed by class: the schema rejects duplicates
  const classes = new Set<string>((get(cc, 'spec.workers.machineDeployments') ?? []).map((c: any) => c?.class).filter((c: any) => typeof c === 'string'));
  const patches = get(cc, 'spec.patches');
  if (Array.isArray(patches)) {
    patches.forEach((p: any, i: number) => {
      (Array.isArray(p?.definitions) ? p.definitions : []).forEach((d: any, j: number) => {
        const names_ = get(d, 'selector.matchResources.machineDeploymentClass.names');
        if (Array.isArray(names_)) {
          names_.forEach((n: any, k: number) => {
            if (typeof n === 'string' && !n.includes('*') && !classes.has(n)) {
              add(`spec.patches[${i}].definitions[${j}].selector.matchResources.machineDeploymentClass.names[${k}]`, `Invalid value: "${n}": no MachineDeployment class of this ClusterClass is named "${n}"`);
            }
          });
        }
        (Array.isArray(d?.jsonPatches) ? d.jsonPatches : []).forEach((jp: any, k: number) => {
          const at = `spec.patches[${i}].definitions[${j}].jsonPatches[${k}]`;
          const variable = get(jp, 'valueFrom.variable');
          if (typeof variable === 'string') {
            const root = variable.split('.')[0];
            if (root !== 'builtin' && !names.has(root)) add(`${at}.valueFrom.variable`, `Invalid value: "${variable}": variable with name "${root}" cannot be found`);
          }
          if (typeof jp?.path === 'string' && !jp.path.startsWith('/spec/')) add(`${at}.path`, `Invalid value: "${jp.path}": jsonPatch path must start with "/spec/"`);
          if (jp?.op !== 'remove' && jp?.value === undefined && jp?.valueFrom === undefined) add(at, 'Invalid value: exactly one of value and valueFrom must be set');
        });
      });
    });
  }
  return issues;
}

/** Topology issues over a set of objects. */
export function topologyIssues(objects: any[]): LocatedIssue[] {
  const out: LocatedIssue[] = [];
  const classes = new Map<string, any>();
  const byKey = new Set<string>();
  for (const o of objects) {
    if (!o || typeof o.apiVersion !== 'string' || typeof o.metadata?.name !== 'string') continue;
    byKey.add(`${splitApiVersion(o.apiVersion)[0]}|${o.kind}|${namespaceOf(o)}|${o.metadata.name}`);
    if (isCapi(o, 'ClusterClass')) classes.set(`${namespaceOf(o)}/${o.metadata.name}`, o);
  }
  objects.forEach((o, at) => {
    const add = (path: string, message: string, rule: Issue['rule'] = 'reference'): void => { out.push({ at, issue: { path, message, rule } }); };
    if (isCapi(o, 'ClusterClass')) {
      for (const issue of classIssues(o)) out.push({ at, issue });
      for (const [path, ref] of templateRefs(o)) {
        if (typeof ref.apiVersion !== 'string' || typeof ref.kind !== 'string' || typeof ref.name !== 'string') continue;
        const group = splitApiVersion(ref.apiVersion)[0];
        if (!byKey.has(`${group}|${ref.kind}|${namespaceOf(o)}|${ref.name}`)) {
          add(path, `Not found: ${ref.kind} "${ref.name}" (${ref.apiVersion}) in namespace "${namespaceOf(o)}" is not in the set of objects`);
        }
      }
      return;
    }
    if (!isCapi(o, 'Cluster') || !o.spec?.topology || typeof o.spec.topology !== 'object') return;
    const topology = o.spec.topology;
    const ref = topology.classRef;
    if (!ref || typeof ref.name !== 'string') return;
    const classNs = typeof ref.namespace === 'string' && ref.namespace !== '' ? ref.namespace : namespaceOf(o);
    const cc = classes.get(`${classNs}/${ref.name}`);
    if (!cc) {
      add('spec.topology.classRef', `Not found: ClusterClass "${ref.name}" in namespace "${classNs}" is not in the set of objects`);
      return;
    }
    const mdClasses = new Set((get(cc, 'spec.workers.machineDeployments') ?? []).map((c: any) => c?.class));
    const mds = get(topology, 'workers.machineDeployments');
    if (Array.isArray(mds)) {
      mds.forEach((md: any, i: number) => {
        if (typeof md?.class === 'string' && !mdClasses.has(md.class)) {
          add(`spec.topology.workers.machineDeployments[${i}].class`, `Invalid value: "${md.class}": MachineDeployment class not found in ClusterClass "${ref.name}" (classes: ${[...mdClasses].sort().join(', ') || 'none'})`, 'webhook');
        }
      });
    }
    const definitions = new Map<string, any>((get(cc, 'spec.variables') ?? []).filter((v: any) => typeof v?.name === 'string').map((v: any) => [v.name, v]));
    const seen = new Set<string>();
    const vars = topology.variables;
    if (Array.isArray(vars)) {
      vars.forEach((v: any, i: number) => {
        if (typeof v?.name !== 'string') return;
        const at_ = `spec.topology.variables[${i}]`;
        seen.add(v.name); // a list map keyed by name: the schema rejects duplicates
        const def = definitions.get(v.name);
        if (!def) {
          add(`${at_}.name`, `Invalid value: "${v.name}": variable is not defined in ClusterClass "${ref.name}"`, 'webhook');
          return;
        }
        const schema = get(def, 'schema.openAPIV3Schema');
        if (!schema) return;
        for (const issue of validateAgainstSchema(schema, v.value)) {
          add(issue.path ? `${at_}.value.${issue.path}` : `${at_}.value`, issue.path ? issue.message : issue.message.replace(/: body /, ': '), 'webhook');
        }
      });
    }
    for (const [name, def] of definitions) {
      if (def.required === true && !seen.has(name)) add('spec.topology.variables', `Required value: required variable "${name}" of ClusterClass "${ref.name}" is not set`, 'webhook');
    }
  });
  return out;
}
