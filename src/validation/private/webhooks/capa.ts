import { CAPA_IGNITION_GATE } from '../../../core/feature-gates';
import { Issue } from '../issue';
import { get } from '../util';

/** Webhook rules of the AWS provider (capi-notes §3). */
export function capaIssues(obj: any, group: string, featureGates: ReadonlySet<string> = new Set()): Issue[] {
  const issues: Issue[] = [];
  const add = (path: string, message: string): void => { issues.push({ path, message, rule: 'webhook' }); };
  const spec = obj.spec ?? {};
  if (group === 'infrastructure.cluster.x-k8s.io' && !featureGates.has(CAPA_IGNITION_GATE)) {
    // CAPA's Ignition fields (S3 user-data bucket, machine ignition) are behind its BootstrapFormatIgnition gate
    const gated: Record<string, string> = {
      AWSCluster: 'spec.s3Bucket', AWSMachine: 'spec.ignition', AWSMachineTemplate: 'spec.template.spec.ignition', AWSMachinePool: 'spec.ignition',
    };
    const at = gated[obj.kind];
    if (at !== undefined && get(obj, at) !== undefined) add(at, `Forbidden: can be set only if the ${CAPA_IGNITION_GATE} feature gate is enabled`);
  }
  if (group === 'infrastructure.cluster.x-k8s.io') {
    switch (obj.kind) {
      case 'AWSClusterControllerIdentity':
        if (obj.metadata?.name !== undefined && obj.metadata.name !== 'default') {
          add('metadata.name', `Invalid value: "${obj.metadata.name}": AWSClusterControllerIdentity is a singleton and must be named "default"`);
        }
        break;
      case 'AWSCluster':
        bastion(spec.bastion, 'spec.bastion', add);
        break;
      case 'AWSClusterTemplate':
        bastion(get(spec, 'template.spec.bastion'), 'spec.template.spec.bastion', add);
        break;
      case 'AWSMachine':
        // spot vs capacity reservation is a CEL rule of the AWSMachine CRD
        machine(spec, 'spec', add, false);
        break;
      case 'AWSMachineTemplate':
        machine(get(spec, 'template.spec') ?? {}, 'spec.template.spec', add, true);
        break;
      case 'AWSMachinePool':
        machine(spec.awsLaunchTemplate ?? {}, 'spec.awsLaunchTemplate', add, true);
        if (get(spec, 'awsLaunchTemplate.spotMarketOptions') !== undefined && spec.mixedInstancesPolicy !== undefined) {
          add('spec.awsLaunchTemplate.spotMarketOptions', 'Forbidden: spotMarketOptions cannot be used together with mixedInstancesPolicy; use mixedInstancesPolicy.instancesDistribution for spot capacity');
        }
        break;
      case 'AWSManagedMachinePool':
        managedPool(spec, add);
        if (spec.awsLaunchTemplate) machine(spec.awsLaunchTemplate, 'spec.awsLaunchTemplate', add, true);
        break;
      default:
    }
  }
  return issues;
}

type Add = (path: string, message: string) => void;

function bastion(b: any, path: string, add: Add): void {
  if (!b || typeof b !== 'object') return;
  if (b.disableIngressRules === true && Array.isArray(b.allowedCIDRBlocks) && b.allowedCIDRBlocks.length > 0) {
    add(`${path}.allowedCIDRBlocks`, 'Forbidden: allowedCIDRBlocks cannot be set when disableIngressRules is true');
  }
}

function machine(spec: any, path: string, add: Add, checkSpot: boolean): void {
  if (spec.rootVolume) volume(spec.rootVolume, `${path}.rootVolume`, add);
  if (Array.isArray(spec.nonRootVolumes)) spec.nonRootVolumes.forEach((v: any, i: number) => volume(v, `${path}.nonRootVolumes[${i}]`, add));
  if (checkSpot && spec.capacityReservationId !== undefined && (spec.spotMarketOptions !== undefined || spec.marketType === 'Spot')) {
    add(`${path}.capacityReservationId`, 'Forbidden: a capacity reservation cannot be used with spot instances (spotMarketOptions or marketType Spot)');
  }
}

function volume(v: any, path: string, add: Add): void {
  if (!v || typeof v !== 'object') return;
  if ((v.type === 'io1' || v.type === 'io2') && (v.iops === undefined || v.iops === 0)) {
    add(`${path}.iops`, `Required value: iops is required for volume type ${v.type}`);
  }
  if (v.throughput !== undefined && v.type !== 'gp3') {
    add(`${path}.throughput`, `Forbidden: throughput is only valid for volume type gp3 (got ${v.type ?? 'the default type'})`);
  }
}

const EKS_TAINT_EFFECTS = ['no-schedule', 'no-execute', 'prefer-no-schedule'];

function managedPool(spec: any, add: Add): void {
  if (Array.isArray(spec.taints)) {
    spec.taints.forEach((t: any, i: number) => {
      if (typeof t?.effect === 'string' && !EKS_TAINT_EFFECTS.includes(t.effect)) {
        add(`spec.taints[${i}].effect`, `Invalid value: "${t.effect}": EKS node-group taint effects are spelled ${EKS_TAINT_EFFECTS.join(', ')}`);
      }
    });
  }
  const u = spec.updateConfig;
  if (u && u.maxUnavailable !== undefined && u.maxUnavailablePercentage !== undefined) {
    add('spec.updateConfig', 'Forbidden: only one of maxUnavailable and maxUnavailablePercentage may be set');
  }
  const min = get(spec, 'scaling.minSize');
  const max = get(spec, 'scaling.maxSize');
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    add('spec.scaling', `Invalid value: minSize (${min}) must be less than or equal to maxSize (${max})`);
  }
}
