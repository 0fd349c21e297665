import { Chart, Duration, Testing } from 'cdk8s';
import {
  AllowedNamespaces, AwsClusterControllerIdentity, AwsClusterRoleIdentity, AwsClusterStaticIdentity, AwsIdentity, Infrastructure, ManagedCluster,
} from '../../src';
import { expectValidManifests } from '../support/crd-validation';
import { one, synth } from '../support/synth';

const ROLE = 'arn:aws:iam::111122223333:role/capa-tenant-a';

function chart(namespace?: string): Chart {
  return new Chart(Testing.app(), 'identities', { namespace });
}

describe('AWS cluster identities', () => {
  test('given a role identity with external id and a namespace list, when synthesized, then a cluster-scoped AWSClusterRoleIdentity chains from the controller and is valid', () => {
    const c = chart('capi-clusters');
    new AwsClusterRoleIdentity(c, 'tenant-a', {
      name: 'tenant-a',
      roleArn: ROLE,
      externalId: 'shared-secret-id',
      sessionName: 'capa',
      sessionDuration: Duration.hours(1),
      policyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      allowedNamespaces: AllowedNamespaces.list(['team-b', 'team-a']),
    });
    const objects = synth(c);
    const id = one(objects, 'AWSClusterRoleIdentity');
    expect(id.apiVersion).toEqual('infrastructure.cluster.x-k8s.io/v1beta2');
    expect(id.metadata).toEqual({ name: 'tenant-a' });
    expect(id.spec).toEqual({
      roleARN: ROLE,
      sourceIdentityRef: { kind: 'AWSClusterControllerIdentity', name: 'default' },
      externalID: 'shared-secret-id',
      sessionName: 'capa',
      durationSeconds: 3600,
      policyARNs: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      allowedNamespaces: { list: ['team-a', 'team-b'] },
    });
    expectValidManifests(objects);
  });

  test('given a role identity chained from another role identity with a selector, when synthesized, then sourceIdentityRef and the selector are set', () => {
    const c = chart();
    const hub = new AwsClusterRoleIdentity(c, 'hub', { name: 'hub', roleArn: 'arn:aws:iam::999988887777:role/hub', allowedNamespaces: AllowedNamespaces.all() });
    new AwsClusterRoleIdentity(c, 'spoke', {
      name: 'spoke',
      roleArn: ROLE,
      sourceIdentity: AwsIdentity.fromIdentity(hub),
      allowedNamespaces: AllowedNamespaces.selector({ matchLabels: { tenant: 'a' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] }),
    });
    const objects = synth(c);
    expect(one(objects, 'AWSClusterRoleIdentity', 'hub').spec.allowedNamespaces).toEqual({});
    const spoke = one(objects, 'AWSClusterRoleIdentity', 'spoke').spec;
    expect(spoke.sourceIdentityRef).toEqual({ kind: 'AWSClusterRoleIdentity', name: 'hub' });
    expect(spoke.allowedNamespaces).toEqual({ selector: { matchLabels: { tenant: 'a' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] } });
    expectValidManifests(objects);
  });

  test('given a static identity, when synthesized, then only the Secret name is rendered', () => {
    const c = chart();
    new AwsClusterStaticIdentity(c, 'static', { name: 'legacy', secretName: 'capa-legacy-credentials', allowedNamespaces: AllowedNamespaces.list(['legacy']) });
    const objects = synth(c);
    expect(one(objects, 'AWSClusterStaticIdentity').spec).toEqual({ secretRef: 'capa-legacy-credentials', allowedNamespaces: { list: ['legacy'] } });
    expectValidManifests(objects);
  });

  test('given the controller identity, when synthesized, then it is named default; any other name is rejected', () => {
    const c = chart();
    const ctrl = new AwsClusterControllerIdentity(c, 'controller', { allowedNamespaces: AllowedNamespaces.all() });
    expect(ctrl.identityName).toEqual('default');
    const objects = synth(c);
    expect(one(objects, 'AWSClusterControllerIdentity').metadata.name).toEqual('default');
    expectValidManifests(objects);
    expect(() => new AwsClusterControllerIdentity(chart(), 'c', { name: 'mine', allowedNamespaces: AllowedNamespaces.all() }))
      .toThrow(/the AWSClusterControllerIdentity must be named 'default', not 'mine'/);
  });

  test('given identity constructs, when used by AWS and EKS clusters, then identityRef names them (and AwsIdentity.role(name) still works)', () => {
    const app = Testing.app();
    const ids = new Chart(app, 'ids');
    const role = new AwsClusterRoleIdentity(ids, 'tenant', { name: 'tenant-a', roleArn: ROLE, allowedNamespaces: AllowedNamespaces.list(['default']) });
    const stat = new AwsClusterStaticIdentity(ids, 'static', { name: 'legacy', secretName: 'creds', allowedNamespaces: AllowedNamespaces.all() });
    const eks = new ManagedCluster(app, 'eks', { version: 'v1.33', infrastructure: Infrastructure.eks({ region: 'ap-northeast-2', identity: AwsIdentity.fromRoleIdentity(role) }) });
    const aws = new ManagedCluster(app, 'aws', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'ap-northeast-2', identity: AwsIdentity.fromIdentity(stat) }) });
    const byName = new ManagedCluster(app, 'byname', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'ap-northeast-2', identity: AwsIdentity.role('tenant-a') }) });
    expect(one(synth(eks), 'AWSManagedControlPlane').spec.identityRef).toEqual({ kind: 'AWSClusterRoleIdentity', name: 'tenant-a' });
    expect(one(synth(aws), 'AWSCluster').spec.identityRef).toEqual({ kind: 'AWSClusterStaticIdentity', name: 'legacy' });
    expect(one(synth(byName), 'AWSCluster').spec.identityRef).toEqual({ kind: 'AWSClusterRoleIdentity', name: 'tenant-a' });
    expectValidManifests([...synth(ids), ...synth(eks), ...synth(aws)]);
  });

  describe('errors', () => {
    test('given a bad role ARN, when constructed, then a ValidationError shows the format', () => {
      expect(() => new AwsClusterRoleIdentity(chart(), 'r', { name: 'r', roleArn: 'capa-role', allowedNamespaces: AllowedNamespaces.all() }))
        .toThrow(/roleArn 'capa-role' is not an IAM role ARN/);
    });
    test('given a session outside 15 min – 12 h, when constructed, then a ValidationError names the range', () => {
      expect(() => new AwsClusterRoleIdentity(chart(), 'r', { name: 'r', roleArn: ROLE, sessionDuration: Duration.minutes(5), allowedNamespaces: AllowedNamespaces.all() }))
        .toThrow(/sessionDuration \(300s\) must be from 900 to 43200 seconds \(AWS role sessions last 15 minutes to 12 hours\)/);
    });
    test('given an empty namespace list or selector, when constructed, then a ValidationError explains it would allow nothing', () => {
      expect(() => new AwsClusterStaticIdentity(chart(), 's', { name: 's', secretName: 'x', allowedNamespaces: AllowedNamespaces.list([]) }))
        .toThrow(/allowedNamespaces list is empty, which allows no namespace at all/);
      expect(() => new AwsClusterStaticIdentity(chart(), 's', { name: 's', secretName: 'x', allowedNamespaces: AllowedNamespaces.selector({}) }))
        .toThrow(/allowedNamespaces selector is empty/);
      expect(() => new AwsClusterStaticIdentity(chart(), 's', { name: 's', secretName: 'x', allowedNamespaces: AllowedNamespaces.selector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }) }))
        .toThrow(/operator Exists takes no values/);
    });
    test('given a secret name that looks like a credential, when constructed, then a ValidationError asks for the Secret name', () => {
      expect(() => new AwsClusterStaticIdentity(chart(), 's', { name: 's', secretName: 'wJalrXUtnFEMI/K7MDENG', allowedNamespaces: AllowedNamespaces.all() }))
        .toThrow(/secretName 'wJalrXUtnFEMI\/K7MDENG' is not a Secret name/);
    });
    test('given a role identity chained from itself, when constructed, then a ValidationError says so', () => {
      expect(() => new AwsClusterRoleIdentity(chart(), 'r', { name: 'r', roleArn: ROLE, sourceIdentity: AwsIdentity.role('r'), allowedNamespaces: AllowedNamespaces.all() }))
        .toThrow(/sourceIdentity is the identity 'r' itself/);
    });
  });
});
