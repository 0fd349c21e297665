import { parse } from 'yaml';
import { AddonBundle, AddonDelivery, Catalog, ClusterValue } from '../../src';
import { awsCluster, helm, named, testApp } from '../addons/support';

/**
 * A stand-in for CAAPH's Go template execution, for exactly the expressions capi-blueprints
 * emits (name, namespace, label, first pod CIDR, all pod CIDRs with sprig's toJson, the `{{`
 * escape).
 */
function executeTemplate(template: string, cluster: { name: string; namespace: string; labels: Record<string, string>; pods: string[] }): string {
  return template.replace(/\{\{ (.*?) \}\}/g, (_all, expr: string) => {
    if (expr === '"{{"') return '{{';
    if (expr === '.Cluster.metadata.name') return cluster.name;
    if (expr === '.Cluster.metadata.namespace') return cluster.namespace;
    if (expr === 'index .Cluster.spec.clusterNetwork.pods.cidrBlocks 0') return cluster.pods[0];
    if (expr === 'toJson .Cluster.spec.clusterNetwork.pods.cidrBlocks') return JSON.stringify(cluster.pods);
    const label = /^index \.Cluster\.metadata\.labels "(.*)"$/.exec(expr);
    if (label) return cluster.labels[label[1]];
    throw new Error(`unexpected template expression ${expr}`);
  });
}

describe('HelmChartProxy valuesTemplate', () => {
  test('given ClusterValues everywhere, when CAAPH executes the template, then the values equal the literal values of Argo CD', () => {
    const app = testApp();
    const values = {
      name: ClusterValue.clusterName(),
      nested: { list: [ClusterValue.clusterNamespace(), 'x'], cidrs: ClusterValue.podCidrs() },
      env: ClusterValue.label('environment'),
      arg: ClusterValue.clusterName().wrap("--it's=", '-suffix'),
      first: ClusterValue.podCidr(),
      braces: 'a {{ b }} c',
      number: 3,
      flag: true,
    };
    const cluster = awsCluster(app, 'prod', { namespace: 'clusters', labels: { environment: 'production' }, network: { podCidrs: ['10.1.0.0/16', 'fd00:10:244::/56'], serviceCidrs: ['10.96.0.0/12', 'fd00:10:96::/112'] } });
    const caaph = new AddonBundle(app, 'caaph', { addons: [helm('web', { values })] });
    caaph.attachTo(cluster);
    const argo = new AddonBundle(app, 'argo', { addons: [helm('web2', { values })], delivery: AddonDelivery.argoCd() });
    argo.attachTo(cluster);

    const template: string = named(caaph, 'HelmChartProxy', 'prod-web').spec.valuesTemplate;
    const executed = parse(executeTemplate(template, { name: 'prod', namespace: 'clusters', labels: cluster.clusterLabels, pods: cluster.podCidrs }));
    const literal = named(argo, 'Application', 'prod-web2').spec.source.helm.valuesObject;
    expect(executed).toEqual(literal);
    expect(executed.arg).toEqual("--it's=prod-suffix");
    expect(executed.braces).toEqual('a {{ b }} c');
  });

  test('the catalog Cilium and Calico templates render the cluster\'s pod CIDRs', () => {
    const app = testApp();
    const bundle = new AddonBundle(app, 'b', { addons: [Catalog.cilium()] });
    bundle.attachTo(awsCluster(app, 'prod', { network: { podCidrs: ['10.1.0.0/16'] } }));
    const calicoBundle = new AddonBundle(app, 'c', { addons: [Catalog.calico()] });
    calicoBundle.attachTo(awsCluster(app, 'dev', { network: { podCidrs: ['10.9.0.0/16'] } }));
    const cilium = parse(executeTemplate(named(bundle, 'HelmChartProxy', 'prod-cilium').spec.valuesTemplate, { name: 'prod', namespace: 'default', labels: {}, pods: ['10.1.0.0/16'] }));
    expect(cilium.ipam.operator.clusterPoolIPv4PodCIDRList).toEqual(['10.1.0.0/16']);
    const calico = parse(executeTemplate(named(calicoBundle, 'HelmChartProxy', 'dev-calico').spec.valuesTemplate, { name: 'dev', namespace: 'default', labels: {}, pods: ['10.9.0.0/16'] }));
    expect(calico.installation.calicoNetwork.ipPools[0].cidr).toEqual('10.9.0.0/16');
  });
});

describe('ClusterValue.label', () => {
  test.each([['a/b/c'], ['env" }}{{ .Cluster.spec'], [''], ['Bad Key']])('given the key %j, which no Cluster can carry, then a ValidationError (it would never resolve, or break the Go template)', (key) => {
    expect(() => ClusterValue.label(key)).toThrow(`ClusterValue.label: '${key}' is not a label key. Use '[prefix/]name', e.g. 'environment' or 'example.com/team'.`);
  });

  test('given label keys, with or without a prefix, then they are accepted', () => {
    expect(() => ClusterValue.label('environment')).not.toThrow();
    expect(() => ClusterValue.label('example.com/team')).not.toThrow();
  });
});

describe('ClusterValue.label under HelmChartProxy', () => {
  test('given an attached cluster without the label, then synthesis stops (CAAPH would install the chart with <no value>)', () => {
    const app = testApp();
    const bundle = new AddonBundle(app, 'b', { addons: [helm('web', { values: { env: ClusterValue.label('environment') } })] });
    bundle.attachTo(awsCluster(app, 'prod'));
    expect(() => named(bundle, 'HelmChartProxy', 'prod-web')).toThrow(
      /b: addon 'web': cluster 'prod' has no label 'environment', which ClusterValue\.label\('environment'\) reads \(CAAPH would install the chart with '<no value>'\)\. Add it with cluster\.addLabel/,
    );
  });

  test('given the label on the cluster, then the template reads it at install time', () => {
    const app = testApp();
    const bundle = new AddonBundle(app, 'b', { addons: [helm('web', { values: { env: ClusterValue.label('environment') } })] });
    bundle.attachTo(awsCluster(app, 'prod', { labels: { environment: 'prod' } }));
    expect(named(bundle, 'HelmChartProxy', 'prod-web').spec.valuesTemplate).toContain('{{ index .Cluster.metadata.labels "environment" }}');
  });
});
