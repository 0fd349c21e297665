import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { Blueprint, BlueprintProps, Capacity, Fleet, Platform, Site, SiteInfrastructure } from '../../src';

/** A fresh temporary output directory. */
export function tmpdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'blueprint-'));
}

/** The standard blueprint of the tests: 3 CP machines, a general and a spot pool over 3 AZs. */
export function standardProps(): BlueprintProps {
  return {
    version: 'v1.33.4',
    controlPlane: { replicas: 3, machineType: 'm6i.xlarge' },
    labels: { owner: 'platform', tier: 'standard' },
    nodePools: {
      general: { machineType: 'm6i.2xlarge', availabilityZoneCount: 3, autoscaling: { minSize: 1, maxSize: 5 }, nodeLabels: { team: 'platform' } },
      spot: { machineType: 'm6i.2xlarge', capacity: Capacity.spot(), autoscaling: { minSize: 0, maxSize: 10 } },
    },
  };
}

/** A platform with the standard blueprint, an AWS site `seoul` and a fleet. */
export function world(outdir: string = tmpdir()) {
  const platform = new Platform({ outdir });
  const standard = new Blueprint(platform, 'standard', standardProps());
  const seoul = new Site(platform, 'seoul', { infrastructure: SiteInfrastructure.aws({ region: 'ap-northeast-2' }) });
  const fleet = new Fleet(platform, 'fleet');
  return { platform, standard, seoul, fleet, outdir };
}

/** Every object in the YAML files below `dir`, with the file it came from. */
export function objectsIn(dir: string): Array<{ file: string; object: any }> {
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml')).sort();
  return files.flatMap((file) => parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8')).map((d) => ({ file, object: d.toJS() })));
}

/** The synthesized objects of one kind, in the order they were rendered. */
export function kinds(platform: Platform, kind: string): any[] {
  return platform.node.findAll()
    .filter((c: any) => typeof c.toJson === 'function' && c.kind === kind)
    .map((c: any) => c.toJson());
}
