/// <reference lib="webworker" />
// The analysis worker: parsing and rules run here, off the main thread, with
// the DoH transport; the page only renders.

import { analyze } from '../core/index';
import { offlineResolver, type Resolver } from '../core/dns/resolver';
import { replayResolver } from '../core/dns/replay';
import { DohResolver } from '../net/doh';
import { testResolver } from '../net/test-resolver';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { summariseFile } from './summarise';
import { readFileText } from './read-file';
import { buildView } from './view/build';
import { makeFragment, openFragment } from './share';
import { takeCspWarning, watchCsp } from './csp-watch';
import { summaryView } from './view/summary';
import { triage } from './triage';

declare const self: DedicatedWorkerGlobalScope;

// a resolver the site's Content-Security-Policy does not allow: said in the report
watchCsp(self);

const running = new Map<number, AbortController>();

/**
 * One resolver engine per list of endpoints, kept between analyses: its TTL
 * cache and endpoint health carry over, so a second diagnosis (or a retry)
 * asks the network only for what has expired or failed.
 */
let engine: { key: string; resolver: DohResolver } | null = null;
function dohFor(endpoints: string[]): DohResolver {
  const key = endpoints.join(' ');
  if (engine?.key !== key) engine = { key, resolver: new DohResolver({ endpoints }) };
  return engine.resolver;
}

function post(msg: WorkerResponse): void {
  self.postMessage(msg);
}

self.addEventListener('message', async (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  if (req.type === 'cancel') {
    running.get(req.id)?.abort();
    return;
  }
  if (req.type === 'test-resolver') {
    post({ type: 'resolver-test', id: req.id, result: await testResolver(req.url) });
    return;
  }
  if (req.type === 'read-file') {
    post({ type: 'file-text', id: req.id, result: await readFileText(req.file, req.name) });
    return;
  }
  if (req.type === 'view' || req.type === 'share' || req.type === 'open-link') {
    try {
      const result =
        req.type === 'view'
          ? buildView(req.report)
          : req.type === 'share'
            ? await makeFragment(req.call)
            : await openFragment(req.fragment);
      post({ type: 'reply', id: req.id, result });
    } catch (err) {
      post({ type: 'reply', id: req.id, error: err instanceof Error ? err.message : String(err) });
    }
    return;
  }
  const ctrl = new AbortController();
  running.set(req.id, ctrl);
  if (req.type === 'summarise') {
    try {
      const summary = await summariseFile(req.file, ctrl.signal, (bytes, total) => post({ type: 'progress', id: req.id, bytes, total }));
      post({ type: 'summary', id: req.id, summary: summary && summaryView(summary, req.name) });
    } catch (err) {
      post({ type: 'error', id: req.id, message: err instanceof Error ? err.message : String(err) });
    } finally {
      running.delete(req.id);
    }
    return;
  }
  try {
    // a log of many refused sessions: triaged instead of diagnosed whole
    const triaged = req.triage && !req.replay ? await triage(req.text, req.triage.name, ctrl.signal) : null;
    if (triaged) {
      post(ctrl.signal.aborted ? { type: 'cancelled', id: req.id } : { type: 'triage', id: req.id, summary: triaged });
      return;
    }
    const resolver: Resolver = req.replay ? replayResolver(req.replay) : req.resolvers.length ? dohFor(req.resolvers) : offlineResolver;
    const report = await analyze(req.text, {
      resolver,
      exactBytes: req.exactBytes,
      signal: ctrl.signal,
      dnsbl: req.dnsbl,
      onDns: (entry) => post({ type: 'dns', id: req.id, entry }),
      onPartial: (report) => post({ type: 'partial', id: req.id, report, view: buildView(report) }),
    });
    const csp = await takeCspWarning(report.dns.some((d) => d.rcode !== 'NOERROR' && d.rcode !== 'NXDOMAIN'));
    if (csp) report.warnings = [...(report.warnings ?? []), csp];
    post(ctrl.signal.aborted ? { type: 'cancelled', id: req.id } : { type: 'report', id: req.id, report, view: buildView(report) });
  } catch (err) {
    if (ctrl.signal.aborted) post({ type: 'cancelled', id: req.id });
    else post({ type: 'error', id: req.id, message: err instanceof Error ? err.message : String(err) });
  } finally {
    running.delete(req.id);
  }
});
