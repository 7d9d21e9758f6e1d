// The resolver engine: RFC 8484 GET (id 0, base64url) to each configured DoH
// endpoint in turn, with
// - a per-try timeout that counts from when the request is surely on the
//   wire, not from when it waited in the browser's queue (send-line.ts), and a retry on
//   the next endpoint after a failure or a SERVFAIL/REFUSED (another resolver
//   may know better);
// - a TTL-honouring cache (cache.ts) shared by every analysis using this object;
// - in-flight de-duplication: one question is never on the wire twice at once,
//   whoever asks it;
// - a concurrency limit on requests (limiter.ts);
// - failures named for what they are: TIMEOUT, HTTP, MALFORMED (garbage, a
//   wrong id, an answer to another question, a truncated answer, a body
//   larger than a DNS message), CORS (the resolver refuses
//   cross-origin pages) or NETWORK (unreachable, offline) — see failure.ts;
// - the AD flag (RFC 4035 §3.2.3) passed through.
// Failures are answers with a `failure`: core's Resolver never throws.

import { offlineResponse, type DnsAttempt, type DnsResponse, type Resolver, type RRType } from '../core/dns/resolver';
import { DnsCache } from './cache';
import { Limiter } from './limiter';
import { BROWSER_CONNECTIONS_PER_ORIGIN, SendLine, type Ticket } from './send-line';
import { classifyFetchError, isBrowserOffline } from './failure';
import { decodeAnswer, encodeQuery } from './wire';
import { readCapped } from './read-capped';

export interface DohOptions {
  /** DoH endpoint URLs, tried in order. */
  endpoints: string[];
  /** Milliseconds before one resolver is given up for one question. */
  timeoutMs?: number;
  /** Requests on the wire at once, over all endpoints. */
  maxConcurrent?: number;
  /** Keep answers for their TTL (default true). */
  cache?: boolean;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** The clock (ms) for `ms`, timeouts' bookkeeping and TTLs; defaults to performance.now. */
  clock?: () => number;
  /** Whether the host says it is offline; defaults to `navigator.onLine === false` where that exists. */
  isOffline?: () => boolean;
  /** How long an endpoint that could not be reached is tried after the others (ms). */
  downForMs?: number;
  /**
   * Requests the host sends at once to one endpoint before queueing the rest
   * unseen (send-line.ts): six in a browser (HTTP/1.1 per origin, the
   * default); Infinity where fetch opens as many connections as asked (Node's
   * undici, the CLI).
   */
  connectionsPerEndpoint?: number;
  /**
   * The protocol a response to `url` came over (an ALPN id: 'h2', 'http/1.1'),
   * when the host can tell; defaults to Resource Timing's nextHopProtocol
   * (empty for a cross-origin resolver that sends no Timing-Allow-Origin).
   */
  protocolOf?: (url: string) => string | undefined;
}

/** rcodes after which another resolver may know better. */
const RETRY_RCODES = new Set(['SERVFAIL', 'REFUSED', 'NOTIMP', 'FORMERR']);

export const DEFAULT_TIMEOUT_MS = 4000;
/**
 * The largest answer body read: a DNS message is at most 65535 octets (its
 * length is 16 bits on TCP, RFC 1035 §4.2.2, and RFC 8484 §6 keeps DoH to
 * the same messages). A longer body (an answer followed by megabytes of
 * junk) is refused as it streams in, never buffered whole.
 */
export const MAX_ANSWER_BYTES = 65535;
export const DEFAULT_MAX_CONCURRENT = 32;
/** A resolver contacted less than this long ago (ms) still has its connection open: warm() leaves it. */
export const WARM_FOR_MS = 30_000;

/** An endpoint on this machine (a local DoH server may serve a lab zone with documentation names). */
function isLoopbackUrl(endpoint: string): boolean {
  try {
    const host = new URL(endpoint).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\./.test(host);
  } catch {
    return false;
  }
}

export class DohResolver implements Resolver {
  readonly endpoints: readonly string[];
  private readonly timeoutMs: number;
  private readonly fetchFn: typeof fetch;
  private readonly clock: () => number;
  private readonly isOffline: () => boolean;
  private readonly downForMs: number;
  private readonly cache: DnsCache | null;
  private readonly limiter: Limiter;
  private readonly inFlight = new Map<string, Promise<DnsResponse>>();
  /** Endpoint → clock time until which it is tried last (it failed to connect). */
  private readonly downUntil = new Map<string, number>();
  private readonly connections: number;
  private readonly lines = new Map<string, SendLine>();
  private readonly protocolOf: (url: string) => string | undefined;
  /** Endpoint → clock time of the last request sent to it (for warm()). */
  private readonly contacted = new Map<string, number>();
  /** Requests actually sent (tries, not questions): for tests and the bench. */
  sent = 0;
  /** Some endpoint is on the Internet (not this machine): documentation names there are nobody's (Resolver.publicDns). */
  readonly publicDns: boolean;

