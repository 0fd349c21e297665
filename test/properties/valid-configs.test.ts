/**
 * Property-based tests over randomly generated valid programs (AWS, EKS and BYOH clusters with
 * random node pools and catalog addons with random deliveries):
 *
 * 1. every synthesized object passes all offline checks against the pinned CRDs (zero findings);
 * 2. synthesizing the same configuration twice gives byte-identical YAML;
 * 3. content-hashed template names change exactly when the template content changes.
 *
 * Deterministic in CI: a fixed seed unless FC_SEED is set (the seed in use is printed, so a failure
 * can be replayed with `FC_SEED=<seed> npx jest test/properties`).
 */
import { App, Testing, Yaml } from 'cdk8s';
import * as fc from 'fast-check';
import {
  AddonBundle, AddonDelivery, ByohPool, Capacity, Catalog, Infrastructure, ManagedCluster, NodePoolKind, NodePoolOptions, TaintEffect,
} from '../../src';
import { formatFinding } from '../../src/validation/private/format';
import { loadCrdValidator } from '../support/crd-validation';

const DEFAULT_SEED = 20261122;
const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : DEFAULT_SEED;
/** Runs per property (≥ 300 in total). */
const RUNS = { validAndDeterministic: 220, hashedNames: 100 };

// eslint-disable-next-line no-console
console.log(`fast-check seed ${SEED} (override with FC_SEED)`);

type Provider = 'aws' | 'eks' | 'byoh';

/** A generated pool: plain data, so a configuration can be built twice and mutated. */
interface PoolConfig {
  readonly name: string;
  readonly kind: NodePoolKind;
  readonly zones?: { count?: number; list?: string[] };
  readonly replicas?: number;
  readonly autoscaling?: { minSize: number; maxSize: number };
  readonly spot?: { maxPrice?: string };
  readonly machineType: string;
  /** MachinePools only: several instance types (a mixed-instances policy) with an on-demand share. */
  readonly mixed?: { types: string[]; onDemandBase: number; onDemandAbove: number };
  /** Managed node groups only: use a launch template. */
  readonly launchTemplate?: boolean;
  readonly labels: Record<string, string>;
  readonly taints: Array<{ key: string; value?: string; effect: TaintEffect }>;
  readonly kubeletArgs: Record<string, string>;
}

interface ClusterConfig {
  readonly provider: Provider;
  readonly name: string;
  readonly pools: PoolConfig[];
  readonly controlPlaneReplicas: number;
  readonly addons: string[];
  readonly delivery: 'helmChartProxy' | 'argoCd' | 'flux' | 'clusterResourceSet';
}

const ZONES = ['ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2c'];
const LABELS: Array<[string, string]> = [
  ['node-role.kubernetes.io/worker', ''],
  ['node.cluster.x-k8s.io/pool', 'general'],
  ['node-restriction.kubernetes.io/tier', 'backend'],
  ['taco-lma', 'enabled'],
  ['servicemesh', 'enabled'],
  ['example.com/team', 'platform'],
];
const TAINTS = [
  { key: 'dedicated', value: 'gpu', effect: TaintEffect.NO_SCHEDULE },
  { key: 'example.com/batch', effect: TaintEffect.PREFER_NO_SCHEDULE },
  { key: 'spot', value: 'true', effect: TaintEffect.NO_EXECUTE },
];
const KUBELET_ARGS: Array<[string, string]> = [
  ['max-pods', '110'],
  ['eviction-hard', 'memory.available<500Mi'],
  ['image-gc-high-threshold', '85'],
];
const ADDONS: Record<string, () => any> = {
  'cert-manager': () => Catalog.certManager(),
  'metrics-server': () => Catalog.metricsServer(),
  'ingress-nginx': () => Catalog.ingressNginx(),
  'local-path-provisioner': () => Catalog.localPathProvisioner(),
};

const subset = <T>(items: T[]) => fc.subarray(items);
const labelsArb = subset(LABELS).map((l) => Object.fromEntries(l));
const kubeletArb = subset(KUBELET_ARGS).map((l) => Object.fromEntries(l));
const sizeArb = fc.oneof(
  fc.record({ replicas: fc.integer({ min: 0, max: 5 }) }),
  fc.integer({ min: 0, max: 3 }).chain((min) => fc.integer({ min: Math.max(min, 1), max: min + 5 })
    .map((max) => ({ autoscaling: { minSize: min, maxSize: max } }))),
);
const zonesArb = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: 1, max: 3 }).map((count) => ({ count })),
  fc.shuffledSubarray(ZONES, { minLength: 1 }).map((list) => ({ list })),
);
const machineTypeArb = fc.constantFrom('t3.large', 'm6i.xlarge', 'c6i.2xlarge');

