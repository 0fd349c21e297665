import { ValidationError } from '../../core/validation-error';
import type { NodePool } from '../../nodes/node-pool';

/** How an infrastructure names its failure domains in messages (e.g. `availability zone`). */
export interface ListedFailureDomains {
  /** The failure domains the infrastructure declares, in order (none: not declared). */
  readonly known: string[] | undefined;
  /** The infrastructure prop that declares them, for messages, e.g. `Infrastructure.openstack({ availabilityZones })`. */
  readonly declaredBy: string;
}

/**
 * The failure domains of a pool's MachineDeployments on infrastructures whose failure domains
 * are a declared list (OpenStack availability zones, Docker failure domains): the pool's
 * `availabilityZones` (each must be declared, if a list is declared), the first
 * `availabilityZoneCount` of the declared list, or one MachineDeployment without a failure
 * domain. Names must fit in a MachineDeployment name (`<cluster>-<pool>-<zone>`).
 */
export function resolveListedFailureDomains(pool: NodePool, input: ListedFailureDomains): Array<string | undefined> {
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
  if (!zones) return [undefined];
  for (const zone of zones) {
    if (input.known && !input.known.includes(zone)) {
      throw new ValidationError(pool, `availability zone '${zone}' is not one of the zones declared with ${input.declaredBy} (${input.known.join(', ')}). Use one of them or declare it.`);
    }
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(zone)) {
      throw new ValidationError(pool, `availability zone '${zone}' cannot be part of a MachineDeployment name ('<cluster>-<pool>-<zone>'): use zones named with lower-case letters, digits and '-'.`);
    }
  }
  return zones;
}