  constructor(o: DohOptions) {
    if (!o.endpoints.length) throw new Error('DohResolver needs at least one endpoint');
    this.endpoints = [...o.endpoints];
    this.publicDns = this.endpoints.some((e) => !isLoopbackUrl(e));
    this.timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.fetchFn = o.fetch ?? ((...a) => fetch(...a));
    this.clock = o.clock ?? (() => performance.now());
    this.isOffline = o.isOffline ?? isBrowserOffline;
    this.downForMs = o.downForMs ?? 30_000;
    this.cache = o.cache === false ? null : new DnsCache(this.clock);
    this.limiter = new Limiter(o.maxConcurrent ?? DEFAULT_MAX_CONCURRENT);
    this.connections = o.connectionsPerEndpoint ?? BROWSER_CONNECTIONS_PER_ORIGIN;
    this.protocolOf = o.protocolOf ?? resourceProtocol;
  }

  /** Forget cached answers (e.g. after the user changed a record and wants to see it now). */
  clearCache(): void {
    this.cache?.clear();
  }

  resolve(asked: string, type: RRType, signal?: AbortSignal): Promise<DnsResponse> {
    // names are case-insensitive (RFC 4343) and the root dot is implied
    const name = asked.trim().replace(/\.$/, '').toLowerCase();
    const key = DnsCache.key(name, type);
    const hit = this.cache?.get(key);
    if (hit) return Promise.resolve(hit);
    let p = this.inFlight.get(key);
    if (!p) {
      p = this.resolveOnWire(name, type, key).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, p);
    }
    return signal ? raceAbort(p, signal, name, type) : p;
  }

  /**
   * Open the connection to the endpoint tried first, ahead of the questions:
   * the TLS handshake (and, over HTTP/2, the browser learning that one
   * connection carries everything) then happens while the input is pasted or
   * read, not in front of the first questions. It asks the root's NS — a
   * question that carries nothing of the input, answered from any
   * resolver's cache — and keeps no answer. Nothing when the endpoint was
   * contacted within WARM_FOR_MS or the host is offline.
   */
  warm(): void {
    const endpoint = this.order()[0];
    if (this.isOffline() || this.clock() - (this.contacted.get(endpoint) ?? -Infinity) < WARM_FOR_MS) return;
    void this.limiter.run(() => this.ask(endpoint, '.', 'NS')).catch(() => undefined);
  }

  /** Endpoints in the order to try now: those not known to be down first. */
  private order(): string[] {
    const now = this.clock();
    const up = this.endpoints.filter((e) => (this.downUntil.get(e) ?? 0) <= now);
    const down = this.endpoints.filter((e) => (this.downUntil.get(e) ?? 0) > now);
    return [...up, ...down];
  }

  private async resolveOnWire(name: string, type: RRType, key: string): Promise<DnsResponse> {
    const started = this.clock();
    if (this.isOffline()) {
      return offlineResponse(name, type, 'the browser is offline; nothing was sent');
    }
    const attempts: DnsAttempt[] = [];
    let chosen: { response: DnsResponse; ttl: number | null } | null = null;
    for (const endpoint of this.order()) {
      const tried = await this.limiter.run(() => this.ask(endpoint, name, type));
      const r = tried.response;
      attempts.push({
        resolver: endpoint,
        rcode: r.rcode,
        ms: Math.round(r.ms),
        ...(r.failure ? { failure: r.failure, error: r.error } : {}),
      });
      // unreachable, refusing this page, or silent since it was first asked: others first for a while
      const silent = r.failure === 'TIMEOUT' && !this.lineOf(endpoint).answered;
      if (r.failure === 'NETWORK' || r.failure === 'CORS' || silent) this.downUntil.set(endpoint, this.clock() + this.downForMs);
      else this.downUntil.delete(endpoint);
      // keep the most telling result: a DNS answer beats a transport failure; else the latest failure
      if (!chosen || chosen.response.failure) chosen = tried;
      if (!r.failure && !RETRY_RCODES.has(r.rcode)) {
        chosen = tried;
        break;
      }
    }
    const final = chosen!.response;
    const out: DnsResponse = {
      ...final,
      ms: this.clock() - started,
      ...(attempts.length > 1 ? { attempts } : {}),
    };
    if (final.failure && attempts.length > 1) {
      out.error = attempts.map((a) => `${a.resolver}: ${a.failure ? (a.error ?? a.failure) : a.rcode}`).join('; ');
    }
    this.cache?.put(key, { ...out, attempts: undefined }, chosen!.ttl);
    return out;
  }

  /**
   * The send line of an endpoint's origin (send-line.ts): when its requests
   * are surely on the wire. One per origin, not per URL: the browser's six
   * connections are the origin's, whatever paths share them.
   */
  private lineOf(endpoint: string): SendLine {
    const origin = originOf(endpoint);
    let line = this.lines.get(origin);
    if (!line) this.lines.set(origin, (line = new SendLine(this.connections, { timeoutMs: this.timeoutMs, clock: this.clock })));
    return line;
  }

  private async ask(endpoint: string, name: string, type: RRType): Promise<{ response: DnsResponse; ttl: number | null }> {
    let sentAt = this.clock();
    this.sent++;
    this.contacted.set(endpoint, sentAt);
    const base = { name, type, answers: [], ad: false, resolver: endpoint };
    const fail = (failure: DnsResponse['failure'], error: string) => ({
      response: { ...base, rcode: failure as string, failure, error, ms: this.clock() - sentAt },
      ttl: null,
    });
    const ctrl = new AbortController();
    const line = this.lineOf(endpoint);
    // the timeout counts from when the request is on the wire, not from when it was queued
    let timer: ReturnType<typeof setTimeout> | undefined;
    let ended: 'timeout' | 'stalled' | 'given-up' | null = null;
    const ticket: Ticket = {
      sent: false,
      onSent: () => {
        sentAt = this.clock();
        timer = setTimeout(() => {
          ended = 'timeout';
          line.timedOut(ticket);
          ctrl.abort();
        }, this.timeoutMs);
      },
      onGivenUp: () => {
        ended = 'given-up';
        ctrl.abort();
      },
      onStalled: () => {
        ended = 'stalled';
        ctrl.abort();
      },
    };
    const timedOut = () =>
      ended === 'given-up'
        ? fail('TIMEOUT', `not sent: the resolver has answered nothing, and an earlier question got no answer within ${this.timeoutMs} ms`)
        : ended === 'stalled'
          ? fail(
              'TIMEOUT',
              `no answer within ${this.timeoutMs} ms: the resolver answered nothing for ${this.timeoutMs} ms while this question was open`,
            )
          : fail('TIMEOUT', `no answer within ${this.timeoutMs} ms of being sent`);
    const url = `${endpoint}${endpoint.includes('?') ? '&' : '?'}dns=${encodeQuery(name, type)}`;
    line.enter(ticket);
    let answered = false;
    try {
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
        if (ctrl.signal.aborted) return timedOut();
        const kind = await classifyFetchError(e, url, this.fetchFn, this.isOffline);
        return fail(kind.failure, kind.error);
      }
      answered = true;
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        return fail('HTTP', `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`);
      }
      const body = await readLimited(res, MAX_ANSWER_BYTES);
      if (!body) {
        ctrl.abort();
        return fail('MALFORMED', `the answer is larger than a DNS message can be (${MAX_ANSWER_BYTES} bytes); it was not read`);
      }
      const decoded = decodeAnswer(body, name, type);
      if ('error' in decoded) {
        const kind = res.headers?.get('content-type');
        const sent = kind && !/^application\/dns-message\b/i.test(kind) ? ` (the resolver sent ${kind.split(';')[0]})` : '';
        return fail('MALFORMED', decoded.error + sent);
      }
      return {
        response: { ...base, rcode: decoded.rcode, ad: decoded.ad, answers: decoded.answers, ms: this.clock() - sentAt },
        ttl: decoded.ttl,
      };
    } catch (e) {
      // reading the body timed out or broke off
      if (ended) return timedOut();
      return fail('NETWORK', `the answer broke off: ${(e as Error).message}`);
    } finally {
      clearTimeout(timer);
      line.leave(ticket, answered, answered && Number.isFinite(this.connections) ? this.protocolOf(url) : undefined);
    }
  }
}

