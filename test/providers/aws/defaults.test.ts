/**
 * Defaults that real clusters depend on, pinned so a change is deliberate: instance metadata
 * (IMDSv2 required, hop limit 2 so non-host-network pods such as the catalog's EBS CSI controller
 * reach it), EKS managed node groups with a launch template, and the webhook boundaries no other
 * test pins (certificate rollout at 7 days, health-check startup at 30 s).
 */
import { Duration } from 'cdk8s';
import { AddonBundle, Catalog, HealthCheckProtocol, LoadBalancerType, NodePoolKind } from '../../../src';
import { expectValidManifests } from '../../support/crd-validation';
import { awsCluster, ofKind, one, synth } from '../../support/synth';
import { eksCluster } from '../eks/support';

const REQUIRED_HOP_2 = { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 2 };

describe('instance metadata defaults', () => {
  test('given defaults, when synthesized, then every AWSMachineTemplate (control plane and workers) and AWSMachinePool requires IMDSv2 with hop limit 2', () => {
    const cluster = awsCluster();
    cluster.addNodePool('md');
    cluster.addNodePool('mp', { kind: NodePoolKind.MACHINE_POOL });
    const objects = synth(cluster);
    const templates = ofKind(objects, 'AWSMachineTemplate');
    expect(templates).toHaveLength(2);
    for (const t of templates) expect(t.spec.template.spec.instanceMetadataOptions).toEqual(REQUIRED_HOP_2);
    expect(one(objects, 'AWSMachinePool').spec.awsLaunchTemplate.instanceMetadataOptions).toEqual(REQUIRED_HOP_2);
    expectValidManifests(objects);
  });

  test('given the catalog EBS CSI driver (a controller Deployment on the pod network) with default pools, when synthesized, then every machine it can run on lets pods reach IMDS', () => {
    const cluster = awsCluster();
    cluster.addNodePool('workers');
    new AddonBundle(cluster, 'addons', { addons: [Catalog.awsCloudControllerManager(), Catalog.awsEbsCsiDriver()] }).attachTo(cluster);
    const hopLimits = ofKind(synth(cluster), 'AWSMachineTemplate').map((t) => t.spec.template.spec.instanceMetadataOptions.httpPutResponseHopLimit);
    expect(hopLimits.every((h) => h >= 2)).toBe(true);
  });

  test('given instanceMetadata hopLimit 1 and instance tags, when synthesized, then they are rendered and IMDSv2 stays required', () => {
    const cluster = awsCluster({ controlPlane: { instanceMetadata: { hopLimit: 1 } } });
    cluster.addNodePool('md', { instanceMetadata: { hopLimit: 3, instanceTags: true } });
    const objects = synth(cluster);
    const [cp, md] = ['control-plane', 'md'].map((n) => ofKind(objects, 'AWSMachineTemplate').find((t) => t.metadata.name.startsWith(`prod-${n}-`)));
    expect(cp.spec.template.spec.instanceMetadataOptions).toEqual({ ...REQUIRED_HOP_2, httpPutResponseHopLimit: 1 });
    expect(md.spec.template.spec.instanceMetadataOptions).toEqual({ ...REQUIRED_HOP_2, httpPutResponseHopLimit: 3, instanceMetadataTags: 'enabled' });
    expectValidManifests(objects);
  });

  test.each([0, 65, 1.5])('given hopLimit %p, when added, then a ValidationError names the EC2 range', (hopLimit) => {
    expect(() => synth((() => { const c = awsCluster(); c.addNodePool('md', { instanceMetadata: { hopLimit } }); return c; })()))
      .toThrow(new RegExp(`prod/md: instanceMetadata\\.hopLimit \\(${String(hopLimit).replace('.', '\\.')}\\) must be a whole number from 1 to 64 \\(EC2 accepts hop limits from 1 to 64\\)\\.`));
  });

  test('given defaults on an EKS managed node group, when synthesized, then it gets a launch template with IMDSv2 (hop limit 2) and an encrypted gp3 root volume', () => {
    const cluster = eksCluster();
    cluster.addNodePool('ng', { rootVolume: { encrypted: true } });
    const spec = one(synth(cluster), 'AWSManagedMachinePool').spec;
    expect(spec.awsLaunchTemplate.instanceMetadataOptions).toEqual(REQUIRED_HOP_2);
    expect(spec.awsLaunchTemplate.rootVolume).toEqual({ size: 50, type: 'gp3', encrypted: true });
    expect(spec.diskSize).toBeUndefined();
  });

  test('given an EKS infrastructure SSH key and the default launch template, when synthesized, then the key goes into the launch template', () => {
    const cluster = eksCluster({ sshKeyName: 'ops' });
    cluster.addNodePool('ng');
    expect(one(synth(cluster), 'AWSManagedMachinePool').spec.awsLaunchTemplate.sshKeyName).toEqual('ops');
  });
});

