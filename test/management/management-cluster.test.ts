import * as fs from 'fs';
import * as path from 'path';
import {
  AddonBundle, AddonDelivery, AwsIdentity, Catalog, GitOps, Infrastructure, ManagedCluster, ManagementCluster, NodePoolKind, OutputLayout, Platform,
} from '../../src';
import { evaluate, parseCel } from '../../src/validation/private/cel';
import { tmpdir, objectsIn } from '../platform/support';
import { expectValidManifests } from '../support/crd-validation';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fengari = require('fengari');

const AWS = { configSecret: 'capa-variables' };

function aws(scope: any, id: string, region = 'eu-west-1'): ManagedCluster {
  return new ManagedCluster(scope, id, { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region }) });
}

function providersOf(m: ManagementCluster): Record<string, any> {
  return Object.fromEntries([...m._manifests().get('providers.yaml')!].filter((o) => o.kind !== 'Namespace').map((o) => [`${o.kind}/${o.metadata.name}`, o]));
}

describe('ManagementCluster providers', () => {
  test('given AWS, EKS and BYOH clusters, when rendered, then core, kubeadm, aws and byoh providers are installed at the pinned versions', () => {
    const platform = new Platform({ outdir: tmpdir() });
    const m = new ManagementCluster(platform, 'mgmt', { providers: { aws: AWS } });
    aws(platform, 'a');
    new ManagedCluster(platform, 'e', { version: 'v1.33', infrastructure: Infrastructure.eks({ region: 'eu-west-1' }) });
    new ManagedCluster(platform, 'b', {
      version: 'v1.33.4',
      network: { podCidrs: ['10.233.64.0/18'], serviceCidrs: ['10.233.0.0/18'] },
      infrastructure: Infrastructure.byoh({ controlPlaneEndpoint: { host: '192.168.10.10' }, controlPlaneHosts: { matchLabels: { role: 'cp' } } }),
    });
    const p = providersOf(m);
    expect(Object.keys(p)).toEqual(['CoreProvider/cluster-api', 'BootstrapProvider/kubeadm', 'ControlPlaneProvider/kubeadm', 'InfrastructureProvider/aws', 'InfrastructureProvider/byoh']);
    expect(p['CoreProvider/cluster-api']).toMatchObject({ apiVersion: 'operator.cluster.x-k8s.io/v1alpha2', metadata: { namespace: 'capi-system' }, spec: { version: 'v1.14.0' } });
    expect(p['InfrastructureProvider/aws'].spec).toEqual({ version: 'v2.11.1', configSecret: { name: 'capa-variables', namespace: 'capa-system' } });
    expect(p['InfrastructureProvider/byoh'].spec.version).toBe('v0.5.0');
    expectValidManifests([...m._manifests().values()].flat());
  });

  test('given only EKS clusters, when rendered, then no kubeadm providers are installed', () => {
    const platform = new Platform({ outdir: tmpdir() });
    const m = new ManagementCluster(platform, 'mgmt', { providers: { aws: AWS } });
    new ManagedCluster(platform, 'e', { version: 'v1.33', infrastructure: Infrastructure.eks({ region: 'eu-west-1' }) });
    expect(Object.keys(providersOf(m))).toEqual(['CoreProvider/cluster-api', 'InfrastructureProvider/aws']);
  });

  test('given HelmChartProxy delivery, explicit providers and overrides, when rendered, then helm and docker are added and versions, namespaces and fetch settings apply', () => {
    const platform = new Platform({ outdir: tmpdir() });
    const m = new ManagementCluster(platform, 'mgmt', {
      providers: {
        aws: { ...AWS, version: 'v2.11.2', fetchConfig: { oci: 'harbor.example.com/capi/cluster-api-provider-aws:v2.11.2' } },
        docker: { namespace: 'docker-infra' },
      },
    });
    const cluster = aws(platform, 'a');
    new AddonBundle(platform, 'base', { addons: [Catalog.metricsServer()] }).attachTo(cluster);
    const p = providersOf(m);
    expect(p['AddonProvider/helm'].spec.version).toBe('v0.6.4');
    expect(p['InfrastructureProvider/docker'].metadata.namespace).toBe('docker-infra');
    expect(p['InfrastructureProvider/aws'].spec).toMatchObject({ version: 'v2.11.2', fetchConfig: { oci: 'harbor.example.com/capi/cluster-api-provider-aws:v2.11.2' } });
  });

  test('given machine pools and allowAddRoles, when rendered, then the MachinePool and EKSAllowAddRoles gates are on', () => {
    const platform = new Platform({ outdir: tmpdir() });
    const m = new ManagementCluster(platform, 'mgmt', { providers: { aws: AWS } });
    const eks = new ManagedCluster(platform, 'e', { version: 'v1.33', infrastructure: Infrastructure.eks({ region: 'eu-west-1', allowAddRoles: true }) });
    eks.addNodePool('ng', { kind: NodePoolKind.MANAGED_NODE_GROUP });
    const p = providersOf(m);
    expect(p['CoreProvider/cluster-api'].spec.manager.featureGates).toEqual({ MachinePool: true });
    expect(p['InfrastructureProvider/aws'].spec.manager.featureGates).toEqual({ EKSAllowAddRoles: true, MachinePool: true });
  });

  test('given a gate a cluster needs turned off, when synthesized, then the error names the cluster, the gate and the fix', () => {
    const platform = new Platform({ outdir: tmpdir() });
    new ManagementCluster(platform, 'mgmt', { providers: { aws: { ...AWS, featureGates: { EKSAllowAddRoles: false } } } });
    new ManagedCluster(platform, 'e', { version: 'v1.33', infrastructure: Infrastructure.eks({ region: 'eu-west-1', allowAddRoles: true }) });
    expect(() => platform.synth()).toThrow(/mgmt: cluster 'e' needs feature gate EKSAllowAddRoles of provider 'aws', which management cluster 'mgmt' turns off \(providers\.aws\.featureGates\.EKSAllowAddRoles: false\)/);
  });

  test('given AWS clusters without credentials, when synthesized, then the configSecret is asked for', () => {
    const platform = new Platform({ outdir: tmpdir() });
    new ManagementCluster(platform, 'mgmt');
    aws(platform, 'a');
    expect(() => platform.synth()).toThrow(/runs AWS clusters \(cluster 'a' \(aws\)\), but providers\.aws\.configSecret is not set\. Create a Secret in 'capa-system' with AWS_B64ENCODED_CREDENTIALS/);
  });

  test('given a feature gate the provider does not know, then a warning names the known ones (a newer provider may know it)', () => {
    const platform = new Platform({ outdir: tmpdir() });
    new ManagementCluster(platform, 'mgmt', { providers: { core: { featureGates: { NoSuchGate: true, ClusterTopology: true } } } });
    expect(platform.warnings).toEqual([
      expect.stringMatching(/^mgmt: providers\.core\.featureGates has 'NoSuchGate', which is not a feature gate of 'cluster-api' at the pinned version \(known: MachinePool, ClusterTopology, .*\); its manager does not start with a gate it does not know\./),
    ]);
  });

  test.each([
    [{ core: { version: '1.14' } }, /providers\.core\.version '1\.14' is not a release version/],
    [{ aws: { configSecret: 'Bad Name' } }, /providers\.aws\.configSecret 'Bad Name' is not a Secret name/],
    [{ aws: { fetchConfig: { url: 'https://x/y', oci: 'r/x:1' } } }, /fetchConfig sets 2 sources/],
    [{ aws: { fetchConfig: { oci: 'oci://r/x:1' } } }, /is not an OCI reference/],
    [{ aws: { configSecret: 'x', fetchConfig: { configMapLabels: {} } } }, /providers\.aws\.fetchConfig\.configMapLabels is empty, which selects every ConfigMap of the namespace/],
    [{ aws: { configSecret: 'x', fetchConfig: { configMapLabels: { 'bad key!': 'a' } } } }, /providers\.aws\.fetchConfig\.configMapLabels has an invalid label key 'bad key!'/],
    [{ docker: { featureGates: { 'bad-gate': true } } }, /featureGates has 'bad-gate: true'/],
    [{ core: { featureGates: { machinepool: true } } }, /providers\.core\.featureGates has 'machinepool', but gate names are case-sensitive: the manager of 'cluster-api' would not start\. Use 'MachinePool'\./],
    [{ aws: { configSecret: 'x', featureGates: { eksAllowAddRoles: true } } }, /Use 'EKSAllowAddRoles'\./],
    [{ awz: {} }, /providers\.awz is not a provider/],
  ])('given bad provider options %j, when created, then it is a ValidationError', (providers, expected) => {
    const platform = new Platform({ outdir: tmpdir() });
    expect(() => new ManagementCluster(platform, 'mgmt', { providers: providers as any })).toThrow(expected);
  });
});

