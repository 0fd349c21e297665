import { validAwsCluster, byName } from './fixtures';
import { expectValidManifests, validationFindings } from '../support/crd-validation';

describe('schema validation', () => {
  test('given hand-written v1beta2 CAPA objects, when validated, then there are no findings', () => {
    expectValidManifests(validAwsCluster());
  });

  test('given an unknown field, when validated, then it is reported with its path', () => {
    const objects = validAwsCluster();
    byName(objects, 'Cluster', 'prod').spec.infrastructureRef.apiVersion = 'infrastructure.cluster.x-k8s.io/v1beta2';
    const findings = validationFindings(objects);
    expect(findings).toContainEqual(expect.objectContaining({
      kind: 'Cluster',
      name: 'prod',
      path: 'spec.infrastructureRef.apiVersion',
      rule: 'schema',
      message: 'unknown field "spec.infrastructureRef.apiVersion"',
    }));
  });
});
