/// <reference lib="webworker" />
// The analysis worker: parsing and rules run here, off the main thread, with
// the DoH transport; the page only renders.

import { analyze } from '../core/index';
import { offlineResolver, type Resolver } from '../core/dns/resolver';
import { replayResolver } from '../core/dns/replay';
import { DohResolver } from '../net/doh';
import type { WorkerRequest, WorkerResponse } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const running = new Map<number, AbortController>();

function post(msg: WorkerResponse): void {
  self.postMessage(msg);
}

self.addEventListener('message', async (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  if (req.type === 'cancel') {
    running.get(req.id)?.abort();
    return;
  }
  const ctrl = new AbortController();
  running.set(req.id, ctrl);
  try {
    const resolver: Resolver = req.replay
      ? replayResolver(req.replay)
      : req.resolvers.length
        ? new DohResolver({ endpoints: req.resolvers })
        : offlineResolver;
    const report = await analyze(req.text, {
      resolver,
      exactBytes: req.exactBytes,
      signal: ctrl.signal,
      onDns: (entry) => post({ type: 'dns', id: req.id, entry }),
    });
    if (!ctrl.signal.aborted) post({ type: 'report', id: req.id, report });
  } catch (err) {
    post({ type: 'error', id: req.id, message: err instanceof Error ? err.message : String(err) });
  } finally {
    running.delete(req.id);
  }
});