/** An endpoint's origin (scheme, host, port): what a browser's connection limit counts by. */
function originOf(endpoint: string): string {
  try {
    return new URL(endpoint).origin;
  } catch {
    return endpoint;
  }
}

/** nextHopProtocol of the latest Resource Timing entry for `url`, where the host keeps them and tells it. */
function resourceProtocol(url: string): string | undefined {
  try {
    const entries = globalThis.performance?.getEntriesByName?.(url, 'resource') as PerformanceResourceTiming[] | undefined;
    return entries?.at(-1)?.nextHopProtocol || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The body, read as it streams in and refused (null) as soon as it passes
 * `limit` bytes: a declared Content-Length over the limit is refused before
 * reading anything.
 */
async function readLimited(res: Response, limit: number): Promise<Uint8Array | null> {
  const declared = Number(res.headers?.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await res.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!res.body) {
    const all = new Uint8Array(await res.arrayBuffer());
    return all.length > limit ? null : all;
  }
  return readCapped(res.body, limit);
}

/** A caller that gives up does not cancel the shared request others may wait for. */
function raceAbort(p: Promise<DnsResponse>, signal: AbortSignal, name: string, type: RRType): Promise<DnsResponse> {
  const cancelled = (): DnsResponse => ({
    name,
    type,
    rcode: 'CANCELLED',
    answers: [],
    ad: false,
    resolver: '',
    ms: 0,
    failure: 'CANCELLED',
    error: 'the analysis was cancelled',
  });
  if (signal.aborted) return Promise.resolve(cancelled());
  return new Promise((resolve) => {
    const onAbort = () => resolve(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    p.then((r) => {
      signal.removeEventListener('abort', onAbort);
      resolve(r);
    });
  });
}
