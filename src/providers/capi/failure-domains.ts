import { ValidationError } from '../../core/validation-error';
import type { NodePool } from '../../nodes/node-pool';

/** How an infrastructure names its failure domains in messages (e.g. `availability zone`). */
export interface ListedFailureDomains {
  /** The failure domains the infrastructure declares, in order (none: not declared). */
  readonly known: string[] | undefined;
  /** The infrastructure prop that declares them, for messages, e.g. `Infrastructure.openstack({ availabilityZones })`. */
  readonly declaredBy: string;
}

/** The failure domains of a pool's MachineDeployments, and the name part of each. */
export interface PoolFailureDomains {
  /** One MachineDeployment per entry: a failure domain, or undefined for none. */
  readonly failureDomains: Array<string | undefined>;
  /** The part of each MachineDeployment name standing for its failure domain. */
  readonly nameSuffixes: Array<string | undefined>;
}

/**
 * The failure domains of a pool's MachineDeployments on infrastructures whose failure domains
 * are a declared list (OpenStack availability zones, Docker failure domains): the pool's
 * `availabilityZones` (each must be declared, if a list is declared), the first
 * `availabilityZoneCount` of the declared list, or one MachineDeployment without a failure
 * domain. Names that cannot be part of an object name (`rack_13`, `AZ1`) are lower-cased with
 * other characters turned into '-' in MachineDeployment names (`<cluster>-<pool>-rack-13`).
 */
export function resolveListedFailureDomains(pool: NodePool, input: ListedFailureDomains): PoolFailureDomains {
  const { availabilityZones, availabilityZoneCount } = pool.options;
  let zones: string[] | undefined = availabilityZones;
  if (availabilityZoneCount !== undefined) {
    if (!input.known) {
      throw new ValidationError(pool, `availabilityZoneCount (${availabilityZoneCount}) needs the infrastructure's list of zones, and none is declared. Declare them with ${input.declaredBy}, or list the pool's availabilityZones.`);
    }
    if (availabilityZoneCount > input.known.length) {
      throw new ValidationError(pool, `availabilityZoneCount (${availabilityZoneCount}) is more than the ${input.known.length} zones declared (${input.known.join(', ')}). Lower it or declare more zones with ${input.declaredBy}.`);
    }
    zones = input.known.slice(0, availabilityZoneCount);
  }
  if (!zones) return { failureDomains: [undefined], nameSuffixes: [undefined] };
  const bySuffix = new Map<string, string>();
  const nameSuffixes = zones.map((zone) => {
    if (zone === '' || /\s/.test(zone)) {
      throw new ValidationError(pool, `availability zone '${zone}' is not a zone name. Use the zone's name without spaces, e.g. 'nova' or 'az-1'.`);
    }
    if (input.known && !input.known.includes(zone)) {
      throw new ValidationError(pool, `availability zone '${zone}' is not one of the zones declared with ${input.declaredBy} (${input.known.join(', ')}). Use one of them or declare it.`);
    }
    const suffix = zone.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
    if (suffix === '') {
      throw new ValidationError(pool, `availability zone '${zone}' has no letters or digits to name its MachineDeployment with. Use a zone with letters or digits in its name.`);
    }
    const clash = bySuffix.get(suffix);
    if (clash !== undefined) {
      throw new ValidationError(pool, `availability zones '${clash}' and '${zone}' would both name a MachineDeployment '<cluster>-<pool>-${suffix}'. Use one of them per pool.`);
    }
    bySuffix.set(suffix, zone);
    return suffix;
  });
  return { failureDomains: zones, nameSuffixes };
}
