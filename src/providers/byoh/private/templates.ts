import { Construct } from 'constructs';
import { RenderedSelector } from './host-selector';
import { parseKubernetesVersion } from '../../../core/kubernetes-version';
import { hashedName } from '../../../core/names';
import { ValidationError } from '../../../core/validation-error';
import * as byoh from '../../../imports/byoh/infrastructure.cluster.x-k8s.io';
import { API_GROUPS, ContractRef } from '../../capi/contract-ref';
import { ByohInstall } from '../byoh-install';

/** BYOH's API version (v0.5 serves only v1beta1). */
export const BYOH_API_VERSION = `${API_GROUPS.infrastructure}/v1beta1`;

/** Registry of BYOH's published installer bundles. */
export const PUBLISHED_BUNDLE_REPO = 'projects.registry.vmware.com/cluster_api_provider_bringyourownhost';

/** Kubernetes minors BYOH's published installer bundles cover (v1.24 to v1.26). */
export const PUBLISHED_BUNDLE_MINORS = { min: 24, max: 26 };

/** The `installerRef` of a ByoMachineTemplate. */
export type InstallerRef = byoh.ByoMachineTemplateSpecTemplateSpecInstallerRef;

/** Where BYOH templates are rendered. */
export interface ByohTemplateTarget {
  readonly scope: Construct;
  /** Prop path for error messages, e.g. `controlPlaneInstall` or `install`. */
  readonly field: string;
  /** Base of the template names (a content hash is appended). */
  readonly baseName: string;
  readonly namespace: string;
  /** Kubernetes version the hosts will run. */
  readonly version: string;
}

/**
 * Checks an installer bundle against the Kubernetes version: BYOH's published bundles cover
 * v1.24 to v1.26 only; any other version needs `customBundleCoversVersion: true` naming a
 * self-built bundle. Never silent.
 */
export function validateInstall(target: ByohTemplateTarget, install: ByohInstall): void {
  const installed = install.preinstalledVersion;
  if (installed !== undefined) {
    if (parseKubernetesVersion(installed) === undefined) {
      throw new ValidationError(target.scope, `${target.field} is ByohInstall.preinstalled({ kubernetesVersion: '${installed}' }), which is not a Kubernetes version. Write it as the cluster's version is written: 'v' + MAJOR.MINOR.PATCH, e.g. '${target.version}'.`);
    }
    // build metadata (`+vmware.1`) names a build of the same release
    if (withoutBuild(installed) !== withoutBuild(target.version)) {
      throw new ValidationError(target.scope, `${target.field} is ByohInstall.preinstalled({ kubernetesVersion: '${installed}' }), but the cluster runs ${target.version}: the hosts' kubelet and kubeadm would not match the control plane. Re-image the hosts with ${target.version} and declare it, or use ByohInstall.bundle({...}).`);
    }
  }
  const options = install.bundleOptions;
  if (!options) return;
  const { scope, field, version } = target;
  const repo = options.bundleRepo;
  if (repo.trim() === '' || /\s/.test(repo) || /^[a-z]+:\/\//.test(repo)) {
    throw new ValidationError(scope, `${field}.bundleRepo '${repo}' is not an OCI repository. Use a registry path without scheme, e.g. 'harbor.example.com/byoh-bundles'.`);
  }
  const type = options.bundleType ?? 'k8s';
  if (type.trim() === '') {
    throw new ValidationError(scope, `${field}.bundleType is empty. Use 'k8s' (the default) or leave it unset.`);
  }
  const parsed = parseKubernetesVersion(version);
  const covered = parsed !== undefined && parsed.major === 1
    && parsed.minor >= PUBLISHED_BUNDLE_MINORS.min && parsed.minor <= PUBLISHED_BUNDLE_MINORS.max;
  if (options.customBundleCoversVersion === true) {
    if (!covered && repo.replace(/\/+$/, '') === PUBLISHED_BUNDLE_REPO) {
      throw new ValidationError(scope, `${field}.customBundleCoversVersion is set, but bundleRepo is BYOH's published registry '${PUBLISHED_BUNDLE_REPO}', whose bundles cover only v1.${PUBLISHED_BUNDLE_MINORS.min} to v1.${PUBLISHED_BUNDLE_MINORS.max} (not ${version}). Point bundleRepo at the registry holding your self-built bundle for ${version}.`);
    }
    return;
  }
  if (!covered) {
    throw new ValidationError(scope, `${field}: BYOH's published installer bundles cover Kubernetes v1.${PUBLISHED_BUNDLE_MINORS.min} to v1.${PUBLISHED_BUNDLE_MINORS.max} only, not ${version}. Use ByohInstall.preinstalled() (hosts with Kubernetes baked in, agent run with --skip-installation), or build a bundle for ${version} and pass customBundleCoversVersion: true with its bundleRepo.`);
  }
}

/**
 * Renders the K8sInstallerConfigTemplate of a bundle install under a content-hashed name and
 * returns the `installerRef` of the ByoMachineTemplate; `undefined` for preinstalled hosts.
 */
export function renderInstallerTemplate(target: ByohTemplateTarget, install: ByohInstall): InstallerRef | undefined {
  validateInstall(target, install);
  const options = install.bundleOptions;
  if (!options) return undefined;
  const spec = { bundleRepo: options.bundleRepo.replace(/\/+$/, ''), bundleType: options.bundleType ?? 'k8s' };
  const name = hashedName(target.baseName, spec);
  new byoh.K8sInstallerConfigTemplate(target.scope, 'K8sInstallerConfigTemplate', {
    metadata: { name, namespace: target.namespace },
    spec: { template: { spec } },
  });
  return { apiVersion: BYOH_API_VERSION, kind: 'K8sInstallerConfigTemplate', name, namespace: target.namespace };
}

/**
 * Renders a ByoMachineTemplate selecting hosts by label (and pointing at the installer
 * template, if any) under a content-hashed name: the name changes exactly when the content
 * does, so KCP and MachineDeployments roll on a change and only then.
 */
export function renderByoMachineTemplate(
  target: ByohTemplateTarget,
  selector: RenderedSelector,
  installerRef: InstallerRef | undefined,
): ContractRef {
  const spec: byoh.ByoMachineTemplateSpecTemplateSpec = { selector, installerRef };
  const name = hashedName(target.baseName, spec);
  new byoh.ByoMachineTemplate(target.scope, 'ByoMachineTemplate', {
    metadata: { name, namespace: target.namespace },
    spec: { template: { spec } },
  });
  return { apiGroup: API_GROUPS.infrastructure, kind: 'ByoMachineTemplate', name };
}

/** A semver version without its build metadata (`v1.33.4+vmware.1` → `v1.33.4`). */
function withoutBuild(version: string): string {
  const plus = version.indexOf('+');
  return plus < 0 ? version : version.slice(0, plus);
}
