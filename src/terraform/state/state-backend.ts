import { S3Backend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AWS_REGION, S3_BUCKET_NAME } from '../../core/aws';
import { ValidationError } from '../../core/validation-error';

/** How Terraform locks the state while it runs. */
export class StateLocking {
  /**
   * S3 native locking (`use_lockfile = true`, Terraform ≥ 1.10): a `.tflock` object next to the
   * state, no DynamoDB table to run.
   */
  public static s3Lockfile(): StateLocking {
    return new StateLocking(undefined);
  }

  /**
   * A DynamoDB lock table (partition key `LockID`), the pre-1.10 way; deprecated by Terraform.
   * @param tableName the table name
   */
  public static dynamoDb(tableName: string): StateLocking {
    return new StateLocking(tableName);
  }

  /** The DynamoDB table, when that kind of locking is used. */
  public readonly dynamoDbTable?: string;

  private constructor(dynamoDbTable?: string) {
    this.dynamoDbTable = dynamoDbTable;
  }
}

/** Input of `StateBackend.s3`. */
export interface S3StateBackendProps {
  /** The state bucket (created beforehand, versioned). */
  readonly bucket: string;
  /** Region of the bucket, e.g. `ap-northeast-2`. */
  readonly region: string;
  /**
   * Object key of the state: a relative path, e.g. `capi-blueprints/aws-foundation/terraform.tfstate`.
   * @default - `<stack name>/terraform.tfstate`
   */
  readonly key?: string;
  /**
   * State locking.
   * @default StateLocking.s3Lockfile()
   */
  readonly locking?: StateLocking;
  /**
   * Encrypt the state object.
   * @default true
   */
  readonly encrypt?: boolean;
  /**
   * KMS key for the state object.
   * @default - the bucket's default encryption
   */
  readonly kmsKeyId?: string;
}

/**
 * Remote state for the stacks of this library. Only machine-independent settings go in (no
 * profiles, no credential files, no local paths), so the synthesized JSON is the same everywhere;
 * credentials come from the environment running `terraform`.
 */
export class StateBackend {
  /**
   * Configures an S3 backend on the stack that holds `scope`.
   * @param scope a construct in the stack (the stack itself, usually)
   * @param props bucket, region, key, locking, encryption
   */
  public static s3(scope: Construct, props: S3StateBackendProps): S3Backend {
    const key = props.key ?? `${TerraformStack.of(scope).node.id}/terraform.tfstate`;
    if (key.startsWith('/') || key.split('/').includes('..') || key.length === 0) {
      throw new ValidationError(scope, `state key '${key}' must be a relative object key without '..' (it is an S3 object key, not a local path). Use e.g. 'platform/aws-foundation/terraform.tfstate'.`);
    }
    if (!S3_BUCKET_NAME.test(props.bucket)) {
      throw new ValidationError(scope, `state bucket '${props.bucket}' is not a valid S3 bucket name. Use the name of the existing state bucket.`);
    }
    if (!AWS_REGION.test(props.region)) {
      throw new ValidationError(scope, `state region '${props.region}' is not an AWS region name. Use e.g. 'ap-northeast-2'.`);
    }
    const locking = props.locking ?? StateLocking.s3Lockfile();
    const backend = new S3Backend(scope, {
      bucket: props.bucket,
      key,
      region: props.region,
      encrypt: props.encrypt ?? true,
      kmsKeyId: props.kmsKeyId,
      dynamodbTable: locking.dynamoDbTable,
    });
    if (locking.dynamoDbTable === undefined) {
      // cdktf 0.21's S3BackendConfig has no field for it yet.
      backend.addOverride('use_lockfile', true);
    }
    return backend;
  }

  private constructor() {}
}
