/**
 * Test helper: expands a topology Cluster with its ClusterClass and templates into the objects the
 * Cluster API topology controller would create (infrastructure cluster, KubeadmControlPlane,
 * machine and bootstrap templates, MachineDeployments, MachineHealthChecks), applying the class's
 * variables and JSON patches — for the patch forms capi-blueprints generates (`valueFrom.variable`,
 * `valueFrom.template` over `builtin.cluster.name`, `enabledIf` with `hasKey`).
 */

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v));
}

function group(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Applies one JSON patch operation (add / replace / remove) to `doc` in place. */
function applyOp(doc: any, op: string, path: string, value: any): void {
  const segments = path.split('/').slice(1).map(unescape);
  const last = segments.pop()!;
  let target = doc;
  for (const s of segments) {
    if (target[s] === undefined) {
      if (op === 'replace') throw new Error(`replace at ${path}: ${s} does not exist`);
      target[s] = {};
    }
    target = target[s];
  }
  if (op === 'replace' && !(last in target)) throw new Error(`replace at ${path}: the field does not exist`);
  if (op === 'remove') delete target[last];
  else target[last] = clone(value);
}

function variableValue(variables: Record<string, any>, name: string): any {
  let v: any = variables;
  for (const k of name.split('.')) v = v?.[k];
  if (v === undefined) throw new Error(`variable ${name} is not set`);
  return v;
}

function renderTemplate(template: string, variables: Record<string, any>): string {
  return template.replace(/\{\{\s*(?:"(\{\{)"|\.([A-Za-z0-9_.]+))\s*\}\}/g, (_m, literal, name) => literal ?? String(variableValue(variables, name)));
}

function enabled(enabledIf: string | undefined, variables: Record<string, any>): boolean {
  if (enabledIf === undefined) return true;
  const m = /^\{\{ hasKey \. "([^"]+)" \}\}$/.exec(enabledIf);
  if (!m) throw new Error(`enabledIf ${enabledIf} is not supported by the test helper`);
  return m[1] in variables;
}

/** Where a template is used: the patch selectors it matches. */
interface Use {
  readonly infrastructureCluster?: boolean;
  readonly controlPlane?: boolean;
  readonly machineDeploymentClass?: string;
}

function selected(selector: any, template: any, use: Use): boolean {
  if (selector.apiVersion !== template.apiVersion || selector.kind !== template.kind) return false;
  const m = selector.matchResources ?? {};
  if (use.infrastructureCluster && m.infrastructureCluster) return true;
  if (use.controlPlane && m.controlPlane) return true;
  if (use.machineDeploymentClass && (m.machineDeploymentClass?.names ?? []).includes(use.machineDeploymentClass)) return true;
  return false;
}

function patched(cc: any, template: any, use: Use, variables: Record<string, any>): any {
  const doc = clone(template);
  for (const patch of cc.spec.patches ?? []) {
    if (!enabled(patch.enabledIf, variables)) continue;
    for (const def of patch.definitions ?? []) {
      if (!selected(def.selector, doc, use)) continue;
      for (const jp of def.jsonPatches) {
        const value = jp.value !== undefined ? jp.value
          : jp.valueFrom?.variable !== undefined ? variableValue(variables, jp.valueFrom.variable)
            : renderTemplate(jp.valueFrom.template, variables);
        applyOp(doc, jp.op, jp.path, value);
      }
    }
  }
  return doc;
}

/** The objects a topology Cluster stands for, expanded from its class and the templates in `objects`. */
export function expandTopology(cluster: any, objects: any[]): any[] {
  const ns = cluster.metadata.namespace ?? 'default';
  const topology = cluster.spec.topology;
  const cc = objects.find((o) => o.kind === 'ClusterClass' && o.metadata.name === topology.classRef.name && (o.metadata.namespace ?? 'default') === (topology.classRef.namespace ?? ns));
  if (!cc) throw new Error(`ClusterClass ${topology.classRef.name} not found`);
  const template = (ref: any): any => {
    const t = objects.find((o) => o.apiVersion === ref.apiVersion && o.kind === ref.kind && o.metadata.name === ref.name);
    if (!t) throw new Error(`template ${ref.kind} ${ref.name} not found`);
    return t;
  };
  const variables: Record<string, any> = { builtin: { cluster: { name: cluster.metadata.name, namespace: ns } } };
  for (const v of topology.variables ?? []) variables[v.name] = v.value;
  const name = (naming: string | undefined, extra: Record<string, string> = {}): string =>
    (naming ?? '').replace('{{ .cluster.name }}', cluster.metadata.name).replace('{{ .machineDeployment.topologyName }}', extra.topologyName ?? '');
  const out: any[] = [];

  const infraTemplate = patched(cc, template(cc.spec.infrastructure.templateRef), { infrastructureCluster: true }, variables);
  const infraName = name(cc.spec.infrastructure.naming?.template);
  out.push({ apiVersion: infraTemplate.apiVersion, kind: infraTemplate.kind.replace(/Template$/, ''), metadata: { name: infraName, namespace: ns }, spec: infraTemplate.spec.template.spec });

  const cpMachine = patched(cc, template(cc.spec.controlPlane.machineInfrastructure.templateRef), { controlPlane: true }, variables);
  out.push({ ...cpMachine, metadata: { name: `${cluster.metadata.name}-control-plane-machine`, namespace: ns } });
  const cpTemplate = patched(cc, template(cc.spec.controlPlane.templateRef), { controlPlane: true }, variables);
  const kcpSpec = clone(cpTemplate.spec.template.spec);
  kcpSpec.machineTemplate = { ...kcpSpec.machineTemplate, spec: { ...kcpSpec.machineTemplate?.spec, infrastructureRef: { apiGroup: group(cpMachine.apiVersion), kind: cpMachine.kind, name: `${cluster.metadata.name}-control-plane-machine` } } };
  if (topology.controlPlane?.replicas !== undefined) kcpSpec.replicas = topology.controlPlane.replicas;
  kcpSpec.version = topology.version;
  const kcpName = name(cc.spec.controlPlane.naming?.template);
  out.push({ apiVersion: cpTemplate.apiVersion, kind: 'KubeadmControlPlane', metadata: { name: kcpName, namespace: ns }, spec: kcpSpec });
  const cpCheck = topology.controlPlane?.healthCheck ?? cc.spec.controlPlane.healthCheck;
  if (cpCheck && cpCheck.enabled !== false) {
    const { enabled: _e, ...check } = cpCheck;
    out.push({ apiVersion: 'cluster.x-k8s.io/v1beta2', kind: 'MachineHealthCheck', metadata: { name: kcpName, namespace: ns }, spec: { clusterName: cluster.metadata.name, ...check } });
  }

  for (const md of topology.workers?.machineDeployments ?? []) {
    const mdClass = cc.spec.workers.machineDeployments.find((c: any) => c.class === md.class);
    const use = { machineDeploymentClass: md.class };
    const bootstrap = patched(cc, template(mdClass.bootstrap.templateRef), use, variables);
    const infra = patched(cc, template(mdClass.infrastructure.templateRef), use, variables);
    const mdName = name(mdClass.naming?.template, { topologyName: md.name });
    const bootstrapName = `${mdName}-bootstrap`;
    const infraName_ = `${mdName}-machine`;
    out.push({ ...bootstrap, metadata: { name: bootstrapName, namespace: ns } }, { ...infra, metadata: { name: infraName_, namespace: ns } });
    const deletion = md.deletion ?? mdClass.deletion;
    const { order, ...nodeDeletion } = deletion ?? {};
    const labels = { ...mdClass.metadata?.labels, ...md.metadata?.labels };
    out.push({
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'MachineDeployment',
      metadata: { name: mdName, namespace: ns, ...(md.metadata?.annotations ? { annotations: md.metadata.annotations } : {}) },
      spec: {
        clusterName: cluster.metadata.name,
        ...(md.replicas !== undefined ? { replicas: md.replicas } : {}),
        ...(md.rollout ?? mdClass.rollout ? { rollout: md.rollout ?? mdClass.rollout } : {}),
        ...(order ? { deletion: { order } } : {}),
        template: {
          metadata: { labels },
          spec: {
            clusterName: cluster.metadata.name,
            version: topology.version,
            bootstrap: { configRef: { apiGroup: group(bootstrap.apiVersion), kind: bootstrap.kind, name: bootstrapName } },
            infrastructureRef: { apiGroup: group(infra.apiVersion), kind: infra.kind, name: infraName_ },
            ...(md.failureDomain ? { failureDomain: md.failureDomain } : {}),
            ...(Object.keys(nodeDeletion).length > 0 ? { deletion: nodeDeletion } : {}),
            ...(md.minReadySeconds ?? mdClass.minReadySeconds ? { minReadySeconds: md.minReadySeconds ?? mdClass.minReadySeconds } : {}),
            ...(md.taints ?? mdClass.taints ? { taints: md.taints ?? mdClass.taints } : {}),
          },
        },
      },
    });
    const check = md.healthCheck ?? mdClass.healthCheck;
    if (check && check.enabled !== false) {
      const { enabled: _e, ...rest } = check;
      out.push({ apiVersion: 'cluster.x-k8s.io/v1beta2', kind: 'MachineHealthCheck', metadata: { name: `${cluster.metadata.name}-${md.class}`, namespace: ns }, spec: { clusterName: cluster.metadata.name, ...rest }, pool: md.class });
    }
  }
  return out;
}
