import { contentHash, hashedName, uniqueHashedName } from '../../src/core/names';

describe('template names', () => {
  const long = `${'b'.repeat(26)}-${'s'.repeat(26)}`;

  test('hashedName keeps a base that fits and cuts a long one, hashing only the content (names of existing templates never change)', () => {
    expect(hashedName('prod-general', { a: 1 })).toEqual(`prod-general-${contentHash({ a: 1 })}`);
    const name = hashedName(`${long}-control-plane`, { a: 1 });
    expect(name).toEqual(`${long.slice(0, 54)}-${contentHash({ a: 1 })}`);
    expect(name.length).toBeLessThanOrEqual(63);
  });

  test('uniqueHashedName gives two bases that differ only in the cut-off part, with the same content, two names', () => {
    const taken = new Set<string>();
    const cp = uniqueHashedName(`${long}-control-plane`, { a: 1 }, taken);
    const md = uniqueHashedName(`${long}-general-machine`, { a: 1 }, taken);
    expect(cp).toEqual(hashedName(`${long}-control-plane`, { a: 1 })); // the first keeps the usual name
    expect(md).not.toEqual(cp);
    expect(md.length).toBeLessThanOrEqual(63);
    expect([...taken]).toEqual([cp, md]);
  });
});
