// Run a function that might never end (a tokenizer fed every character, a
// parser fed a mutated fixture) in a worker thread with a time limit, so that
// a loop without progress fails the test with the input that caused it
// instead of hanging the test run. Used by the robustness tests (issue 10).

import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';

export interface BoundedOutcome {
  /** Every input returned (or threw) within the time. */
  finished: boolean;
  /** The input that was running when time ran out, and its index. */
  hungOn?: unknown[];
  hungAt?: number;
  /** The last `{ note }` the function posted (fuzzing says which input it runs), when time ran out. */
  lastNote?: unknown;
  /** Inputs on which the function threw, with the error. */
  threw: { args: unknown[]; error: string }[];
  /** What each input returned (with `keepResults`), by index; missing for those that threw or never ran. */
  results: unknown[];
}

/**
 * Call `module`'s export `fn` with each argument list of `inputs`, in a worker,
 * one after another; give up after `timeoutMs` in all.
 */
export function runBounded(
  module: string | URL,
  fn: string,
  inputs: unknown[][],
  timeoutMs: number,
  o: {
    keepResults?: boolean;
    resourceLimits?: { maxOldGenerationSizeMb?: number };
    /** The time is for each input rather than for all of them. */
    perInput?: boolean;
    /** Give up also when no `{ note }` came for this long (a fuzzer that says which input it runs is stuck on one). */
    stallMs?: number;
  } = {},
): Promise<BoundedOutcome> {
  const path = module instanceof URL ? fileURLToPath(module) : module;
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./bounded-worker.mjs', import.meta.url), {
      workerData: { module: path, fn, inputs, keepResults: o.keepResults ?? false },
      ...(o.resourceLimits ? { resourceLimits: o.resourceLimits } : {}),
    });
    let current = -1;
    const threw: BoundedOutcome['threw'] = [];
    const results: unknown[] = [];
    let lastNote: unknown;
    const expire = () => {
      clearTimeout(timer);
      clearTimeout(stall);
      void worker.terminate();
      resolve({ finished: false, hungOn: inputs[current], hungAt: current, lastNote, threw, results });
    };
    // with a time for each input, starting the worker (compiling the modules) is not counted
    let timer = setTimeout(expire, o.perInput ? timeoutMs + 60_000 : timeoutMs);
    let stall: ReturnType<typeof setTimeout> | undefined;
    worker.on(
      'message',
      (m: { start?: number; threw?: number; error?: string; result?: number; value?: unknown; end?: boolean; note?: unknown }) => {
        if ('note' in m) {
          lastNote = m.note;
          if (o.stallMs) {
            clearTimeout(stall);
            stall = setTimeout(expire, o.stallMs);
          }
        }
        if (m.start !== undefined) {
          current = m.start;
          if (o.perInput) {
            clearTimeout(timer);
            timer = setTimeout(expire, timeoutMs);
          }
        }
        if (m.threw !== undefined) threw.push({ args: inputs[m.threw], error: m.error ?? '' });
        if (m.result !== undefined) results[m.result] = m.value;
        if (m.end) {
          clearTimeout(timer);
          void worker.terminate();
          resolve({ finished: true, threw, results });
        }
      },
    );
    worker.on('error', (e) => {
      clearTimeout(timer);
      clearTimeout(stall);
      reject(e);
    });
  });
}
