/**
 * A growable byte buffer that text is appended to as UTF-8: what the YAML writer renders into.
 *
 * Rendering a fleet's manifests as strings meant a string per piece, joined per document, joined
 * again per file, then encoded into a `Buffer` to be written: hundreds of megabytes of short-lived
 * strings for a 1,000-cluster fleet, and the output itself held as strings on the JavaScript heap,
 * where the garbage collector copies it between generations. Appending to one buffer (outside the
 * heap, doubled when full) allocates nothing per piece; files are ranges of it.
 */
export class ByteSink {
  private buf: Buffer;
  private len = 0;

  /** @param capacity initial size in bytes (grows as needed) */
  constructor(capacity: number = 64 * 1024) {
    this.buf = Buffer.allocUnsafe(Math.max(capacity, 16));
  }

  /** Bytes written so far. */
  public get length(): number {
    return this.len;
  }

  /** Appends `s` as UTF-8. */
  public put(s: string): void {
    const n = s.length;
    if (this.len + n * 3 > this.buf.length) this.grow(n * 3);
    const buf = this.buf;
    let p = this.len;
    if (n > 64) {
      // long strings (whole documents): one native call
      this.len = p + writeUtf8(buf, s, p);
      return;
    }
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        // not ASCII: let Node encode the rest
        this.len = p + writeUtf8(buf, s.slice(i), p);
        return;
      }
      buf[p++] = c;
    }
    this.len = p;
  }

  /**
   * The bytes from `start` to `end` (default: all written). A view, not a copy: valid until the
   * next write that grows the buffer, so take views once everything is written.
   */
  public bytes(start: number = 0, end: number = this.len): Buffer {
    return this.buf.subarray(start, end);
  }

  /** The bytes written, decoded. */
  public toString(): string {
    return this.buf.toString('utf8', 0, this.len);
  }

  private grow(need: number): void {
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + need));
    this.buf.copy(bigger, 0, 0, this.len);
    this.buf = bigger;
  }
}

/**
 * `buf.write(s, offset, 'utf8')` without its argument parsing (Node's `Buffer#utf8Write`, which
 * `write` calls; the public method where it is missing). The caller made room for `s`.
 */
const writeUtf8: (buf: Buffer, s: string, offset: number) => number = typeof (Buffer.prototype as any).utf8Write === 'function'
  ? (buf, s, offset) => (buf as any).utf8Write(s, offset)
  : (buf, s, offset) => buf.write(s, offset, 'utf8');
