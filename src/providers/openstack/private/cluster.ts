import { checkZoneName, isIp, isIpv4, renderImage, renderResource, renderTags, requireText } from './refs';
import { renderManagedSecurityGroups } from './security-groups';
import type { ManagedCluster } from '../../../cluster/managed-cluster';
import { isCidr } from '../../../core/cidr';
import { checkUnique } from '../../../core/collections';
import { checkSecretName } from '../../../core/secrets';
import { ValidationError } from '../../../core/validation-error';
import * as capo from '../../../imports/capo/infrastructure.cluster.x-k8s.io';
import { API_GROUPS, ContractRef } from '../../capi/contract-ref';
import type { OpenStackInfrastructure } from '../openstack-infrastructure';

/** Default CIDR of a CAPO-managed cluster subnet (CAPO's own template uses it). */
export const DEFAULT_NODE_CIDR = '10.6.0.0/24';

const AMPHORA = 'amphora';

/** Renders the OpenStackCluster of `cluster` and returns the reference the Cluster points at. */
export function renderOpenStackCluster(cluster: ManagedCluster, infra: OpenStackInfrastructure): ContractRef {
  const identity = infra.identity;
  checkSecretName(cluster, 'identity.secretName', identity.secretName, `${cluster.clusterName}-cloud-config`);
  if (identity.cloudName.trim() === '') {
    throw new ValidationError(cluster, "identity.cloudName is empty. Name the cloud in the Secret's clouds.yaml (the key under 'clouds:'), e.g. 'openstack'.");
  }
  requireText(cluster, 'identity.region', identity.region, 'RegionOne');

  new capo.OpenStackCluster(cluster, 'OpenStackCluster', {
    metadata: { name: cluster.clusterName, namespace: cluster.clusterNamespace },
    spec: {
      identityRef: {
        type: capo.OpenStackClusterSpecIdentityRefType.SECRET,
        name: identity.secretName,
        cloudName: identity.cloudName,
        region: identity.region,
      },
      ...network(cluster, infra),
      ...externalNetwork(cluster, infra),
      ...apiServer(cluster, infra),
      managedSecurityGroups: renderManagedSecurityGroups(cluster, infra.securityGroups),
      disablePortSecurity: infra.disablePortSecurity,
      bastion: bastion(cluster, infra),
      controlPlaneAvailabilityZones: infra.availabilityZones ? [...infra.availabilityZones] : undefined,
      networkMtu: networkMtu(cluster, infra.networkMtu),
      tags: renderTags(cluster, 'tags', infra.tags),
    },
  });
  return { apiGroup: API_GROUPS.infrastructure, kind: 'OpenStackCluster', name: cluster.clusterName };
}

function network(cluster: ManagedCluster, infra: OpenStackInfrastructure): Partial<capo.OpenStackClusterSpec> {
  const existing = infra.network.existingOptions;
  if (existing) {
    const subnets = existing.subnets ?? [];
    if (subnets.length > 2) {
      throw new ValidationError(cluster, `network lists ${subnets.length} subnets; CAPO takes at most two (one IPv4, one IPv6). List fewer.`);
    }
    return {
      network: renderResource(cluster, 'network', existing.network),
      subnets: subnets.length > 0 ? subnets.map((s, i) => renderResource(cluster, `network subnets[${i}]`, s)) : undefined,
    };
  }
  const managed = infra.network.managedOptions ?? {};
  const cidr = managed.cidr ?? DEFAULT_NODE_CIDR;
  if (!isCidr(cidr)) throw new ValidationError(cluster, `network cidr '${cidr}' is not a CIDR block. Use e.g. '${DEFAULT_NODE_CIDR}'.`);
  for (const ns of managed.dnsNameservers ?? []) {
    if (!isIp(ns)) throw new ValidationError(cluster, `network dnsNameservers has '${ns}', which is not an IP address. Use e.g. '1.1.1.1'.`);
  }
  checkUnique(cluster, 'network dnsNameservers', managed.dnsNameservers ?? [], 'server');
  return {
    managedSubnets: [{
      cidr,
      dnsNameservers: managed.dnsNameservers && managed.dnsNameservers.length > 0 ? [...managed.dnsNameservers] : undefined,
    }],
  };
}

function externalNetwork(cluster: ManagedCluster, infra: OpenStackInfrastructure): Partial<capo.OpenStackClusterSpec> {
  if (infra.disableExternalNetwork) {
    if (infra.externalNetwork) {
      throw new ValidationError(cluster, 'externalNetwork is set, but disableExternalNetwork is true. Remove one of them.');
    }
    return { disableExternalNetwork: true };
  }
  return { externalNetwork: infra.externalNetwork ? renderResource(cluster, 'externalNetwork', infra.externalNetwork) : undefined };
}

