/**
 * A workload cluster on your laptop's Docker, to try a blueprint before it touches a cloud
 * (Cluster API's development provider, CAPD). See docs/local.md for the commands: a kind
 * management cluster, `clusterctl init`, then `kubectl apply` of dist/local-cluster/.
 *
 * - one control-plane container behind CAPD's HAProxy container,
 * - two workers over two simulated failure domains,
 * - Calico as the CNI and metrics-server, installed by CAAPH.
 */
import { AddonBundle, Catalog, Infrastructure, ManagedCluster, Platform } from '../src';

const app = new Platform({ outdir: process.env.CAPI_BLUEPRINTS_OUTDIR ?? 'dist/local-cluster' });

const cluster = new ManagedCluster(app, 'local', {
  version: 'v1.33.4', // a kindest/node image must exist for the version
  infrastructure: Infrastructure.docker({ failureDomains: ['fd1', 'fd2'] }),
  controlPlane: {
    replicas: 1,
    // So the API server certificate also fits the host-mapped port on macOS / Docker Desktop.
    apiServer: { certSans: ['localhost', '127.0.0.1', '0.0.0.0', 'host.docker.internal'] },
  },
});

cluster.addNodePool('workers', { availabilityZoneCount: 2, replicas: 1 });

const addons = new AddonBundle(app, 'local-addons', {
  // kubelets of kind nodes serve self-signed certificates
  addons: [Catalog.calico(), Catalog.metricsServer({ kubeletInsecureTls: true })],
});
addons.attachTo(cluster);

app.synth();
