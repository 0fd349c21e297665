/**
 * `capi-blueprints diff` on ClusterClass output: a class change (a new template, new variables)
 * is reported on every cluster of the class, even when the clusters' own objects are unchanged.
 */
import { cleanupTemp, cli, jsonPlan, tempDir } from './support';
import { Blueprint, Fleet, ManagementCluster, OutputMode, Platform, Site, SiteInfrastructure } from '../../src';

afterAll(cleanupTemp);

function synthClasses(generalType: string, extraOverride = false): string {
  const outdir = tempDir('cli-classes-');
  const platform = new Platform({ outdir });
  const mgmt = new ManagementCluster(platform, 'mgmt', { providers: { aws: { configSecret: 'capa-variables' } } });
  const standard = new Blueprint(platform, 'standard', {
    version: 'v1.33.4',
    controlPlane: { replicas: 3, machineType: 'm6i.xlarge' },
    nodePools: { general: { machineType: generalType, availabilityZoneCount: 2, replicas: 1 } },
    outputMode: OutputMode.clusterClass(),
  });
  const seoul = new Site(platform, 'seoul', { infrastructure: SiteInfrastructure.aws({ region: 'ap-northeast-2' }), managementCluster: mgmt, overrides: { namespace: 'seoul' } });
  const fleet = new Fleet(platform, 'fleet');
  fleet.addCluster('prod', { blueprint: standard, site: seoul, overrides: extraOverride ? { controlPlane: { machineType: 'm6i.2xlarge' } } : undefined });
  fleet.addCluster('dev', { blueprint: standard, site: seoul });
  platform.synth();
  return outdir;
}

function synthObjects(): string {
  const outdir = tempDir('cli-objects-');
  const platform = new Platform({ outdir });
  const mgmt = new ManagementCluster(platform, 'mgmt', { providers: { aws: { configSecret: 'capa-variables' } } });
  const standard = new Blueprint(platform, 'standard', {
    version: 'v1.33.4', controlPlane: { replicas: 3, machineType: 'm6i.xlarge' }, nodePools: { general: { machineType: 'm6i.2xlarge', availabilityZoneCount: 2, replicas: 1 } },
  });
  const seoul = new Site(platform, 'seoul', { infrastructure: SiteInfrastructure.aws({ region: 'ap-northeast-2' }), managementCluster: mgmt, overrides: { namespace: 'seoul' } });
  const fleet = new Fleet(platform, 'fleet');
  fleet.addCluster('prod', { blueprint: standard, site: seoul });
  fleet.addCluster('dev', { blueprint: standard, site: seoul });
  platform.synth();
  return outdir;
}

describe('diff: ClusterClass output', () => {
  test('given existing clusters switched from objects to ClusterClass output, when diffed, then the webhook refusal is an error per cluster and the exit status is 1', () => {
    const { status, plan } = jsonPlan(synthObjects(), synthClasses('m6i.2xlarge'));
    expect(status).toBe(1);
    expect(plan.errors.map((e: any) => e.message)).toEqual([
      expect.stringMatching(/^Cluster seoul\/dev gains spec\.topology: the Cluster webhook refuses it \("classRef cannot be set on an existing Cluster"\)\. .*OutputMode\.objects\(\)/),
      expect.stringMatching(/^Cluster seoul\/prod gains spec\.topology/),
    ]);
  });

  test('given a new machine type in the blueprint, when diffed, then every cluster of the class reports the class change and the MachineDeployment class roll', () => {
    const { status, plan } = jsonPlan(synthClasses('m6i.2xlarge'), synthClasses('m6i.4xlarge'));
    expect(status).toBe(0);
    for (const name of ['prod', 'dev']) {
      const c = plan.clusters.find((x: any) => x.name === name);
      expect(c.status).toBe('changed');
      expect(c.warnings).toEqual([expect.stringMatching(
        /^ClusterClass seoul\/standard-seoul changes, which affects all 2 cluster\(s\) of the class \(seoul\/dev, seoul\/prod\): MachineDeployment class general machines ROLL: AWSMachineTemplate standard-seoul-general-machine-[0-9a-f]{8} → AWSMachineTemplate standard-seoul-general-machine-[0-9a-f]{8}$/,
      )]);
    }
  });

  test('given a cluster override that adds a variable, when diffed as text, then the class change is printed under each cluster', () => {
    const r = cli(['diff', synthClasses('m6i.2xlarge'), synthClasses('m6i.2xlarge', true)]);
    expect(r.stdout).toMatch(/warning: ClusterClass seoul\/standard-seoul changes, which affects all 2 cluster\(s\) of the class \(seoul\/dev, seoul\/prod\): variables change/);
    expect(r.stdout).toMatch(/2 cluster\(s\): 2 changed/);
  });
});
