/**
 * Test helper: validate synthesized objects against the pinned CRDs in `../shared/crds` with every
 * check of the validation module (strict schema, CEL rules, webhook-only rules, references).
 *
 * ```ts
 * import { expectValidManifests, validationFindings } from '../support/crd-validation';
 * expectValidManifests(Testing.synth(chart));
 * expect(validationFindings(objects).map(f => f.message)).toContain('...');
 * ```
 */
import * as path from 'path';
import { Finding, ManifestValidator } from '../../src/validation';
import { formatFinding } from '../../src/validation/private/format';

/** The pinned CRDs, shared by every checkout (never copied into the repository). */
export const CRD_DIR = path.resolve(__dirname, '../../../shared/crds');

const validators = new Map<string, ManifestValidator>();

/** The validator over `../shared/crds` (with the given feature gates), loaded once per process (test file). */
export function loadCrdValidator(featureGates: string[] = []): ManifestValidator {
  const key = [...featureGates].sort().join(',');
  let validator = validators.get(key);
  if (!validator) {
    validator = ManifestValidator.fromCrdDirectory(CRD_DIR, { featureGates });
    validators.set(key, validator);
  }
  return validator;
}

/** Every finding (schema, CEL, webhook and reference checks) for a set of objects. */
export function validationFindings(objects: any[], featureGates: string[] = []): Finding[] {
  return loadCrdValidator(featureGates).validateObjects(objects).findings;
}

/**
 * Expect the objects to produce zero findings; on failure the findings are printed one per line.
 * @param featureGates Cluster API feature gates considered on (e.g. those the output's CoreProvider enables)
 */
export function expectValidManifests(objects: any[], featureGates: string[] = []): void {
  const findings = validationFindings(objects, featureGates);
  const text = findings.map(formatFinding).join('\n');
  expect(text).toEqual('');
}
