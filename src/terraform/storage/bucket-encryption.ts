/**
 * Server-side encryption of a bucket: S3-managed keys (`AES256`) or KMS (`aws:kms`).
 */
export class BucketEncryption {
  /** SSE-S3: S3-managed keys, `AES256`. No key policy to manage. */
  public static s3Managed(): BucketEncryption {
    return new BucketEncryption('AES256');
  }

  /**
   * SSE-KMS with a customer managed key (its ARN), or the AWS managed `aws/s3` key when omitted.
   * The access policy then also grants `kms:Decrypt`/`kms:GenerateDataKey` on the key.
   * @param keyArn the KMS key ARN
   */
  public static kms(keyArn?: string): BucketEncryption {
    return new BucketEncryption('aws:kms', keyArn);
  }

  /** The S3 `sse_algorithm`: `AES256` or `aws:kms`. */
  public readonly algorithm: string;
  /** The KMS key ARN, when a customer managed key is used. */
  public readonly kmsKeyArn?: string;

  private constructor(algorithm: string, kmsKeyArn?: string) {
    this.algorithm = algorithm;
    this.kmsKeyArn = kmsKeyArn;
  }
}
