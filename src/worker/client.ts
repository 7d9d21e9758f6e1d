// The page's side of the analysis worker: one worker, requests by id, the
// newest request wins (an older one is cancelled).
//
// A worker can fail: its script may not load (a stale cache after an update,
// a blocked script), it may crash, or an analysis may never end (a resolver
// that hangs past every timeout, a parser caught in a loop). Then every
// waiting request is answered with an error that says so, the dead worker is
// dropped, and the next request starts a fresh one; a cancelled analysis that
// the worker does not confirm within a few seconds gets the worker replaced
// too, so that the page is never left waiting for ever.

import type { DnsLogEntry, PartialReport, Report } from '../core/types';
import type { AnalyzeRequest, CallRequest, CallResults, WorkerRequest, WorkerResponse } from './protocol';
import type { ReportView, SummaryView } from './view/types';
import type { OpenedLink, ShareCall } from './share';
import type { DnsblSettings } from '../core/checks/dnsbl';
import type { ResolverTest } from '../net/test-resolver';
import type { FileText } from './read-file';

export interface AnalyzeCall {
  text: string;
  exactBytes: boolean;
  resolvers: string[];
  replay?: DnsLogEntry[];
  dnsbl?: DnsblSettings;
  onDns?: (entry: DnsLogEntry) => void;
  /** A partial analysis while DNS answers come in (steps still waiting carry `pending: true`). */
  onPartial?: (partial: PartialAnalysis) => void;
  /** Answer a log of many refused sessions with its triage instead of a report (named so). */
  triage?: { name: string };
}

/** An analysis answered with a triage: the input is a log with many refused sessions. */
export interface Triaged {
  triage: SummaryView;
}

/** A finished analysis: the report (for JSON and permalinks) and what the page draws. */
export interface Analysis {
  report: Report;
  view: ReportView;
}

/** The same while DNS answers are still coming in (analyze's onPartial). */
export interface PartialAnalysis {
  report: PartialReport;
  view: ReportView;
}

interface Pending {
  resolve: (r: Analysis | Triaged) => void;
  reject: (e: Error) => void;
  onDns?: (entry: DnsLogEntry) => void;
  onPartial?: (partial: PartialAnalysis) => void;
}

interface PendingSummary {
  resolve: (s: SummaryView | null) => void;
  reject: (e: Error) => void;
  onProgress: (bytes: number, total: number) => void;
}

/** How long a cancelled analysis may take to stop before its worker is replaced. */
export const CANCEL_GRACE_MS = 3000;

/** What the page needs of a Worker (a stand-in in unit tests). */
export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener'>;

const defaultWorker = (): WorkerLike => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'mailmedic-analysis' });