describe('control-plane load balancer health check', () => {
  test('given defaults (NLB), when synthesized, then the API targets are checked over HTTPS (/readyz) as in CAPA\'s flavors', () => {
    const lb = one(synth(awsCluster()), 'AWSCluster').spec.controlPlaneLoadBalancer;
    expect(lb.healthCheckProtocol).toEqual('HTTPS');
    expect(lb.healthCheck).toBeUndefined();
  });

  test('given a TCP health check with timings, when synthesized, then protocol, interval, timeout and thresholds are set', () => {
    const objects = synth(awsCluster({}, {
      controlPlaneLoadBalancer: {
        healthCheck: {
          protocol: HealthCheckProtocol.TCP, interval: Duration.seconds(10), timeout: Duration.seconds(5), healthyThreshold: 3, unhealthyThreshold: 2,
        },
      },
    }));
    const lb = one(objects, 'AWSCluster').spec.controlPlaneLoadBalancer;
    expect(lb.healthCheckProtocol).toEqual('TCP');
    expect(lb.healthCheck).toEqual({ intervalSeconds: 10, timeoutSeconds: 5, thresholdCount: 3, unhealthyThresholdCount: 2 });
    expectValidManifests(objects);
  });

  test('given a classic ELB without a health check, when synthesized, then CAPA\'s default protocol applies (none emitted)', () => {
    expect(one(synth(awsCluster({}, { controlPlaneLoadBalancer: { type: LoadBalancerType.CLASSIC } })), 'AWSCluster').spec.controlPlaneLoadBalancer.healthCheckProtocol).toBeUndefined();
  });

  test.each([
    [{ interval: Duration.seconds(1) }, /controlPlaneLoadBalancer\.healthCheck\.interval \(1s\) must be from 5 to 300 seconds \(AWS target-group limits\)/],
    [{ healthyThreshold: 11 }, /controlPlaneLoadBalancer\.healthCheck\.healthyThreshold \(11\) must be a whole number from 2 to 10/],
  ])('given %p, when synthesized, then a ValidationError names the AWS range', (healthCheck, message) => {
    expect(() => synth(awsCluster({}, { controlPlaneLoadBalancer: { healthCheck } }))).toThrow(message);
  });

  test('given a health check on a disabled load balancer, when synthesized, then a ValidationError says to remove it', () => {
    const controlPlaneLoadBalancer = { type: LoadBalancerType.DISABLED, healthCheck: { protocol: HealthCheckProtocol.TCP } };
    expect(() => synth(awsCluster({}, { controlPlaneLoadBalancer })))
      .toThrow(/controlPlaneLoadBalancer\.healthCheck is set but the load balancer is disabled/);
  });
});

describe('webhook boundaries pinned', () => {
  test('given certificatesExpiryDays 7, when synthesized, then it is accepted; 6 is rejected', () => {
    const ok = awsCluster({ controlPlane: { certificatesExpiryDays: 7 } });
    expect(one(synth(ok), 'KubeadmControlPlane').spec.rollout.before.certificatesExpiryDays).toBe(7);
    expect(() => synth(awsCluster({ controlPlane: { certificatesExpiryDays: 6 } }))).toThrow(/controlPlane\.certificatesExpiryDays \(6\) must be a whole number of days from 7 to 364/);
  });

  test('given a health-check startup of 30 s or 0, when synthesized, then it is accepted; 29 s is rejected', () => {
    for (const seconds of [30, 0]) {
      const c = awsCluster();
      c.addNodePool('md', { healthCheck: { nodeStartupTimeout: Duration.seconds(seconds) } });
      expect(ofKind(synth(c), 'MachineHealthCheck').find((m) => m.metadata.name.includes('md')).spec.checks.nodeStartupTimeoutSeconds).toBe(seconds);
    }
    const bad = awsCluster();
    expect(() => { bad.addNodePool('md', { healthCheck: { nodeStartupTimeout: Duration.seconds(29) } }); synth(bad); })
      .toThrow(/healthCheck\.nodeStartupTimeout \(29s\) must be 0 \(disabled\) or at least 30 seconds/);
  });
});

describe('things users can express', () => {
  test('given sshKeyName \'\' (no key pair), when synthesized, then CAPA gets the empty name everywhere (no SSH key) and the manifests are valid', () => {
    const cluster = awsCluster({}, { sshKeyName: '' });
    cluster.addNodePool('md');
    cluster.addNodePool('mp', { kind: NodePoolKind.MACHINE_POOL });
    const objects = synth(cluster);
    expect(one(objects, 'AWSCluster').spec.sshKeyName).toBe('');
    for (const t of ofKind(objects, 'AWSMachineTemplate')) expect(t.spec.template.spec.sshKeyName).toBe('');
    expect(one(objects, 'AWSMachinePool').spec.awsLaunchTemplate.sshKeyName).toBe('');
    expectValidManifests(objects);
  });

  test('given no sshKeyName, when synthesized, then none is emitted (CAPA\'s default key pair name applies)', () => {
    const objects = synth(awsCluster());
    expect(one(objects, 'AWSCluster').spec.sshKeyName).toBeUndefined();
  });
});
