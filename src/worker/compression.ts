// deflate-raw with the platform's CompressionStream (browsers, workers and
// Node ≥ 18), for permalinks. Decompression is fed in small slices and stops
// as soon as the output passes the cap, so a small "zip bomb" link cannot
// exhaust memory.

import type { Compression } from '../core/share/permalink';
import { readCapped } from '../net/read-capped';

function through(data: Uint8Array, t: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  const blob = new Blob([data as BlobPart]);
  return blob.stream().pipeThrough(t as unknown as TransformStream<Uint8Array, Uint8Array>);
}

/**
 * deflate's ratio is at most about 1032:1, so a slice of this many compressed
 * bytes unpacks to at most about a megabyte: feeding the decompressor slice by
 * slice, and reading its output as it comes, bounds what it holds at once.
 * (Given the whole input in one chunk, a DecompressionStream unpacks all of it
 * before the reader sees the first byte: a 2 MB "deflate bomb" link took
 * 5.6 s and 1.2 GB before it was refused.)
 */
const SLICE = 1024;

async function inflateCapped(data: Uint8Array, maxBytes: number): Promise<Uint8Array | null> {
  const ds = new DecompressionStream('deflate-raw');
  const writer = ds.writable.getWriter();
  let stopped = false;
  const feeding = (async () => {
    for (let i = 0; i < data.length && !stopped; i += SLICE) {
      await writer.ready;
      await writer.write(data.slice(i, i + SLICE) as Uint8Array<ArrayBuffer>);
    }
    if (!stopped) await writer.close();
  })();
  // a corrupt stream errors both sides: the reader reports it
  feeding.catch(() => {});
  const out = await readCapped(ds.readable, maxBytes);
  if (out === null) {
    stopped = true;
    await writer.abort().catch(() => {});
  }
  await feeding.catch(() => {});
  return out;
}

export const platformCompression: Compression = {
  async compress(data) {
    return (await readCapped(through(data, new CompressionStream('deflate-raw')), Number.MAX_SAFE_INTEGER))!;
  },
  async decompress(data, maxBytes) {
    try {
      return await inflateCapped(data, maxBytes);
    } catch {
      return null;
    }
  },
};
