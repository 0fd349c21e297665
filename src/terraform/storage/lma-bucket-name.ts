/**
 * Names of LMA object storage buckets, computable without cdktf so the manifest side (Loki, Thanos,
 * Tempo, Mimir values) can compute the same name as the Terraform side.
 *
 * No cdktf import here.
 */
import { ValidationError } from '../../core/validation-error';

/** S3 bucket name rules we enforce: 3–63 characters, lowercase letters, digits and hyphens, alphanumeric at both ends. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/**
 * The bucket name for an LMA purpose: `<prefix>-<purpose>`, e.g. `acme-prod-seoul-lma-logs`.
 *
 * Deterministic and readable (no hash): the same inputs give the same name on any machine. S3
 * names are global, so put something unique to your organisation in the prefix (company, account
 * alias). Dots are rejected (they break virtual-hosted TLS), as are the reserved `xn--` prefix and
 * `-s3alias`/`--ol-s3` suffixes.
 *
 * @param prefix e.g. `acme-prod-seoul-lma`
 * @param purpose e.g. `logs`, `metrics`, `traces`
 * @throws ValidationError when the result is not a valid S3 bucket name, saying how to fix it
 */
export function lmaBucketName(prefix: string, purpose: string): string {
  return LmaBucketNames.of(prefix, purpose);
}

/** jsii-visible form of `lmaBucketName` (other jsii languages cannot call free functions). */
export class LmaBucketNames {
  /**
   * The bucket name for an LMA purpose: `<prefix>-<purpose>`; see `lmaBucketName`.
   * @param prefix e.g. `acme-prod-seoul-lma`
   * @param purpose e.g. `logs`, `metrics`, `traces`
   */
  public static of(prefix: string, purpose: string): string {
    const name = `${prefix}-${purpose}`;
    const where = `lmaBucketName('${prefix}', '${purpose}')`;
    if (!BUCKET_NAME.test(name) || name.includes('--')) {
      throw new ValidationError(where, `'${name}' is not a valid S3 bucket name (3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit). `
        + 'Use lowercase, drop dots and underscores, shorten the prefix.');
    }
    if (name.endsWith('-s3alias') || name.endsWith('--ol-s3') || name.startsWith('xn--') || name.startsWith('sthree-')) {
      throw new ValidationError(where, `'${name}' uses a prefix or suffix S3 reserves. Choose another prefix or purpose.`);
    }
    return name;
  }

  private constructor() {}
}
