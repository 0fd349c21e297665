import { IConstruct } from 'constructs';
import { ControlPlaneOptions } from '../../cluster/control-plane';
import { HostPathMount, OidcOptions } from '../../cluster/kubernetes-components';
import { nonEmptyList, nonEmptyObject } from '../../core/collections';
import { mergeArgs, toArgList } from '../../core/kubeadm-args';
import { ValidationError } from '../../core/validation-error';
import * as cp from '../../imports/capi/controlplane.cluster.x-k8s.io';

/** kube-apiserver flags removed in Kubernetes 1.33 (the old charts still set them). */
const REMOVED_API_SERVER_FLAGS = ['cloud-provider', 'cloud-config'];

/** Flags an infrastructure must set on the control-plane components. */
export interface ManagedComponentArgs {
  readonly apiServer?: Record<string, string>;
  readonly controllerManager?: Record<string, string>;
  readonly scheduler?: Record<string, string>;
}

/** The kubeadm `clusterConfiguration` of a control plane, or `undefined` when nothing is set. */
export function renderClusterConfiguration(
  scope: IConstruct,
  options: ControlPlaneOptions,
  managed: ManagedComponentArgs,
): cp.KubeadmControlPlaneSpecKubeadmConfigSpecClusterConfiguration | undefined {
  for (const removed of REMOVED_API_SERVER_FLAGS) {
    if (options.apiServer?.extraArgs && removed in options.apiServer.extraArgs) {
      throw new ValidationError(scope, `controlPlane.apiServer.extraArgs['${removed}'] was removed from kube-apiserver in Kubernetes 1.33 and makes it fail to start ("unknown flag"). Remove it; the external cloud provider needs no API server flag.`);
    }
  }
  const apiServerManaged = { ...managed.apiServer, ...oidcArgs(scope, options.apiServer?.oidc) };
  const apiServer = nonEmptyObject({
    certSaNs: nonEmptyList(validateSans(scope, options.apiServer?.certSans)),
    extraArgs: toArgList(mergeArgs(scope, 'controlPlane.apiServer.extraArgs', apiServerManaged, options.apiServer?.extraArgs)),
    extraVolumes: renderVolumes(scope, 'controlPlane.apiServer.extraVolumes', options.apiServer?.extraVolumes),
  });
  const controllerManager = nonEmptyObject({
    extraArgs: toArgList(mergeArgs(scope, 'controlPlane.controllerManager.extraArgs', managed.controllerManager ?? {}, options.controllerManager?.extraArgs)),
    extraVolumes: renderVolumes(scope, 'controlPlane.controllerManager.extraVolumes', options.controllerManager?.extraVolumes),
  });
  const scheduler = nonEmptyObject({
    extraArgs: toArgList(mergeArgs(scope, 'controlPlane.scheduler.extraArgs', managed.scheduler ?? {}, options.scheduler?.extraArgs)),
    extraVolumes: renderVolumes(scope, 'controlPlane.scheduler.extraVolumes', options.scheduler?.extraVolumes),
  });
  const etcdArgs = toArgList(mergeArgs(scope, 'controlPlane.etcd.extraArgs', {}, options.etcd?.extraArgs));
  if (options.imageRepository !== undefined && options.imageRepository.trim() === '') {
    throw new ValidationError(scope, "controlPlane.imageRepository is empty. Set a registry such as 'registry.example.com/k8s' or leave it unset.");
  }
  return nonEmptyObject<cp.KubeadmControlPlaneSpecKubeadmConfigSpecClusterConfiguration>({
    apiServer,
    controllerManager,
    scheduler,
    etcd: nonEmptyObject({
      local: nonEmptyObject({ extraArgs: etcdArgs, imageRepository: options.etcd?.imageRepository, imageTag: options.etcd?.imageTag }),
    }),
    imageRepository: options.imageRepository,
  });
}

function oidcArgs(scope: IConstruct, oidc: OidcOptions | undefined): Record<string, string> {
  if (!oidc) return {};
  if (!/^https:\/\/[^\s/]+/.test(oidc.issuerUrl)) {
    throw new ValidationError(scope, `controlPlane.apiServer.oidc.issuerUrl '${oidc.issuerUrl}' must be an https:// URL (the API server refuses others).`);
  }
  if (oidc.clientId.trim() === '') {
    throw new ValidationError(scope, 'controlPlane.apiServer.oidc.clientId is empty. Set the OIDC client id tokens are issued for.');
  }
  const args: Record<string, string> = {
    'oidc-issuer-url': oidc.issuerUrl,
    'oidc-client-id': oidc.clientId,
    'oidc-username-claim': oidc.usernameClaim ?? 'sub',
  };
  if (oidc.usernamePrefix !== undefined) args['oidc-username-prefix'] = oidc.usernamePrefix;
  if (oidc.groupsClaim !== undefined) args['oidc-groups-claim'] = oidc.groupsClaim;
  if (oidc.groupsPrefix !== undefined) args['oidc-groups-prefix'] = oidc.groupsPrefix;
  if (oidc.caFile !== undefined) args['oidc-ca-file'] = oidc.caFile;
  return args;
}

function validateSans(scope: IConstruct, sans: string[] | undefined): string[] | undefined {
  for (const san of sans ?? []) {
    if (san.trim() === '' || /\s/.test(san)) {
      throw new ValidationError(scope, `controlPlane.apiServer.certSans has '${san}', which is not a DNS name or IP address.`);
    }
  }
  return sans;
}

function renderVolumes(scope: IConstruct, field: string, volumes: HostPathMount[] | undefined): any[] | undefined {
  const seen = new Set<string>();
  for (const v of volumes ?? []) {
    if (seen.has(v.name)) throw new ValidationError(scope, `${field} has two volumes named '${v.name}'. Give each volume a unique name.`);
    seen.add(v.name);
    for (const [k, p] of [['hostPath', v.hostPath], ['mountPath', v.mountPath]]) {
      if (!p.startsWith('/')) throw new ValidationError(scope, `${field} volume '${v.name}' has ${k} '${p}'. Use an absolute path.`);
    }
  }
  return nonEmptyList((volumes ?? []).map((v) => ({
    name: v.name,
    hostPath: v.hostPath,
    mountPath: v.mountPath,
    readOnly: v.readOnly ?? true,
    pathType: v.pathType,
  })));
}
