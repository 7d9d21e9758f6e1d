/// <reference lib="webworker" />
// The analysis worker: parsing and rules run here, off the main thread, with
// the DoH transport; the page only renders.

import { analyze } from '../core/index';
import { offlineResolver, type Resolver } from '../core/dns/resolver';
import { replayResolver } from '../core/dns/replay';
import { DohResolver } from '../net/doh';
import { testResolver } from '../net/test-resolver';
import type { DnsLogEntry } from '../core/types';
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

/** How long DNS answers gather before they go to the page together (ms). */
const DNS_BATCH_MS = 40;

/**
 * The answers go to the page a few at a time: a burst of 25 answers is one
 * message and one update of the query log, not 25, so that the page's
 * rendering does not compete with the checks for the machine while the next
 * questions are due.
 */
function batch(send: (entries: DnsLogEntry[]) => void): { add: (e: DnsLogEntry) => void; flush: () => void } {
  let waiting: DnsLogEntry[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (waiting.length) send(waiting);
    waiting = [];
  };
  return {
    add(e) {
      waiting.push(e);
      timer ??= setTimeout(flush, DNS_BATCH_MS);
    },
    flush,
  };
}

self.addEventListener('message', async (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  if (req.type === 'cancel') {
    running.get(req.id)?.abort();
    return;
  }
  if (req.type === 'warm-dns') {
    dohFor(req.resolvers).warm();
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
  const answers = batch((entries) => post({ type: 'dns', id: req.id, entries }));
  // the connection opens while the input is read, unless a paste opened it a moment ago
  if (req.resolvers.length && !req.replay) dohFor(req.resolvers).warm();
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
      onDns: (entry) => answers.add(entry),
      onPartial: (report) => post({ type: 'partial', id: req.id, report, view: buildView(report) }),
    });
    answers.flush();
    // a request the policy blocked fails as a fetch that never reached the resolver (NETWORK, or CORS
    // when the second probe is blocked too); a SERVFAIL, a timeout or a cut-off answer came from a
    // resolver and is no reason to hold the final report back while violation events are awaited
    const csp = await takeCspWarning(report.dns.some((d) => d.rcode === 'NETWORK' || d.rcode === 'CORS'));
    if (csp) report.warnings = [...(report.warnings ?? []), csp];
    post(ctrl.signal.aborted ? { type: 'cancelled', id: req.id } : { type: 'report', id: req.id, report, view: buildView(report) });
  } catch (err) {
    if (ctrl.signal.aborted) post({ type: 'cancelled', id: req.id });
    else post({ type: 'error', id: req.id, message: err instanceof Error ? err.message : String(err) });
  } finally {
    answers.flush();
    running.delete(req.id);
  }
});