function poolArb(provider: Provider, name: string): fc.Arbitrary<PoolConfig> {
  const kinds = provider === 'aws' ? [NodePoolKind.MACHINE_DEPLOYMENT, NodePoolKind.MACHINE_POOL]
    : provider === 'eks' ? [NodePoolKind.MANAGED_NODE_GROUP, NodePoolKind.MACHINE_POOL, NodePoolKind.MACHINE_DEPLOYMENT]
      : [NodePoolKind.MACHINE_DEPLOYMENT];
  return fc.record({
    kind: fc.constantFrom(...kinds),
    size: sizeArb,
    zones: provider === 'byoh' ? fc.constant(undefined) : zonesArb,
    spot: provider === 'byoh' ? fc.constant(undefined) : fc.option(fc.record({ maxPrice: fc.option(fc.constantFrom('0.05', '0.12', '1'), { nil: undefined }) }), { nil: undefined }),
    machineType: machineTypeArb,
    mixed: fc.option(fc.record({
      types: fc.shuffledSubarray(['m6i.large', 'm5.large', 'm6a.large', 'c6i.large'], { minLength: 2 }),
      onDemandBase: fc.integer({ min: 0, max: 2 }),
      onDemandAbove: fc.integer({ min: 0, max: 100 }),
    }), { nil: undefined }),
    launchTemplate: fc.boolean(),
    labels: labelsArb,
    taints: subset(TAINTS),
    kubeletArgs: kubeletArb,
  }).map((p) => {
    const managed = p.kind === NodePoolKind.MANAGED_NODE_GROUP;
    const mixed = p.kind === NodePoolKind.MACHINE_POOL ? p.mixed : undefined;
    return {
      name,
      kind: p.kind,
      zones: p.zones,
      ...p.size,
      // Managed node groups take no spot price cap and no kubelet flags (EKS bootstraps the nodes);
      // a mixed-instances policy takes no spot price cap either.
      spot: p.spot && (managed || mixed) ? {} : p.spot,
      machineType: p.machineType,
      mixed,
      launchTemplate: managed ? p.launchTemplate : undefined,
      labels: managed ? Object.fromEntries(Object.entries(p.labels).filter(([k]) => !k.includes('kubernetes.io/'))) : p.labels,
      taints: p.taints,
      kubeletArgs: managed ? {} : p.kubeletArgs,
    };
  });
}

const clusterArb: fc.Arbitrary<ClusterConfig> = fc.record({
  provider: fc.constantFrom<Provider>('aws', 'eks', 'byoh'),
  name: fc.constantFrom('prod', 'dev-seoul', 'edge-1'),
  poolNames: fc.shuffledSubarray(['workers', 'spot', 'gpu'], { minLength: 1 }),
  controlPlaneReplicas: fc.constantFrom(1, 3, 5),
  addons: subset(Object.keys(ADDONS)),
  delivery: fc.constantFrom<ClusterConfig['delivery']>('helmChartProxy', 'argoCd', 'flux', 'clusterResourceSet'),
}).chain((c) => fc.tuple(...c.poolNames.map((n) => poolArb(c.provider, n)))
  .map((pools): ClusterConfig => ({
    provider: c.provider,
    name: c.name,
    pools,
    controlPlaneReplicas: c.controlPlaneReplicas,
    // A ClusterResourceSet installs plain manifests only (no Helm charts).
    addons: c.delivery === 'clusterResourceSet' ? c.addons.filter((a) => a === 'local-path-provisioner') : c.addons,
    delivery: c.delivery,
  })));

function poolOptions(p: PoolConfig): NodePoolOptions {
  return {
    kind: p.kind,
    replicas: p.replicas,
    autoscaling: p.autoscaling,
    availabilityZoneCount: p.zones?.count,
    availabilityZones: p.zones?.list,
    capacity: p.spot ? Capacity.spot(p.spot) : undefined,
    machineType: p.mixed ? undefined : p.machineType,
    instanceTypes: p.mixed?.types,
    machinePool: p.mixed
      ? { mixedInstances: { onDemandBaseCapacity: p.mixed.onDemandBase, onDemandPercentageAboveBaseCapacity: p.mixed.onDemandAbove } }
      : undefined,
    managedNodeGroup: p.launchTemplate ? { launchTemplate: true } : undefined,
    nodeLabels: p.labels,
    taints: p.taints,
    kubeletExtraArgs: p.kubeletArgs,
  };
}

