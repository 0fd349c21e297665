/**
 * The objects of a management cluster: its Cluster API providers (cluster-api-operator CRs), the
 * deletion protection of clusters, and the Argo CD registration of workload clusters (External
 * Secrets Operator), plus the Argo CD health checks of Cluster API kinds.
 */
import { k8s } from 'cdk8s-plus-28';
import type { ResolvedProvider } from './derive';
import type { ManagedCluster } from '../../cluster/managed-cluster';
import type * as operatorTypes from '../../imports/capi-operator/operator.cluster.x-k8s.io';
import type * as esoTypes from '../../imports/external-secrets/external-secrets.io';

/** Annotation that allows deleting a protected Cluster (or control plane). */
export const ALLOW_DELETION_ANNOTATION = 'capi-blueprints.io/allow-deletion';

// The operator and External Secrets bindings are large: loaded only when a management cluster renders.
function operator(): typeof operatorTypes {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../../imports/capi-operator/operator.cluster.x-k8s.io');
}
function eso(): typeof esoTypes {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../../imports/external-secrets/external-secrets.io');
}

/** The manager image of a provider: given, or the release's image under the registry mirror. */
export function managerImage(p: ResolvedProvider, imageRegistry: string | undefined): string | undefined {
  if (p.options.managerImage) return p.options.managerImage;
  if (!imageRegistry) return undefined;
  return `${imageRegistry}/${p.spec.image.slice(p.spec.image.indexOf('/') + 1)}:${p.version}`;
}

/** Namespaces and provider CRs (manager images from `imageRegistry` when set). */
export function providerObjects(providers: ResolvedProvider[], imageRegistry?: string): any[] {
  const op = operator();
  const namespaces = [...new Set(providers.map((p) => p.namespace))].sort()
    .map((name) => k8s.KubeNamespace.manifest({ metadata: { name } }));
  const crs = providers.map((p) => {
    const { options } = p;
    const fetch = options.fetchConfig;
    const image = managerImage(p, imageRegistry);
    const spec = {
      version: p.version,
      ...(options.configSecret ? { configSecret: { name: options.configSecret, namespace: p.namespace } } : {}),
      ...(Object.keys(p.featureGates).length > 0 ? { manager: { featureGates: sortedRecord(p.featureGates) } } : {}),
      ...(fetch ? {
        fetchConfig: {
          ...(fetch.url ? { url: fetch.url } : {}),
          ...(fetch.oci ? { oci: fetch.oci } : {}),
          ...(fetch.configMapLabels ? { selector: { matchLabels: fetch.configMapLabels } } : {}),
        },
      } : {}),
      ...(image ? { deployment: { containers: [{ name: 'manager', imageUrl: image }] } } : {}),
    };
    const metadata = { name: p.spec.name, namespace: p.namespace };
    switch (p.spec.kind) {
      case 'CoreProvider': return op.CoreProvider.manifest({ metadata, spec });
      case 'BootstrapProvider': return op.BootstrapProvider.manifest({ metadata, spec });
      case 'ControlPlaneProvider': return op.ControlPlaneProvider.manifest({ metadata, spec });
      case 'InfrastructureProvider': return op.InfrastructureProvider.manifest({ metadata, spec });
      default: return op.AddonProvider.manifest({ metadata, spec });
    }
  });
  return [...namespaces, ...crs];
}

