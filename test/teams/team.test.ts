import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import {
  AddonBundle, AddonDelivery, Blueprint, Catalog, Fleet, GitOps, ManagementCluster, Platform, PodSecurityLevel, ResourceSetStrategy,
  Site, SiteInfrastructure, Team, TeamProps, TeamRole,
} from '../../src';
import { awsCluster, named, ofKind, testApp } from '../addons/support';
import { objectsIn, standardProps, tmpdir } from '../platform/support';
import { expectValidManifests } from '../support/crd-validation';

function team(props: Partial<TeamProps> = {}, id = 'payments') {
  const app = testApp();
  const t = new Team(app, id, { namespaces: [{ name: 'payments' }], ...props });
  return { app, team: t };
}

function objects(t: Team): any[] {
  return t.addon.toAddonConfig().manifests!;
}

function find(t: Team, kind: string, name: string, namespace?: string): any {
  const found = objects(t)
    .find((o) => o.kind === kind && o.metadata.name === name && (namespace === undefined || o.metadata.namespace === namespace));
  if (!found) throw new Error(`no ${kind} ${name}: ${objects(t).map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`);
  return found;
}

describe('Team content', () => {
  test('given a namespace with team labels and annotations, then the Namespace carries them and restricted Pod Security labels', () => {
    const { team: t } = team({ labels: { 'acme.example/cost-center': 'cc-1' }, annotations: { 'acme.example/contact': 'a@b.c' } });
    const ns = find(t, 'Namespace', 'payments');
    expect(ns.metadata.labels).toEqual({
      'acme.example/cost-center': 'cc-1',
      'capi-blueprints.io/team': 'payments',
      'pod-security.kubernetes.io/audit': 'restricted',
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/enforce-version': 'latest',
      'pod-security.kubernetes.io/warn': 'restricted',
    });
    expect(ns.metadata.annotations).toEqual({ 'acme.example/contact': 'a@b.c' });
  });

  test('given a namespace-level podSecurity, then it wins over the team level for that namespace only', () => {
    const { team: t } = team({
      podSecurity: PodSecurityLevel.BASELINE,
      namespaces: [{ name: 'a' }, { name: 'b', podSecurity: PodSecurityLevel.PRIVILEGED }],
    });
    expect(find(t, 'Namespace', 'a').metadata.labels['pod-security.kubernetes.io/enforce']).toEqual('baseline');
    expect(find(t, 'Namespace', 'b').metadata.labels['pod-security.kubernetes.io/enforce']).toEqual('privileged');
  });

  test('given a quota, then each namespace gets a ResourceQuota with the hard limits in API names', () => {
    const { team: t } = team({
      namespaces: [{ name: 'a' }, { name: 'b', quota: { pods: 5 } }],
      quota: { requestsCpu: '500m', requestsMemory: '1Gi', limitsCpu: '2', limitsMemory: '4Gi', requestsStorage: '100Gi', pods: 20, services: 3, loadBalancers: 0, persistentVolumeClaims: 4 },
    });
    expect(find(t, 'ResourceQuota', 'payments', 'a').spec.hard).toEqual({
      'limits.cpu': '2',
      'limits.memory': '4Gi',
      'persistentvolumeclaims': 4,
      'pods': 20,
      'requests.cpu': '500m',
      'requests.memory': '1Gi',
      'requests.storage': '100Gi',
      'services': 3,
      'services.loadbalancers': 0,
    });
    expect(find(t, 'ResourceQuota', 'payments', 'b').spec.hard).toEqual({ pods: 5 });
  });

  test('given no quota, then no ResourceQuota, but a LimitRange with the documented defaults', () => {
    const { team: t } = team();
    expect(objects(t).filter((o) => o.kind === 'ResourceQuota')).toEqual([]);
    expect(find(t, 'LimitRange', 'payments').spec.limits).toEqual([{
      type: 'Container', default: { cpu: '1', memory: '512Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' },
    }]);
  });

  test('given groups with roles, then one RoleBinding per role to the admin/edit/view ClusterRole in every namespace', () => {
    const { team: t } = team({
      namespaces: [{ name: 'a' }, { name: 'b' }],
      groups: [
        { name: 'oidc:devs', role: TeamRole.EDIT },
        { name: 'oidc:leads', role: TeamRole.ADMIN },
        { name: 'oidc:qa', role: TeamRole.EDIT },
      ],
    });
    const bindings = objects(t).filter((o) => o.kind === 'RoleBinding');
    expect(bindings.map((b) => `${b.metadata.namespace}/${b.metadata.name}`)).toEqual(['a/payments-admin', 'a/payments-edit', 'b/payments-admin', 'b/payments-edit']);
    const edit = find(t, 'RoleBinding', 'payments-edit', 'a');
    expect(edit.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' });
    expect(edit.subjects).toEqual([
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'oidc:devs' },
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'oidc:qa' },
    ]);
  });

  test('given the defaults, then ingress is denied except from the namespace and ingress-nginx, and egress is not restricted', () => {
    const { team: t } = team();
    const policies = objects(t).filter((o) => o.kind === 'NetworkPolicy');
    expect(policies.map((p) => p.metadata.name)).toEqual(['default-deny-ingress', 'allow-same-namespace', 'allow-ingress-controllers']);
    expect(find(t, 'NetworkPolicy', 'default-deny-ingress').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
    expect(find(t, 'NetworkPolicy', 'allow-same-namespace').spec.ingress).toEqual([{ from: [{ podSelector: {} }] }]);
    expect(find(t, 'NetworkPolicy', 'allow-ingress-controllers').spec.ingress).toEqual([
      { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }] },
    ]);
  });

  test('given restrictEgress, other namespaces and CIDRs, then egress is denied except DNS, the namespace and the CIDRs', () => {
    const { team: t } = team({
      network: { ingressControllerNamespaces: ['istio-ingress'], allowFromNamespaces: ['lma'], allowFromCidrs: ['10.0.0.0/8'], restrictEgress: true, allowEgressToCidrs: ['10.40.0.0/16'] },
    });
    expect(find(t, 'NetworkPolicy', 'allow-from-allowed-sources').spec.ingress).toEqual([{
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'lma' } } }, { ipBlock: { cidr: '10.0.0.0/8' } }],
    }]);
    expect(find(t, 'NetworkPolicy', 'default-deny-egress').spec).toEqual({ podSelector: {}, policyTypes: ['Egress'] });
    expect(find(t, 'NetworkPolicy', 'allow-dns-egress').spec.egress).toEqual([{
      to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
      ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
    }]);
    expect(find(t, 'NetworkPolicy', 'allow-egress').spec.egress).toEqual([{ to: [{ podSelector: {} }, { ipBlock: { cidr: '10.40.0.0/16' } }] }]);
  });

  test('given image-pull Secret names, then the team ServiceAccount references them by name and no Secret is emitted', () => {
    const { team: t } = team({ imagePullSecrets: ['acme-registry'] });
    expect(find(t, 'ServiceAccount', 'payments').imagePullSecrets).toEqual([{ name: 'acme-registry' }]);
    expect(objects(t).filter((o) => o.kind === 'Secret')).toEqual([]);
  });
});

