import { Catalog, ManagementCluster, Platform } from '../../src';
import { checkSecretKey, checkSecretName } from '../../src/core/secrets';

describe('checkSecretName (every Secret reference)', () => {
  test.each(['cloud-config', 'a', 'lma.hub-auth', 'x'.repeat(253)])('accepts %s', (name) => {
    expect(() => checkSecretName('s', 'secretName', name, 'cloud-config')).not.toThrow();
  });

  test.each([
    ['', "''"],
    ['Cloud', "'Cloud'"],
    ['cloud..config', "'cloud..config'"], // each dot-separated part starts and ends with a letter or digit
    ['cloud.-config', "'cloud.-config'"],
    ['-cloud', "'-cloud'"],
    ['x'.repeat(254), `'${'x'.repeat(254)}'`],
    ['https://hooks.slack.com/x', "'https://hooks.slack.com/x'"],
  ])('rejects %s, naming the field, the value and the rule', (name, shown) => {
    expect(() => checkSecretName('s', 'secretName', name, 'cloud-config'))
      .toThrow(`s: secretName ${shown} is not a Secret name. Give the name of a Secret (a DNS subdomain: lower-case letters, digits, '-' and '.', at most 253 characters, e.g. 'cloud-config'), never the secret value itself.`);
  });

  test('rejects a value that is not a string (JavaScript callers)', () => {
    expect(() => checkSecretName('s', 'imagePullSecrets entry', { auths: {} }, 'registry-credentials')).toThrow(/imagePullSecrets entry \{"auths":\{\}\} is not a Secret name/);
    expect(() => checkSecretName('s', 'password.name', undefined, 'x')).toThrow(/password\.name undefined is not a Secret name/);
  });
});

describe('checkSecretKey', () => {
  test('accepts data keys and rejects what the API server would', () => {
    expect(() => checkSecretKey('s', 'key', 'ca.pem')).not.toThrow();
    expect(() => checkSecretKey('s', 'key', 'A_b-c.d')).not.toThrow();
    expect(() => checkSecretKey('s', 'key', 'a/b')).toThrow("s: key 'a/b' is not a Secret data key. Use 1 to 253 letters, digits, '-', '_' and '.'.");
    expect(() => checkSecretKey('s', 'key', '')).toThrow(/key '' is not a Secret data key/);
  });
});

describe('names that were accepted by looser copies of the check', () => {
  test('given an OpenStack cloud-config Secret name with an empty part, then the catalog rejects it', () => {
    expect(() => Catalog.openstackCloudControllerManager({ secretName: 'cloud..config' })).toThrow(/secretName 'cloud\.\.config' is not a Secret name/);
    expect(() => Catalog.openstackCinderCsi({ secretName: 'cloud.-config' })).toThrow(/secretName 'cloud\.-config' is not a Secret name/);
  });

  test('given a provider configSecret longer than a Secret name may be, then the management cluster rejects it', () => {
    const platform = new Platform({ outdir: '/tmp/unused' });
    expect(() => new ManagementCluster(platform, 'mgmt', { providers: { aws: { configSecret: 'x'.repeat(254) } } }))
      .toThrow(/providers\.aws\.configSecret 'x{254}' is not a Secret name/);
  });
});
