// The analysis' view of DNS: every question goes through here, so that
// - the same question is asked once per analysis (concurrent askers share it),
// - the number of questions is bounded (maxDnsQueries),
// - every question and answer lands in the report's query log, with its time.

import type { DnsLogEntry } from '../types';
import type { DnsResponse, RRType, Resolver } from './resolver';
import { normalizeName } from './names';

export class Lookup {
  private readonly asked = new Map<string, Promise<DnsResponse>>();
  readonly log: DnsLogEntry[] = [];
  private count = 0;

  constructor(
    private readonly resolver: Resolver,
    private readonly now: () => Date,
    private readonly maxQueries: number,
    private readonly signal?: AbortSignal,
    private readonly onAnswer?: (entry: DnsLogEntry) => void,
  ) {}

  /** Questions that went to the resolver (not counting repeats). */
  get questions(): number {
    return this.count;
  }

  query(name: string, type: RRType): Promise<DnsResponse> {
    const n = normalizeName(name);
    const key = `${n}/${type}`;
    const known = this.asked.get(key);
    if (known) return known;
    let p: Promise<DnsResponse>;
    if (this.count >= this.maxQueries) {
      p = Promise.resolve({
        name: n,
        type,
        rcode: 'LIMIT',
        answers: [],
        ad: false,
        resolver: '',
        ms: 0,
        failure: 'LIMIT',
        error: `more than ${this.maxQueries} DNS questions in one analysis`,
      });
    } else {
      this.count++;
      p = this.resolver.resolve(n, type, this.signal).then((r) => {
        // a question that never left (live checks off) is not in the log of what left
        if (r.failure === 'OFFLINE') return r;
        const entry: DnsLogEntry = {
          resolver: r.resolver,
          name: n,
          type,
          rcode: r.rcode,
          answers: r.answers.filter((a) => a.type === type).map((a) => a.data),
          ...(r.answers.some((a) => a.type === 'CNAME') ? { cname: r.answers.filter((a) => a.type === 'CNAME').map((a) => a.data) } : {}),
          ms: Math.round(r.ms),
          ad: r.ad,
          at: this.now().toISOString(),
          ...(r.cached ? { cached: true } : {}),
        };
        this.log.push(entry);
        this.onAnswer?.(entry);
        return r;
      });
    }
    this.asked.set(key, p);
    return p;
  }
}
