// Reading a large log file in the worker: the File is streamed (never held
// whole), decoded as UTF-8, split into lines and fed to the core summariser,
// with progress reported by bytes read. Cancelling stops the reading.

import { LogSummariser, type LogSummary } from '../core/summary/summariser';
import { LineSplitter } from '../core/summary/lines';

/** How often progress is reported, in bytes read. */
const PROGRESS_STEP = 1 << 20;

export async function summariseFile(
  file: Blob,
  signal: AbortSignal,
  onProgress: (bytes: number, total: number) => void,
): Promise<LogSummary | null> {
  const summariser = new LogSummariser();
  const splitter = new LineSplitter();
  const decoder = new TextDecoder('utf-8');
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
      summariser.push(splitter.push(decoder.decode(value, { stream: true })));
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
  summariser.push(splitter.push(decoder.decode()));
  summariser.push(splitter.end());
  onProgress(file.size, file.size);
  return summariser.finish();
}
