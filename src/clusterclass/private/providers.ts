/**
 * Which infrastructures can be written as a ClusterClass, and why the others cannot (yet).
 */

/** Providers whose clusters can be class-based. */
const CLASS_PROVIDERS = ['aws', 'docker'];

const WHY_NOT: Record<string, string> = {
  eks: 'EKS clusters cannot be class-based: their node groups are AWSManagedMachinePools, which have no template kind a ClusterClass machinePool class can reference (CAPA v2.11 has AWSManagedControlPlaneTemplate and AWSManagedClusterTemplate, but no AWSManagedMachinePoolTemplate), and EKS takes minor versions where a topology needs a v + semver version',
  byoh: 'BYOH clusters are not class-based in capi-blueprints yet: the control-plane endpoint is a fact of each cluster (a variable patched into ByoClusterTemplate would be needed) and BYOH v0.5 implements only the v1beta1 contract',
  openstack: 'OpenStack clusters are not class-based in capi-blueprints yet (OpenStackClusterTemplate and OpenStackMachineTemplate exist in CAPO v0.14; the per-AZ pools and per-flavor templates are not mapped to classes)',
};

/** Why clusters of `provider` cannot be class-based, or undefined when they can. */
export function classOutputProblem(provider: string): string | undefined {
  if (CLASS_PROVIDERS.includes(provider)) return undefined;
  return WHY_NOT[provider] ?? `${provider} clusters cannot be class-based`;
}
