// Lines from a stream of text chunks: a line may be split across chunks, and
// CRLF may be split between the CR and the LF. Same rules as text/lines.ts.

export class LineSplitter {
  private rest = '';
  private lastWasCR = false;

  /** The complete lines in this chunk (and the previous rest). */
  push(chunk: string): string[] {
    let text = chunk;
    // a CRLF split across chunks: drop the LF that ends the CR's line
    if (this.lastWasCR && text.startsWith('\n')) text = text.slice(1);
    this.lastWasCR = text.endsWith('\r');
    const parts = (this.rest + text).split(/\r\n|\n|\r/);
    this.rest = parts.pop() ?? '';
    return parts;
  }

  /** What is left after the last chunk. */
  end(): string[] {
    const r = this.rest;
    this.rest = '';
    return r ? [r] : [];
  }
}
