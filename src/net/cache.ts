// A DNS answer cache that honours TTLs (RFC 1035 §3.2.1, RFC 2308 §5 for
// negative answers). It lives as long as the resolver object, so a second
// analysis in the same page or worker re-uses what the first one learnt, and a
// question is on the wire again only once its records have expired.
//
// Failures (timeouts, network, CORS, malformed) are never cached: a retry must
// really retry. SERVFAIL is not cached either (RFC 2308 §7.1 allows up to five
// minutes, but a user pressing "retry" expects a new question).

import type { DnsResponse } from '../core/dns/resolver';

interface Entry {
  response: DnsResponse;
  /** Clock time (ms) at which the answer was stored. */
  stored: number;
  /** Clock time (ms) after which it is stale. */
  expires: number;
}

export interface CacheOptions {
  /** Entries kept at most; the oldest go first. */
  maxEntries?: number;
  /** Upper bound on any TTL, seconds (resolvers commonly cap at one day). */
  maxTtl?: number;
}

export class DnsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly maxTtl: number;

  constructor(
    private readonly clock: () => number,
    o: CacheOptions = {},
  ) {
    this.maxEntries = o.maxEntries ?? 5000;
    this.maxTtl = o.maxTtl ?? 86400;
  }

  static key(name: string, type: string): string {
    return `${name.toLowerCase().replace(/\.$/, '')}/${type}`;
  }

  get size(): number {
    return this.entries.size;
  }

  /** A fresh cached answer, with TTLs counted down to what is left, or null. */
  get(key: string): DnsResponse | null {
    const e = this.entries.get(key);
    if (!e) return null;
    const now = this.clock();
    if (now >= e.expires) {
      this.entries.delete(key);
      return null;
    }
    const elapsed = Math.floor((now - e.stored) / 1000);
    return {
      ...e.response,
      answers: e.response.answers.map((a) => ({ ...a, ttl: Math.max(0, a.ttl - elapsed) })),
      ms: 0,
      cached: true,
    };
  }

  /**
   * Store an answer for `ttl` seconds. `ttl` null or ≤ 0 means "do not cache"
   * (e.g. a negative answer without an SOA, RFC 2308 §5).
   */
  put(key: string, response: DnsResponse, ttl: number | null): void {
    if (response.failure || ttl === null || ttl <= 0) return;
    if (response.rcode !== 'NOERROR' && response.rcode !== 'NXDOMAIN') return;
    const now = this.clock();
    this.entries.delete(key);
    this.entries.set(key, { response, stored: now, expires: now + Math.min(ttl, this.maxTtl) * 1000 });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
