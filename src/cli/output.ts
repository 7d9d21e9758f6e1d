// Writing the CLI's output so that all of it arrives, whatever stdout is.
// process.exit() right after a write loses what the pipe did not take yet (a
// pipe holds 64 KiB: `analyze --json | jq` got the first 64 KiB and exit 0).
// Every write here waits until Node has handed the bytes on, and
// the CLI then ends by setting process.exitCode and letting the event loop
// empty, never by process.exit() with output pending.
//
// A reader may also leave early (`| head -c 1`): the next write fails with
// EPIPE, emitted as an 'error' event that, unwatched, ends Node with a stack
// trace and exit 1. Node ignores SIGPIPE, so the CLI cannot die of it silently
// as a C tool would; it notes the failure, stops writing to that stream and
// keeps the exit code of what it analysed. Any other write failure (a full
// disk) is an error the CLI reports (outputFailure).

import type { Writable } from 'node:stream';

const failures = new WeakMap<Writable, NodeJS.ErrnoException>();

/** Note a stream's write failures instead of letting them end the process. */
export function watch(stream: Writable): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (!failures.has(stream)) failures.set(stream, e);
  });
}

/** The stream can take no more (its reader left, or writing failed). */
export function closed(stream: Writable): boolean {
  return failures.has(stream) || stream.destroyed;
}

/** A failure to write that is not the reader leaving early (EPIPE), if any. */
export function outputFailure(stream: Writable): NodeJS.ErrnoException | null {
  const e = failures.get(stream);
  return e && e.code !== 'EPIPE' ? e : null;
}

/** Write `text` and resolve once it has been handed to the OS (or the stream failed). */
export function write(stream: Writable, text: string): Promise<void> {
  if (closed(stream)) return Promise.resolve();
  return new Promise((resolve) => {
    // the callback runs when the chunk is flushed, or with the error (noted by watch)
    stream.write(text, () => resolve());
  });
}

/** A line for stderr, prefixed as the CLI's own words. */
export function say(text: string): Promise<void> {
  return write(process.stderr, `analyze: ${text}\n`);
}
