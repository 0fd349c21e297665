/**
 * Ignition (Flatcar) on AWS: CAPA's `cluster-template-flatcar.yaml` flavor reproduced (format,
 * drop-in, node name, envsubst commands, S3 bucket, flatcar image lookup), the output validates
 * with the KubeadmBootstrapFormatIgnition gate and fails without it, and the management cluster
 * enables the gates.
 */
import { Testing } from 'cdk8s';
import {
  BootstrapFormat, FLATCAR_ADDITIONAL_CONFIG, FlatcarDefaults, IgnitionStorage, Infrastructure, MachineImage, ManagedCluster, ManagementCluster,
  NodeBootstrapOptions, NodePoolKind, Platform,
} from '../../src';
import { ManifestValidator } from '../../src/validation';
import { tmpdir } from '../platform/support';
import { CRD_DIR } from '../support/crd-validation';
import { one, synth } from '../support/synth';

const FLATCAR = MachineImage.lookup({ baseOS: 'flatcar-stable' });
const IGNITION: NodeBootstrapOptions = { format: BootstrapFormat.IGNITION };

/** The kubeadm fields of CAPA's Flatcar flavor (v2.x templates/cluster-template-flatcar.yaml), with `$${…}` unescaped. */
const CAPA_FLAVOR = {
  nodeName: '${COREOS_EC2_HOSTNAME}',
  format: 'ignition',
  additionalConfig: `systemd:
  units:
  - name: kubeadm.service
    enabled: true
    dropins:
    - name: 10-flatcar.conf
      contents: |
        [Unit]
        # kubeadm must run after coreos-metadata populated /run/metadata directory.
        Requires=coreos-metadata.service
        After=coreos-metadata.service
        [Service]
        # To make metadata environment variables available for pre-kubeadm commands.
        EnvironmentFile=/run/metadata/*
`,
  preKubeadmCommands: ['envsubst < /etc/kubeadm.yml > /etc/kubeadm.yml.tmp', 'mv /etc/kubeadm.yml.tmp /etc/kubeadm.yml'],
  imageLookupBaseOS: 'flatcar-stable',
  s3Bucket: { controlPlaneIAMInstanceProfile: 'control-plane.cluster-api-provider-aws.sigs.k8s.io', nodesIAMInstanceProfiles: ['nodes.cluster-api-provider-aws.sigs.k8s.io'] },
};

function flatcarCluster(scope = Testing.app()): ManagedCluster {
  const cluster = new ManagedCluster(scope, 'prod', {
    version: 'v1.33.4',
    infrastructure: Infrastructure.aws({ region: 'eu-west-1', ignitionBucket: { name: 'cluster-api-provider-aws-prod' } }),
    controlPlane: { image: FLATCAR, bootstrap: IGNITION },
  });
  cluster.addNodePool('md-0', { image: FLATCAR, bootstrap: IGNITION });
  return cluster;
}

const GATES = ['KubeadmBootstrapFormatIgnition', 'BootstrapFormatIgnition'];
const validator = (gates: string[]) => ManifestValidator.fromCrdDirectory(CRD_DIR, { featureGates: gates });

