// Writing the CLI's output so that all of it arrives, whatever stdout is.
// process.exit() right after a write loses what the pipe did not take yet (a
// pipe holds 64 KiB: `analyze --json | jq` got the first 64 KiB and exit 0;
// issue 10). Every write here waits until Node has handed the bytes on, and
// the CLI then ends by setting process.exitCode and letting the event loop
// empty, never by process.exit() with output pending.

import type { Writable } from 'node:stream';

/** Write `text` and resolve once it has been handed to the OS (or the stream failed). */
export function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve) => {
    // the callback runs when the chunk is flushed (or on error: a closed pipe is not our failure)
    stream.write(text, () => resolve());
  });
}
