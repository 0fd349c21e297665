import { jsonEqual } from '../../src/core/json-equal';

describe('jsonEqual (ClusterClass variables, CRD enums, CEL ==)', () => {
  test.each([
    [1, 1, true],
    ['a', 'a', true],
    [null, null, true],
    [null, undefined, false],
    [0, '0', false],
    [[1, 2], [1, 2], true],
    [[1, 2], [2, 1], false], // arrays keep their order
    [{ a: 1, b: [1] }, { b: [1], a: 1 }, true], // objects do not
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [{ a: 1, b: undefined }, { a: 1 }, true], // undefined is absent, as in JSON text
    [{ a: undefined }, { b: undefined }, true],
    [{ a: 1 }, [1], false],
    [{}, [], false],
  ])('jsonEqual(%j, %j) is %s', (a, b, expected) => {
    expect(jsonEqual(a, b)).toBe(expected);
    expect(jsonEqual(b, a)).toBe(expected);
  });
});
