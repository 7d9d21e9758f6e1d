// A log read as bytes, in chunks of any size (fs streams give 64 KiB, a
// browser's File.stream() what it likes), turned into blocks of whole lines.
// The cut is made at byte level, after the last line terminator of the bytes
// seen so far, so a block never ends inside a line or inside a multi-byte
// UTF-8 character, and each block is decoded once, as a whole (a decoder per
// line costs more than the rest of the reading). The tail after the cut waits
// for the next chunk. Small chunks are gathered up to BLOCK_BYTES first.
//
// Lines end as in text/lines.ts (CRLF, LF or a lone CR) so that line numbers
// agree with analyze() of the same file. A UTF-8 byte order mark at the start
// is dropped. A block that is not UTF-8 is read as Windows-1252, as
// text/decode.ts does for a whole file (older Windows servers write it).

/**
 * Blocks are about this large: large enough that decoding costs little per
 * line, small enough that a block's text is an ordinary young object for the
 * garbage collector (V8 puts strings over 128 KiB in its large-object space,
 * which only a full collection frees).
 */
export const BLOCK_BYTES = 1 << 16;
/**
 * A "line" longer than this (a binary file, a log without line breaks) is cut
 * here and counted: without a cut, one line could grow to the whole file.
 */
export const MAX_LINE_BYTES = 1 << 20;

const LF = 10;
const CR = 13;

export class ByteBlocks {
  private buf = new Uint8Array(0);
  private len = 0;
  /** Just after the last whole line terminator in buf[0, len), or -1: found as bytes arrive, never by scanning again. */
  private brk = -1;
  private started = false;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });
  private cp1252: TextDecoder | null = null;
  /** Lines cut at MAX_LINE_BYTES. */
  cutLines = 0;
  /** Blocks that were not valid UTF-8 (read as Windows-1252). */
  nonUtf8Blocks = 0;

  constructor(private readonly blockBytes = BLOCK_BYTES) {}

  /** Add bytes; gives the blocks of whole lines now complete (text without the last terminator). */
  push(chunk: Uint8Array, out: (text: string) => void): void {
    let bytes = chunk;
    if (!this.started && bytes.length) {
      // a BOM split over the first two chunks is rare enough to be read as text
      if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      this.started = true;
    }
    // a large chunk (a browser's File.stream() gives up to megabytes) is taken a block at a time
    for (let off = 0; off < bytes.length; off += this.blockBytes) {
      const from = this.len;
      this.append(bytes.subarray(off, off + this.blockBytes));
      this.findBreak(from);
      if (this.len >= this.blockBytes) this.cut(out, false);
    }
  }

  /** The rest, after the last chunk. */
  end(out: (text: string) => void): void {
    this.cut(out, true);
  }

  private append(bytes: Uint8Array): void {
    if (this.len + bytes.length > this.buf.length) {
      const grown = new Uint8Array(Math.max(this.len + bytes.length, this.buf.length * 2, this.blockBytes * 2));
      grown.set(this.buf.subarray(0, this.len));
      this.buf = grown;
    }
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
  }

  private cut(out: (text: string) => void, last: boolean): void {
    if (!this.len) return;
    let at: number;
    if (last) at = this.len;
    else {
      at = this.brk;
      if (at < 0) {
        // no terminator yet: wait, unless the line is already too long
        if (this.len < MAX_LINE_BYTES) return;
        at = this.safeCut(MAX_LINE_BYTES);
        this.cutLines++;
      }
    }
    // the block is bytes [0, at): whole lines; a terminator at its end is dropped from the text
    let end = at;
    if (end > 0 && this.buf[end - 1] === LF) end--;
    if (end > 0 && this.buf[end - 1] === CR) end--;
    const block = this.buf.subarray(0, end);
    out(this.decode(block));
    // keep the tail (copied down: the buffer is reused)
    this.buf.copyWithin(0, at, this.len);
    this.len -= at;
    this.brk = -1;
    // the tail may end with a CR that a later LF completes: look at it again as bytes come
    this.findBreak(0);
  }

  /**
   * Look for the last line terminator among the bytes from `from` on (and the
   * byte before, a CR that was at the end and may be followed by its LF now).
   * A CR at the very end may be half a CRLF: it counts once the next byte is in.
   */
  private findBreak(from: number): void {
    const b = this.buf;
    for (let i = this.len - 1; i >= Math.max(0, from - 1); i--) {
      const c = b[i];
      if (c === LF || (c === CR && i < this.len - 1)) {
        if (i + 1 > this.brk) this.brk = i + 1;
        return;
      }
    }
  }

  /** A cut at or before `max` that does not split a UTF-8 sequence. */
  private safeCut(max: number): number {
    let at = Math.min(max, this.len);
    // step back over continuation bytes (10xxxxxx) to the start of a character
    for (let k = 0; k < 4 && at > 0 && (this.buf[at] & 0xc0) === 0x80; k++) at--;
    return at > 0 ? at : Math.min(max, this.len);
  }

  private decode(block: Uint8Array): string {
    try {
      return this.utf8.decode(block);
    } catch {
      this.nonUtf8Blocks++;
      this.cp1252 ??= new TextDecoder('windows-1252');
      return this.cp1252.decode(block);
    }
  }
}

/**
 * Calls `line(text, start, end)` for each line of a block (positions into the
 * block; the caller slices only the lines it needs). `lineNo` of the first is
 * given by the caller; returns the number of lines.
 */
export function eachLine(block: string, line: (start: number, end: number) => void): number {
  let n = 0;
  let pos = 0;
  const len = block.length;
  if (block.indexOf('\r') < 0) {
    // the common case: LF only
    for (;;) {
      const i = block.indexOf('\n', pos);
      if (i < 0) {
        line(pos, len);
        return n + 1;
      }
      line(pos, i);
      n++;
      pos = i + 1;
    }
  }
  while (pos <= len) {
    let i = pos;
    while (i < len) {
      const c = block.charCodeAt(i);
      if (c === LF || c === CR) break;
      i++;
    }
    line(pos, i);
    n++;
    if (i >= len) return n;
    pos = block.charCodeAt(i) === CR && block.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  }
  return n;
}
