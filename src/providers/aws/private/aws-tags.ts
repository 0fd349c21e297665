import { IConstruct } from 'constructs';
import { ValidationError } from '../../../core/validation-error';

/** Most user tags CAPA accepts on one resource (its webhook's limit; EC2 allows 50 per resource). */
export const MAX_AWS_TAGS = 50;

/** Characters CAPA's webhook and EC2 accept in tag keys and values. */
const TAG_TEXT = /^[a-zA-Z0-9\s_.:=+\-@/]*$/;

/**
 * Checks user tags the way CAPA's webhook (`Tags.Validate`) and AWS do: 1–128 character keys,
 * values up to 256 characters, letters, digits, spaces and `_ . : / = + - @` only, no key with
 * the reserved `aws:` prefix, at most 50 tags.
 */
export function validateAwsTags(scope: IConstruct | string, field: string, tags: Record<string, string> | undefined): void {
  const entries = Object.entries(tags ?? {});
  for (const [key, value] of entries) {
    if (key.trim() === '') {
      throw new ValidationError(scope, `${field} has an empty key. Give every tag a key (AWS rejects empty tag keys).`);
    }
    if (key.length > 128) {
      throw new ValidationError(scope, `${field} key '${key.slice(0, 40)}…' has ${key.length} characters; AWS tag keys have at most 128. Shorten the key.`);
    }
    if (/^aws:/i.test(key)) {
      throw new ValidationError(scope, `${field} key '${key}' uses the prefix 'aws:', which AWS reserves for its own tags. Use another prefix, e.g. '${key.slice(4) || 'team'}'.`);
    }
    if (!TAG_TEXT.test(key)) {
      throw new ValidationError(scope, `${field} key '${key}' has characters AWS tags do not allow. Use letters, digits, spaces and _ . : / = + - @ only.`);
    }
    if (typeof value !== 'string') {
      throw new ValidationError(scope, `${field}['${key}'] is ${JSON.stringify(value)}, not a string. Give tag values as strings (quote numbers and booleans).`);
    }
    if (value.length > 256) {
      throw new ValidationError(scope, `${field}['${key}'] has ${value.length} characters; AWS tag values have at most 256. Shorten the value.`);
    }
    if (!TAG_TEXT.test(value)) {
      throw new ValidationError(scope, `${field}['${key}'] value '${value}' has characters AWS tags do not allow. Use letters, digits, spaces and _ . : / = + - @ only.`);
    }
  }
  if (entries.length > MAX_AWS_TAGS) {
    throw new ValidationError(scope, `${field} has ${entries.length} tags; CAPA and AWS accept at most ${MAX_AWS_TAGS} user tags per resource. Remove ${entries.length - MAX_AWS_TAGS} tag(s).`);
  }
}
