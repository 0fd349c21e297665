/**
 * buildClass on hand-made objects: strings holding the cluster name become a patch from
 * `builtin.cluster.name` (a literal `{{` escaped), and the expanded topology gets each cluster's name back.
 */
import { buildClass, MemberInput } from '../../src/clusterclass/private/build';
import { splitCluster } from '../../src/clusterclass/private/split';
import { expandTopology } from '../support/clusterclass-expand';

const INFRA = 'infrastructure.cluster.x-k8s.io/v1beta2';

function objectsOf(name: string): any[] {
  return [
    {
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Cluster',
      metadata: { name, namespace: 'lab' },
      spec: {
        infrastructureRef: { apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'DevCluster', name },
        controlPlaneRef: { apiGroup: 'controlplane.cluster.x-k8s.io', kind: 'KubeadmControlPlane', name: `${name}-control-plane` },
      },
    },
    { apiVersion: INFRA, kind: 'DevCluster', metadata: { name, namespace: 'lab' }, spec: { backend: { docker: {} } } },
    {
      apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2',
      kind: 'KubeadmControlPlane',
      metadata: { name: `${name}-control-plane`, namespace: 'lab' },
      spec: {
        replicas: 1,
        version: 'v1.33.4',
        kubeadmConfigSpec: { files: [{ path: `/etc/${name}/owner`, content: `{{ ds.meta_data.local_hostname }} of ${name}` }] },
        machineTemplate: { spec: { infrastructureRef: { apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'DevMachineTemplate', name: `${name}-cp` } } },
      },
    },
    { apiVersion: INFRA, kind: 'DevMachineTemplate', metadata: { name: `${name}-cp`, namespace: 'lab' }, spec: { template: { spec: { backend: { docker: {} } } } } },
  ];
}

function member(name: string): MemberInput {
  return { name, parts: splitCluster(objectsOf(name)), overrides: [] };
}

describe('buildClass', () => {
  test('given strings holding the cluster name, then a cluster-name patch renders them from builtin.cluster.name, with a literal {{ escaped', () => {
    const out = buildClass({ className: 'std-lab', namespace: 'lab', base: member('std-lab'), members: [member('alpha'), member('beta')] });
    const patch = out.clusterClass.spec.patches.find((p: any) => p.name === 'cluster-name');
    expect(patch.definitions.flatMap((d: any) => d.jsonPatches)).toEqual([
      { op: 'replace', path: '/spec/template/spec/kubeadmConfigSpec/files/0/path', valueFrom: { template: '/etc/{{ .builtin.cluster.name }}/owner' } },
      { op: 'replace', path: '/spec/template/spec/kubeadmConfigSpec/files/0/content', valueFrom: { template: '{{ "{{" }} ds.meta_data.local_hostname }} of {{ .builtin.cluster.name }}' } },
    ]);
    expect(out.clusterClass.spec.variables).toBeUndefined();
    const objects = [out.clusterClass, ...out.templates];
    const kcp = expandTopology(out.clusters.get('beta'), objects).find((o) => o.kind === 'KubeadmControlPlane');
    expect(kcp.metadata.name).toEqual('beta-control-plane');
    expect(kcp.spec.kubeadmConfigSpec.files).toEqual([{ path: '/etc/beta/owner', content: '{{ ds.meta_data.local_hostname }} of beta' }]);
  });
});