describe('Ignition / Flatcar on AWS', () => {
  test('given Flatcar images with Ignition, when synthesized, then the output matches CAPA\'s Flatcar flavor field by field', () => {
    const objects = synth(flatcarCluster());
    const kcp = one(objects, 'KubeadmControlPlane').spec.kubeadmConfigSpec;
    const kct = one(objects, 'KubeadmConfigTemplate').spec.template.spec;
    for (const spec of [kcp, kct]) {
      expect(spec.format).toEqual(CAPA_FLAVOR.format);
      expect(spec.ignition.containerLinuxConfig.additionalConfig).toEqual(CAPA_FLAVOR.additionalConfig);
      expect(spec.preKubeadmCommands).toEqual(CAPA_FLAVOR.preKubeadmCommands);
      expect(spec.joinConfiguration.nodeRegistration.name).toEqual(CAPA_FLAVOR.nodeName);
    }
    expect(kcp.initConfiguration.nodeRegistration.name).toEqual(CAPA_FLAVOR.nodeName);
    expect(FLATCAR_ADDITIONAL_CONFIG).toEqual(CAPA_FLAVOR.additionalConfig);
    expect(FlatcarDefaults.ADDITIONAL_CONFIG).toBe(FLATCAR_ADDITIONAL_CONFIG); // for jsii languages
    for (const t of objects.filter((o) => o.kind === 'AWSMachineTemplate')) {
      expect(t.spec.template.spec.imageLookupBaseOS).toEqual(CAPA_FLAVOR.imageLookupBaseOS);
      expect(t.spec.template.spec.ignition).toEqual({ version: '2.3', storageType: 'ClusterObjectStore' });
    }
    expect(one(objects, 'AWSCluster').spec.s3Bucket).toEqual({ name: 'cluster-api-provider-aws-prod', ...CAPA_FLAVOR.s3Bucket });
  });

  test('given Ignition output, when validated with the Ignition gates, then it is valid; without them, format, s3Bucket and machine ignition are forbidden', () => {
    const objects = synth(flatcarCluster());
    expect(validator(GATES).validateObjects(objects).findings.map((f) => f.message)).toEqual([]);
    const withoutKubeadm = validator(['BootstrapFormatIgnition']).validateObjects(objects).findings.map((f) => `${f.kind} ${f.path}: ${f.message}`);
    expect(withoutKubeadm).toEqual(expect.arrayContaining([
      expect.stringMatching(/KubeadmControlPlane spec\.kubeadmConfigSpec\.format: Forbidden: can be set only if the KubeadmBootstrapFormatIgnition feature gate is enabled/),
      expect.stringMatching(/KubeadmConfigTemplate spec\.template\.spec\.format: Forbidden: can be set only if the KubeadmBootstrapFormatIgnition feature gate is enabled/),
    ]));
    expect(withoutKubeadm).toHaveLength(4); // format and ignition on KCP and on the KubeadmConfigTemplate
    const withoutCapa = validator(['KubeadmBootstrapFormatIgnition']).validateObjects(objects).findings.map((f) => `${f.kind} ${f.path}: ${f.message}`);
    expect(withoutCapa.sort()).toEqual([
      expect.stringMatching(/^AWSCluster spec\.s3Bucket: Forbidden: can be set only if the BootstrapFormatIgnition feature gate is enabled/),
      expect.stringMatching(/^AWSMachineTemplate spec\.template\.spec\.ignition: Forbidden/),
      expect.stringMatching(/^AWSMachineTemplate spec\.template\.spec\.ignition: Forbidden/),
    ]);
  });

  test('given a MachinePool with Ignition, when synthesized, then the KubeadmConfig has format ignition and the AWSMachinePool carries ignition storage', () => {
    const cluster = new ManagedCluster(Testing.app(), 'prod', {
      version: 'v1.33.4',
      infrastructure: Infrastructure.aws({ region: 'eu-west-1', imageLookup: { baseOS: 'flatcar-stable' } }),
      controlPlane: { bootstrap: { format: BootstrapFormat.IGNITION, ignition: { storage: IgnitionStorage.UNENCRYPTED_USER_DATA } } },
    });
    cluster.addNodePool('mp', { kind: NodePoolKind.MACHINE_POOL, bootstrap: { format: BootstrapFormat.IGNITION, ignition: { storage: IgnitionStorage.UNENCRYPTED_USER_DATA } } });
    const objects = synth(cluster);
    expect(one(objects, 'KubeadmConfig').spec.format).toEqual('ignition');
    expect(one(objects, 'AWSMachinePool').spec.ignition).toEqual({ version: '2.3', storageType: 'UnencryptedUserData' });
    expect(one(objects, 'AWSCluster').spec.s3Bucket).toBeUndefined();
    expect(validator(GATES).validateObjects(objects).findings.map((f) => f.message)).toEqual([]);
  });

  test('given a cluster with Ignition, when the management cluster is rendered, then the kubeadm providers get KubeadmBootstrapFormatIgnition and CAPA BootstrapFormatIgnition', () => {
    const platform = new Platform({ outdir: tmpdir() });
    const m = new ManagementCluster(platform, 'mgmt', { providers: { aws: { configSecret: 'capa-variables' } } });
    flatcarCluster(platform);
    const providers = Object.fromEntries([...m._manifests().get('providers.yaml')!].filter((o) => o.kind !== 'Namespace').map((o) => [`${o.kind}/${o.metadata.name}`, o]));
    expect(providers['BootstrapProvider/kubeadm'].spec.manager.featureGates).toEqual({ KubeadmBootstrapFormatIgnition: true });
    expect(providers['ControlPlaneProvider/kubeadm'].spec.manager.featureGates).toEqual({ KubeadmBootstrapFormatIgnition: true });
    expect(providers['InfrastructureProvider/aws'].spec.manager.featureGates).toEqual({ BootstrapFormatIgnition: true });
  });

  test('given a cloud-init cluster, when the management cluster is rendered, then no Ignition gate is on', () => {
    const platform = new Platform({ outdir: tmpdir() });
    const m = new ManagementCluster(platform, 'mgmt', { providers: { aws: { configSecret: 'capa-variables' } } });
    new ManagedCluster(platform, 'plain', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'eu-west-1' }) });
    const text = JSON.stringify([...m._manifests().get('providers.yaml')!]);
    expect(text).not.toMatch(/Ignition/);
  });

  test('given a Flatcar image with cloud-init, when built, then a ValidationError says to use Ignition', () => {
    const cluster = new ManagedCluster(Testing.app(), 'prod', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'eu-west-1' }) });
    expect(() => cluster.addNodePool('md-0', { image: FLATCAR })).toThrow(/prod\/md-0: the image lookup \(base OS 'flatcar-stable'\) is Flatcar, which boots with Ignition only: .* Set bootstrap\.format: BootstrapFormat\.IGNITION\./);
    expect(() => new ManagedCluster(Testing.app(), 'p2', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'eu-west-1', imageLookup: { baseOS: 'flatcar-stable' } }) }))
      .toThrow(/p2: the controlPlane\.image lookup \(base OS 'flatcar-stable'\) is Flatcar/);
  });

  test('given Ignition with the default Ubuntu lookup, when built, then a ValidationError says to use a Flatcar image', () => {
    const cluster = new ManagedCluster(Testing.app(), 'prod', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'eu-west-1', ignitionBucket: { name: 'cluster-api-provider-aws-prod' } }) });
    expect(() => cluster.addNodePool('md-0', { bootstrap: IGNITION })).toThrow(/prod\/md-0: bootstrap\.format is IGNITION, but the image lookup \(base OS 'ubuntu-24\.04'\) runs cloud-init, which ignores Ignition user data\. Use a Flatcar image/);
  });

  test('given Ignition without an S3 bucket, when built, then a ValidationError names ignitionBucket or UNENCRYPTED_USER_DATA', () => {
    const cluster = new ManagedCluster(Testing.app(), 'prod', { version: 'v1.33.4', infrastructure: Infrastructure.aws({ region: 'eu-west-1' }) });
    expect(() => cluster.addNodePool('md-0', { image: FLATCAR, bootstrap: IGNITION })).toThrow(/prod\/md-0: bootstrap\.format is IGNITION, and CAPA stores Ignition user data in the cluster's S3 bucket, but the cluster has none\. Set ignitionBucket/);
  });

  test('given a pool instance profile the bucket does not grant, when built, then a ValidationError says to add it', () => {
    const cluster = flatcarCluster();
    expect(() => cluster.addNodePool('gpu', { image: FLATCAR, bootstrap: IGNITION, iamInstanceProfile: 'gpu-nodes' }))
      .toThrow(/prod\/gpu: iamInstanceProfile 'gpu-nodes' cannot read the Ignition bucket: .* Add it to ignitionBucket\.nodesIamInstanceProfiles\./);
  });

  test('given an additionalConfig without the coreos-metadata drop-in, when built, then a ValidationError says to start from FLATCAR_ADDITIONAL_CONFIG', () => {
    const cluster = flatcarCluster();
    expect(() => cluster.addNodePool('x', { image: FLATCAR, bootstrap: { format: BootstrapFormat.IGNITION, ignition: { additionalConfig: 'storage: {}' } } }))
      .toThrow(/prod\/x: bootstrap\.ignition\.additionalConfig replaces CAPA's Flatcar drop-in.*Start from FLATCAR_ADDITIONAL_CONFIG/);
  });

  test('given Ignition on a non-AWS infrastructure, when built, then a ValidationError says Ignition is wired for AWS only', () => {
    const cluster = new ManagedCluster(Testing.app(), 'dev', { version: 'v1.33.4', infrastructure: Infrastructure.docker() });
    expect(() => cluster.addNodePool('w', { bootstrap: IGNITION })).toThrow(/dev\/w: bootstrap\.format is IGNITION, but capi-blueprints wires Ignition \(Flatcar\) for AWS kubeadm clusters only/);
  });

});
