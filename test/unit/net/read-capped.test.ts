// The one capped stream reader behind DoH answers and permalink decompression.
import { describe, expect, it } from 'vitest';
import { readCapped } from '../../../src/net/read-capped';

function streamOf(chunks: number[], onCancel?: () => void): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (i < chunks.length) c.enqueue(new Uint8Array(chunks[i++]).fill(i));
      else c.close();
    },
    cancel() {
      onCancel?.();
    },
  });
}

describe('readCapped', () => {
  it('joins every chunk in order when the total is at most the cap', async () => {
    const out = await readCapped(streamOf([2, 3]), 5);
    expect(Array.from(out!)).toEqual([1, 1, 2, 2, 2]);
  });

  it('gives null and cancels the stream once one byte more than the cap arrives', async () => {
    let cancelled = false;
    expect(
      await readCapped(
        streamOf([2, 3, 100], () => (cancelled = true)),
        4,
      ),
    ).toBeNull();
    expect(cancelled).toBe(true);
  });

  it('reads an empty stream as no bytes', async () => {
    expect((await readCapped(streamOf([]), 0))!.length).toBe(0);
  });
});
