import { validateHost } from './private/util';
import { AWS_REGION } from '../core/aws';
import { checkSecretName } from '../core/secrets';
import { ValidationError } from '../core/validation-error';
import { LmaBucketNames } from '../terraform/storage/lma-bucket-name';

/** How the LMA components authenticate to object storage. */
export class LmaStorageCredentials {
  /**
   * Static keys from a Secret in the LMA namespace with the data keys `AWS_ACCESS_KEY_ID` and
   * `AWS_SECRET_ACCESS_KEY`. The Secret is injected as environment variables into every
   * component that reads or writes the buckets (Thanos sidecar, store gateway and compactor,
   * Loki); its values never appear in the generated manifests.
   *
   * @param secretName name of the Secret, e.g. `lma-object-storage`
   */
  public static fromSecret(secretName: string): LmaStorageCredentials {
    checkSecretName('LmaStorageCredentials.fromSecret', 'secretName', secretName, 'lma-object-storage');
    return new LmaStorageCredentials(secretName, undefined);
  }

  /**
   * An IAM role for service accounts (IRSA, Amazon S3 only): the components' service accounts
   * are annotated with `eks.amazonaws.com/role-arn`. The `LmaBucket` Terraform construct can
   * create the role (its `irsa` option).
   *
   * @param roleArn e.g. `arn:aws:iam::123456789012:role/acme-lma-irsa`
   */
  public static irsa(roleArn: string): LmaStorageCredentials {
    if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(roleArn)) {
      throw new ValidationError('LmaStorageCredentials.irsa', `roleArn '${roleArn}' is not an IAM role ARN. Use e.g. 'arn:aws:iam::123456789012:role/acme-lma-irsa'.`);
    }
    return new LmaStorageCredentials(undefined, roleArn);
  }

  /** The Secret holding `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` (Secret credentials only). */
  public readonly secretName?: string;
  /** The IAM role ARN (IRSA only). */
  public readonly roleArn?: string;

  private constructor(secretName: string | undefined, roleArn: string | undefined) {
    this.secretName = secretName;
    this.roleArn = roleArn;
  }
}

/** Which kind of object storage. */
export enum LmaStorageKind {
  /** Amazon S3. */
  S3 = 's3',
  /** An S3-compatible endpoint (MinIO, Ceph RGW, …). */
  S3_COMPATIBLE = 's3-compatible',
}

/** Props of `LmaObjectStorage.s3`. */
export interface LmaS3StorageProps {
  /**
   * Bucket name prefix, as given to the Terraform `LmaBucket` construct: buckets are
   * `<prefix>-metrics` and `<prefix>-logs`.
   */
  readonly bucketPrefix: string;
  /** AWS region of the buckets, e.g. `ap-northeast-2`. */
  readonly region: string;
  /** How the components authenticate. */
  readonly credentials: LmaStorageCredentials;
}

/** Props of `LmaObjectStorage.s3Compatible`. */
export interface LmaS3CompatibleStorageProps {
  /** Endpoint host (optionally with port), without scheme, e.g. `minio.storage.svc:9000` or `s3.dc1.example.com`. */
  readonly endpoint: string;
  /** Bucket name prefix: buckets are `<prefix>-metrics` and `<prefix>-logs` (create them on the endpoint). */
  readonly bucketPrefix: string;
  /** Static keys (a Secret); IRSA is AWS-only. */
  readonly credentials: LmaStorageCredentials;
  /**
   * Use plain HTTP instead of HTTPS.
   * @default false
   */
  readonly insecure?: boolean;
  /**
   * Region reported to the endpoint.
   * @default 'us-east-1'
   */
  readonly region?: string;
}

/**
 * Object storage of the LMA hub: Thanos blocks (`<prefix>-metrics`) and Loki chunks
 * (`<prefix>-logs`). Bucket names come from `lmaBucketName`, so the Terraform `LmaBucket` with the
 * same prefix creates exactly these buckets.
 */
export class LmaObjectStorage {
  /** Amazon S3 buckets (e.g. created by the Terraform `LmaBucket` construct). */
  public static s3(props: LmaS3StorageProps): LmaObjectStorage {
    const scope = 'LmaObjectStorage.s3';
    if (!AWS_REGION.test(props.region)) {
      throw new ValidationError(scope, `region '${props.region}' is not an AWS region. Use e.g. 'ap-northeast-2'.`);
    }
    return new LmaObjectStorage(scope, LmaStorageKind.S3, props.bucketPrefix, props.region,
      `s3.${props.region}.amazonaws.com`, false, props.credentials);
  }

  /** Any S3-compatible endpoint: MinIO in a data centre, Ceph RGW, … */
  public static s3Compatible(props: LmaS3CompatibleStorageProps): LmaObjectStorage {
    const scope = 'LmaObjectStorage.s3Compatible';
    validateHost(scope, 'endpoint', props.endpoint);
    if (props.credentials.roleArn !== undefined) {
      throw new ValidationError(scope, 'IRSA credentials work only with Amazon S3. Use LmaStorageCredentials.fromSecret(...) for an S3-compatible endpoint.');
    }
    return new LmaObjectStorage(scope, LmaStorageKind.S3_COMPATIBLE, props.bucketPrefix, props.region ?? 'us-east-1',
      props.endpoint, props.insecure ?? false, props.credentials);
  }

  /** Kind of storage. */
  public readonly kind: LmaStorageKind;
  /** Bucket of Thanos blocks: `lmaBucketName(prefix, 'metrics')`. */
  public readonly metricsBucket: string;
  /** Bucket of Loki chunks, index and rules: `lmaBucketName(prefix, 'logs')`. */
  public readonly logsBucket: string;
  /** Region. */
  public readonly region: string;
  /** Endpoint host (without scheme). */
  public readonly endpoint: string;
  /** Whether the endpoint is plain HTTP. */
  public readonly insecure: boolean;
  /** How the components authenticate. */
  public readonly credentials: LmaStorageCredentials;

  private constructor(
    scope: string, kind: LmaStorageKind, prefix: string, region: string, endpoint: string, insecure: boolean, credentials: LmaStorageCredentials,
  ) {
    if (!credentials || (credentials.secretName === undefined && credentials.roleArn === undefined)) {
      throw new ValidationError(scope, 'credentials are required. Use LmaStorageCredentials.fromSecret(name) or LmaStorageCredentials.irsa(roleArn).');
    }
    this.kind = kind;
    this.metricsBucket = LmaBucketNames.of(prefix, 'metrics');
    this.logsBucket = LmaBucketNames.of(prefix, 'logs');
    this.region = region;
    this.endpoint = endpoint;
    this.insecure = insecure;
    this.credentials = credentials;
  }

  /** Whether S3 requests use path-style URLs (S3-compatible endpoints). */
  public get pathStyle(): boolean {
    return this.kind === LmaStorageKind.S3_COMPATIBLE;
  }
}
