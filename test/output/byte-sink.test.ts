import { ByteSink } from '../../src/output/byte-sink';

describe('ByteSink', () => {
  test('given ASCII, non-ASCII and astral text, short and long, when appended past its capacity, then the bytes are their UTF-8 in order', () => {
    const pieces = ['a', 'zwei: 2 ✓', '😀', 'x'.repeat(100), `${'y'.repeat(70)}é`, 'ü'.repeat(65), '', '\n'];
    const sink = new ByteSink(16);
    for (const p of pieces) sink.put(p);
    const expected = Buffer.from(pieces.join(''), 'utf8');
    expect(sink.length).toEqual(expected.length);
    expect(sink.bytes().equals(expected)).toBe(true);
    expect(sink.toString()).toEqual(expected.toString('utf8'));
  });

  test('given two ranges written one after the other, when read back, then each range holds its own text', () => {
    const sink = new ByteSink(4);
    sink.put('first ✓\n');
    const middle = sink.length;
    sink.put('second\n'.repeat(20));
    expect(sink.bytes(0, middle).toString('utf8')).toEqual('first ✓\n');
    expect(sink.bytes(middle).toString('utf8')).toEqual('second\n'.repeat(20));
  });
});