/** Builds the configuration in a fresh app and returns its synthesized objects (the cluster's and the addon bundle's). */
function build(config: ClusterConfig): any[] {
  const app: App = Testing.app();
  const infrastructure = config.provider === 'aws' ? Infrastructure.aws({ region: 'ap-northeast-2' })
    : config.provider === 'eks' ? Infrastructure.eks({ region: 'ap-northeast-2' })
      : Infrastructure.byoh({ controlPlaneEndpoint: { host: '192.168.0.10' }, controlPlaneHosts: { matchLabels: { role: 'control-plane' } } });
  const cluster = new ManagedCluster(app, config.name, {
    version: config.provider === 'eks' ? 'v1.33' : 'v1.33.4',
    infrastructure,
    controlPlane: config.provider === 'eks' ? undefined : { replicas: config.controlPlaneReplicas },
  });
  for (const p of config.pools) {
    if (config.provider === 'byoh') {
      // BYOH claims hosts: no cloud machine settings, always MachineDeployments.
      const {
        availabilityZoneCount: _c, availabilityZones: _z, capacity: _s, machineType: _m, kind: _k,
        instanceTypes: _t, machinePool: _p, managedNodeGroup: _g, ...rest
      } = poolOptions(p);
      new ByohPool(cluster, p.name, { cluster, hosts: { matchLabels: { role: p.name } }, ...rest });
    } else {
      cluster.addNodePool(p.name, poolOptions(p));
    }
  }
  let bundle: AddonBundle | undefined;
  if (config.addons.length > 0) {
    bundle = new AddonBundle(app, 'addons', { addons: config.addons.map((a) => ADDONS[a]()), delivery: AddonDelivery[config.delivery]() });
    bundle.attachTo(cluster);
  }
  return [...Testing.synth(cluster), ...(bundle ? Testing.synth(bundle) : [])];
}

const yaml = (objects: any[]) => Yaml.stringify(...objects);

/** Objects whose names carry a content hash (`<base>-<8 hex>`), keyed by kind and base name. */
function hashedTemplates(objects: any[]): Map<string, { name: string; spec: string }> {
  const result = new Map<string, { name: string; spec: string }>();
  for (const o of objects) {
    const m = /^(.*)-[0-9a-f]{8}$/.exec(o.metadata.name);
    if (!o.kind.endsWith('Template') || !m) continue;
    const key = `${o.kind}/${m[1]}`;
    expect(result.has(key)).toBe(false);
    result.set(key, { name: o.metadata.name, spec: JSON.stringify(o.spec) });
  }
  return result;
}

describe('randomly generated valid configurations', () => {
  const validator = loadCrdValidator();

  test(`given ${RUNS.validAndDeterministic} random configurations, when synthesized, then zero findings and byte-identical YAML on a second synthesis`, () => {
    fc.assert(fc.property(clusterArb, (config) => {
      const objects = build(config);
      const findings = validator.validateObjects(objects).findings;
      expect(findings.map(formatFinding).join('\n')).toEqual('');
      expect(yaml(build(config))).toEqual(yaml(objects));
    }), { seed: SEED, numRuns: RUNS.validAndDeterministic });
  });

  /** A change to one pool that alters its template content, or one that must not (sizing only). */
  const mutationArb = fc.constantFrom<'machineType' | 'kubeletArgs' | 'labels' | 'taints' | 'replicas' | 'autoscaling'>(
    'machineType', 'kubeletArgs', 'labels', 'taints', 'replicas', 'autoscaling');

  function mutate(config: ClusterConfig, what: string, index: number): ClusterConfig {
    const pools = config.pools.map((p, i) => {
      if (i !== index % config.pools.length) return p;
      switch (what) {
        case 'machineType': return { ...p, machineType: p.machineType === 'm7i.large' ? 'm7i.xlarge' : 'm7i.large' };
        case 'kubeletArgs': return p.kind === NodePoolKind.MANAGED_NODE_GROUP ? p : { ...p, kubeletArgs: { ...p.kubeletArgs, 'max-pods': p.kubeletArgs['max-pods'] === '64' ? '58' : '64' } };
        case 'labels': return { ...p, labels: { ...p.labels, 'node.cluster.x-k8s.io/changed': 'yes' } };
        case 'taints': return { ...p, taints: p.taints.length > 0 ? p.taints.slice(1) : [TAINTS[0]] };
        case 'replicas': return { ...p, autoscaling: undefined, replicas: (p.replicas ?? 0) + 1 };
        default: return { ...p, replicas: undefined, autoscaling: { minSize: 1, maxSize: (p.autoscaling?.maxSize ?? 3) + 2 } };
      }
    });
    return { ...config, pools };
  }

  test(`given ${RUNS.hashedNames} random configurations and a change to one pool, when synthesized, then a hashed template name changes exactly when that template's content changes`, () => {
    fc.assert(fc.property(clusterArb, mutationArb, fc.nat(), (config, what, index) => {
      const before = hashedTemplates(build(config));
      const after = hashedTemplates(build(mutate(config, what, index)));
      for (const [key, a] of before) {
        const b = after.get(key);
        if (!b) continue;
        expect({ key, sameName: a.name === b.name }).toEqual({ key, sameName: a.spec === b.spec });
      }
    }), { seed: SEED, numRuns: RUNS.hashedNames });
  });

  test('the properties run at least 300 configurations in total', () => {
    expect(RUNS.validAndDeterministic + RUNS.hashedNames).toBeGreaterThanOrEqual(300);
  });
});
