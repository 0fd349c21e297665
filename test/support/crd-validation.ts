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

let validator: ManifestValidator | undefined;

/** The validator over `../shared/crds`, loaded once per process (test file). */
export function loadCrdValidator(): ManifestValidator {
  if (!validator) validator = ManifestValidator.fromCrdDirectory(CRD_DIR);
  return validator;
}

/** Every finding (schema, CEL, webhook and reference checks) for a set of objects. */
export function validationFindings(objects: any[]): Finding[] {
  return loadCrdValidator().validateObjects(objects).findings;
}

/** Expect the objects to produce zero findings; on failure the findings are printed one per line. */
export function expectValidManifests(objects: any[]): void {
  const findings = validationFindings(objects);
  const text = findings.map(formatFinding).join('\n');
  expect(text).toEqual('');
}
