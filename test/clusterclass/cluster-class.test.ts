/**
 * ClusterClass output from a Blueprint: variables and patches generated from what clusters
 * override, equivalence with objects output (AWS kubeadm and Docker), errors for what a class
 * cannot express, and the ClusterTopology gate of the management cluster.
 */
import * as fs from 'fs';
import { ApiObject, App } from 'cdk8s';
import {
  Blueprint, BlueprintProps, Capacity, ClusterOverrides, Fleet, ManagementCluster, NodePoolKind, OutputMode, Platform, Site, SiteInfrastructure,
} from '../../src';
import { objectsIn, tmpdir } from '../platform/support';
import { compareModes } from '../support/clusterclass-equivalence';
import { expectValidManifests } from '../support/crd-validation';

interface World {
  readonly blueprint: BlueprintProps;
  readonly site: SiteInfrastructure;
  readonly clusters: Record<string, ClusterOverrides>;
}

/** Synthesizes the world in `mode` and returns every object written. */
function synth(world: World, mode: OutputMode, management = true): any[] {
  const outdir = tmpdir();
  try {
    const platform = new Platform({ outdir });
    const mgmt = management ? new ManagementCluster(platform, 'mgmt', { providers: { aws: { configSecret: 'capa-variables' } } }) : undefined;
    const blueprint = new Blueprint(platform, 'std', { ...world.blueprint, outputMode: mode });
    const site = new Site(platform, 'lab', { infrastructure: world.site, managementCluster: mgmt, overrides: { namespace: 'lab' } });
    const fleet = new Fleet(platform, 'fleet');
    for (const [name, overrides] of Object.entries(world.clusters)) fleet.addCluster(name, { blueprint, site, overrides });
    platform.synth();
    return objectsIn(outdir).map((o) => o.object).filter((o) => o);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

const gates = (objects: any[]): string[] =>
  Object.keys(objects.find((o) => o.kind === 'CoreProvider')?.spec?.manager?.featureGates ?? {}).filter((g) => g !== 'MachinePool');

const AWS: World = {
  blueprint: {
    version: 'v1.33.4',
    controlPlane: { replicas: 3, machineType: 'm6i.xlarge' },
    nodePools: {
      general: { machineType: 'm6i.2xlarge', availabilityZoneCount: 2, autoscaling: { minSize: 1, maxSize: 5 } },
      batch: { machineType: 'c6i.2xlarge', replicas: 2, nodeLabels: { 'node.cluster.x-k8s.io/workload': 'batch' } },
    },
    workerHealthCheck: { maxUnhealthyPercent: 40 },
  },
  site: SiteInfrastructure.aws({ region: 'eu-west-1' }),
  clusters: {
    alpha: {},
    beta: { nodePools: { general: { rootVolume: { sizeGiB: 200 } }, batch: { capacity: Capacity.spot(), replicas: 5 } } },
    gamma: { controlPlane: { replicas: 1, machineType: 'm6i.large' }, nodePools: { batch: { nodeLabels: { 'node.cluster.x-k8s.io/workload': 'ml' } } } },
  },
};

describe('ClusterClass output (AWS kubeadm)', () => {
  let classes: any[];
  let objects: any[];
  beforeAll(() => {
    classes = synth(AWS, OutputMode.clusterClass());
    objects = synth(AWS, OutputMode.objects());
  });

  test('given three clusters of one blueprint and site, then one ClusterClass named <blueprint>-<site> with a MachineDeployment class per pool', () => {
    const cc = classes.filter((o) => o.kind === 'ClusterClass');
    expect(cc.map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['lab/std-lab']);
    expect(cc[0].spec.workers.machineDeployments.map((c: any) => c.class)).toEqual(['general', 'batch']);
    expect(classes.filter((o) => o.kind === 'Cluster').map((o) => o.spec.topology.classRef.name)).toEqual(['std-lab', 'std-lab', 'std-lab']);
    expect(classes.filter((o) => ['MachineDeployment', 'KubeadmControlPlane', 'AWSCluster', 'MachineHealthCheck'].includes(o.kind))).toEqual([]);
  });

  test('given cluster overrides of template fields, then each becomes a typed variable with a patch; fields nobody overrides stay in the templates', () => {
    const cc = classes.find((o) => o.kind === 'ClusterClass');
    const vars = Object.fromEntries(cc.spec.variables.map((v: any) => [v.name, v.schema.openAPIV3Schema]));
    expect(Object.keys(vars).sort()).toEqual(['batchMachineSpotMarketOptions', 'controlPlaneMachineInstanceType', 'generalMachineRootVolumeSize']);
    expect(vars.generalMachineRootVolumeSize).toMatchObject({ type: 'integer', minimum: 8, maximum: 65536 });
    expect(vars.controlPlaneMachineInstanceType).toMatchObject({ type: 'string', minLength: 2, pattern: '^[a-z][a-z0-9-]*\\.[a-z0-9]+$' }); // the objects-mode check's
    expect(vars.controlPlaneMachineInstanceType.description).toContain('gamma (controlPlane.machineType)');
    const spot = cc.spec.patches.find((p: any) => p.name === 'batchMachineSpotMarketOptions');
    expect(spot.enabledIf).toEqual('{{ hasKey . "batchMachineSpotMarketOptions" }}');
    expect(spot.definitions[0]).toEqual({
      selector: { apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2', kind: 'AWSMachineTemplate', matchResources: { machineDeploymentClass: { names: ['batch'] } } },
      jsonPatches: [{ op: 'add', path: '/spec/template/spec/spotMarketOptions', valueFrom: { variable: 'batchMachineSpotMarketOptions' } }],
    });
    const cpMachine = classes.find((o) => o.metadata.name === cc.spec.controlPlane.machineInfrastructure.templateRef.name);
    expect(cpMachine.spec.template.spec.instanceType).toEqual('m6i.xlarge'); // the blueprint's value is the default
    expect(cpMachine.metadata.name).toMatch(/^std-lab-control-plane-machine-[0-9a-f]{8}$/);
  });

  test('given the topologies, then replicas, autoscaler bounds, failure domains and variables are per cluster', () => {
    const beta = classes.find((o) => o.kind === 'Cluster' && o.metadata.name === 'beta');
    expect(beta.spec.topology.variables).toEqual([
      { name: 'batchMachineSpotMarketOptions', value: {} },
      { name: 'controlPlaneMachineInstanceType', value: 'm6i.xlarge' },
      { name: 'generalMachineRootVolumeSize', value: 200 },
    ]);
    const mds = beta.spec.topology.workers.machineDeployments;
    expect(mds.map((m: any) => `${m.class}/${m.name}/${m.failureDomain ?? '-'}/${m.replicas ?? 'autoscaled'}`)).toEqual([
      'general/general-eu-west-1a/eu-west-1a/autoscaled', 'general/general-eu-west-1b/eu-west-1b/autoscaled', 'batch/batch/-/5',
    ]);
    expect(mds[0].metadata.annotations).toEqual({
      'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size': '5',
      'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': '1',
    });
    const gamma = classes.find((o) => o.kind === 'Cluster' && o.metadata.name === 'gamma');
    expect(gamma.spec.topology.controlPlane.replicas).toEqual(1);
    expect(gamma.spec.topology.workers.machineDeployments.find((m: any) => m.class === 'batch').metadata.labels).toEqual({ 'node.cluster.x-k8s.io/workload': 'ml' });
  });

  test.each(['alpha', 'beta', 'gamma'])('given cluster %s, when the topology is expanded with the class, then it equals the objects output field by field', (name) => {
    const cmp = compareModes(name, objects.filter((o) => o.metadata?.namespace === 'lab'), classes);
    expect(cmp.classes).toEqual(cmp.objects);
  });

  test('given class output, then the management cluster turns ClusterTopology on and the output validates with that gate only', () => {
    expect(gates(classes)).toEqual(['ClusterTopology']);
    expect(gates(objects)).toEqual([]);
    expectValidManifests(classes, gates(classes));
    const kcpProvider = classes.find((o) => o.kind === 'ControlPlaneProvider');
    expect(kcpProvider.spec.manager.featureGates).toEqual({ ClusterTopology: true });
  });
});

describe('ClusterClass output (Docker)', () => {
  const DOCKER: World = {
    blueprint: { version: 'v1.33.4', controlPlane: { replicas: 1 }, nodePools: { workers: { replicas: 1, availabilityZoneCount: 2 } } },
    site: SiteInfrastructure.docker({ failureDomains: ['fd1', 'fd2'] }),
    clusters: { 'dev-a': {}, 'dev-b': { docker: { nodeImage: 'mirror.example.com/kindest/node:v1.33.4' }, nodePools: { workers: { replicas: 2 } } } },
  };

  test('given two Docker clusters, then DevClusterTemplate and DevMachineTemplates, a nodeImage variable, and each topology equals its objects output', () => {
    const classes = synth(DOCKER, OutputMode.clusterClass());
    const objects = synth(DOCKER, OutputMode.objects());
    expect(classes.filter((o) => o.kind.endsWith('Template')).map((o) => o.kind).sort()).toEqual([
      'DevClusterTemplate', 'DevMachineTemplate', 'DevMachineTemplate', 'KubeadmConfigTemplate', 'KubeadmControlPlaneTemplate',
    ]);
    const cc = classes.find((o) => o.kind === 'ClusterClass');
    expect(cc.spec.variables.map((v: any) => v.name)).toEqual(['dockerNodeImage']);
    for (const name of ['dev-a', 'dev-b']) {
      const cmp = compareModes(name, objects.filter((o) => o.metadata?.namespace === 'lab'), classes);
      expect(cmp.classes).toEqual(cmp.objects);
    }
    expect(gates(classes)).toEqual(['ClusterTopology']);
    expect(classes.find((o) => o.kind === 'InfrastructureProvider' && o.metadata.name === 'docker').spec.manager.featureGates).toMatchObject({ ClusterTopology: true });
    expectValidManifests(classes, ['ClusterTopology']);
  });
});

describe('ClusterClass output errors', () => {
  test('given an EKS site of a class-output blueprint, then a ValidationError names the reason and the fix', () => {
    const world: World = { blueprint: { version: 'v1.33.4' }, site: SiteInfrastructure.eks({ region: 'eu-west-1' }), clusters: { a: {} } };
    expect(() => synth(world, OutputMode.clusterClass())).toThrow(/cluster 'a': blueprint 'std' asks for ClusterClass output, but EKS clusters cannot be class-based: .*AWSManagedMachinePool.*Set outputMode: OutputMode\.objects\(\) on site 'lab'\./);
  });

  test('given class output under a plain cdk8s App, then a ValidationError says only a Platform writes ClusterClasses (instead of silently writing objects)', () => {
    const app = new App({ outdir: tmpdir() });
    const blueprint = new Blueprint(app, 'std', { version: 'v1.33.4', outputMode: OutputMode.clusterClass() });
    const site = new Site(app, 'lab', { infrastructure: SiteInfrastructure.docker() });
    expect(() => new Fleet(app, 'fleet').addCluster('a', { blueprint, site })).toThrow(
      /^fleet: cluster 'a': blueprint 'std' asks for ClusterClass output, but only a Platform writes ClusterClasses .* Make the root a Platform \(new Platform\(\)\), or set outputMode: OutputMode\.objects\(\) on site 'lab'\./,
    );
  });

  test('given a site with outputMode objects, then it wins over the blueprint', () => {
    const platform = new Platform({ outdir: tmpdir() });
    const blueprint = new Blueprint(platform, 'std', { version: 'v1.33.4', outputMode: OutputMode.clusterClass() });
    const site = new Site(platform, 'tokyo', { infrastructure: SiteInfrastructure.eks({ region: 'ap-northeast-1' }), outputMode: OutputMode.objects() });
    expect(() => new Fleet(platform, 'fleet').addCluster('a', { blueprint, site })).not.toThrow();
  });

  test('given a cluster that leaves out a field the class template sets, then a ValidationError says a variable cannot remove it', () => {
    const world: World = {
      blueprint: { version: 'v1.33.4', nodePools: { spot: { machineType: 'm6i.large', replicas: 1, capacity: Capacity.spot() } } },
      site: SiteInfrastructure.aws({ region: 'eu-west-1' }),
      clusters: { a: {}, b: { nodePools: { spot: { capacity: Capacity.onDemand() } } } },
    };
    expect(() => synth(world, OutputMode.clusterClass())).toThrow(/class 'std-lab': cluster 'b' leaves out AWSMachineTemplate field spec\.template\.spec\.spotMarketOptions, which class 'std-lab' sets .*a variable cannot remove a field\. .*OutputMode\.objects\(\)/);
  });

  test('given several clusters that leave out fields the class sets, then one ValidationError lists every one of them', () => {
    const world: World = {
      blueprint: { version: 'v1.33.4', nodePools: { spot: { machineType: 'm6i.large', replicas: 1, capacity: Capacity.spot() } } },
      site: SiteInfrastructure.aws({ region: 'eu-west-1' }),
      clusters: {
        a: {},
        b: { nodePools: { spot: { capacity: Capacity.onDemand() } } },
        c: { nodePools: { spot: { capacity: Capacity.onDemand() } } },
      },
    };
    expect(() => synth(world, OutputMode.clusterClass())).toThrow(
      /class 'std-lab': 2 problems:\n {2}cluster 'b' leaves out AWSMachineTemplate field spec\.template\.spec\.spotMarketOptions.*\n {2}cluster 'c' leaves out AWSMachineTemplate field spec\.template\.spec\.spotMarketOptions/,
    );
  });

  test('given several clusters that cannot be split into class templates, then one ValidationError lists each with its path', () => {
    const world: World = {
      blueprint: { version: 'v1.33.4', nodePools: { pool: { machineType: 'm6i.large', replicas: 2, kind: NodePoolKind.MACHINE_POOL } } },
      site: SiteInfrastructure.aws({ region: 'eu-west-1' }),
      clusters: { a: {}, b: {} },
    };
    expect(() => synth(world, OutputMode.clusterClass())).toThrow(
      /2 clusters cannot be written as class 'std-lab':\n {2}\S*a: cluster 'a' \(class output, class 'std-lab'\) has MachinePool 'a-pool'.*\n {2}\S*b: cluster 'b' \(class output, class 'std-lab'\) has MachinePool 'b-pool'/,
    );
  });

  test('given a MachinePool pool in class output, then a ValidationError asks for MachineDeployments or objects output', () => {
    const world: World = {
      blueprint: { version: 'v1.33.4', nodePools: { pool: { machineType: 'm6i.large', replicas: 2, kind: NodePoolKind.MACHINE_POOL } } },
      site: SiteInfrastructure.aws({ region: 'eu-west-1' }),
      clusters: { a: {} },
    };
    expect(() => synth(world, OutputMode.clusterClass())).toThrow(/cluster 'a' \(class output, class 'std-lab'\) has MachinePool 'a-pool': .*Use kind NodePoolKind\.MACHINE_DEPLOYMENT for its pool, or OutputMode\.objects\(\)/);
  });

  test('given two blueprint/site pairs whose names run together into one class name, then a ValidationError names both (not a constructs error)', () => {
    const platform = new Platform({ outdir: tmpdir() });
    const mode = OutputMode.clusterClass();
    const ab = new Blueprint(platform, 'ab', { blueprintName: 'a-b', version: 'v1.33.4', controlPlane: { replicas: 1 }, outputMode: mode });
    const a = new Blueprint(platform, 'a', { version: 'v1.33.4', controlPlane: { replicas: 1 }, outputMode: mode });
    const c = new Site(platform, 'c', { infrastructure: SiteInfrastructure.docker() });
    const bc = new Site(platform, 'bc', { siteName: 'b-c', infrastructure: SiteInfrastructure.docker() });
    const fleet = new Fleet(platform, 'fleet');
    fleet.addCluster('x1', { blueprint: ab, site: c });
    fleet.addCluster('x2', { blueprint: a, site: bc });
    expect(() => platform.synth()).toThrow(
      /^fleet: blueprint 'a' with site 'b-c' \(cluster 'x2'\) and blueprint 'a-b' with site 'c' \(cluster 'x1'\) both make ClusterClass 'a-b-c' in namespace 'default'\. Give the blueprints or sites names that do not run together/,
    );
  });

  test('given sites of the same name on two management clusters, then each management cluster gets the class', () => {
    const outdir = tmpdir();
    const platform = new Platform({ outdir });
    const blueprint = new Blueprint(platform, 'std', { version: 'v1.33.4', controlPlane: { replicas: 1 }, outputMode: OutputMode.clusterClass() });
    const fleet = new Fleet(platform, 'fleet');
    for (const [i, mgmtName] of ['mgmt', 'mgmt2'].entries()) {
      const mgmt = new ManagementCluster(platform, mgmtName);
      const site = new Site(platform, `dev${i}`, { siteName: 'dev', infrastructure: SiteInfrastructure.docker(), managementCluster: mgmt });
      fleet.addCluster(`x${i}`, { blueprint, site });
    }
    platform.synth();
    const classes = objectsIn(outdir).filter((o) => o.object?.kind === 'ClusterClass').map((o) => o.file).sort();
    expect(classes).toEqual(['management/mgmt/clusterclass-std-dev.yaml', 'management/mgmt2/clusterclass-std-dev.yaml']);
  });

  test('given a class name too long for its template names, then same-content templates are one template and names stay within 63 characters', () => {
    const platform = new Platform({ outdir: tmpdir() });
    const blueprint = new Blueprint(platform, 'b', {
      blueprintName: 'b'.repeat(26), version: 'v1.33.4', controlPlane: { replicas: 1 }, nodePools: { general: { replicas: 1 } }, outputMode: OutputMode.clusterClass(),
    });
    const site = new Site(platform, 's', { siteName: 's'.repeat(26), infrastructure: SiteInfrastructure.docker() });
    new Fleet(platform, 'fleet').addCluster('x1', { blueprint, site });
    platform.synth(); // the control-plane and worker machine templates have the same spec: their names differ only in the cut-off role
    const classObject = platform.node.findAll().filter(ApiObject.isApiObject).find((o) => o.kind === 'ClusterClass')!.toJson();
    const { controlPlane, workers } = classObject.spec;
    expect(controlPlane.machineInfrastructure.templateRef.name).toEqual(workers.machineDeployments[0].infrastructure.templateRef.name);
    const names = platform.node.findAll().filter(ApiObject.isApiObject).filter((o) => o.kind.endsWith('Template')).map((o) => o.name);
    expect(names.length).toBeGreaterThanOrEqual(4);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(63);
  });

  test('given a management cluster that turns ClusterTopology off, then synthesis stops naming the gate and the cluster', () => {
    const platform = new Platform({ outdir: tmpdir() });
    const mgmt = new ManagementCluster(platform, 'mgmt', { providers: { core: { featureGates: { ClusterTopology: false } } } });
    const blueprint = new Blueprint(platform, 'std', { version: 'v1.33.4', controlPlane: { replicas: 1 }, outputMode: OutputMode.clusterClass() });
    const site = new Site(platform, 'lab', { infrastructure: SiteInfrastructure.docker(), managementCluster: mgmt });
    new Fleet(platform, 'fleet').addCluster('a', { blueprint, site });
    expect(() => platform.synth()).toThrow(/cluster 'a' needs feature gate ClusterTopology of provider 'cluster-api', which management cluster 'mgmt' turns off/);
  });

  test('given a blueprint and site that alone make no cluster (no version), then the first cluster is the base and a warning says so', () => {
    const outdir = tmpdir();
    try {
      const platform = new Platform({ outdir });
      const mgmt = new ManagementCluster(platform, 'mgmt', { providers: { aws: { configSecret: 'capa-variables' } } });
      const { version: _version, ...withoutVersion } = AWS.blueprint;
      const blueprint = new Blueprint(platform, 'std', { ...withoutVersion, outputMode: OutputMode.clusterClass() });
      const site = new Site(platform, 'lab', { infrastructure: AWS.site, managementCluster: mgmt, overrides: { namespace: 'lab' } });
      const fleet = new Fleet(platform, 'fleet');
      fleet.addCluster('alpha', { blueprint, site, overrides: { version: 'v1.33.4' } });
      fleet.addCluster('beta', { blueprint, site, overrides: { version: 'v1.33.4', controlPlane: { replicas: 1 } } });
      platform.synth();
      expect(platform.warnings).toEqual([expect.stringMatching(/^fleet\/alpha: class 'std-lab' takes its templates from cluster 'alpha', because the blueprint and site alone do not make a cluster \(.*version.*\)\. Fields the other clusters set differently become variables/)]);
      const written = objectsIn(outdir).map((o) => o.object).filter((o) => o);
      expect(written.filter((o) => o.kind === 'Cluster').map((o) => [o.metadata.name, o.spec.topology.classRef.name])).toEqual([['alpha', 'std-lab'], ['beta', 'std-lab']]);
      expectValidManifests(written, gates(written));
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('given an outputMode that is not an OutputMode, then a ValidationError', () => {
    const platform = new Platform({ outdir: tmpdir() });
    expect(() => new Blueprint(platform, 'std', { outputMode: 'class' as any })).toThrow(/outputMode "class" must be an OutputMode: OutputMode\.objects\(\) or OutputMode\.clusterClass\(\)/);
    expect(() => new Site(platform, 's', { infrastructure: SiteInfrastructure.docker(), outputMode: {} as any })).toThrow(/outputMode \{\} must be an OutputMode/);
  });
});
