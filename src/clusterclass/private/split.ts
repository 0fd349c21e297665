/**
 * Splits the objects-mode output of one cluster (JSON) into what a ClusterClass holds (templates
 * per role, health checks, pool metadata) and what its topology holds (replicas, failure domains,
 * annotations), so that both modes come from the same renderers.
 */

import { NODE_POOL_LABEL } from '../../providers/capi/machine-deployment';

const CAPI = 'cluster.x-k8s.io';
const CONTROL_PLANE_LABEL = 'cluster.x-k8s.io/control-plane';

/** A template of the class: the object's apiVersion, kind and spec. */
export interface TemplatePart {
  readonly apiVersion: string;
  readonly kind: string;
  readonly spec: any;
}

/** One MachineDeployment of a pool, as a topology entry needs it. */
export interface DeploymentPart {
  /** Object name (`<cluster>-<pool>[-<az>]`). */
  readonly name: string;
  readonly failureDomain?: string;
  readonly replicas?: number;
  readonly annotations?: Record<string, string>;
  readonly labels?: Record<string, string>;
  /** `template.metadata.labels` without Cluster API's own. */
  readonly machineLabels: Record<string, string>;
  readonly rollout?: any;
  readonly deletion?: any;
  readonly minReadySeconds?: number;
  readonly taints?: any;
  readonly readinessGates?: any;
}

/** A pool: its templates, MachineDeployments and health check. */
export interface PoolPart {
  readonly bootstrap: TemplatePart;
  readonly infrastructure: TemplatePart;
  readonly deployments: DeploymentPart[];
  readonly healthCheck?: any;
}

/** A cluster's objects, by role. */
export interface ClusterParts {
  readonly cluster: any;
  readonly infrastructure: TemplatePart;
  readonly controlPlane: TemplatePart;
  readonly controlPlaneMachine: TemplatePart;
  readonly controlPlaneReplicas?: number;
  readonly version: string;
  readonly controlPlaneHealthCheck?: any;
  readonly pools: Map<string, PoolPart>;
  /** Object names of the infrastructure cluster and the control plane (for naming templates). */
  readonly names: { readonly infrastructure: string; readonly controlPlane: string };
  /** `kind/name` of every object the topology replaces. */
  readonly consumed: Set<string>;
}

/** Thrown when a cluster's objects cannot be a topology (the message says why and the fix). */
export class SplitError extends Error {}

function group(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}

function key(o: any): string {
  return `${o.kind}/${o.metadata?.name}`;
}

function without(o: Record<string, any>, keys: string[]): Record<string, any> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
}

