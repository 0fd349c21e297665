/**
 * Loads CloudFormation YAML (as clusterawsadm writes it) with the short-form intrinsic tags
 * (`!Ref`, `!Sub`, `!GetAtt`, `!Join`) turned into their long forms (`{ Ref }`, `{ 'Fn::Sub' }`, …).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse, ScalarTag, CollectionTag, YAMLMap, YAMLSeq } from 'yaml';

/** Where the clusterawsadm v2.11.1 fixtures live (read-only ground truth). */
export const FIXTURE_DIR = path.resolve(__dirname, '../../../../shared/reference/clusterawsadm-v2.11.1');

function scalar(tag: string, longForm: (value: string) => unknown): ScalarTag {
  return { tag, resolve: (value: string) => longForm(value) } as ScalarTag;
}

function seq(tag: string, key: string): CollectionTag {
  return {
    tag,
    collection: 'seq',
    resolve: (value: YAMLSeq) => ({ [key]: value.toJSON() }),
  } as unknown as CollectionTag;
}

function map(tag: string, key: string): CollectionTag {
  return {
    tag,
    collection: 'map',
    resolve: (value: YAMLMap) => ({ [key]: value.toJSON() }),
  } as unknown as CollectionTag;
}

/** The custom tags: scalar and sequence forms of the intrinsics clusterawsadm-like templates use. */
export const CFN_TAGS = [
  scalar('!Ref', (v) => ({ Ref: v })),
  scalar('!Sub', (v) => ({ 'Fn::Sub': v })),
  seq('!Sub', 'Fn::Sub'),
  scalar('!GetAtt', (v) => ({ 'Fn::GetAtt': v.split('.', 2) })),
  seq('!GetAtt', 'Fn::GetAtt'),
  seq('!Join', 'Fn::Join'),
  map('!Ref', 'Ref'),
];

/** Parses CloudFormation YAML text. */
export function parseCloudFormation(text: string): any {
  return parse(text, { customTags: CFN_TAGS });
}

/** Loads one fixture by name (file name without `.yaml`). */
export function loadFixture(name: string): any {
  return parseCloudFormation(fs.readFileSync(path.join(FIXTURE_DIR, `${name}.yaml`), 'utf8'));
}

/** Names of every fixture. */
export function fixtureNames(): string[] {
  return fs.readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();
}