describe('Team validation', () => {
  test.each<[string, Partial<TeamProps>, RegExp]>([
    ['no namespaces', { namespaces: [] }, /has no namespaces/],
    ['a namespace that is not a DNS label', { namespaces: [{ name: 'Payments' }] }, /namespace 'Payments' is not a DNS label/],
    ['a system namespace', { namespaces: [{ name: 'kube-system' }] }, /namespace 'kube-system' is reserved/],
    ['a kube- namespace', { namespaces: [{ name: 'kube-payments' }] }, /namespace 'kube-payments' is reserved/],
    ['a namespace twice', { namespaces: [{ name: 'a' }, { name: 'a' }] }, /namespace 'a' is listed twice/],
    ['a bad quota quantity', { quota: { requestsCpu: '2 cores' } }, /quota.requestsCpu '2 cores' is not a Kubernetes quantity/],
    ['a bad namespace quota quantity', { namespaces: [{ name: 'a', quota: { limitsMemory: '4GB!' } }] }, /namespaces\[0\].quota.limitsMemory '4GB!' is not a Kubernetes quantity/],
    ['requests above limits', { quota: { requestsMemory: '8Gi', limitsMemory: '4Gi' } }, /quota.requestsMemory \(8Gi\) is greater than quota.limitsMemory \(4Gi\)/],
    ['a negative pod count', { quota: { pods: -1 } }, /quota.pods \(-1\) must be a whole number/],
    ['a default above the maximum', { limitRange: { defaultCpu: '4', maxCpu: '2' } }, /limitRange.defaultCpu \(4\) is greater than limitRange.maxCpu \(2\)/],
    ['a default request above the default', { limitRange: { defaultRequestMemory: '1Gi' } }, /limitRange.defaultRequestMemory \(1Gi\) is greater than limitRange.defaultMemory \(512Mi\)/],
    ['an unknown Pod Security level', { podSecurity: 'strict' as any }, /podSecurity 'strict' is not a Pod Security Admission level/],
    ['a system group', { groups: [{ name: 'system:authenticated', role: TeamRole.VIEW }] }, /group 'system:authenticated' is a Kubernetes system group/],
    ['an empty group name', { groups: [{ name: '', role: TeamRole.VIEW }] }, /group name "" is not a group name/],
    ['a group twice', { groups: [{ name: 'g', role: TeamRole.VIEW }, { name: 'g', role: TeamRole.EDIT }] }, /group 'g' is listed twice/],
    ['an unknown role', { groups: [{ name: 'g', role: 'owner' as any }] }, /role 'owner', which is not a team role/],
    ['a bad CIDR', { network: { allowFromCidrs: ['10.0.0.0/33'] } }, /network.allowFromCidrs entry '10.0.0.0\/33' is not a CIDR block/],
    ['egress CIDRs without restrictEgress', { network: { allowEgressToCidrs: ['10.0.0.0/8'] } }, /allowEgressToCidrs is set but restrictEgress is off/],
    ['a bad ingress controller namespace', { network: { ingressControllerNamespaces: ['Ingress'] } }, /network namespace 'Ingress' is not a DNS label/],
    ['a Pod Security label set by hand', { labels: { 'pod-security.kubernetes.io/enforce': 'baseline' } }, /sets 'pod-security.kubernetes.io\/enforce', which the team sets from podSecurity/],
    ['a bad label value', { labels: { tier: 'a b' } }, /labels 'tier' has value "a b", which is not a label value/],
    ['a quota count JavaScript cannot hold exactly', { quota: { pods: 2 ** 60 } }, /quota.pods \(1152921504606847000\) must be a whole number from 0 to 9007199254740991/],
    ['a fractional quota count', { quota: { services: 1.5 } }, /quota.services \(1.5\) must be a whole number from 0/],
    ['a CIDR with host bits', { network: { allowFromCidrs: ['10.0.0.1/8'] } }, /network.allowFromCidrs entry '10.0.0.1\/8' has host bits set; a NetworkPolicy reads it as '10.0.0.0\/8'. Write '10.0.0.0\/8'/],
    ['a CIDR twice', { network: { restrictEgress: true, allowEgressToCidrs: ['10.40.0.0/16', '10.40.0.0/16'] } }, /network.allowEgressToCidrs lists '10.40.0.0\/16' twice/],
    ['an inline pull secret', { imagePullSecrets: ['{"auths":{}}'] }, /imagePullSecrets entry .* is not a Secret name/],
  ])('given %s, then a ValidationError says so', (_what, props, message) => {
    expect(() => team(props)).toThrow(message);
  });

  test('given a team name longer than 35 characters, then the error names the limit', () => {
    expect(() => team({}, 'a'.repeat(36))).toThrow(/team name 'a{36}' is not a DNS label of at most 35 characters/);
  });

  test('given two teams claiming one namespace on one cluster, then synthesis fails naming both and the cluster', () => {
    const app = testApp();
    const cluster = awsCluster(app, 'prod');
    new Team(app, 'a', { namespaces: [{ name: 'shared' }] }).attachTo(cluster);
    new Team(app, 'b', { namespaces: [{ name: 'shared' }, { name: 'b' }] }).selectClusters({ matchLabels: { 'capi-blueprints.io/cluster-name': 'prod' } });
    expect(() => app.synth()).toThrow(/namespace 'shared' of team 'b' is also claimed by team 'a' on cluster 'prod'/);
  });

  test('given a team claiming the namespace of an addon on the same cluster, then synthesis fails naming the addon (the team\'s default-deny policy would cut it off)', () => {
    const app = testApp();
    const cluster = awsCluster(app, 'prod');
    const dev = awsCluster(app, 'dev');
    new AddonBundle(app, 'platform', { addons: [Catalog.certManager()] }).attachTo(cluster, dev);
    new Team(app, 'web', { namespaces: [{ name: 'cert-manager' }, { name: 'web' }] }).attachTo(cluster, dev);
    // one message per team and namespace, however many clusters
    expect(() => app.synth()).toThrow(/namespace 'cert-manager' of team 'web' is the namespace of addon 'cert-manager' on clusters 'prod' and 1 more; the team's network policies, quota and Pod Security level would apply to the addon\. Give the team a namespace of its own\./);
  });
});

describe('Team delivery and selection', () => {
  function payload(secret: any): any[] {
    return parseAllDocuments(Object.values(secret.stringData as Record<string, string>)[0]).map((d) => d.toJS());
  }

  test('given attachTo, then each cluster gets a Reconcile ClusterResourceSet with the team objects in its Secret', () => {
    const { app, team: t } = team();
    t.attachTo(awsCluster(app, 'prod'), awsCluster(app, 'dev'));
    expect(ofKind(t, 'ClusterResourceSet').map((o) => o.metadata.name)).toEqual(['prod-team-payments', 'dev-team-payments']);
    const crs = named(t, 'ClusterResourceSet', 'prod-team-payments');
    expect(crs.spec).toEqual({
      clusterSelector: { matchLabels: { 'capi-blueprints.io/cluster-name': 'prod' } },
      resources: [{ kind: 'Secret', name: 'prod-team-payments' }],
      strategy: 'Reconcile',
    });
    expect(payload(named(t, 'Secret', 'prod-team-payments')).map((o) => o.kind)).toEqual(['Namespace', 'LimitRange', 'NetworkPolicy', 'NetworkPolicy', 'NetworkPolicy', 'ServiceAccount']);
  });

  test('given selectClusters, then one fleet ClusterResourceSet with the selector in the fleet namespace', () => {
    const { app, team: t } = team({ fleetNamespace: 'capi-teams' });
    awsCluster(app, 'prod', { namespace: 'capi-teams', labels: { environment: 'prod' } }); // a ClusterResourceSet selects clusters of its namespace
    t.selectClusters({ matchLabels: { environment: 'prod' } });
    const crs = named(t, 'ClusterResourceSet', 'team-payments-team-payments');
    expect(crs.metadata.namespace).toEqual('capi-teams');
    expect(crs.spec.clusterSelector).toEqual({ matchLabels: { environment: 'prod' } });
  });

  test('given selectClusters matching a cluster outside the fleet namespace, then a ValidationError (the ClusterResourceSet would never select it)', () => {
    const { app, team: t } = team({ fleetNamespace: 'capi-teams' });
    awsCluster(app, 'prod', { labels: { environment: 'prod' } });
    t.selectClusters({ matchLabels: { environment: 'prod' } });
    expect(() => named(t, 'ClusterResourceSet', 'team-payments-team-payments')).toThrow(/cluster 'prod' \(namespace 'default'\) matches the bundle's selector, but the ClusterResourceSet of addon 'team-payments' lives in namespace 'capi-teams'.*Team fleetNamespace/);
  });

  test.each([
    ['HelmChartProxy', AddonDelivery.helmChartProxy()],
    ['Argo CD', AddonDelivery.argoCd()],
    ['Flux', AddonDelivery.flux()],
    ['ClusterResourceSet', AddonDelivery.clusterResourceSet({ strategy: ResourceSetStrategy.APPLY_ONCE })],
  ])('given the team addon in a bundle delivered by %s, then it reaches the cluster as a ClusterResourceSet next to the Helm addons', (_name, delivery) => {
    const { app, team: t } = team();
    const bundle = new AddonBundle(app, 'platform', { addons: [t.addon], delivery });
    bundle.attachTo(awsCluster(app, 'prod'));
    const secret = named(bundle, 'Secret', 'prod-team-payments');
    expect(secret.type).toEqual('addons.cluster.x-k8s.io/resource-set');
    expect(payload(secret).filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name)).toEqual(['payments']);
    expect(ofKind(bundle, 'ClusterResourceSet')).toHaveLength(1);
    expect(ofKind(bundle, 'HelmChartProxy').length + ofKind(bundle, 'Application').length + ofKind(bundle, 'HelmRelease').length).toEqual(0);
  });
});

describe('Teams in the Blueprint', () => {
  function fleetWith(siteTeams: Team[] | undefined) {
    const platform = new Platform({ outdir: tmpdir() });
    const payments = new Team(platform, 'payments', { namespaces: [{ name: 'payments' }] });
    const search = new Team(platform, 'search', { namespaces: [{ name: 'search' }] });
    const standard = new Blueprint(platform, 'standard', { ...standardProps(), teams: [payments] });
    const seoul = new Site(platform, 'seoul', { infrastructure: SiteInfrastructure.aws({ region: 'ap-northeast-2' }) });
    const tokyo = new Site(platform, 'tokyo', { infrastructure: SiteInfrastructure.aws({ region: 'ap-northeast-1' }), overrides: { teams: siteTeams } });
    const fleet = new Fleet(platform, 'fleet');
    const a = fleet.addCluster('a', { blueprint: standard, site: seoul });
    const b = fleet.addCluster('b', { blueprint: standard, site: tokyo });
    return { platform, payments, search, fleet, a, b };
  }

  test('given teams in the blueprint, then every fleet cluster gets them', () => {
    const { payments, a, b } = fleetWith(undefined);
    expect(payments.attachedClusters).toEqual([a, b]);
  });

  test('given a site that lists teams, then its list replaces the blueprint list for its clusters only', () => {
    const { payments, search, a } = fleetWith([] as Team[]);
    expect(payments.attachedClusters).toEqual([a]);
    expect(search.attachedClusters).toEqual([]);
    const again = fleetWith(undefined);
    expect(again.search.attachedClusters).toEqual([]);
  });

  test('given a site listing both teams, then its clusters get both', () => {
    const platform = new Platform({ outdir: tmpdir() });
    const payments = new Team(platform, 'payments', { namespaces: [{ name: 'payments' }] });
    const search = new Team(platform, 'search', { namespaces: [{ name: 'search' }] });
    const standard = new Blueprint(platform, 'standard', { ...standardProps(), teams: [payments] });
    const tokyo = new Site(platform, 'tokyo', { infrastructure: SiteInfrastructure.aws({ region: 'ap-northeast-1' }), overrides: { teams: [payments, search] } });
    const b = new Fleet(platform, 'fleet').addCluster('b', { blueprint: standard, site: tokyo });
    expect(payments.attachedClusters).toEqual([b]);
    expect(search.attachedClusters).toEqual([b]);
  });

  test('given teams in a fleet table row, then the error says teams are set in code', () => {
    const platform = new Platform({ outdir: tmpdir() });
    new Blueprint(platform, 'standard', standardProps());
    new Site(platform, 'seoul', { infrastructure: SiteInfrastructure.aws({ region: 'ap-northeast-2' }) });
    expect(() => new Fleet(platform, 'fleet').addRows([{ name: 'x', site: 'seoul', blueprint: 'standard', overrides: { teams: ['payments'] as any } }], 'fleet.yaml'))
      .toThrow(/teams lists "payments", which is not a Team/);
  });
});

describe('Teams in the GitOps tree', () => {
  test('given a management cluster, then each cluster folder holds the team file with its ClusterResourceSet and Secret, validated', () => {
    const outdir = tmpdir();
    const platform = new Platform({ outdir });
    const mgmt = new ManagementCluster(platform, 'mgmt', {
      gitOps: GitOps.flux({ repoUrl: 'https://git.example.com/platform.git', path: 'fleet' }),
      providers: { aws: { configSecret: 'capa-variables' } },
    });
    const payments = new Team(platform, 'payments', { namespaces: [{ name: 'payments' }], quota: { pods: 10 } });
    const standard = new Blueprint(platform, 'standard', { ...standardProps(), teams: [payments] });
    const seoul = new Site(platform, 'seoul', { infrastructure: SiteInfrastructure.aws({ region: 'ap-northeast-2' }), managementCluster: mgmt, overrides: { namespace: 'seoul' } });
    new Fleet(platform, 'fleet').addCluster('prod', { blueprint: standard, site: seoul });
    platform.synth();
    const teamFile = objectsIn(outdir).filter((o) => o.file === path.join('clusters', 'mgmt', 'seoul', 'prod', 'addons', 'team-payments.yaml'));
    expect(teamFile.map((o) => `${o.object.kind}/${o.object.metadata.namespace}/${o.object.metadata.name}`).sort())
      .toEqual(['ClusterResourceSet/seoul/prod-team-payments', 'Secret/seoul/prod-team-payments']);
    expectValidManifests(objectsIn(outdir).map((o) => o.object));
  });
});