describe('ManagementCluster AWS cluster names', () => {
  const named = (scope: any, id: string, name: string, namespace: string, region = 'eu-west-1', identity?: AwsIdentity) =>
    new ManagedCluster(scope, id, { name, namespace, version: 'v1.33.4', infrastructure: Infrastructure.aws({ region, identity }) });

  test('given two AWS clusters of one name in one region and account (namespaces differ), then synthesis stops: CAPA names their AWS resources by cluster name', () => {
    const platform = new Platform({ outdir: tmpdir() });
    const mgmt = new ManagementCluster(platform, 'mgmt', { providers: { aws: AWS } });
    mgmt.addCluster(named(platform, 'a', 'prod', 'team-a'), named(platform, 'b', 'prod', 'team-b'));
    expect(() => platform.synth()).toThrow(
      /mgmt: clusters 'prod' in namespaces 'team-a' and 'team-b' both run in AWS region eu-west-1 with identity AWSClusterControllerIdentity\/default; CAPA names and tags a cluster's AWS resources by its name alone/,
    );
  });

  test('given the same name in another region or with another identity (account), then both are written', () => {
    const platform = new Platform({ outdir: tmpdir() });
    const mgmt = new ManagementCluster(platform, 'mgmt', { providers: { aws: AWS } });
    mgmt.addCluster(
      named(platform, 'a', 'prod', 'team-a'),
      named(platform, 'b', 'prod', 'team-b', 'us-east-1'),
      named(platform, 'c', 'prod', 'team-c', 'eu-west-1', AwsIdentity.role('other-account')),
    );
    expect(() => platform.synth()).not.toThrow();
  });
});