function sortedRecord<T>(r: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * A ValidatingAdmissionPolicy (`admissionregistration.k8s.io/v1`, no generated binding: the
 * Kubernetes 1.28 bindings of cdk8s-plus-28 predate it) refusing DELETE of Cluster objects and
 * control planes unless they carry `capi-blueprints.io/allow-deletion: "true"`. Cluster API's own
 * controllers and the garbage collector are let through (they delete control planes of clusters
 * being deleted deliberately).
 */
export function deletionProtection(management: string, providers: ResolvedProvider[]): any[] {
  const name = `${management}-cluster-deletion-protection`;
  const controllers = [...providers.map((p) => `system:serviceaccount:${p.namespace}:`), 'system:serviceaccount:kube-system:'];
  const exempt = controllers.map((prefix) => `request.userInfo.username.startsWith('${prefix}')`).join(' || ');
  return [
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicy',
      metadata: { name },
      spec: {
        failurePolicy: 'Fail',
        matchConstraints: {
          resourceRules: [
            { apiGroups: ['cluster.x-k8s.io'], apiVersions: ['*'], operations: ['DELETE'], resources: ['clusters'] },
            { apiGroups: ['controlplane.cluster.x-k8s.io'], apiVersions: ['*'], operations: ['DELETE'], resources: ['kubeadmcontrolplanes', 'awsmanagedcontrolplanes'] },
          ],
        },
        matchConditions: [{ name: 'not-a-cluster-api-controller', expression: `!(${exempt})` }],
        validations: [{
          expression: `has(oldObject.metadata.annotations) && '${ALLOW_DELETION_ANNOTATION}' in oldObject.metadata.annotations && oldObject.metadata.annotations['${ALLOW_DELETION_ANNOTATION}'] == 'true'`,
          messageExpression: `'deleting ' + oldObject.kind + ' ' + oldObject.metadata.namespace + '/' + oldObject.metadata.name + ' destroys a cluster: annotate it with ${ALLOW_DELETION_ANNOTATION}=true first (docs/management-cluster.md)'`,
          reason: 'Forbidden',
        }],
      },
    },
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicyBinding',
      metadata: { name },
      spec: { policyName: name, validationActions: ['Deny'] },
    },
  ];
}

/** What Argo CD registration needs to know of a cluster. */
export interface RegisteredCluster {
  readonly cluster: ManagedCluster;
  /** Argo CD's namespace (of the cluster's Argo CD delivery). */
  readonly argoNamespace: string;
}

const READER = 'capi-kubeconfig-reader';

/**
 * Argo CD cluster Secrets for workload clusters, made by External Secrets from the
 * `<cluster>-kubeconfig` Secret Cluster API writes: one ClusterSecretStore (kubernetes provider,
 * the management cluster itself) per cluster namespace, one ExternalSecret per cluster, and
 * least-privilege RBAC (read only the kubeconfig Secrets, by name).
 */
export function argoCdRegistration(management: string, registered: RegisteredCluster[]): any[] {
  if (registered.length === 0) return [];
  const e = eso();
  const objects: any[] = [];
  const argoNamespaces = [...new Set(registered.map((r) => r.argoNamespace))].sort();
  for (const ns of argoNamespaces) objects.push(k8s.KubeServiceAccount.manifest({ metadata: { name: READER, namespace: ns } }));
  const byNamespace = new Map<string, RegisteredCluster[]>();
  for (const r of registered) byNamespace.set(r.cluster.clusterNamespace, [...(byNamespace.get(r.cluster.clusterNamespace) ?? []), r]);
  const subjects = argoNamespaces.map((ns) => ({ kind: 'ServiceAccount', name: READER, namespace: ns }));
  // The store checks its access with a SelfSubjectRulesReview.
  objects.push(k8s.KubeClusterRole.manifest({
    metadata: { name: `${management}-${READER}` },
    rules: [{ apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectrulesreviews'], verbs: ['create'] }],
  }));
  objects.push(k8s.KubeClusterRoleBinding.manifest({
    metadata: { name: `${management}-${READER}` },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `${management}-${READER}` },
    subjects,
  }));
  for (const [namespace, list] of [...byNamespace].sort(([a], [b]) => a.localeCompare(b))) {
    const secretNames = list.map((r) => `${r.cluster.clusterName}-kubeconfig`).sort();
    objects.push(k8s.KubeRole.manifest({
      metadata: { name: READER, namespace },
      rules: [{ apiGroups: [''], resources: ['secrets'], resourceNames: secretNames, verbs: ['get'] }],
    }));
    objects.push(k8s.KubeRoleBinding.manifest({
      metadata: { name: READER, namespace },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: READER },
      subjects,
    }));
    for (const argoNamespace of [...new Set(list.map((r) => r.argoNamespace))].sort()) {
      objects.push(e.ClusterSecretStore.manifest({
        metadata: { name: storeName(management, namespace, argoNamespace) },
        spec: {
          provider: {
            kubernetes: {
              remoteNamespace: namespace,
              server: { caProvider: { type: e.ClusterSecretStoreSpecProviderKubernetesServerCaProviderType.CONFIG_MAP, name: 'kube-root-ca.crt', key: 'ca.crt', namespace: argoNamespace } },
              auth: { serviceAccount: { name: READER, namespace: argoNamespace } },
            },
          },
        },
      }));
    }
  }
  for (const r of [...registered].sort((a, b) => `${a.cluster.clusterNamespace}/${a.cluster.clusterName}`.localeCompare(`${b.cluster.clusterNamespace}/${b.cluster.clusterName}`))) {
    const c = r.cluster;
    const kubeconfig = '(.kubeconfig | fromYaml)';
    objects.push(e.ExternalSecret.manifest({
      metadata: { name: `cluster-${c.clusterNamespace}-${c.clusterName}`, namespace: r.argoNamespace },
      spec: {
        refreshInterval: '1h',
        secretStoreRef: {
          kind: e.ExternalSecretSpecSecretStoreRefKind.CLUSTER_SECRET_STORE,
          name: storeName(management, c.clusterNamespace, r.argoNamespace),
        },
        target: {
          name: `cluster-${c.clusterNamespace}-${c.clusterName}`,
          template: {
            engineVersion: e.ExternalSecretSpecTargetTemplateEngineVersion.V2,
            metadata: { labels: sortedRecord({ ...c.clusterLabels, 'argocd.argoproj.io/secret-type': 'cluster' }) },
            data: {
              name: c.clusterName,
              server: `{{ (index ${kubeconfig}.clusters 0).cluster.server }}`,
              config: '{"tlsClientConfig":{'
                + `"caData":"{{ index (index ${kubeconfig}.clusters 0).cluster "certificate-authority-data" }}",`
                + `"certData":"{{ index (index ${kubeconfig}.users 0).user "client-certificate-data" }}",`
                + `"keyData":"{{ index (index ${kubeconfig}.users 0).user "client-key-data" }}"}}`,
            },
          },
        },
        data: [{ secretKey: 'kubeconfig', remoteRef: { key: `${c.clusterName}-kubeconfig`, property: 'value' } }],
      },
    }));
  }
  return objects;
}

