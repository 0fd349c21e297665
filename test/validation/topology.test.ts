/**
 * Offline checks of what the Cluster API topology webhooks check: a topology Cluster against its
 * ClusterClass (class reference, MachineDeployment classes, variable values against the class
 * schemas, version format) and a ClusterClass's own references, variables and patches.
 */
import * as fs from 'fs';
import { Blueprint, Fleet, OutputMode, Platform, Site, SiteInfrastructure } from '../../src';
import { objectsIn, tmpdir } from '../platform/support';
import { validationFindings } from '../support/crd-validation';

/** A Docker class with two clusters (dev-b overrides the node image: one variable). */
function classObjects(): any[] {
  const outdir = tmpdir();
  try {
    const platform = new Platform({ outdir });
    const blueprint = new Blueprint(platform, 'std', {
      version: 'v1.33.4', controlPlane: { replicas: 1 }, nodePools: { workers: { replicas: 1 } }, outputMode: OutputMode.clusterClass(),
    });
    const site = new Site(platform, 'lab', { infrastructure: SiteInfrastructure.docker() });
    const fleet = new Fleet(platform, 'fleet');
    fleet.addCluster('dev-a', { blueprint, site });
    fleet.addCluster('dev-b', { blueprint, site, overrides: { docker: { nodeImage: 'mirror.example.com/kindest/node:v1.33.4' } } });
    platform.synth();
    return objectsIn(outdir).map((o) => o.object).filter((o) => o);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function findings(objects: any[]): string[] {
  return validationFindings(objects, ['ClusterTopology']).map((f) => `${f.kind} ${f.name} ${f.path} [${f.rule}] ${f.message}`);
}

const topology = (objects: any[], name: string) => objects.find((o) => o.kind === 'Cluster' && o.metadata.name === name).spec.topology;
const clusterClass = (objects: any[]) => objects.find((o) => o.kind === 'ClusterClass');

describe('topology checks', () => {
  let base: any[];
  beforeAll(() => { base = classObjects(); });
  const fresh = () => JSON.parse(JSON.stringify(base));

  test('given the generated class and topologies, then no findings with the gate', () => {
    expect(findings(base)).toEqual([]);
    expect(clusterClass(base).spec.variables.map((v: any) => v.name)).toEqual(['dockerNodeImage']);
  });

  test('given a classRef to a class not in the set, then Not found', () => {
    const objects = fresh();
    topology(objects, 'dev-a').classRef.name = 'other';
    expect(findings(objects)).toEqual(['Cluster dev-a spec.topology.classRef [reference] Not found: ClusterClass "other" in namespace "default" is not in the set of objects']);
  });

  test('given a MachineDeployment of a class the ClusterClass does not have, then the webhook finding lists the classes', () => {
    const objects = fresh();
    const mds = topology(objects, 'dev-a').workers.machineDeployments;
    mds.push({ ...mds[0], class: 'gpu', name: 'gpu' });
    expect(findings(objects)).toEqual([
      'Cluster dev-a spec.topology.workers.machineDeployments[1].class [webhook] Invalid value: "gpu": MachineDeployment class not found in ClusterClass "std-lab" (classes: workers)',
    ]);
  });

  test('given variable values that break the class schema or are not defined, then the webhook findings', () => {
    const objects = fresh();
    const t = topology(objects, 'dev-b');
    t.variables = [{ name: 'dockerNodeImage', value: '' }, { name: 'gpuCount', value: 1 }];
    expect(findings(objects)).toEqual([
      'Cluster dev-b spec.topology.variables[0].value [webhook] Invalid value: "": should be at least 1 chars long',
      'Cluster dev-b spec.topology.variables[1].name [webhook] Invalid value: "gpuCount": variable is not defined in ClusterClass "std-lab"',
    ]);
  });

  test('given a topology version without a patch number, then the semver finding', () => {
    const objects = fresh();
    topology(objects, 'dev-a').version = 'v1.33';
    expect(findings(objects)).toContain('Cluster dev-a spec.topology.version [webhook] Invalid value: "v1.33": must be a valid semantic version, e.g. v1.33.4');
  });

  test('given a class whose template is missing, whose variable name has a dot and whose patch names an unknown variable, then each is reported', () => {
    const objects = fresh();
    const cc = clusterClass(objects);
    const missing = cc.spec.controlPlane.machineInfrastructure.templateRef.name;
    cc.spec.variables[0].name = 'docker.nodeImage';
    const kept = objects.filter((o: any) => o.metadata?.name !== missing);
    const out = findings(kept);
    expect(out).toContain(`ClusterClass std-lab spec.controlPlane.machineInfrastructure.templateRef [reference] Not found: DevMachineTemplate "${missing}" (infrastructure.cluster.x-k8s.io/v1beta2) in namespace "default" is not in the set of objects`);
    expect(out).toContain('ClusterClass std-lab spec.variables[0].name [webhook] Invalid value: "docker.nodeImage": variable name must not contain "."');
    expect(out).toContain('ClusterClass std-lab spec.patches[0].definitions[0].jsonPatches[0].valueFrom.variable [webhook] Invalid value: "dockerNodeImage": variable with name "dockerNodeImage" cannot be found');
  });
});