describe('ManagementCluster Argo CD registration', () => {
  test('given clusters with Argo CD, HelmChartProxy and Flux delivery, when rendered, then only the Argo CD one is registered, with least-privilege RBAC', () => {
    const platform = new Platform({ outdir: tmpdir() });
    const m = new ManagementCluster(platform, 'mgmt', { providers: { aws: AWS } });
    const [argo, hcp, flux] = ['argo', 'hcp', 'flux'].map((id) => aws(platform, id));
    new AddonBundle(platform, 'a', { addons: [Catalog.metricsServer()], delivery: AddonDelivery.argoCd() }).attachTo(argo);
    new AddonBundle(platform, 'h', { addons: [Catalog.metricsServer()] }).attachTo(hcp);
    new AddonBundle(platform, 'f', { addons: [Catalog.metricsServer()], delivery: AddonDelivery.flux() }).attachTo(flux);
    const objects = m._manifests().get('argocd-cluster-registration.yaml')!;
    const es = objects.filter((o) => o.kind === 'ExternalSecret');
    expect(es.map((o) => o.metadata.name)).toEqual(['cluster-default-argo']);
    expect(es[0].spec.target.template.metadata.labels).toMatchObject({ 'argocd.argoproj.io/secret-type': 'cluster', 'capi-blueprints.io/cluster-name': 'argo' });
    expect(es[0].spec.target.template.data.name).toBe('argo');
    expect(es[0].spec.data).toEqual([{ secretKey: 'kubeconfig', remoteRef: { key: 'argo-kubeconfig', property: 'value' } }]);
    const role = objects.find((o) => o.kind === 'Role');
    expect(role.rules).toEqual([{ apiGroups: [''], resources: ['secrets'], resourceNames: ['argo-kubeconfig'], verbs: ['get'] }]);
    const clusterRole = objects.find((o) => o.kind === 'ClusterRole');
    expect(clusterRole.rules).toEqual([{ apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectrulesreviews'], verbs: ['create'] }]);
    expect(objects.find((o) => o.kind === 'ClusterSecretStore').spec.provider.kubernetes).toMatchObject({ remoteNamespace: 'default', auth: { serviceAccount: { name: 'capi-kubeconfig-reader', namespace: 'argocd' } } });
    expectValidManifests(objects);
  });

  test('given registration turned off or no Argo CD delivery, when rendered, then no registration objects exist', () => {
    const platform = new Platform({ outdir: tmpdir() });
    const m = new ManagementCluster(platform, 'mgmt', { providers: { aws: AWS }, registerClustersInArgoCd: false });
    new AddonBundle(platform, 'a', { addons: [Catalog.metricsServer()], delivery: AddonDelivery.argoCd() }).attachTo(aws(platform, 'c'));
    expect(m._manifests().has('argocd-cluster-registration.yaml')).toBe(false);
  });
});

describe('ManagementCluster deletion protection', () => {
  function policy(): any {
    const platform = new Platform({ outdir: tmpdir() });
    const m = new ManagementCluster(platform, 'mgmt', { providers: { aws: AWS } });
    aws(platform, 'a');
    return m._manifests().get('deletion-protection.yaml')!;
  }

  test('given the policy, when its CEL expression is evaluated, then a Cluster without the annotation is refused and one with it is allowed', () => {
    const [vap, binding] = policy();
    expect(vap.kind).toBe('ValidatingAdmissionPolicy');
    expect(binding.spec).toEqual({ policyName: vap.metadata.name, validationActions: ['Deny'] });
    const expression = parseCel(vap.spec.validations[0].expression);
    const cluster = (annotations?: Record<string, string>) => ({ kind: 'Cluster', metadata: { name: 'prod', namespace: 'seoul', ...(annotations ? { annotations } : {}) } });
    expect(evaluate(expression, new Map([['oldObject', cluster()]]))).toBe(false);
    expect(evaluate(expression, new Map([['oldObject', cluster({ other: 'x' })]]))).toBe(false);
    expect(evaluate(expression, new Map([['oldObject', cluster({ [ManagementCluster.ALLOW_DELETION_ANNOTATION]: 'false' })]]))).toBe(false);
    expect(evaluate(expression, new Map([['oldObject', cluster({ [ManagementCluster.ALLOW_DELETION_ANNOTATION]: 'true' })]]))).toBe(true);
  });

  test('given the policy, when a Cluster API controller deletes, then its match condition lets it through', () => {
    const [vap] = policy();
    const condition = parseCel(vap.spec.matchConditions[0].expression);
    const as = (username: string) => evaluate(condition, new Map([['request', { userInfo: { username } }]]));
    expect(as('alice@example.com')).toBe(true);
    expect(as('system:serviceaccount:argocd:argocd-application-controller')).toBe(true);
    expect(as('system:serviceaccount:capi-kubeadm-control-plane-system:capi-kubeadm-control-plane-manager')).toBe(false);
    expect(as('system:serviceaccount:kube-system:generic-garbage-collector')).toBe(false);
  });

  test('given Argo CD and Flux, when synthesized, then cluster objects are never pruned or deleted by the engine', () => {
    for (const [gitOps, key, value] of [
      [GitOps.argoCd({ repoUrl: 'https://git.example.com/p.git' }), 'argocd.argoproj.io/sync-options', 'Delete=false,Prune=false'],
      [GitOps.flux({ repoUrl: 'https://git.example.com/p.git' }), 'kustomize.toolkit.fluxcd.io/prune', 'disabled'],
    ] as const) {
      const outdir = tmpdir();
      const platform = new Platform({ outdir });
      new ManagementCluster(platform, 'mgmt', { gitOps, providers: { aws: AWS } });
      aws(platform, 'a');
      platform.synth();
      const clusterObjects = objectsIn(outdir).filter((o) => o.file.includes('/cluster/'));
      expect(clusterObjects.length).toBeGreaterThan(3);
      for (const { object } of clusterObjects) expect(object.metadata.annotations[key]).toBe(value);
    }
  });

  test('given deletionProtection false, when rendered, then there is no policy', () => {
    const platform = new Platform({ outdir: tmpdir(), layout: OutputLayout.FLAT });
    const m = new ManagementCluster(platform, 'mgmt', { providers: { aws: AWS }, deletionProtection: false });
    aws(platform, 'a');
    expect(m._manifests().has('deletion-protection.yaml')).toBe(false);
    platform.synth();
    expect(objectsIn(platform.outdir).map((o) => o.file)).toContain('mgmt.management.k8s.yaml');
  });
});

describe('ManagementCluster Argo CD health checks', () => {
  function runLua(lua: string, obj: any): { status: string; message: string } {
    const { lua: L, lauxlib, lualib, to_luastring: s } = fengari;
    const state = lauxlib.luaL_newstate();
    lualib.luaL_openlibs(state);
    const push = (v: any): void => {
      if (v === null || v === undefined) {L.lua_pushnil(state);} else if (typeof v === 'string') {L.lua_pushstring(state, s(v));} else if (typeof v === 'number') {L.lua_pushnumber(state, v);} else if (typeof v === 'boolean') {L.lua_pushboolean(state, v);} else if (Array.isArray(v)) {
        L.lua_createtable(state, v.length, 0);
        v.forEach((item, i) => { push(item); L.lua_rawseti(state, -2, i + 1); });
      } else {
        L.lua_createtable(state, 0, 0);
        for (const [k, item] of Object.entries(v)) { push(item); L.lua_setfield(state, -2, s(k)); }
      }
    };
    push(obj);
    L.lua_setglobal(state, s('obj'));
    if (lauxlib.luaL_dostring(state, s(lua)) !== 0) throw new Error(fengari.to_jsstring(L.lua_tostring(state, -1)));
    L.lua_getfield(state, -1, s('status'));
    const status = fengari.to_jsstring(L.lua_tostring(state, -1));
    L.lua_pop(state, 1);
    L.lua_getfield(state, -1, s('message'));
    const message = fengari.to_jsstring(L.lua_tostring(state, -1));
    return { status, message };
  }

  test('given the argo-cd values, when the Lua of each kind runs on sample statuses, then Available/Ready decide health', () => {
    const platform = new Platform({ outdir: tmpdir() });
    const m = new ManagementCluster(platform, 'mgmt');
    const cm = m.argoCdValues().configs.cm;
    expect(Object.keys(cm)).toEqual(expect.arrayContaining([
      'resource.customizations.health.cluster.x-k8s.io_Cluster',
      'resource.customizations.health.cluster.x-k8s.io_MachineDeployment',
      'resource.customizations.health.controlplane.cluster.x-k8s.io_KubeadmControlPlane',
      'resource.customizations.health.infrastructure.cluster.x-k8s.io_AWSCluster',
    ]));
    const lua = cm['resource.customizations.health.cluster.x-k8s.io_Cluster'];
    expect(runLua(lua, {}).status).toBe('Progressing');
    expect(runLua(lua, { status: { conditions: [{ type: 'Available', status: 'True' }] } }).status).toBe('Healthy');
    expect(runLua(lua, { status: { conditions: [{ type: 'Available', status: 'False', reason: 'Failed', message: 'boom' }] } })).toEqual({ status: 'Degraded', message: 'boom' });
    expect(runLua(lua, { status: { conditions: [{ type: 'Ready', status: 'True' }] } }).status).toBe('Healthy');
    expect(runLua(lua, { status: { conditions: [{ type: 'Available', status: 'False', reason: 'Provisioning' }] } }).status).toBe('Progressing');
  });

  test('given Argo CD GitOps, when synthesized, then the values file is written beside the root application', () => {
    const outdir = tmpdir();
    const platform = new Platform({ outdir });
    new ManagementCluster(platform, 'mgmt', { gitOps: GitOps.argoCd({ repoUrl: 'https://git.example.com/p.git' }) });
    platform.synth();
    const values = JSON.parse(fs.readFileSync(path.join(outdir, 'bootstrap/mgmt/argo-cd-values.json'), 'utf8'));
    expect(Object.keys(values.configs.cm).length).toBeGreaterThan(5);
  });
});

describe('ManagementCluster air-gapped images', () => {
  test('given an imageRegistry, when rendered, then every provider manager image comes from the mirror with the release path and version', () => {
    const platform = new Platform({ outdir: tmpdir() });
    const m = new ManagementCluster(platform, 'mgmt', {
      imageRegistry: 'harbor.example.com/mirror/',
      providers: { aws: { ...AWS, managerImage: 'harbor.example.com/capa/manager:v2.11.1-patched' } },
    });
    aws(platform, 'a');
    const p = providersOf(m);
    expect(p['CoreProvider/cluster-api'].spec.deployment).toEqual({ containers: [{ name: 'manager', imageUrl: 'harbor.example.com/mirror/cluster-api/cluster-api-controller:v1.14.0' }] });
    expect(p['ControlPlaneProvider/kubeadm'].spec.deployment.containers[0].imageUrl).toBe('harbor.example.com/mirror/cluster-api/kubeadm-control-plane-controller:v1.14.0');
    expect(p['InfrastructureProvider/aws'].spec.deployment.containers[0].imageUrl).toBe('harbor.example.com/capa/manager:v2.11.1-patched');
    expectValidManifests([...m._manifests().values()].flat());
  });

  test('given no imageRegistry, when rendered, then the release images are used (no deployment override)', () => {
    const platform = new Platform({ outdir: tmpdir() });
    const m = new ManagementCluster(platform, 'mgmt', { providers: { aws: AWS } });
    aws(platform, 'a');
    expect(providersOf(m)['CoreProvider/cluster-api'].spec.deployment).toBeUndefined();
  });

  test.each([
    [{ imageRegistry: 'Harbor Example' }, /imageRegistry 'Harbor Example' is not a registry host/],
    [{ providers: { core: { managerImage: 'not an image' } } }, /providers\.core\.managerImage 'not an image' is not an image reference/],
  ])('given bad image settings %j, when created, then it is a ValidationError', (props, expected) => {
    const platform = new Platform({ outdir: tmpdir() });
    expect(() => new ManagementCluster(platform, 'mgmt', props as any)).toThrow(expected);
  });
});