function storeName(management: string, namespace: string, argoNamespace: string): string {
  return argoNamespace === 'argocd' ? `${management}-capi-kubeconfigs-${namespace}` : `${management}-capi-kubeconfigs-${namespace}-${argoNamespace}`;
}

/** Kinds Argo CD gets a health check for (Lua), by `group_Kind`. */
export const HEALTH_CHECKED_KINDS: ReadonlyArray<string> = [
  'cluster.x-k8s.io_Cluster',
  'cluster.x-k8s.io_MachineDeployment',
  'cluster.x-k8s.io_MachinePool',
  'controlplane.cluster.x-k8s.io_KubeadmControlPlane',
  'controlplane.cluster.x-k8s.io_AWSManagedControlPlane',
  'infrastructure.cluster.x-k8s.io_AWSCluster',
  'infrastructure.cluster.x-k8s.io_AWSManagedCluster',
  'infrastructure.cluster.x-k8s.io_ByoCluster',
];

/**
 * Argo CD health check (Lua) for Cluster API kinds: Healthy when the v1beta2 `Available` (or the
 * v1beta1 `Ready`) condition is True, Degraded when it is False for a failure, else Progressing.
 */
export const HEALTH_LUA = [
  'hs = { status = "Progressing", message = "Waiting for the Available/Ready condition" }',
  'if obj.status ~= nil and obj.status.conditions ~= nil then',
  '  for _, c in ipairs(obj.status.conditions) do',
  '    if c.type == "Available" or c.type == "Ready" then',
  '      if c.status == "True" then',
  '        hs.status = "Healthy"',
  '        hs.message = c.message or c.type',
  '        return hs',
  '      end',
  '      if c.status == "False" and (c.severity == "Error" or c.reason == "Failed") then',
  '        hs.status = "Degraded"',
  '      end',
  '      hs.message = c.message or c.reason or hs.message',
  '    end',
  '  end',
  'end',
  'return hs',
  '',
].join('\n');

/** Values of the argo-cd Helm chart (`configs.cm`) with the health checks. */
export function argoCdHealthValues(): Record<string, any> {
  const cm: Record<string, string> = {};
  for (const kind of HEALTH_CHECKED_KINDS) cm[`resource.customizations.health.${kind}`] = HEALTH_LUA;
  return { configs: { cm } };
}
