// Reads a byte stream to its end, or gives up as soon as it passes a cap: a
// DoH answer (net/doh.ts, at most a DNS message's 64 KB) and a permalink's
// decompressed payload (worker/compression.ts, a "zip bomb" guard) both must
// not be held whole when a peer or a link sends more than it should.

/** The stream's bytes, or null once more than `maxBytes` arrived (the stream is then cancelled). */
export async function readCapped(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
