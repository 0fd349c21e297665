import { evaluateCelRules } from '../../src/validation/private/cel';
import { Issue } from '../../src/validation/private/issue';
import { validateAgainstSchema } from '../../src/validation/private/schema';

function issues(schema: any, spec: any): Issue[] {
  const root = { type: 'object', properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, spec: schema } };
  return validateAgainstSchema(root, { apiVersion: 'x.io/v1', kind: 'X', metadata: { name: 'x' }, spec }, evaluateCelRules);
}

function messages(schema: any, spec: any): string[] {
  return issues(schema, spec).map(i => `${i.path}: ${i.message}`);
}

describe('OpenAPI schema features', () => {
  test('given an int-or-string field, when a bool is set, then it is rejected and ints and strings pass', () => {
    const s = { 'x-kubernetes-int-or-string': true };
    expect(messages(s, 1)).toEqual([]);
    expect(messages(s, '10%')).toEqual([]);
    expect(messages(s, true)).toEqual(['spec: Invalid value: true: spec in body must be of type integer or string']);
    expect(messages(s, 1.5)).toHaveLength(1);
  });

  test('given anyOf integer/string with int-or-string, when a string is set, then it passes', () => {
    const s = { 'anyOf': [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true };
    expect(messages(s, '50%')).toEqual([]);
  });

  test('given a nullable field, when null, then it passes; a non-nullable null field is pruned as the API server does', () => {
    expect(messages({ type: 'string', nullable: true }, null)).toEqual([]);
    expect(messages({ type: 'string' }, null)).toEqual([]);
    expect(messages({ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false }, { a: null })).toEqual([]);
  });

  test('given a required non-nullable field set to null, when validated, then it is pruned and reported as missing', () => {
    expect(messages({ type: 'object', required: ['a'], properties: { a: { type: 'string' } } }, { a: null })).toEqual(['spec.a: Required value']);
  });

  test('given a null in a list of strings, when validated, then it is rejected (only object fields are pruned)', () => {
    expect(messages({ type: 'array', items: { type: 'string' } }, ['a', null])).toEqual(['spec[1]: Invalid value: "null": spec[1] in body must be of type string']);
  });

  test('given preserve-unknown-fields, when unknown fields are set, then they are accepted', () => {
    expect(messages({ 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true }, { anything: { goes: 1 } })).toEqual([]);
    expect(messages({ type: 'object', properties: { a: { type: 'string' } } }, { b: 1 })).toEqual(['spec.b: unknown field "spec.b"']);
  });

  test('given an embedded resource, when apiVersion/kind are missing or metadata is bad, then each is reported', () => {
    const s = { 'type': 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true };
    expect(messages(s, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { a: 'b' } })).toEqual([]);
    expect(messages(s, { metadata: { name: 'Bad_Name' } })).toEqual(expect.arrayContaining([
      'spec.apiVersion: Required value: must not be empty',
      'spec.kind: Required value: must not be empty',
      expect.stringMatching(/^spec.metadata.name: Invalid value: "Bad_Name"/),
    ]));
  });

  test('given additionalProperties, when a map value has the wrong type, then the key is in the path', () => {
    expect(messages({ type: 'object', additionalProperties: { type: 'string' } }, { a: 'x', b: 2 })).toEqual(['spec[b]: Invalid value: 2: spec[b] in body must be of type string']);
  });

  test('given list-type set, when an item repeats, then it is a duplicate', () => {
    expect(messages({ 'type': 'array', 'items': { type: 'string' }, 'x-kubernetes-list-type': 'set' }, ['a', 'b', 'a'])).toEqual(['spec[2]: Duplicate value: "a"']);
  });

  test('given list-type map, when two items share their keys, then it is a duplicate', () => {
    const s = { 'type': 'array', 'items': { type: 'object', properties: { name: { type: 'string' }, v: { type: 'string' } } }, 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'] };
    expect(messages(s, [{ name: 'a', v: '1' }, { name: 'a', v: '2' }])).toEqual(['spec[1]: Duplicate value: map[string]interface {}{"name":"a"}']);
  });

  test('given size limits, when violated, then each limit is reported', () => {
    expect(messages({ type: 'string', minLength: 2, maxLength: 3 }, 'a')).toHaveLength(1);
    expect(messages({ type: 'string', maxLength: 3 }, 'abcd')).toEqual(['spec: Too long: may not be more than 3 bytes (got 4)']);
    expect(messages({ type: 'array', minItems: 1 }, [])).toHaveLength(1);
    expect(messages({ type: 'array', maxItems: 1, items: { type: 'integer' } }, [1, 2])).toHaveLength(1);
    expect(messages({ type: 'object', minProperties: 1 }, {})).toHaveLength(1);
    expect(messages({ type: 'object', maxProperties: 1, additionalProperties: { type: 'integer' } }, { a: 1, b: 2 })).toHaveLength(1);
  });

  test('given numeric bounds, when exclusive bounds are hit, then they are reported', () => {
    expect(messages({ type: 'integer', minimum: 0, exclusiveMinimum: true }, 0)).toEqual(['spec: Invalid value: 0: spec in body should be greater than 0']);
    expect(messages({ type: 'integer', maximum: 10, exclusiveMaximum: true }, 10)).toEqual(['spec: Invalid value: 10: spec in body should be less than 10']);
    expect(messages({ type: 'integer', minimum: 0, maximum: 10 }, 10)).toEqual([]);
  });

  test('given formats the API server checks, when values are malformed, then they are reported; date-time is lenient', () => {
    expect(messages({ type: 'string', format: 'byte' }, 'not base64!')).toHaveLength(1);
    expect(messages({ type: 'string', format: 'byte' }, 'aGVsbG8=')).toEqual([]);
    expect(messages({ type: 'string', format: 'uuid' }, 'nope')).toHaveLength(1);
    expect(messages({ type: 'string', format: 'ipv4' }, '10.0.0.256')).toHaveLength(1);
    expect(messages({ type: 'string', format: 'date-time' }, '2026-11-21T10:00:00Z')).toEqual([]);
    expect(messages({ type: 'string', format: 'date-time' }, '2026-11-21 10:00')).toEqual([]);
    expect(messages({ type: 'string', format: 'int32' }, 'whatever')).toEqual([]);
  });

  test('given a default in the schema, when the field is omitted, then CEL sees the default', () => {
    const s = { 'type': 'object', 'properties': { enabled: { type: 'boolean', default: false }, spec: { type: 'object' } }, 'x-kubernetes-validations': [{ rule: '!self.enabled || has(self.spec)', message: 'spec is required if enabled' }] };
    expect(messages(s, {})).toEqual([]);
    expect(messages(s, { enabled: true })).toEqual(['spec: Invalid value: "object": spec is required if enabled']);
  });

  test('given a rule without message, when it fails, then the message is "failed rule: <rule>"', () => {
    const s = { 'type': 'integer', 'x-kubernetes-validations': [{ rule: 'self > 1' }] };
    expect(messages(s, 1)).toEqual(['spec: Invalid value: 1: failed rule: self > 1']);
  });

  test('given a rule with fieldPath, when it fails, then the path includes the fieldPath', () => {
    const s = { 'type': 'object', 'properties': { a: { type: 'integer' } }, 'x-kubernetes-validations': [{ rule: 'self.a > 1', message: 'a too small', fieldPath: '.a' }] };
    expect(issues(s, { a: 1 })).toEqual([{ path: 'spec.a', message: 'Invalid value: "object": a too small', rule: 'cel' }]);
  });

  test('given a rule using an unsupported function, when evaluated, then an unsupported CEL finding is produced', () => {
    const s = { 'type': 'string', 'x-kubernetes-validations': [{ rule: 'isURL(self)', message: 'must be a URL' }] };
    expect(messages(s, 'https://x')).toEqual(["spec: unsupported CEL: function isURL() in rule 'isURL(self)' (must be a URL)"]);
  });

  test('given a pattern JavaScript cannot express, when checked, then it is reported instead of passing', () => {
    expect(messages({ type: 'string', pattern: 'x**' }, 'x')[0]).toMatch(/unsupported pattern/);
  });

  test('given allOf, oneOf and not, when violated, then they are reported', () => {
    expect(messages({ type: 'string', allOf: [{ enum: ['a'] }] }, 'b')).toHaveLength(1);
    expect(messages({ type: 'object', properties: { a: { type: 'integer' }, b: { type: 'integer' } }, oneOf: [{ required: ['a'] }, { required: ['b'] }] }, { a: 1, b: 2 })).toHaveLength(1);
    expect(messages({ type: 'string', not: { enum: ['x'] } }, 'x')).toHaveLength(1);
  });
});
