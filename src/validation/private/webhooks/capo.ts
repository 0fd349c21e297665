import { Issue } from '../issue';
import { get } from '../util';

type Add = (path: string, message: string) => void;

/** Webhook rules of the OpenStack provider (CAPO v0.14 `pkg/webhooks`). */
export function capoIssues(obj: any, group: string): Issue[] {
  const issues: Issue[] = [];
  if (group !== 'infrastructure.cluster.x-k8s.io') return issues;
  const add: Add = (path, message) => { issues.push({ path, message, rule: 'webhook' }); };
  const spec = obj.spec ?? {};
  switch (obj.kind) {
    case 'OpenStackCluster':
      securityGroupRules(get(spec, 'managedSecurityGroups.allNodesSecurityGroupRules'), 'spec.managedSecurityGroups.allNodesSecurityGroupRules', add);
      break;
    case 'OpenStackMachine':
    case 'OpenStackServer':
      machine(spec, 'spec', add);
      break;
    case 'OpenStackMachineTemplate': {
      const machineSpec = get(spec, 'template.spec') ?? {};
      if (machineSpec.providerID !== undefined) add('spec.template.spec.providerID', 'Forbidden: cannot be set in templates');
      // Not checked by the template webhook, but every OpenStackMachine created from the
      // template would be rejected by the OpenStackMachine webhook.
      machine(machineSpec, 'spec.template.spec', add);
      break;
    }
    default:
  }
  return issues;
}

function securityGroupRules(rules: unknown, path: string, add: Add): void {
  if (!Array.isArray(rules)) return;
  rules.forEach((rule: any, i: number) => {
    if (!rule || typeof rule !== 'object') return;
    const set = ['remoteManagedGroups', 'remoteGroupID', 'remoteIPPrefix'].filter((k) => rule[k] !== undefined && rule[k] !== null);
    if (set.length > 1) {
      add(`${path}[${i}]`, `Forbidden: ${set.join(' and ')} cannot be used together; a rule has one remote (remoteManagedGroups, remoteGroupID or remoteIPPrefix)`);
    }
  });
}

function machine(spec: any, path: string, add: Add): void {
  if (spec.rootVolume !== undefined && Array.isArray(spec.additionalBlockDevices)) {
    spec.additionalBlockDevices.forEach((d: any, i: number) => {
      if (d?.name === 'root') add(`${path}.additionalBlockDevices[${i}].name`, 'Forbidden: cannot contain a device named "root" when rootVolume is set');
    });
  }
  if (Array.isArray(spec.ports)) {
    spec.ports.forEach((p: any, i: number) => {
      if (p?.disablePortSecurity === true && Array.isArray(p.securityGroups) && p.securityGroups.length > 0) {
        add(`${path}.ports[${i}].securityGroups`, 'Forbidden: cannot have security groups when DisablePortSecurity is set to true');
      }
    });
  }
}
