/**
 * Every invalid configuration in the case tables is rejected with a ValidationError whose message
 * names the construct path, the field, the offending value and the fix — and nothing is written.
 * A program either throws while it is built (props checked in constructors) or at synth (state
 * checked with node.addValidation, rendering), never with a TypeError or a stack trace from deep
 * inside rendering.
 */
import { addonValueCases } from './cases-addon-values';
import { addonCases } from './cases-addons';
import { awsCases } from './cases-aws';
import { bootstrapCases } from './cases-bootstrap';
import { byohCases } from './cases-byoh';
import { clusterCases, controlPlaneCases } from './cases-cluster';
import { eksCases } from './cases-eks';
import { identityCases } from './cases-identities';
import { ignoredPropCases } from './cases-ignored-props';
import { lmaCases } from './cases-lma';
import { nodeCases } from './cases-nodes';
import { providerRuleCases } from './cases-provider-rules';
import { rangeCases } from './cases-ranges';
import { terraformCases } from './cases-terraform';
import { BadInputCase, filesBelow, runCase } from './harness';
import { ValidationError } from '../../src';

const areas: Array<[string, BadInputCase[]]> = [
  ['cluster', clusterCases],
  ['control plane', controlPlaneCases],
  ['aws', awsCases],
  ['node pools', nodeCases],
  ['node bootstrap', bootstrapCases],
  ['eks', eksCases],
  ['byoh', byohCases],
  ['identities', identityCases],
  ['addons and deliveries', addonCases],
  ['lma', lmaCases],
  ['terraform', terraformCases],
  ['ranges', rangeCases],
  ['provider rules', providerRuleCases],
  ['addon values', addonValueCases],
  ['ignored props', ignoredPropCases],
];

/** Escapes a literal for a RegExp. */
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each(areas)('bad input: %s', (_area, cases) => {
  test.each(cases.map((c) => [c.name, c] as const))('given %s, when synthesized, then a ValidationError names path, field, value and fix, and nothing is written', (_name, c) => {
    const { error, outdir, cleanup } = runCase(c);
    try {
      if (!ValidationError.isValidationError(error)) {
        throw new Error(`expected a ValidationError, got ${error === undefined ? 'no error' : (error as Error).stack ?? String(error)}`);
      }
      expect(error.message).toMatch(c.message);
      // The construct path starts the message or one of its lines (errors collected at synth are listed one per line).
      expect(error.message).toMatch(new RegExp(`(^|\\n\\s*)${literal(c.path)}: `));
      expect(filesBelow(outdir)).toEqual([]);
    } finally {
      cleanup();
    }
  });
});

test('the case tables hold at least 60 invalid configurations with unique names per area', () => {
  const all = areas.flatMap(([, cases]) => cases);
  expect(all.length).toBeGreaterThanOrEqual(60);
  for (const [area, cases] of areas) {
    expect({ area, duplicates: cases.map((c) => c.name).filter((n, i, a) => a.indexOf(n) !== i) }).toEqual({ area, duplicates: [] });
  }
});
