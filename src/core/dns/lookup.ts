// The analysis' view of DNS: every question goes through here, so that
// - the same question is asked once per analysis (concurrent askers share it),
// - the number of questions is bounded (maxDnsQueries),
// - every question and answer lands in the report's query log, with its time,
// - secrets that must sit in a query name (a Spamhaus DQS key) never reach
//   the log, the report or a permalink: they show as "<key>".

import type { DnsLogEntry } from '../types';
import type { DnsResponse, RRType, Resolver } from './resolver';
import { normalizeName } from './names';

export class Lookup {
  private readonly asked = new Map<string, Promise<DnsResponse>>();
  readonly log: DnsLogEntry[] = [];
  private count = 0;
  private readonly secrets: string[];

  constructor(
    private readonly resolver: Resolver,
    private readonly now: () => Date,
    private readonly maxQueries: number,
    private readonly signal?: AbortSignal,
    private readonly onAnswer?: (entry: DnsLogEntry) => void,
    secrets: string[] = [],
  ) {
    this.secrets = secrets.map((s) => s.toLowerCase()).filter((s) => s.length > 0);
  }

  /** Questions that went to the resolver (not counting repeats). */
  get questions(): number {
    return this.count;
  }

  /** A name as it may be shown: secrets replaced by "<key>". */
  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join('<key>');
    return out;
  }

  query(name: string, type: RRType): Promise<DnsResponse> {
    const n = normalizeName(name);
    const key = `${n}/${type}`;
    const known = this.asked.get(key);
    if (known) return known;
    let p: Promise<DnsResponse>;
    if (this.count >= this.maxQueries) {
      p = Promise.resolve({
        name: this.redact(n),
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
      p = this.resolver.resolve(n, type, this.signal).then((raw) => {
        const r = this.secrets.length ? this.redactResponse(raw) : raw;
        // a question that never left (live checks off, browser offline) is not in the log of what left
        if (r.failure === 'OFFLINE' || r.failure === 'CANCELLED') return r;
        const entry: DnsLogEntry = {
          resolver: r.resolver,
          name: r.name,
          type,
          rcode: r.rcode,
          answers: r.answers.filter((a) => a.type === type).map((a) => a.data),
          ...(r.answers.some((a) => a.type === 'CNAME') ? { cname: r.answers.filter((a) => a.type === 'CNAME').map((a) => a.data) } : {}),
          ms: Math.round(r.ms),
          ad: r.ad,
          at: this.now().toISOString(),
          ...(r.cached ? { cached: true } : {}),
          ...(r.error ? { error: r.error } : {}),
          ...(r.attempts && r.attempts.length > 1 ? { tries: r.attempts.length } : {}),
        };
        this.log.push(entry);
        this.onAnswer?.(entry);
        return r;
      });
    }
    this.asked.set(key, p);
    return p;
  }

  private redactResponse(r: DnsResponse): DnsResponse {
    return {
      ...r,
      name: this.redact(r.name),
      answers: r.answers.map((a) => ({ ...a, name: this.redact(a.name), data: this.redact(a.data) })),
      ...(r.error ? { error: this.redact(r.error) } : {}),
    };
  }
}
