import { contentHash, hashedName } from '../../src/core/names';

describe('template names', () => {
  const long = `${'b'.repeat(26)}-${'s'.repeat(26)}`;

  test('hashedName keeps a base that fits and cuts a long one, hashing only the content (names of existing templates never change)', () => {
    expect(hashedName('prod-general', { a: 1 })).toEqual(`prod-general-${contentHash({ a: 1 })}`);
    const name = hashedName(`${long}-control-plane`, { a: 1 });
    expect(name).toEqual(`${long.slice(0, 54)}-${contentHash({ a: 1 })}`);
    expect(name.length).toBeLessThanOrEqual(63);
  });
});
