import { IConstruct } from 'constructs';
import { ValidationError } from '../../../core/validation-error';
import { MachineOptions } from '../../../machines/machine-options';

/** Cloud machine settings BYOH cannot honour: it claims existing hosts, it creates no machines. */
const AWS_MACHINE_FIELDS: Array<keyof MachineOptions> = [
  'machineType', 'rootVolume', 'image', 'additionalSecurityGroups', 'capacity', 'subnet', 'iamInstanceProfile', 'additionalTags', 'instanceMetadata',
];

/**
 * Rejects AWS machine settings (and any further `extraFields`, e.g. availability zones) on a
 * BYOH control plane or pool, instead of dropping them silently.
 */
export function rejectCloudMachineFields(scope: IConstruct, prefix: string, options: object, extraFields: string[] = []): void {
  const given = options as Record<string, unknown>;
  for (const field of [...AWS_MACHINE_FIELDS, ...extraFields]) {
    if (given[field] !== undefined) {
      throw new ValidationError(scope, `${prefix}${field} is a cloud machine setting, which BYOH cannot apply: it claims existing hosts and creates no machines. Remove ${prefix}${field}; choose the hosts with a host selector instead (and size/place them when you register them).`);
    }
  }
}
