import { isDnsSubdomain } from '../../core/names';
import { ValidationError } from '../../core/validation-error';
import { IAddon } from '../addon';
import { ManifestAddon } from '../manifest-addon';

/** Options of `Catalog.localPathProvisioner`. */
export interface LocalPathProvisionerOptions {
  /**
   * Addon name.
   * @default 'local-path-provisioner'
   */
  readonly name?: string;
  /**
   * Directory on each node where volumes are created.
   * @default '/opt/local-path-provisioner'
   */
  readonly path?: string;
  /**
   * Name of the StorageClass.
   * @default 'local-path'
   */
  readonly storageClassName?: string;
  /**
   * Make the StorageClass the cluster's default.
   * @default true
   */
  readonly defaultClass?: boolean;
  /**
   * Addons this one is installed after.
   * @default - none
   */
  readonly dependsOn?: IAddon[];
}

const NAMESPACE = 'local-path-storage';
const IMAGE = 'rancher/local-path-provisioner:v0.0.31';
const HELPER_IMAGE = 'busybox:1.37.0';

/**
 * Rancher local-path-provisioner v0.0.31 for BYOH clusters (local disks, no cloud volumes).
 *
 * Its Helm chart lives only in the project's Git repository (`deploy/chart`), not in a Helm or
 * OCI repository, so the catalog ships the upstream `deploy/local-path-storage.yaml` manifests as
 * a manifest addon (delivered by a ClusterResourceSet): namespace, service account, RBAC,
 * deployment, StorageClass and the ConfigMap with the node path and the helper pod (whose
 * `image:` line is rewritten by a bundle's imageRegistry too).
 */
export function localPathProvisioner(options: LocalPathProvisionerOptions = {}): ManifestAddon {
  const sa = 'local-path-provisioner-service-account';
  const storageClassName = options.storageClassName ?? 'local-path';
  if (!isDnsSubdomain(storageClassName)) {
    throw new ValidationError('Catalog.localPathProvisioner', `storageClassName '${storageClassName}' is not a StorageClass name. Use a DNS subdomain, e.g. 'local-path'.`);
  }
  const nodePath = options.path ?? '/opt/local-path-provisioner';
  if (!nodePath.startsWith('/') || /\s/.test(nodePath) || nodePath.split('/').includes('..')) {
    throw new ValidationError('Catalog.localPathProvisioner', `path '${nodePath}' is not an absolute directory on the nodes. Use e.g. '/opt/local-path-provisioner'.`);
  }
  const config = { nodePathMap: [{ node: 'DEFAULT_PATH_FOR_NON_LISTED_NODES', paths: [nodePath] }] };
  const script = (body: string) => `#!/bin/sh\nset -eu\nmkdir -m 0777 -p "$VOL_DIR"\n${body}`;
  return new ManifestAddon({
    name: options.name ?? 'local-path-provisioner',
    dependsOn: options.dependsOn,
    manifests: [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } },
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa, namespace: NAMESPACE } },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: 'local-path-provisioner-role', namespace: NAMESPACE },
        rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch', 'create', 'patch', 'update', 'delete'] }],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'local-path-provisioner-role' },
        rules: [
          { apiGroups: [''], resources: ['nodes', 'persistentvolumeclaims', 'configmaps', 'pods', 'pods/log'], verbs: ['get', 'list', 'watch'] },
          { apiGroups: [''], resources: ['persistentvolumes'], verbs: ['get', 'list', 'watch', 'create', 'patch', 'update', 'delete'] },
          { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
          { apiGroups: ['storage.k8s.io'], resources: ['storageclasses'], verbs: ['get', 'list', 'watch'] },
        ],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'local-path-provisioner-bind', namespace: NAMESPACE },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'local-path-provisioner-role' },
        subjects: [{ kind: 'ServiceAccount', name: sa, namespace: NAMESPACE }],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'local-path-provisioner-bind' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'local-path-provisioner-role' },
        subjects: [{ kind: 'ServiceAccount', name: sa, namespace: NAMESPACE }],
      },
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'local-path-provisioner', namespace: NAMESPACE },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'local-path-provisioner' } },
          template: {
            metadata: { labels: { app: 'local-path-provisioner' } },
            spec: {
              serviceAccountName: sa,
              containers: [{
                name: 'local-path-provisioner',
                image: IMAGE,
                imagePullPolicy: 'IfNotPresent',
                command: ['local-path-provisioner', 'start', '--config', '/etc/config/config.json'],
                volumeMounts: [{ name: 'config-volume', mountPath: '/etc/config/' }],
                env: [
                  { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                  { name: 'CONFIG_MOUNT_PATH', value: '/etc/config/' },
                ],
                securityContext: { allowPrivilegeEscalation: false },
              }],
              volumes: [{ name: 'config-volume', configMap: { name: 'local-path-config' } }],
            },
          },
        },
      },
      {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: {
          name: storageClassName,
          annotations: (options.defaultClass ?? true) ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : undefined,
        },
        provisioner: 'rancher.io/local-path',
        volumeBindingMode: 'WaitForFirstConsumer',
        reclaimPolicy: 'Delete',
      },
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'local-path-config', namespace: NAMESPACE },
        data: {
          'config.json': JSON.stringify(config, undefined, 2),
          'setup': script(''),
          'teardown': '#!/bin/sh\nset -eu\nrm -rf "$VOL_DIR"\n',
          'helperPod.yaml': [
            'apiVersion: v1',
            'kind: Pod',
            'metadata:',
            '  name: helper-pod',
            'spec:',
            '  priorityClassName: system-node-critical',
            '  tolerations:',
            '    - key: node.kubernetes.io/disk-pressure',
            '      operator: Exists',
            '      effect: NoSchedule',
            '  containers:',
            '    - name: helper-pod',
            `      image: ${HELPER_IMAGE}`,
            '      imagePullPolicy: IfNotPresent',
            '',
          ].join('\n'),
        },
      },
    ],
  });
}