export class AnalysisClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private summaries = new Map<number, PendingSummary>();
  /** Resolver tests run beside analyses; a new analysis does not cancel them. */
  private tests = new Map<number, { url: string; resolve: (r: ResolverTest) => void }>();
  /** Files being decoded; like resolver tests, a new analysis does not cancel them. */
  private files = new Map<number, (r: FileText) => void>();
  /** Calls answered by one `reply` (views, permalinks). */
  private calls = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();
  /** Cancelled analyses the worker has not confirmed yet, with their watchdogs. */
  private stopping = new Map<number, ReturnType<typeof setTimeout>>();

  /**
   * The worker (and with it the whole engine: parsers, knowledge, DNS) is
   * not started here: the page calls warm() after its first paint, so the
   * engine's script never competes with the first screen. A
   * request made before that starts it at once.
   */
  constructor(private readonly makeWorker: () => WorkerLike = defaultWorker) {}

  /** Start the worker now, so that its script is loaded before the first analysis. */
  warm(): void {
    // if it cannot be made now, the first request tries again and says why
    try {
      void this.w;
    } catch {
      this.worker = null;
    }
  }

  private get w(): WorkerLike {
    if (this.worker) return this.worker;
    const w = this.makeWorker();
    w.addEventListener('message', (e) => {
      if (this.worker === w) this.onMessage((e as MessageEvent<WorkerResponse>).data);
    });
    w.addEventListener('error', (e) => {
      if (this.worker !== w) return;
      // a script that fails to load gives an ErrorEvent without a message
      const why = (e as ErrorEvent).message || 'its script could not be loaded or it crashed';
      this.restart(`The analysis worker stopped: ${why}. Try again; if it keeps failing, reload the page.`);
    });
    w.addEventListener('messageerror', () => {
      if (this.worker === w) this.restart('The analysis worker sent a message the page could not read. Try again.');
    });
    this.worker = w;
    return w;
  }

  /** Drop the worker; every request still waiting gets `message` as its error. */
  private restart(message: string): void {
    this.worker?.terminate();
    this.worker = null;
    for (const t of this.stopping.values()) clearTimeout(t);
    this.stopping.clear();
    const err = new Error(message);
    for (const p of [...this.pending.values(), ...this.summaries.values(), ...this.calls.values()]) p.reject(err);
    this.pending.clear();
    this.summaries.clear();
    this.calls.clear();
    for (const t of this.tests.values()) t.resolve({ url: t.url, ok: false, message });
    this.tests.clear();
    for (const f of this.files.values()) f({ error: message });
    this.files.clear();
  }

  analyze(call: AnalyzeCall): Promise<Analysis | Triaged> {
    this.cancelAnalysis();
    const id = this.nextId++;
    const req: AnalyzeRequest = {
      type: 'analyze',
      id,
      text: call.text,
      exactBytes: call.exactBytes,
      resolvers: call.resolvers,
      replay: call.replay,
      dnsbl: call.dnsbl,
      triage: call.triage,
    };
    return new Promise<Analysis | Triaged>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onDns: call.onDns, onPartial: call.onPartial });
      this.send(req);
    });
  }

  /**
   * Summarise a large log file in the worker, reading it as a stream. The
   * promise gives null when cancelled.
   */
  summarise(
    file: Blob,
    name: string,
    onProgress: (bytes: number, total: number) => void,
  ): { done: Promise<SummaryView | null>; cancel: () => void } {
    const id = this.nextId++;
    const done = new Promise<SummaryView | null>((resolve, reject) => {
      this.summaries.set(id, { resolve, reject, onProgress });
      this.send({ type: 'summarise', id, file, name });
    });
    return { done, cancel: () => this.summaries.has(id) && this.send({ type: 'cancel', id }) };
  }

  /** Ask one DoH endpoint a test question (the settings panel's button). */
  /** Open the connection to the first of `resolvers` ahead of an analysis (WarmDnsRequest); at most once in a while. */
  warmDns(resolvers: string[]): void {
    if (resolvers.length) this.send({ type: 'warm-dns', resolvers });
  }

  testResolver(url: string): Promise<ResolverTest> {
    const id = this.nextId++;
    return new Promise<ResolverTest>((resolve) => {
      this.tests.set(id, { url, resolve });
      this.send({ type: 'test-resolver', id, url });
    });
  }

  /** Decode a dropped file's bytes to text in the worker (a .msg gives its Internet headers). */
  readFile(file: Blob, name: string): Promise<FileText> {
    const id = this.nextId++;
    return new Promise<FileText>((resolve) => {
      this.files.set(id, resolve);
      this.send({ type: 'read-file', id, file, name });
    });
  }

  private call<K extends CallRequest['type']>(req: Omit<Extract<CallRequest, { type: K }>, 'id'>): Promise<CallResults[K]> {
    const id = this.nextId++;
    return new Promise<CallResults[K]>((resolve, reject) => {
      this.calls.set(id, { resolve: resolve as (r: unknown) => void, reject });
      this.send({ ...req, id } as unknown as CallRequest);
    });
  }

  /** The view of a report the page kept or restored (drawn as a fresh analysis would be). */
  view(report: Report): Promise<ReportView> {
    return this.call<'view'>({ type: 'view', report });
  }

  /** A permalink's fragment (without '#') for the state, redacted as asked. */
  share(call: ShareCall): Promise<string> {
    return this.call<'share'>({ type: 'share', call });
  }

  /** Decode and check a permalink's fragment. */
  openLink(fragment: string): Promise<OpenedLink> {
    return this.call<'open-link'>({ type: 'open-link', fragment });
  }

  /** Stop the running analysis, if any: its promise rejects with an AbortError at once. */
  cancelAnalysis(): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(new DOMException('the analysis was stopped', 'AbortError'));
      this.send({ type: 'cancel', id });
      // a worker that does not confirm in time is stuck: replace it
      this.stopping.set(
        id,
        setTimeout(() => {
          if (this.stopping.delete(id))
            this.restart('The previous analysis did not stop, so the analysis worker was restarted. Try again.');
        }, CANCEL_GRACE_MS),
      );
    }
  }

  private send(msg: WorkerRequest): void {
    try {
      this.w.postMessage(msg);
    } catch (e) {
      // the Worker could not even be made (e.g. blocked by the page's policy)
      this.worker = null;
      this.restart(`The analysis worker could not start: ${(e as Error).message}`);
    }
  }

  private onMessage(msg: WorkerResponse): void {
    if (this.stopping.has(msg.id) && (msg.type === 'report' || msg.type === 'triage' || msg.type === 'error' || msg.type === 'cancelled')) {
      clearTimeout(this.stopping.get(msg.id));
      this.stopping.delete(msg.id);
      return;
    }
    if (msg.type === 'resolver-test') {
      this.tests.get(msg.id)?.resolve(msg.result);
      this.tests.delete(msg.id);
      return;
    }
    if (msg.type === 'reply') {
      const c = this.calls.get(msg.id);
      this.calls.delete(msg.id);
      if (msg.error !== undefined) c?.reject(new Error(msg.error));
      else c?.resolve(msg.result);
      return;
    }
    if (msg.type === 'file-text') {
      this.files.get(msg.id)?.(msg.result);
      this.files.delete(msg.id);
      return;
    }
    const sum = this.summaries.get(msg.id);
    if (sum) {
      if (msg.type === 'progress') sum.onProgress(msg.bytes, msg.total);
      else if (msg.type === 'summary') {
        this.summaries.delete(msg.id);
        sum.resolve(msg.summary);
      } else if (msg.type === 'error') {
        this.summaries.delete(msg.id);
        sum.reject(new Error(msg.message));
      }
      return;
    }
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.type === 'dns') for (const e of msg.entries) p.onDns?.(e);
    else if (msg.type === 'partial') p.onPartial?.({ report: msg.report, view: msg.view });
    else if (msg.type === 'report') {
      this.pending.delete(msg.id);
      p.resolve({ report: msg.report, view: msg.view });
    } else if (msg.type === 'triage') {
      this.pending.delete(msg.id);
      p.resolve({ triage: msg.summary });
    } else if (msg.type === 'error') {
      this.pending.delete(msg.id);
      p.reject(new Error(msg.message));
    } else if (msg.type === 'cancelled') {
      this.pending.delete(msg.id);
      p.reject(new DOMException('the analysis was stopped', 'AbortError'));
    }
  }
}
