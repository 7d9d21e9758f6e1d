// The DoH transport: RFC 8484 GET to each resolver in turn, with a per-query
// timeout. Failures are answers with a `failure` (core's Resolver never throws).

import type { DnsResponse, Resolver, RRType } from '../core/dns/resolver';
import { decodeAnswer, encodeQuery } from './wire';

export interface DohOptions {
  /** DoH endpoint URLs, tried in order. */
  endpoints: string[];
  /** Milliseconds before a resolver is given up for this question. */
  timeoutMs?: number;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** The clock for `ms`; defaults to performance.now. */
  clock?: () => number;
}

/** rcodes after which another resolver may know better. */
const RETRY_RCODES = new Set(['SERVFAIL', 'REFUSED', 'NOTIMP', 'FORMERR']);

export class DohResolver implements Resolver {
  private readonly endpoints: string[];
  private readonly timeoutMs: number;
  private readonly fetchFn: typeof fetch;
  private readonly clock: () => number;

  constructor(o: DohOptions) {
    if (!o.endpoints.length) throw new Error('DohResolver needs at least one endpoint');
    this.endpoints = o.endpoints;
    this.timeoutMs = o.timeoutMs ?? 4000;
    this.fetchFn = o.fetch ?? ((...a) => fetch(...a));
    this.clock = o.clock ?? (() => performance.now());
  }

  async resolve(name: string, type: RRType, signal?: AbortSignal): Promise<DnsResponse> {
    const started = this.clock();
    let last: DnsResponse | null = null;
    for (const endpoint of this.endpoints) {
      last = await this.ask(endpoint, name, type, signal);
      if (!last.failure && !RETRY_RCODES.has(last.rcode)) break;
      if (signal?.aborted) break;
    }
    return { ...(last as DnsResponse), ms: this.clock() - started };
  }

  private async ask(endpoint: string, name: string, type: RRType, outer?: AbortSignal): Promise<DnsResponse> {
    const started = this.clock();
    const base = { name, type, answers: [], ad: false, resolver: endpoint };
    const fail = (failure: DnsResponse['failure'], error: string): DnsResponse => ({
      ...base,
      rcode: failure as string,
      failure,
      error,
      ms: this.clock() - started,
    });
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), this.timeoutMs);
    const onOuter = () => ctrl.abort();
    outer?.addEventListener('abort', onOuter);
    try {
      const url = `${endpoint}${endpoint.includes('?') ? '&' : '?'}dns=${encodeQuery(name, type)}`;
      let res: Response;
      try {
        res = await this.fetchFn(url, {
          method: 'GET',
          headers: { accept: 'application/dns-message' },
          signal: ctrl.signal,
          credentials: 'omit',
          cache: 'default',
        });
      } catch (e) {
        if (ctrl.signal.aborted && !outer?.aborted) return fail('TIMEOUT', `no answer within ${this.timeoutMs} ms`);
        if (outer?.aborted) return fail('NETWORK', 'cancelled');
        return fail(
          'NETWORK',
          `could not reach the resolver (offline, blocked, or cross-origin requests refused): ${(e as Error).message}`,
        );
      }
      if (!res.ok) return fail('HTTP', `HTTP ${res.status}`);
      const body = new Uint8Array(await res.arrayBuffer());
      const decoded = decodeAnswer(body, name, type);
      if ('error' in decoded) return fail('MALFORMED', decoded.error);
      return { ...base, rcode: decoded.rcode, ad: decoded.ad, answers: decoded.answers, ms: this.clock() - started };
    } catch (e) {
      if (ctrl.signal.aborted) return fail('TIMEOUT', `no answer within ${this.timeoutMs} ms`);
      return fail('NETWORK', (e as Error).message);
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuter);
    }
  }
}
