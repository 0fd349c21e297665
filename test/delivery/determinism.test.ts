import { App } from 'cdk8s';
import { AddonBundle, AddonDelivery, Catalog, ManagedCluster } from '../../src';
import { awsCluster, named, testApp } from '../addons/support';

function program(app: App): void {
  const clusters: ManagedCluster[] = ['b', 'a', 'c'].map((n) => awsCluster(app, n, { labels: { tier: 'edge' } }));
  const base = new AddonBundle(app, 'base', { addons: [Catalog.certManager(), Catalog.cilium(), Catalog.metricsServer()], delivery: AddonDelivery.flux() });
  base.attachTo(...clusters);
  const fleet = new AddonBundle(app, 'fleet', { addons: [Catalog.metricsServer(), Catalog.argoRollouts()], delivery: AddonDelivery.argoCd() });
  fleet.selectClusters({ matchLabels: { tier: 'edge' } });
}

describe('determinism', () => {
  test('given the same program twice, then the YAML is byte-identical', () => {
    const first = testApp();
    program(first);
    const second = testApp();
    program(second);
    expect(second.synthYaml()).toEqual(first.synthYaml());
  });

  test('given a fleet ApplicationSet and clusters that get the addon from an attached bundle, then they are excluded by name, sorted', () => {
    const app = testApp();
    program(app);
    const fleet = app.node.findChild('fleet') as AddonBundle;
    expect(named(fleet, 'ApplicationSet', 'fleet-metrics-server').spec.generators[0].clusters.selector).toEqual({
      matchLabels: { tier: 'edge' },
      matchExpressions: [{ key: 'capi-blueprints.io/cluster-name', operator: 'NotIn', values: ['a', 'b', 'c'] }],
    });
    expect(named(fleet, 'ApplicationSet', 'fleet-argo-rollouts').spec.generators[0].clusters.selector).toEqual({ matchLabels: { tier: 'edge' } });
  });
});
