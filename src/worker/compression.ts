// deflate-raw with the platform's CompressionStream (browsers, workers and
// Node ≥ 18), for permalinks. Decompression stops as soon as the output
// passes the cap, so a small "zip bomb" link cannot exhaust memory.

import type { Compression } from '../core/share/permalink';

async function readAll(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

function through(data: Uint8Array, t: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  const blob = new Blob([data as BlobPart]);
  return blob.stream().pipeThrough(t as unknown as TransformStream<Uint8Array, Uint8Array>);
}

export const platformCompression: Compression = {
  async compress(data) {
    return (await readAll(through(data, new CompressionStream('deflate-raw')), Number.MAX_SAFE_INTEGER))!;
  },
  async decompress(data, maxBytes) {
    try {
      return await readAll(through(data, new DecompressionStream('deflate-raw')), maxBytes);
    } catch {
      return null;
    }
  },
};
