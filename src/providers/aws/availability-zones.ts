import { AvailabilityZoneSelection, AwsNetwork } from './aws-network';
import { ValidationError } from '../../core/validation-error';
import { NodePool } from '../../nodes/node-pool';

const AZ_LETTERS = 'abcdef';

/**
 * The failure domains of a pool's MachineDeployments on AWS: the explicit zones, the region's
 * first N zones, or a single MachineDeployment without a failure domain.
 */
export function resolvePoolZones(pool: NodePool, region: string, network: AwsNetwork): Array<string | undefined> {
  const { availabilityZones, availabilityZoneCount } = pool.options;
  const zones = availabilityZones
    ?? (availabilityZoneCount !== undefined ? [...AZ_LETTERS.slice(0, availabilityZoneCount)].map((l) => `${region}${l}`) : undefined);
  if (!zones) return [undefined];
  for (const zone of zones) {
    if (!zone.startsWith(region) || !/^[a-z]$/.test(zone.slice(region.length))) {
      throw new ValidationError(pool, `availability zone '${zone}' is not a zone of region '${region}'. Use '${region}a', '${region}b', ….`);
    }
  }
  const managed = network.managedOptions;
  if (managed && (managed.availabilityZoneSelection ?? AvailabilityZoneSelection.ORDERED) === AvailabilityZoneSelection.ORDERED) {
    const usable = managed.availabilityZoneCount ?? 3;
    const outside = zones.find((z) => AZ_LETTERS.indexOf(z.slice(region.length)) >= usable);
    if (outside) {
      throw new ValidationError(pool, `availability zone '${outside}' has no subnets: the managed network spans only the first ${usable} zones of ${region}. Raise AwsNetwork.managed({ availabilityZoneCount }) or pick another zone.`);
    }
  }
  return zones;
}