function apiServer(cluster: ManagedCluster, infra: OpenStackInfrastructure): Partial<capo.OpenStackClusterSpec> {
  const apiServerPort = cluster.apiServerPort === 6443 ? undefined : cluster.apiServerPort;
  const fixed = infra.apiServer.fixedIpAddress;
  if (fixed !== undefined) {
    if (!isIp(fixed)) {
      throw new ValidationError(cluster, `apiServer fixed IP '${fixed}' is not an IP address. Use the address of the VIP port you pre-allocated on the cluster subnet, e.g. '10.6.0.10'.`);
    }
    return { disableApiServerFloatingIp: true, apiServerFixedIp: fixed, apiServerPort };
  }
  const fip = infra.apiServer.floatingIpOptions;
  if (fip) {
    if (infra.disableExternalNetwork) {
      throw new ValidationError(cluster, 'apiServer is OpenStackApiServer.floatingIp(), but disableExternalNetwork is true, so there is no external network to allocate it from. Use OpenStackApiServer.loadBalancer({ floatingIp: false }).');
    }
    checkFloatingIp(cluster, 'apiServer floating IP address', fip.address);
    return { apiServerFloatingIp: fip.address, apiServerPort };
  }
  const lb = infra.apiServer.loadBalancerOptions ?? {};
  const floating = lb.floatingIp ?? true;
  if (infra.disableExternalNetwork && floating) {
    throw new ValidationError(cluster, 'disableExternalNetwork is true, but the API load balancer asks for a floating IP (the default). Set apiServer: OpenStackApiServer.loadBalancer({ floatingIp: false }).');
  }
  if (!floating && lb.floatingIpAddress !== undefined) {
    throw new ValidationError(cluster, `apiServer floatingIpAddress '${lb.floatingIpAddress}' is set, but floatingIp is false. Remove one of them.`);
  }
  checkFloatingIp(cluster, 'apiServer floatingIpAddress', lb.floatingIpAddress);
  if (lb.fixedIp !== undefined && !isIp(lb.fixedIp)) {
    throw new ValidationError(cluster, `apiServer fixedIp '${lb.fixedIp}' is not an IP address. Use a free address of the cluster subnet, e.g. '10.6.0.10'.`);
  }
  for (const cidr of lb.allowedCidrs ?? []) {
    if (!isCidr(cidr)) throw new ValidationError(cluster, `apiServer allowedCidrs has '${cidr}', which is not a CIDR block. Use e.g. '203.0.113.0/24'.`);
  }
  if (lb.allowedCidrs && lb.allowedCidrs.length > 0 && lb.provider !== undefined && lb.provider !== AMPHORA) {
    throw new ValidationError(cluster, `apiServer allowedCidrs needs the '${AMPHORA}' Octavia provider, but provider is '${lb.provider}' (it ignores allowed CIDRs, leaving the API open). Use provider '${AMPHORA}' or remove allowedCidrs.`);
  }
  requireText(cluster, 'apiServer provider', lb.provider, AMPHORA);
  requireText(cluster, 'apiServer flavor', lb.flavor, 'small');
  checkZoneName(cluster, 'apiServer availabilityZone', lb.availabilityZone);
  const ports = lb.additionalPorts ?? [];
  for (const p of ports) {
    if (!Number.isInteger(p) || p < 1 || p > 65535 || p === cluster.apiServerPort) {
      throw new ValidationError(cluster, `apiServer additionalPorts has ${p}, which is not a port other than the API server's (${cluster.apiServerPort}). Use whole numbers from 1 to 65535.`);
    }
  }
  if (new Set(ports).size !== ports.length) throw new ValidationError(cluster, 'apiServer additionalPorts lists a port twice. List each port once.');
  return {
    apiServerLoadBalancer: {
      enabled: true,
      allowedCidRs: lb.allowedCidrs && lb.allowedCidrs.length > 0 ? [...lb.allowedCidrs] : undefined,
      provider: lb.provider,
      flavor: lb.flavor,
      availabilityZone: lb.availabilityZone,
      additionalPorts: ports.length > 0 ? [...ports] : undefined,
    },
    disableApiServerFloatingIp: floating ? undefined : true,
    apiServerFloatingIp: lb.floatingIpAddress,
    apiServerFixedIp: lb.fixedIp,
    apiServerPort,
  };
}

function checkFloatingIp(cluster: ManagedCluster, field: string, address: string | undefined): void {
  if (address !== undefined && !isIp(address)) {
    throw new ValidationError(cluster, `${field} '${address}' is not an IP address. Use an address of a floating IP you allocated, or leave it unset.`);
  }
}

function bastion(cluster: ManagedCluster, infra: OpenStackInfrastructure): capo.OpenStackClusterSpecBastion | undefined {
  const b = infra.bastion;
  if (!b) return undefined;
  requireText(cluster, 'bastion.flavor', b.flavor, 'm1.small');
  const sshKeyName = b.sshKeyName ?? infra.machine.sshKeyName;
  requireText(cluster, 'bastion.sshKeyName', sshKeyName, 'capi');
  checkZoneName(cluster, 'bastion.availabilityZone', b.availabilityZone);
  if (b.floatingIp !== undefined) {
    if (!isIpv4(b.floatingIp)) throw new ValidationError(cluster, `bastion.floatingIp '${b.floatingIp}' is not an IPv4 address (CAPO takes IPv4 only).`);
    if (infra.disableExternalNetwork) {
      throw new ValidationError(cluster, 'bastion.floatingIp is set, but disableExternalNetwork is true (no floating IPs). Remove bastion.floatingIp.');
    }
  }
  return {
    enabled: true,
    availabilityZone: b.availabilityZone,
    floatingIp: b.floatingIp,
    spec: {
      flavor: b.flavor,
      image: renderImage(cluster, 'bastion.image', b.image),
      sshKeyName,
    },
  };
}

function networkMtu(cluster: ManagedCluster, mtu: number | undefined): number | undefined {
  if (mtu !== undefined && (!Number.isInteger(mtu) || mtu < 68 || mtu > 9216)) {
    throw new ValidationError(cluster, `networkMtu (${mtu}) must be a whole number from 68 to 9216.`);
  }
  return mtu;
}
