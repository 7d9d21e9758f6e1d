// The page's side of the analysis worker: one worker, requests by id, the
// newest request wins (an older one is cancelled).

import type { DnsLogEntry, Report } from '../core/types';
import type { AnalyzeRequest, WorkerRequest, WorkerResponse } from './protocol';
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
  /** Resolver tests run beside analyses; a new analysis does not cancel them. */
  private tests = new Map<number, (r: ResolverTest) => void>();

  constructor() {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'mailmedic-analysis' });
    this.worker.addEventListener('message', (e: MessageEvent<WorkerResponse>) => this.onMessage(e.data));
    this.worker.addEventListener('error', (e) => {
      for (const p of this.pending.values()) p.reject(new Error(`The analysis worker failed: ${e.message || 'unknown error'}`));
      this.pending.clear();
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
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.type === 'dns') p.onDns?.(msg.entry);
    else if (msg.type === 'report') {
      this.pending.delete(msg.id);
      p.resolve(msg.report);
    } else {
      this.pending.delete(msg.id);
      p.reject(new Error(msg.message));
    }
  }
}
