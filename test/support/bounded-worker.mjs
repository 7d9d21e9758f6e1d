// The worker side of test/support/bounded.ts: imports a TypeScript module
// (through tsx) and calls one of its exports on each input in turn, saying
// which input it starts, so that the parent can name the one that never ends.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const mod = await tsImport(workerData.module, import.meta.url);
const fn = mod[workerData.fn];
if (typeof fn !== 'function') throw new Error(`${workerData.module} has no export ${workerData.fn}`);
for (let i = 0; i < workerData.inputs.length; i++) {
  parentPort.postMessage({ start: i });
  const args = workerData.inputs[i];
  try {
    const value = await fn(...args);
    parentPort.postMessage({ result: i, value: workerData.keepResults ? value : undefined });
  } catch (e) {
    parentPort.postMessage({ threw: i, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
}
parentPort.postMessage({ end: true });