/** Splits `objects` (one cluster's JSON output) by role. */
export function splitCluster(objects: any[]): ClusterParts {
  const byRef = (ref: any): any => {
    const found = objects.find((o) => o.kind === ref?.kind && o.metadata?.name === ref?.name && group(o.apiVersion) === ref?.apiGroup);
    if (!found) throw new SplitError(`references ${ref?.kind} '${ref?.name}', which it does not render`);
    return found;
  };
  const cluster = objects.find((o) => o.kind === 'Cluster' && group(o.apiVersion) === CAPI);
  if (!cluster) throw new SplitError('renders no Cluster object');
  const consumed = new Set<string>([key(cluster)]);
  const infraCluster = byRef(cluster.spec.infrastructureRef);
  const kcp = byRef(cluster.spec.controlPlaneRef);
  if (kcp.kind !== 'KubeadmControlPlane') {
    throw new SplitError(`has a ${kcp.kind} control plane, which has no template a ClusterClass can use`);
  }
  const cpMachine = byRef(kcp.spec.machineTemplate?.spec?.infrastructureRef);
  for (const o of [infraCluster, kcp, cpMachine]) consumed.add(key(o));

  const machineTemplate = kcp.spec.machineTemplate ?? {};
  const mtSpec = without(machineTemplate.spec ?? {}, ['infrastructureRef']);
  const kcpSpec: Record<string, any> = without(kcp.spec, ['replicas', 'version', 'machineTemplate']);
  const mt = {
    ...(machineTemplate.metadata ? { metadata: machineTemplate.metadata } : {}),
    ...(Object.keys(mtSpec).length > 0 ? { spec: mtSpec } : {}),
  };
  if (Object.keys(mt).length > 0) kcpSpec.machineTemplate = mt;

  const pools = new Map<string, PoolPart>();
  let controlPlaneHealthCheck: any;
  for (const o of objects) {
    if (group(o.apiVersion) !== CAPI) continue;
    if (o.kind === 'MachinePool') {
      throw new SplitError(`has MachinePool '${o.metadata.name}': its infrastructure (e.g. AWSMachinePool) has no template kind a ClusterClass machinePool class can reference here. Use kind NodePoolKind.MACHINE_DEPLOYMENT for its pool, or OutputMode.objects()`);
    }
    if (o.kind !== 'MachineDeployment') continue;
    const pool = o.spec.template?.metadata?.labels?.[NODE_POOL_LABEL];
    if (!pool) throw new SplitError(`has MachineDeployment '${o.metadata.name}' without the ${NODE_POOL_LABEL} label`);
    const spec = o.spec.template.spec;
    const bootstrap = byRef(spec.bootstrap?.configRef);
    const infrastructure = byRef(spec.infrastructureRef);
    consumed.add(key(o)).add(key(bootstrap)).add(key(infrastructure));
    const machineLabels = Object.fromEntries(Object.entries(o.spec.template.metadata.labels as Record<string, string>)
      .filter(([k]) => !k.startsWith('cluster.x-k8s.io/')));
    const deletion = { ...spec.deletion, ...o.spec.deletion };
    const deployment: DeploymentPart = {
      name: o.metadata.name,
      failureDomain: spec.failureDomain,
      replicas: o.spec.replicas,
      annotations: o.metadata.annotations,
      labels: o.metadata.labels,
      machineLabels,
      rollout: o.spec.rollout,
      deletion: Object.keys(deletion).length > 0 ? deletion : undefined,
      minReadySeconds: spec.minReadySeconds,
      taints: spec.taints,
      readinessGates: spec.readinessGates,
    };
    const existing = pools.get(pool) as (PoolPart & { bootstrapKey: string; infrastructureKey: string }) | undefined;
    if (existing) {
      if (key(bootstrap) !== existing.bootstrapKey || key(infrastructure) !== existing.infrastructureKey) {
        throw new SplitError(`pool '${pool}' uses different templates per MachineDeployment; a MachineDeployment class has one bootstrap and one machine template`);
      }
      existing.deployments.push(deployment);
    } else {
      pools.set(pool, {
        bootstrap: templateOf(bootstrap),
        infrastructure: templateOf(infrastructure),
        deployments: [deployment],
        bootstrapKey: key(bootstrap),
        infrastructureKey: key(infrastructure),
      } as PoolPart & { bootstrapKey: string; infrastructureKey: string });
    }
  }
  for (const o of objects) {
    if (group(o.apiVersion) !== CAPI || o.kind !== 'MachineHealthCheck') continue;
    const labels = o.spec.selector?.matchLabels ?? {};
    const check = healthCheckOf(o.spec);
    if (CONTROL_PLANE_LABEL in labels) controlPlaneHealthCheck = check;
    else if (labels[NODE_POOL_LABEL] && pools.has(labels[NODE_POOL_LABEL])) (pools.get(labels[NODE_POOL_LABEL]) as any).healthCheck = check;
    else throw new SplitError(`has MachineHealthCheck '${o.metadata.name}' that selects neither the control plane nor one pool`);
    consumed.add(key(o));
  }
  return {
    cluster,
    infrastructure: { apiVersion: infraCluster.apiVersion, kind: `${infraCluster.kind}Template`, spec: { template: { spec: infraCluster.spec ?? {} } } },
    controlPlane: { apiVersion: kcp.apiVersion, kind: 'KubeadmControlPlaneTemplate', spec: { template: { spec: kcpSpec } } },
    controlPlaneMachine: templateOf(cpMachine),
    controlPlaneReplicas: kcp.spec.replicas,
    version: kcp.spec.version,
    controlPlaneHealthCheck,
    pools,
    names: { infrastructure: infraCluster.metadata.name, controlPlane: kcp.metadata.name },
    consumed,
  };
}

function templateOf(o: any): TemplatePart {
  return { apiVersion: o.apiVersion, kind: o.kind, spec: o.spec };
}

/** A MachineHealthCheck spec as a ClusterClass / topology `healthCheck`. */
function healthCheckOf(spec: any): any {
  const out: any = {};
  if (spec.checks) out.checks = spec.checks;
  if (spec.remediation) out.remediation = spec.remediation;
  return out;
}
