import { checkUnique, firstDuplicate, nonEmptyList, nonEmptyMap, nonEmptyObject } from '../../src/core/collections';
import { ValidationError } from '../../src/core/validation-error';

describe('firstDuplicate', () => {
  test.each([
    [[], undefined],
    [['a', 'b', 'c'], undefined],
    [['a', 'b', 'a'], 'a'],
    [['a', 'b', 'b', 'a'], 'b'], // the value whose second occurrence comes first
    [['', ''], ''], // falsy values are duplicates too
    [[0, 1, 0], 0],
  ])('given %j, then %j', (values, expected) => {
    expect(firstDuplicate(values as any[])).toEqual(expected);
  });
});

describe('checkUnique', () => {
  test('given a value listed twice, then a ValidationError names the field, the value and the fix', () => {
    expect(() => checkUnique('prod/workers', 'availabilityZones', ['eu-west-1a', 'eu-west-1b', 'eu-west-1a'], 'zone'))
      .toThrow(new ValidationError('prod/workers', "availabilityZones lists 'eu-west-1a' twice. List each zone once."));
    expect(() => checkUnique('x', 'names', ['', ''], 'name')).toThrow(/names lists '' twice/);
  });

  test('given distinct values, then nothing is thrown', () => {
    expect(() => checkUnique('x', 'names', ['a', 'b'], 'name')).not.toThrow();
  });
});

describe('nonEmpty helpers', () => {
  test('drop what CAPI v1beta2 would reject as an empty "unset" value', () => {
    expect(nonEmptyList([])).toBeUndefined();
    expect(nonEmptyList(['a'])).toEqual(['a']);
    expect(nonEmptyMap({ b: 1, a: 2, c: undefined })).toEqual({ a: 2, b: 1 });
    expect(Object.keys(nonEmptyMap({ b: 1, a: 2 })!)).toEqual(['a', 'b']);
    expect(nonEmptyMap({ a: undefined })).toBeUndefined();
    expect(nonEmptyObject({ a: undefined, b: 1 })).toEqual({ b: 1 });
    expect(nonEmptyObject({ a: undefined })).toBeUndefined();
  });
});
