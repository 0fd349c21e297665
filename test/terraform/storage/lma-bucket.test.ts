import { BucketEncryption, LmaBucket, LmaBucketProps, lmaBucketName, LmaBucketNames } from '../../../src/terraform';
import { resourceNamed, resourcesOf, synthJson, testStack } from '../support/synth';

function synth(props: Partial<LmaBucketProps> = {}) {
  const stack = testStack();
  const bucket = new LmaBucket(stack, 'logs', { prefix: 'acme-prod-seoul-lma', purpose: 'logs', ...props });
  return { bucket, tf: synthJson(stack) };
}

describe('lmaBucketName', () => {
  test('given a prefix and a purpose, when named, then the name is <prefix>-<purpose> and the jsii form agrees', () => {
    expect(lmaBucketName('acme-prod-seoul-lma', 'logs')).toEqual('acme-prod-seoul-lma-logs');
    expect(LmaBucketNames.of('acme-prod-seoul-lma', 'metrics')).toEqual('acme-prod-seoul-lma-metrics');
  });

  test.each([
    ['Acme', 'logs', /'Acme-logs' is not a valid S3 bucket name/],
    ['acme.prod', 'logs', /'acme.prod-logs' is not a valid S3 bucket name/],
    ['a'.repeat(60), 'logs', /is not a valid S3 bucket name .*shorten the prefix/],
    ['acme-', 'logs', /'acme--logs' is not a valid S3 bucket name/],
    ['acme', 's3alias', /'acme-s3alias' uses a prefix or suffix S3 reserves/],
  ])('given prefix %s and purpose %s, when named, then a ValidationError explains the S3 rule', (prefix, purpose, message) => {
    expect(() => lmaBucketName(prefix, purpose)).toThrow(message);
  });
});

describe('LmaBucket', () => {
  test('given defaults, when synthesized, then the bucket has the deterministic name, AES256, blocked public access and 30-day expiration', () => {
    const { tf, bucket } = synth();
    expect(bucket.bucketName).toEqual('acme-prod-seoul-lma-logs');
    expect(resourceNamed(tf, 'aws_s3_bucket', 'bucket')).toEqual({ bucket: 'acme-prod-seoul-lma-logs', force_destroy: false });
    expect(resourceNamed(tf, 'aws_s3_bucket_server_side_encryption_configuration', 'encryption').rule[0].apply_server_side_encryption_by_default)
      .toEqual({ sse_algorithm: 'AES256' });
    expect(resourceNamed(tf, 'aws_s3_bucket_public_access_block', 'public-access-block')).toMatchObject({
      block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true,
    });
    const rule = resourceNamed(tf, 'aws_s3_bucket_lifecycle_configuration', 'lifecycle').rule[0];
    expect(rule).toMatchObject({ status: 'Enabled', expiration: [{ days: 30 }] });
    expect(rule.noncurrent_version_expiration).toBeUndefined();
    expect(resourcesOf(tf, 'aws_s3_bucket_versioning')).toEqual({});
  });

  test('given the bucket, when synthesized, then its policy denies every request without TLS', () => {
    const { tf } = synth();
    const policy = JSON.parse(resourceNamed(tf, 'aws_s3_bucket_policy', 'deny-insecure-transport').policy);
    expect(policy.Statement).toEqual([{
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: { AWS: ['*'] },
      Action: ['s3:*'],
      Resource: ['arn:aws:s3:::acme-prod-seoul-lma-logs', 'arn:aws:s3:::acme-prod-seoul-lma-logs/*'],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    }]);
  });

  test('given KMS with a key and versioning, when synthesized, then SSE-KMS uses the key, versions expire and the access policy may use the key', () => {
    const key = 'arn:aws:kms:ap-northeast-2:123456789012:key/abc';
    const { tf } = synth({ encryption: BucketEncryption.kms(key), versioned: true, expirationDays: 90 });
    expect(resourceNamed(tf, 'aws_s3_bucket_server_side_encryption_configuration', 'encryption').rule[0]).toEqual({
      apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: key },
      bucket_key_enabled: true,
    });
    expect(resourceNamed(tf, 'aws_s3_bucket_versioning', 'versioning').versioning_configuration).toEqual({ status: 'Enabled' });
    expect(resourceNamed(tf, 'aws_s3_bucket_lifecycle_configuration', 'lifecycle').rule[0].noncurrent_version_expiration).toEqual([{ noncurrent_days: 90 }]);
    const access = JSON.parse(resourceNamed(tf, 'aws_iam_policy', 'access-policy').policy);
    expect(access.Statement.map((s: any) => s.Resource)).toEqual([
      ['arn:aws:s3:::acme-prod-seoul-lma-logs'], ['arn:aws:s3:::acme-prod-seoul-lma-logs/*'], [key],
    ]);
  });

  test('given expirationDays 0, when synthesized, then there is no lifecycle rule', () => {
    expect(resourcesOf(synth({ expirationDays: 0 }).tf, 'aws_s3_bucket_lifecycle_configuration')).toEqual({});
  });

  test('given IRSA options, when synthesized, then the role trusts only that service account through the OIDC provider and gets the access policy', () => {
    const issuer = 'oidc.eks.ap-northeast-2.amazonaws.com/id/ABC';
    const { tf, bucket } = synth({
      irsa: { oidcProviderArn: `arn:aws:iam::123456789012:oidc-provider/${issuer}`, issuer, namespace: 'lma', serviceAccount: 'loki' },
    });
    expect(bucket.irsaRoleName).toEqual('acme-prod-seoul-lma-logs-irsa');
    const trust = JSON.parse(resourceNamed(tf, 'aws_iam_role', 'irsa-role').assume_role_policy);
    expect(trust.Statement[0]).toEqual({
      Effect: 'Allow',
      Principal: { Federated: [`arn:aws:iam::123456789012:oidc-provider/${issuer}`] },
      Action: ['sts:AssumeRoleWithWebIdentity'],
      Condition: { StringEquals: { [`${issuer}:aud`]: 'sts.amazonaws.com', [`${issuer}:sub`]: 'system:serviceaccount:lma:loki' } },
    });
    expect(resourceNamed(tf, 'aws_iam_role_policy_attachment', 'irsa-access').policy_arn).toMatch(/^\$\{aws_iam_policy\.logs_access-policy_[0-9A-F]+\.arn\}$/);
  });

  test('given an issuer with https://, when constructed, then a ValidationError says to drop the scheme', () => {
    expect(() => synth({ irsa: { oidcProviderArn: 'arn', issuer: 'https://oidc.example', namespace: 'lma', serviceAccount: 'loki' } }))
      .toThrow(/^test\/logs: irsa.issuer 'https:\/\/oidc.example' starts with https:\/\/.*Drop 'https:\/\/'/);
  });

  test('given negative expirationDays, when constructed, then a ValidationError says how to keep objects forever', () => {
    expect(() => synth({ expirationDays: -1 })).toThrow(/expirationDays \(-1\) must be a whole number from 0 to 2147483647 \(the field is an int32\)\. Use 0 to keep objects forever\./);
  });
});
