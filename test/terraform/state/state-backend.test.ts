import { S3StateBackendProps, StateBackend, StateLocking } from '../../../src/terraform';
import { synthJson, testStack } from '../support/synth';

function synth(props: Partial<S3StateBackendProps> = {}) {
  const stack = testStack('aws-foundation');
  StateBackend.s3(stack, { bucket: 'acme-terraform-state', region: 'ap-northeast-2', ...props });
  return synthJson(stack);
}

describe('StateBackend.s3', () => {
  test('given bucket and region, when synthesized, then the backend is encrypted, uses S3 native locking and a key named after the stack', () => {
    expect(synth().terraform.backend.s3).toEqual({
      bucket: 'acme-terraform-state',
      region: 'ap-northeast-2',
      key: 'aws-foundation/terraform.tfstate',
      encrypt: true,
      use_lockfile: true,
    });
  });

  test('given DynamoDB locking and a KMS key, when synthesized, then the table and key are set and no lockfile is used', () => {
    const s3 = synth({ key: 'platform/net.tfstate', locking: StateLocking.dynamoDb('terraform-locks'), kmsKeyId: 'alias/terraform' }).terraform.backend.s3;
    expect(s3).toEqual({
      bucket: 'acme-terraform-state',
      region: 'ap-northeast-2',
      key: 'platform/net.tfstate',
      encrypt: true,
      kms_key_id: 'alias/terraform',
      dynamodb_table: 'terraform-locks',
    });
  });

  test.each([
    [{ key: '/abs/state.tfstate' }, /state key '\/abs\/state.tfstate' must be a relative object key without '\.\.'/],
    [{ key: 'a/../b' }, /state key 'a\/\.\.\/b' must be a relative object key/],
    [{ bucket: 'Bad_Bucket' }, /state bucket 'Bad_Bucket' is not a valid S3 bucket name/],
    [{ region: 'seoul' }, /state region 'seoul' is not an AWS region name. Use e.g. 'ap-northeast-2'/],
  ])('given %j, when configured, then a ValidationError says how to fix it', (props, message) => {
    expect(() => synth(props as Partial<S3StateBackendProps>)).toThrow(message);
  });
});
