// The page's side of the analysis worker: one worker, requests by id, the
// newest request wins (an older one is cancelled).

import type { DnsLogEntry, Report } from '../core/types';
import type { AnalyzeRequest, WorkerRequest, WorkerResponse } from './protocol';
import type { LogSummary } from '../core/summary/summariser';
import type { DnsblSettings } from '../core/checks/dnsbl';
import type { ResolverTest } from '../net/test-resolver';

export interface AnalyzeCall {
  text: string;
  exactBytes: boolean;
  resolvers: string[];
  replay?: DnsLogEntry[];
  dnsbl?: DnsblSettings;
  onDns?: (entry: DnsLogEntry) => void;
}

interface Pending {
  resolve: (r: Report) => void;
  reject: (e: Error) => void;
  onDns?: (entry: DnsLogEntry) => void;
}

export class AnalysisClient {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private summaries = new Map<
    number,
    { resolve: (s: LogSummary | null) => void; reject: (e: Error) => void; onProgress: (bytes: number, total: number) => void }
  >();
  /** Resolver tests run beside analyses; a new analysis does not cancel them. */
  private tests = new Map<number, (r: ResolverTest) => void>();

  constructor() {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'mailmedic-analysis' });
    this.worker.addEventListener('message', (e: MessageEvent<WorkerResponse>) => this.onMessage(e.data));
    this.worker.addEventListener('error', (e) => {
      for (const p of [...this.pending.values(), ...this.summaries.values()])
        p.reject(new Error(`The analysis worker failed: ${e.message || 'unknown error'}`));
      this.pending.clear();
      this.summaries.clear();
    });
  }

  analyze(call: AnalyzeCall): Promise<Report> {
    for (const id of this.pending.keys()) this.cancel(id);
    const id = this.nextId++;
    const req: AnalyzeRequest = {
      type: 'analyze',
      id,
      text: call.text,
      exactBytes: call.exactBytes,
      resolvers: call.resolvers,
      replay: call.replay,
      dnsbl: call.dnsbl,
    };
    return new Promise<Report>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onDns: call.onDns });
      this.send(req);
    });
  }

  /**
   * Summarise a large log file in the worker, reading it as a stream. The
   * promise gives null when cancelled.
   */
  summarise(file: Blob, onProgress: (bytes: number, total: number) => void): { done: Promise<LogSummary | null>; cancel: () => void } {
    const id = this.nextId++;
    const done = new Promise<LogSummary | null>((resolve, reject) => {
      this.summaries.set(id, { resolve, reject, onProgress });
      this.send({ type: 'summarise', id, file });
    });
    return { done, cancel: () => this.send({ type: 'cancel', id }) };
  }

  /** Ask one DoH endpoint a test question (the settings panel's button). */
  testResolver(url: string): Promise<ResolverTest> {
    const id = this.nextId++;
    return new Promise<ResolverTest>((resolve) => {
      this.tests.set(id, resolve);
      this.send({ type: 'test-resolver', id, url });
    });
  }

  private cancel(id: number): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    p.reject(new DOMException('superseded by a newer analysis', 'AbortError'));
    this.send({ type: 'cancel', id });
  }

  private send(msg: WorkerRequest): void {
    this.worker.postMessage(msg);
  }

  private onMessage(msg: WorkerResponse): void {
    if (msg.type === 'resolver-test') {
      this.tests.get(msg.id)?.(msg.result);
      this.tests.delete(msg.id);
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
    if (msg.type === 'dns') p.onDns?.(msg.entry);
    else if (msg.type === 'report') {
      this.pending.delete(msg.id);
      p.resolve(msg.report);
    } else if (msg.type === 'error') {
      this.pending.delete(msg.id);
      p.reject(new Error(msg.message));
    }
  }
}
