/**
 * Addon values are data: valid JSON-compatible values pass unchanged, and user strings that look
 * like the deliveries' internal per-cluster marker are never rewritten.
 */
import { parse } from 'yaml';
import { awsCluster, helm, named, testApp } from './support';
import { AddonBundle, ClusterValue } from '../../src';
import { CLUSTER_VALUE_MARKER, validateValuesData } from '../../src/addons/private/values';

describe('addon values are data', () => {
  test('given JSON-compatible values with ClusterValues, null and unset properties, when checked, then they pass', () => {
    expect(() => validateValuesData('s', 'values', {
      a: 'x', n: 1.5, b: false, nil: null, unset: undefined, list: [1, 'two', { three: 3 }, null], name: ClusterValue.clusterName(), shared: [],
    })).not.toThrow();
  });

  test('given the same object used twice (shared, not a cycle), when checked, then it passes', () => {
    const shared = { a: 1 };
    expect(() => validateValuesData('s', 'values', { x: shared, y: shared, z: [shared] })).not.toThrow();
  });

  test('given user strings containing the internal marker, when rendered to a CAAPH template, then they survive unchanged next to real ClusterValues', () => {
    const app = testApp();
    const tricky = `${CLUSTER_VALUE_MARKER}0X`;
    const values = { literal: tricky, [`key-${tricky}`]: `also ${CLUSTER_VALUE_MARKER}1X here`, name: ClusterValue.clusterName() };
    const bundle = new AddonBundle(app, 'caaph', { addons: [helm('web', { values })] });
    bundle.attachTo(awsCluster(app, 'prod'));
    const template: string = named(bundle, 'HelmChartProxy', 'prod-web').spec.valuesTemplate;
    const parsed = parse(template);
    expect(parsed.literal).toEqual(tricky);
    expect(parsed[`key-${tricky}`]).toEqual(`also ${CLUSTER_VALUE_MARKER}1X here`);
    expect(parsed.name).toEqual('{{ .Cluster.metadata.name }}');
  });
});
