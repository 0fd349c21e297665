import { Catalog, ManagementCluster, Platform } from '../../src';
import { isImageTag, isRegistryPath } from '../../src/core/registry';

describe('isRegistryPath (bundle imageRegistry, site registryMirror, management imageRegistry)', () => {
  test.each(['harbor.example.com', 'harbor.example.com:8443/mirror', 'registry.local/a/b-c/d_e', 'localhost:5000', 'r.example.com/a__b'])('accepts %s', (s) => {
    expect(isRegistryPath(s)).toBe(true);
  });

  test.each(['harbor..example.com', 'https://harbor.example.com', 'harbor.example.com/', 'Harbor.example.com', '.example.com', 'harbor.example.com/Mirror', 'h.example.com/a..b', ''])('rejects %j', (s) => {
    expect(isRegistryPath(s)).toBe(false);
  });

  test('one rule for every place that takes a registry', () => {
    expect(() => new ManagementCluster(new Platform({ outdir: '/tmp/unused' }), 'mgmt', { imageRegistry: 'harbor..example.com' })).toThrow(/harbor\.\.example\.com/);
  });
});

describe('isImageTag and catalog options', () => {
  test('image tags follow the image-reference grammar', () => {
    expect(isImageTag('v1.33.0')).toBe(true);
    expect(isImageTag('v1.33.0 latest')).toBe(false);
    expect(isImageTag('.hidden')).toBe(false);
    expect(isImageTag('x'.repeat(129))).toBe(false);
    expect(() => Catalog.awsCloudControllerManager({ imageTag: 'v1.33.0 latest' })).toThrow("Catalog.awsCloudControllerManager: imageTag 'v1.33.0 latest' is not an image tag.");
  });

  test('local-path-provisioner takes a StorageClass name and an absolute node path', () => {
    expect(() => Catalog.localPathProvisioner({ storageClassName: 'Local_Path' })).toThrow(/storageClassName 'Local_Path' is not a StorageClass name/);
    expect(() => Catalog.localPathProvisioner({ path: 'relative/dir' })).toThrow(/path 'relative\/dir' is not an absolute directory on the nodes/);
    expect(() => Catalog.localPathProvisioner({ path: '/data/local-path', storageClassName: 'fast-local' })).not.toThrow();
  });
});
