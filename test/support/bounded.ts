// Run a function that might never end (a tokenizer fed every character, a
// parser fed a mutated fixture) in a worker thread with a time limit, so that
// a loop without progress fails the test with the input that caused it
// instead of hanging the test run. Used by the robustness tests (issue 10).

import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';

export interface BoundedOutcome {
  /** Every input returned (or threw) within the time. */
  finished: boolean;
  /** The input that was running when time ran out. */
  hungOn?: unknown[];
  /** Inputs on which the function threw, with the error. */
  threw: { args: unknown[]; error: string }[];
}

/**
 * Call `module`'s export `fn` with each argument list of `inputs`, in a worker,
 * one after another; give up after `timeoutMs` in all.
 */
export function runBounded(module: string | URL, fn: string, inputs: unknown[][], timeoutMs: number): Promise<BoundedOutcome> {
  const path = module instanceof URL ? fileURLToPath(module) : module;
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./bounded-worker.mjs', import.meta.url), { workerData: { module: path, fn, inputs } });
    let current = -1;
    const threw: BoundedOutcome['threw'] = [];
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ finished: false, hungOn: inputs[current], threw });
    }, timeoutMs);
    worker.on('message', (m: { start?: number; threw?: number; error?: string; end?: boolean }) => {
      if (m.start !== undefined) current = m.start;
      if (m.threw !== undefined) threw.push({ args: inputs[m.threw], error: m.error ?? '' });
      if (m.end) {
        clearTimeout(timer);
        void worker.terminate();
        resolve({ finished: true, threw });
      }
    });
    worker.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}
