// Reading a large log file in the worker: the File is streamed (never held
// whole) and its bytes fed to the core summariser, which cuts them into lines
// itself; progress is reported by bytes read. Cancelling stops the reading.

import { LogSummariser, type LogSummary } from '../core/summary/summariser';

/** How often progress is reported, in bytes read. */
const PROGRESS_STEP = 1 << 20;

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
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
  } finally {
    reader.releaseLock();
  }
  onProgress(file.size, file.size);
  return summariser.finish();
}
