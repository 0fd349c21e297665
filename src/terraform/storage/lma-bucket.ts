import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Construct } from 'constructs';
import { BucketEncryption } from './bucket-encryption';
import { LmaBucketNames } from './lma-bucket-name';
import { IAM_OIDC_PROVIDER_ARN, iamRoleNameProblem } from '../../core/iam';
import { isDnsLabel, isDnsSubdomain } from '../../core/names';
import { checkInteger, RANGES } from '../../core/ranges';
import { ValidationError } from '../../core/validation-error';
import { PolicyDocument, PolicyEffect, PolicyStatement } from '../iam/policy-document';

/** An IAM role for a Kubernetes service account (IRSA) that may use the bucket. */
export interface LmaBucketIrsaOptions {
  /** ARN of the cluster's IAM OIDC provider, e.g. `arn:aws:iam::123456789012:oidc-provider/oidc.eks.ap-northeast-2.amazonaws.com/id/ABC`. */
  readonly oidcProviderArn: string;
  /** The OIDC issuer without `https://`, e.g. `oidc.eks.ap-northeast-2.amazonaws.com/id/ABC`. */
  readonly issuer: string;
  /** Namespace of the service account, e.g. `lma`. */
  readonly namespace: string;
  /** Name of the service account, e.g. `loki`. */
  readonly serviceAccount: string;
  /**
   * Role name.
   * @default - the bucket name followed by `-irsa`
   */
  readonly roleName?: string;
}

/** Input of `LmaBucket`. */
export interface LmaBucketProps {
  /** Name prefix, e.g. `acme-prod-seoul-lma`; the bucket is `lmaBucketName(prefix, purpose)`. */
  readonly prefix: string;
  /** What the bucket holds, e.g. `logs`, `metrics`, `traces`. */
  readonly purpose: string;
  /**
   * Server-side encryption.
   * @default BucketEncryption.s3Managed()
   */
  readonly encryption?: BucketEncryption;
  /**
   * Days after which objects (and, with versioning, noncurrent versions) expire; 0 keeps them forever.
   * @default 30
   */
  readonly expirationDays?: number;
  /**
   * Keep object versions.
   * @default false
   */
  readonly versioned?: boolean;
  /**
   * Let `terraform destroy` delete a bucket that still holds objects.
   * @default false
   */
  readonly forceDestroy?: boolean;
  /**
   * AWS partition for ARNs.
   * @default 'aws'
   */
  readonly partition?: string;
  /**
   * An IRSA role for the service account that writes and reads the bucket.
   * @default - no role; attach `accessPolicy` yourself
   */
  readonly irsa?: LmaBucketIrsaOptions;
  /**
   * Tags of the bucket and the IAM objects.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * Object storage for an LMA component (Loki chunks, Thanos/Mimir blocks, Tempo traces): an S3 bucket
 * with a deterministic name, server-side encryption, public access blocked, bucket-owner-enforced
 * ownership, optional versioning, lifecycle expiration and a bucket policy that denies requests
 * without TLS; plus an IAM policy granting the component access and, optionally, an IRSA role.
 */
export class LmaBucket extends Construct {
  /** The bucket name (a plain string, known before apply). */
  public readonly bucketName: string;
  /** The bucket ARN (a plain string). */
  public readonly bucketArn: string;
  /** Name of the IAM policy granting access. */
  public readonly accessPolicyName: string;
  /** Name of the IRSA role, when created. */
  public readonly irsaRoleName?: string;
  /** Expiration in days (0 = never). */
  public readonly expirationDays: number;
  /** Whether versioning is on. */
  public readonly versioned: boolean;
  /** The bucket. */
  public readonly bucket: S3Bucket;
  /** The IAM policy granting read/write access to the bucket. */
  public readonly accessPolicy: IamPolicy;
  /** The IRSA role, when created. */
  public readonly irsaRole?: IamRole;

