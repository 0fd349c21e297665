/**
 * A Kubernetes cluster on OpenStack (Cluster API provider OpenStack v0.14), replacing the
 * `cluster-api-openstack` Helm chart (see docs/openstack.md for the value-by-value mapping):
 *
 * - credentials from a `clouds.yaml` Secret created outside this program (e.g. by External
 *   Secrets) — never in the manifests,
 * - a CAPO-managed network 192.168.79.0/24 with DNS servers, routed to the external network,
 * - three control-plane machines behind an Octavia load balancer, reachable only from the
 *   office and the management cluster,
 * - workers spread over three availability zones (one MachineDeployment each), autoscaled,
 *   booting from Cinder volumes,
 * - the OpenStack cloud controller manager, Cinder CSI and Calico, installed by CAAPH.
 */
import {
  AddonBundle, Catalog, Infrastructure, ManagedCluster, OpenStackApiServer, OpenStackImage, OpenStackNetwork, OpenStackPool,
  OpenStackResource, OpenStackSecurityGroupRules, Platform,
} from '../src';

const app = new Platform({ outdir: process.env.CAPI_BLUEPRINTS_OUTDIR ?? 'dist/openstack-cluster' });

const cluster = new ManagedCluster(app, 'capi-k8s', {
  version: 'v1.33.4',
  network: {
    podCidrs: ['10.233.0.0/18'],
    serviceCidrs: ['10.233.64.0/18'],
  },
  infrastructure: Infrastructure.openstack({
    // Secret `capi-k8s-cloud-config` (keys `clouds.yaml`, optionally `cacert`) in the cluster's namespace.
    identity: { secretName: 'capi-k8s-cloud-config', cloudName: 'capi', region: 'RegionOne' },
    network: OpenStackNetwork.managed({ cidr: '192.168.79.0/24', dnsNameservers: ['1.1.1.1'] }),
    externalNetwork: OpenStackResource.fromId('e98e5ab1-1775-46bb-8a7b-ae1ced2950ff'),
    apiServer: OpenStackApiServer.loadBalancer({
      provider: 'amphora',
      allowedCidrs: ['203.0.113.0/24', '198.51.100.10/32'], // office, management cluster egress
    }),
    // CAPO opens Kubernetes' own ports; Calico's BGP and IP-in-IP are added here.
    securityGroups: { allNodesRules: OpenStackSecurityGroupRules.calico() },
    availabilityZones: ['rack-13', 'rack-14', 'rack-15'],
    machine: {
      image: OpenStackImage.fromName('ubuntu-2404-kube-v1.33.4'), // built with image-builder
      sshKeyName: 'capi',
    },
  }),
  controlPlane: {
    replicas: 3,
    machineType: 'm1.xlarge',
    etcd: { extraArgs: { 'election-timeout': '1000' } },
  },
});

new OpenStackPool(cluster, 'workers', {
  cluster,
  machineType: 'm1.xlarge',
  availabilityZoneCount: 3, // rack-13, rack-14, rack-15
  autoscaling: { minSize: 1, maxSize: 5 }, // per zone
  nodeLabels: { 'node-role.kubernetes.io/worker': '' },
  openstack: {
    rootVolume: { sizeGiB: 100 }, // boot from volume, in the machine's zone
    serverMetadata: { team: 'platform' },
  },
});

// The cloud controller manager and Cinder CSI read Secret `cloud-config` (key `cloud.conf`) in
// kube-system of the workload cluster; provide it like the clouds.yaml Secret.
const addons = new AddonBundle(app, 'openstack-addons', {
  addons: [Catalog.calico(), Catalog.openstackCloudControllerManager(), Catalog.openstackCinderCsi()],
});
addons.attachTo(cluster);

app.synth();
