// Reading a large log file in the worker: the File is streamed (never held
// whole) and its bytes fed to the core summariser, which cuts them into lines
// itself; progress is reported by bytes read. Cancelling stops the reading.

import { LogSummariser, type LogSummary } from '../core/summary/summariser';

/** How often progress is reported, in bytes read. */
const PROGRESS_STEP = 1 << 20;

/**
 * A new task, after the messages already queued. Not setTimeout(0): these
 * yields run inside one another's continuations, and timers nested over five
 * deep wait at least 4 ms (HTML timers, "timer nesting level") — 0.4 s over
 * the hundred yields of a 100 MB log. A message is queued without a delay.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

export async function summariseFile(
  file: Blob,
  signal: AbortSignal,
  onProgress: (bytes: number, total: number) => void,
): Promise<LogSummary | null> {
  const summariser = new LogSummariser();
  const reader = file.stream().getReader();
  let bytes = 0;
  let reported = 0;
  try {
    for (;;) {
      if (signal.aborted) {
        await reader.cancel();
        return null;
      }
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      summariser.push(value);
      if (bytes - reported >= PROGRESS_STEP) {
        reported = bytes;
        onProgress(bytes, file.size);
        // let the worker take its messages (a cancel) between chunks: reads of
        // a local file resolve without ever returning to the task queue
        await nextTask();
      }
    }
  } finally {
    reader.releaseLock();
  }
  onProgress(file.size, file.size);
  return summariser.finish();
}