  constructor(scope: Construct, id: string, props: LmaBucketProps) {
    super(scope, id);
    this.bucketName = bucketNameFor(this, props.prefix, props.purpose);
    const partition = props.partition ?? 'aws';
    this.bucketArn = `arn:${partition}:s3:::${this.bucketName}`;
    this.expirationDays = props.expirationDays ?? 30;
    this.versioned = props.versioned ?? false;
    const encryption = props.encryption ?? BucketEncryption.s3Managed();
    if (encryption.kmsKeyArn !== undefined && !KMS_KEY_ARN.test(encryption.kmsKeyArn)) {
      throw new ValidationError(this, `encryption key '${encryption.kmsKeyArn}' is not a KMS key ARN (the access policy grants kms:Decrypt on it, which takes no alias). Use BucketEncryption.kms('arn:aws:kms:<region>:<account>:key/<id>'), or BucketEncryption.kms() for the AWS managed key.`);
    }
    checkInteger(this, 'expirationDays', this.expirationDays, RANGES.count, 'Use 0 to keep objects forever.');
    const tags = props.tags && Object.keys(props.tags).length > 0 ? props.tags : undefined;

    this.bucket = new S3Bucket(this, 'bucket', { bucket: this.bucketName, forceDestroy: props.forceDestroy ?? false, tags });
    new S3BucketPublicAccessBlock(this, 'public-access-block', {
      bucket: this.bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, 'ownership', { bucket: this.bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket: this.bucket.id,
      rule: [{
        applyServerSideEncryptionByDefault: { sseAlgorithm: encryption.algorithm, kmsMasterKeyId: encryption.kmsKeyArn },
        bucketKeyEnabled: encryption.algorithm === 'aws:kms' ? true : undefined,
      }],
    });
    if (this.versioned) {
      new S3BucketVersioningA(this, 'versioning', { bucket: this.bucket.id, versioningConfiguration: { status: 'Enabled' } });
    }
    if (this.expirationDays > 0) {
      new S3BucketLifecycleConfiguration(this, 'lifecycle', {
        bucket: this.bucket.id,
        rule: [{
          id: `expire-after-${this.expirationDays}-days`,
          status: 'Enabled',
          filter: [{ prefix: '' }],
          expiration: [{ days: this.expirationDays }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
          noncurrentVersionExpiration: this.versioned ? [{ noncurrentDays: this.expirationDays }] : undefined,
        }],
      });
    }
    new S3BucketPolicy(this, 'deny-insecure-transport', {
      bucket: this.bucket.id,
      policy: PolicyDocument.render([{
        sid: 'DenyInsecureTransport',
        effect: PolicyEffect.DENY,
        principals: [{ type: 'AWS', identifiers: ['*'] }],
        actions: ['s3:*'],
        resources: [this.bucketArn, `${this.bucketArn}/*`],
        conditions: [{ operator: 'Bool', key: 'aws:SecureTransport', values: ['false'] }],
      }]),
    });

    this.accessPolicyName = `${this.bucketName}-access`;
    this.accessPolicy = new IamPolicy(this, 'access-policy', {
      name: this.accessPolicyName,
      description: `Read and write the LMA ${props.purpose} bucket ${this.bucketName}`,
      policy: PolicyDocument.render(this.accessStatements(encryption)),
      tags,
    });

    if (props.irsa) {
      const irsa = props.irsa;
      if (irsa.issuer.startsWith('https://')) {
        throw new ValidationError(this, `irsa.issuer '${irsa.issuer}' starts with https://; IAM condition keys use the issuer without the scheme. Drop 'https://'.`);
      }
      validateIrsa(this, irsa);
      this.irsaRoleName = irsa.roleName ?? `${this.bucketName}-irsa`;
      const roleProblem = iamRoleNameProblem(this.irsaRoleName);
      if (roleProblem) {
        throw new ValidationError(this, `IRSA role name '${this.irsaRoleName}'${irsa.roleName === undefined ? ' (the bucket name + \'-irsa\')' : ''} ${roleProblem}. Set irsa.roleName to a valid IAM role name of at most 64 characters.`);
      }
      this.irsaRole = new IamRole(this, 'irsa-role', {
        name: this.irsaRoleName,
        assumeRolePolicy: PolicyDocument.render([{
          effect: PolicyEffect.ALLOW,
          principals: [{ type: 'Federated', identifiers: [irsa.oidcProviderArn] }],
          actions: ['sts:AssumeRoleWithWebIdentity'],
          conditions: [
            { operator: 'StringEquals', key: `${irsa.issuer}:aud`, values: ['sts.amazonaws.com'] },
            { operator: 'StringEquals', key: `${irsa.issuer}:sub`, values: [`system:serviceaccount:${irsa.namespace}:${irsa.serviceAccount}`] },
          ],
        }]),
        tags,
      });
      new IamRolePolicyAttachment(this, 'irsa-access', { role: this.irsaRole.name, policyArn: this.accessPolicy.arn });
    }
  }

  private accessStatements(encryption: BucketEncryption): PolicyStatement[] {
    const statements: PolicyStatement[] = [
      { sid: 'ListBucket', effect: PolicyEffect.ALLOW, actions: ['s3:GetBucketLocation', 's3:ListBucket'], resources: [this.bucketArn] },
      {
        sid: 'ReadWriteObjects',
        effect: PolicyEffect.ALLOW,
        actions: ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:PutObject'],
        resources: [`${this.bucketArn}/*`],
      },
    ];
    if (encryption.kmsKeyArn) {
      statements.push({ sid: 'UseBucketKey', effect: PolicyEffect.ALLOW, actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [encryption.kmsKeyArn] });
    }
    return statements;
  }
}

/** A KMS key ARN (not an alias: IAM policies on the key need the key itself). */
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;

/** The bucket name, with errors reported against the bucket construct (its path, its props). */
function bucketNameFor(bucket: Construct, prefix: string, purpose: string): string {
  try {
    return LmaBucketNames.of(prefix, purpose);
  } catch (e) {
    if (!ValidationError.isValidationError(e)) throw e;
    throw new ValidationError(bucket, `prefix '${prefix}' and purpose '${purpose}': ${e.message.slice(e.path.length + 2)}`);
  }
}

/** Checks IRSA inputs: the OIDC provider ARN, the issuer it names, and the service account. */
function validateIrsa(scope: Construct, irsa: LmaBucketIrsaOptions): void {
  const m = IAM_OIDC_PROVIDER_ARN.exec(irsa.oidcProviderArn ?? '');
  if (!m) {
    throw new ValidationError(scope, `irsa.oidcProviderArn '${irsa.oidcProviderArn}' is not an IAM OIDC provider ARN. Use 'arn:aws:iam::<account>:oidc-provider/<issuer>', e.g. from the aws_iam_openid_connect_provider resource.`);
  }
  if (typeof irsa.issuer !== 'string' || irsa.issuer.trim() === '' || /\s/.test(irsa.issuer)) {
    throw new ValidationError(scope, `irsa.issuer '${irsa.issuer}' is not an OIDC issuer. Give the issuer without https://, e.g. 'oidc.eks.ap-northeast-2.amazonaws.com/id/ABC'.`);
  }
  if (m[2] !== irsa.issuer) {
    throw new ValidationError(scope, `irsa.issuer '${irsa.issuer}' is not the issuer of irsa.oidcProviderArn ('${m[2]}'), so no token would match the trust policy. Use the same issuer in both.`);
  }
  if (typeof irsa.namespace !== 'string' || !isDnsLabel(irsa.namespace)) {
    throw new ValidationError(scope, `irsa.namespace '${irsa.namespace}' is not a Kubernetes namespace name. Use a DNS label, e.g. 'lma'.`);
  }
  if (typeof irsa.serviceAccount !== 'string' || !isDnsSubdomain(irsa.serviceAccount)) {
    throw new ValidationError(scope, `irsa.serviceAccount '${irsa.serviceAccount}' is not a ServiceAccount name. Use a DNS subdomain, e.g. 'loki'.`);
  }
}
