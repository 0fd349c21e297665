import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { byohCluster } from './support';
import { BootstrapKubeconfig } from '../../../src';
import { expectValidManifests } from '../../support/crd-validation';
import { one, synth } from '../../support/synth';

/** The example management-cluster CA of examples/byoh-cluster.ts (a public certificate). */
const CA_DATA = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJwakNDQVV1Z0F3SUJBZ0lVUzBNR3VoRzNxVTg1MzUwSWw3RnpVcy9zOS9Vd0NnWUlLb1pJemowRUF3SXcKS0RFbU1DUUdBMVVFQXd3ZFpYaGhiWEJzWlMxdFlXNWhaMlZ0Wlc1MExXTnNkWE4wWlhJdFkyRXdIaGNOTWpZeApNVEl4TWpNek1EQTFXaGNOTXpZeE1URTRNak16TURBMVdqQW9NU1l3SkFZRFZRUUREQjFsZUdGdGNHeGxMVzFoCmJtRm5aVzFsYm5RdFkyeDFjM1JsY2kxallUQlpNQk1HQnlxR1NNNDlBZ0VHQ0NxR1NNNDlBd0VIQTBJQUJNcVIKY2VpNjA5ekxpUUlCaUVBdlZlMUtjMTdFTGEzUjNBeEwzZUZTenA0WVRKaG9EQzVORjFtMlZLbURPT3NtRXpWZAozcWV2c2hpVUppS1N1S1lLVW4ralV6QlJNQjBHQTFVZERnUVdCQlNzZk4vQitaVGxqNE9STmI1UERCcUlxU1Z0CitUQWZCZ05WSFNNRUdEQVdnQlNzZk4vQitaVGxqNE9STmI1UERCcUlxU1Z0K1RBUEJnTlZIUk1CQWY4RUJUQUQKQVFIL01Bb0dDQ3FHU000OUJBTUNBMGtBTUVZQ0lRRFd0QWhPU2d5OWNtYm14bDB6V05qT0Qya2kyVUVmbzFydApGOEZCcm9HcXR3SWhBSUFsQ24ramQ2ZStzYUVlMkRyVFNheUxXS0ZPUEF3NHcvK2xVRnFEaHhsdAotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==';

function kubeconfig(props: Partial<ConstructorParameters<typeof BootstrapKubeconfig>[2]> = {}, scope?: Chart): any {
  const chart = scope ?? new Chart(Testing.app(), 'mgmt', { namespace: 'byoh-system' });
  new BootstrapKubeconfig(chart, 'agents', { apiServer: 'https://10.0.0.10:6443', certificateAuthorityData: CA_DATA, ...props });
  return one(synth(chart), 'BootstrapKubeconfig');
}

describe('BootstrapKubeconfig', () => {
  test('given a URL and CA data, when synthesized, then a valid v1beta1 object verifies TLS by default', () => {
    const obj = kubeconfig();
    expect(obj.apiVersion).toEqual('infrastructure.cluster.x-k8s.io/v1beta1');
    expect(obj.metadata).toEqual({ name: 'agents', namespace: 'byoh-system' });
    expect(obj.spec).toEqual({ 'apiserver': 'https://10.0.0.10:6443', 'certificate-authority-data': CA_DATA, 'insecure-skip-tls-verify': false });
    expectValidManifests([obj]);
  });

  test('given it inside a BYOH cluster chart, when synthesized, then it takes the cluster namespace', () => {
    const cluster = byohCluster({ namespace: 'clusters' });
    new BootstrapKubeconfig(cluster, 'agents', { apiServer: 'https://mgmt.example.com:6443', certificateAuthorityData: CA_DATA });
    expect(one(synth(cluster), 'BootstrapKubeconfig').metadata.namespace).toEqual('clusters');
  });

  test('given a name, a namespace, wrapped CA data and an explicit insecure flag, when synthesized, then they are used (CA compacted)', () => {
    const wrapped = CA_DATA.replace(/(.{64})/g, '$1\n');
    const obj = kubeconfig({ name: 'lab', namespace: 'lab', certificateAuthorityData: wrapped, insecureSkipTlsVerify: true });
    expect(obj.metadata).toEqual({ name: 'lab', namespace: 'lab' });
    expect(obj.spec['certificate-authority-data']).toEqual(CA_DATA);
    expect(obj.spec['insecure-skip-tls-verify']).toEqual(true);
  });

  test('given an IPv6 API server, when synthesized, then it is accepted', () => {
    expect(kubeconfig({ apiServer: 'https://[fd00::10]:6443' }).spec.apiserver).toEqual('https://[fd00::10]:6443');
  });

  test('given the example CA, when compared, then it is the one in examples/byoh-cluster.ts', () => {
    const example = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'examples', 'byoh-cluster.ts'), 'utf8');
    expect((example.match(/'([A-Za-z0-9+/=]{60,})'/g) ?? []).map((s) => s.slice(1, -1)).join('')).toEqual(CA_DATA);
  });

  describe('errors', () => {
    test.each([
      ['http://10.0.0.10:6443', /apiServer 'http:\/\/10.0.0.10:6443' uses http. BYOH needs 'https:\/\/<host>:<port>'/],
      ['https://10.0.0.10', /apiServer 'https:\/\/10.0.0.10' is not of the form 'https:\/\/<host>:<port>' \(no path, explicit port\)/],
      ['https://10.0.0.10:6443/api', /apiServer 'https:\/\/10.0.0.10:6443\/api' is not of the form/],
      ['10.0.0.10:6443', /apiServer '10.0.0.10:6443' is not of the form/],
      ['https://10.0.0.10:99999', /apiServer 'https:\/\/10.0.0.10:99999' has port 99999, which is not a port/],
    ])('given apiServer %s, when created, then a ValidationError explains the form', (apiServer, message) => {
      expect(() => kubeconfig({ apiServer })).toThrow(message);
    });

    test('given the PEM text instead of its base64, when created, then a ValidationError asks to encode it', () => {
      const pem = Buffer.from(CA_DATA, 'base64').toString('utf8');
      expect(() => kubeconfig({ certificateAuthorityData: pem })).toThrow(/certificateAuthorityData is a PEM text, not its base64 encoding/);
    });

    test('given data that is not base64, when created, then a ValidationError says so', () => {
      expect(() => kubeconfig({ certificateAuthorityData: 'not base64!' })).toThrow(/certificateAuthorityData is not base64/);
      expect(() => kubeconfig({ certificateAuthorityData: '' })).toThrow(/certificateAuthorityData is not base64/);
    });

    test('given base64 of something other than a PEM certificate, when created, then a ValidationError says so', () => {
      const key = Buffer.from('-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n').toString('base64');
      expect(() => kubeconfig({ certificateAuthorityData: key })).toThrow(/certificateAuthorityData does not decode to a PEM certificate/);
    });

    test('given base64 of a PEM block that is not a certificate, when created, then a ValidationError says so', () => {
      const fake = Buffer.from('-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n').toString('base64');
      expect(() => kubeconfig({ certificateAuthorityData: fake })).toThrow(/certificateAuthorityData holds a PEM block that is not a valid X.509 certificate/);
    });

    test('given an invalid name or namespace, when created, then a ValidationError names it', () => {
      expect(() => kubeconfig({ name: 'Agents' })).toThrow(/name 'Agents' is not a valid object name/);
      expect(() => kubeconfig({ namespace: 'a.b' })).toThrow(/namespace 'a.b' is not a DNS label/);
    });
  });
});
