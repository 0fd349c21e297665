/**
 * Props that were accepted and silently ignored (class "ignored props"): each now acts or is
 * rejected with the fix.
 */
import { Duration } from 'cdk8s';
import { awsCluster, eksCluster } from './builders';
import { BadInputCase, k8s } from './harness';
import {
  AddonBundle, AddonDelivery, HelmAddon, LmaLogsBackend, LmaObjectStorage, LmaStack, LmaStorageCredentials, LmaTopology, ManifestAddon,
  ResourceSetStrategy,
} from '../../src';

const helm = (install: any) => new HelmAddon({ name: 'web', repository: 'https://charts.example.com', chart: 'web', version: '1.0.0', install });
const storage = () => LmaObjectStorage.s3({ bucketPrefix: 'acme-lma', region: 'ap-northeast-2', credentials: LmaStorageCredentials.fromSecret('lma-s3') });

export const ignoredPropCases: BadInputCase[] = [
  k8s('Helm install settings under Argo CD', 'addons', (app) => {
    new AddonBundle(app, 'addons', { addons: [helm({ atomic: true, timeout: Duration.minutes(10) })], delivery: AddonDelivery.argoCd() }).attachTo(awsCluster(app));
  }, /^\s*addons: addon 'web' sets install timeout \(600s\), atomic: true, which Argo CD cannot honour: .* Remove install from the addon, or deliver it with AddonDelivery\.caaph\(\) or AddonDelivery\.flux\(\)\./m),
  k8s('an edge LMA log volume size', 'lma-edge', (app) => {
    const hub = new LmaStack(app, 'lma-hub', { topology: LmaTopology.hub({ ingress: { domain: 'lma.example.com' } }), storage: storage() });
    new LmaStack(app, 'lma-edge', { topology: LmaTopology.edge(hub), logs: { volumeSize: '200Gi' } });
  }, /^lma-edge: logs\.backend, logs\.retention and logs\.volumeSize are set on an edge\. Edges run no log store/),
  k8s('Loki sizing with an OpenSearch logs backend', 'lma', (app) => {
    new LmaStack(app, 'lma', { topology: LmaTopology.allInOne(), logs: { backend: LmaLogsBackend.openSearch({ host: 'logs.example.com' }), volumeSize: '100Gi' } });
  }, /^lma: logs\.retention and logs\.volumeSize size the Loki this stack runs, but logs go to 'opensearch'\./),
  k8s('resourceSet together with ClusterResourceSet delivery options', 'addons', (app) => {
    new AddonBundle(app, 'addons', {
      addons: [new ManifestAddon({ name: 'm', manifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } }] })],
      delivery: AddonDelivery.clusterResourceSet({ strategy: ResourceSetStrategy.RECONCILE }),
      resourceSet: { strategy: ResourceSetStrategy.APPLY_ONCE },
    });
  }, /^addons: resourceSet and the ClusterResourceSet delivery's own options are both set, so the delivery's options would be ignored\./),
  k8s('a control-plane maxUnhealthyPercent', 'prod', (app) => { awsCluster(app, { controlPlane: { healthCheck: { maxUnhealthyPercent: 30 } } }); },
    /^prod: controlPlane\.healthCheck\.maxUnhealthyPercent \(30\) does not apply to the control plane: .* tune controlPlane\.remediation/),
  k8s('remote access on a managed node group with the default launch template', 'prod/ng', (app) => { eksCluster(app, { sshKeyName: 'ops' }).addNodePool('ng', { managedNodeGroup: { remoteAccess: {} } }); },
    /^prod\/ng: managedNodeGroup\.remoteAccess cannot be combined with a launch template .* Remove remoteAccess: the launch template takes the infrastructure's sshKeyName/),
];
