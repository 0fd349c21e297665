import { ApiObject, App } from 'cdk8s';
import { Infrastructure, ManagedCluster, NodePoolKind } from '../../src';

function cluster(infrastructure = Infrastructure.aws({ region: 'eu-west-1' })): ManagedCluster {
  return new ManagedCluster(new App(), 'prod', { version: infrastructure.provider === 'eks' ? 'v1.33' : 'v1.33.4', infrastructure });
}

function kind(c: ManagedCluster, k: string): any[] {
  return c.node.findAll().filter((o: any) => ApiObject.isApiObject(o) && o.kind === k).map((o: any) => o.toJson());
}

describe('NodePool machineLabels', () => {
  test('given machine labels, when a MachineDeployment pool renders, then they are on the Machines (template) and the selector still matches', () => {
    const c = cluster();
    c.addNodePool('general', { availabilityZoneCount: 2, machineLabels: { 'acme.example/cost-center': 'payments' } });
    for (const md of kind(c, 'MachineDeployment')) {
      expect(md.spec.template.metadata.labels).toMatchObject({ 'acme.example/cost-center': 'payments', 'capi-blueprints.io/node-pool': 'general' });
      for (const [k, v] of Object.entries(md.spec.selector.matchLabels)) expect(md.spec.template.metadata.labels[k]).toBe(v);
    }
  });

  test('given machine labels, when an EKS managed node group renders, then they are on the MachinePool template', () => {
    const c = cluster(Infrastructure.eks({ region: 'eu-west-1' }));
    c.addNodePool('ng', { kind: NodePoolKind.MANAGED_NODE_GROUP, machineLabels: { team: 'platform' } });
    expect(kind(c, 'MachinePool')[0].spec.template.metadata.labels).toMatchObject({ team: 'platform' });
  });

  test.each([
    [{ 'cluster.x-k8s.io/cluster-name': 'x' }, /machineLabels\['cluster\.x-k8s\.io\/cluster-name'\] is set by Cluster API or capi-blueprints/],
    [{ 'capi-blueprints.io/node-pool': 'x' }, /machineLabels\['capi-blueprints\.io\/node-pool'\] is set by Cluster API or capi-blueprints/],
    [{ team: 'not a value' }, /machineLabels\['team'\] has an invalid label value 'not a value'/],
  ])('given machine labels %j, when the pool is created, then it is a ValidationError', (machineLabels, expected) => {
    expect(() => cluster().addNodePool('general', { machineLabels })).toThrow(expected);
  });
});
