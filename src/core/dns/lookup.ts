// The analysis' view of DNS: every question goes through here, so that
// - the same question is asked once per analysis (concurrent askers share it),
// - the number of questions is bounded (maxDnsQueries),
// - every question and answer lands in the report's query log, with its time,
// - secrets that must sit in a query name (a Spamhaus DQS key) never reach
//   the log, the report or a permalink: they show as "<key>",
// - every name leaves in A-label form (an internationalised name is never
//   sent as raw UTF-8),
// - one diagnosis waits for DNS at most `deadlineMs`, however slow the
//   resolver and however long the chain of dependent questions.

import type { DnsLogEntry } from '../types';
import type { DnsResponse, RRType, Resolver } from './resolver';
import { normalizeName, toDnsName } from './names';

/** "20 s", "1.5 s", "300 ms". */
export function durationText(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10} s`;
}

export interface LookupOptions {
  /** The analysis was cancelled: questions not answered yet end CANCELLED. */
  signal?: AbortSignal;
  /** Called as each answer arrives (the query log fills live). */
  onAnswer?: (entry: DnsLogEntry) => void;
  /** Strings that must never reach the log (keys inside query names). */
  secrets?: string[];
  /**
   * The whole analysis waits at most this long for DNS (ms, from the Lookup's
   * creation): after it, unanswered questions end DEADLINE and new ones are not
   * sent, so that a slow resolver and a long chain (50 SPF includes answered in
   * 3.9 s each) cannot hold a diagnosis for minutes. Unset: no deadline.
   */
  deadlineMs?: number;
}

export class Lookup {
  private readonly asked = new Map<string, Promise<DnsResponse>>();
  /** Answers that are in, by `name/type` as asked (for a snapshot of the analysis so far). */
  private readonly settled = new Map<string, DnsResponse>();
  readonly log: DnsLogEntry[] = [];
  private count = 0;
  private readonly secrets: string[];
  private readonly signal?: AbortSignal;
  private readonly onAnswer?: (entry: DnsLogEntry) => void;
  private readonly deadlineMs: number;
  private deadlineTimer: ReturnType<typeof setTimeout> | null = null;
  /** Resolves when the deadline passes (never, without one). */
  private readonly expired: Promise<void>;
  private passed = false;

  constructor(
    private readonly resolver: Resolver,
    private readonly now: () => Date,
    private readonly maxQueries: number,
    o: LookupOptions = {},
  ) {
    this.signal = o.signal;
    this.onAnswer = o.onAnswer;
    this.secrets = (o.secrets ?? []).map((s) => s.toLowerCase()).filter((s) => s.length > 0);
    this.deadlineMs = o.deadlineMs ?? Infinity;
    this.expired = Number.isFinite(this.deadlineMs)
      ? new Promise<void>((resolve) => {
          this.deadlineTimer = setTimeout(() => {
            this.passed = true;
            resolve();
          }, this.deadlineMs);
        })
      : new Promise<void>(() => undefined);
  }

  /** The analysis is over: stop the deadline's timer (a pending timer would keep a CLI process alive). */
  finish(): void {
    if (this.deadlineTimer !== null) clearTimeout(this.deadlineTimer);
    this.deadlineTimer = null;
  }

  /** Whether the deadline passed before every answer was in. */
  get deadlinePassed(): boolean {
    return this.passed;
  }

  /** Questions asked that the deadline left without an answer. */
  get unansweredAtDeadline(): number {
    return this.cutOff;
  }
  private cutOff = 0;

  /** Questions that went to the resolver (not counting repeats). */
  get questions(): number {
    return this.count;
  }

  /** The answer to a question asked through this Lookup, once it is in; undefined while it is not. */
  answered(name: string, type: RRType): DnsResponse | undefined {
    const n = toDnsName(name);
    return n === null ? undefined : this.settled.get(`${n}/${type}`);
  }

  /** Questions asked and not answered yet. */
  get waiting(): number {
    return this.asked.size - this.settled.size;
  }

  /** A name as it may be shown: secrets replaced by "<key>". */
  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join('<key>');
    return out;
  }

  query(name: string, type: RRType): Promise<DnsResponse> {
    // every question leaves in A-label form (RFC 5890 §2.3.2.1): a name in Unicode
    // (bücher.example) is asked as xn--bcher-kva.example, never as raw UTF-8
    const n = toDnsName(name);
    if (n === null) return Promise.resolve(this.refused(normalizeName(name), type));
    const key = `${n}/${type}`;
    const known = this.asked.get(key);
    if (known) return known;
    let p: Promise<DnsResponse>;
    if (this.count >= this.maxQueries) {
      p = Promise.resolve(this.failed(n, type, 'LIMIT', `more than ${this.maxQueries} DNS questions in one analysis`));
    } else if (this.deadlinePassed) {
      // not sent: the diagnosis' time for DNS is up
      p = Promise.resolve(this.failed(n, type, 'DEADLINE', this.deadlineText()));
    } else {
      this.count++;
      const asked = this.resolver.resolve(n, type, this.signal).then((raw) => (this.secrets.length ? this.redactResponse(raw) : raw));
      const cut = this.expired.then(() => this.failed(n, type, 'DEADLINE', this.deadlineText()));
      p = Promise.race([asked, cut]).then((r) => {
        if (r.failure === 'DEADLINE') this.cutOff++;
        // a question that never left (live checks off, browser offline) is not in the log of what left;
        // one the deadline cut off did leave, and is logged as such
        if (r.failure !== 'OFFLINE' && r.failure !== 'CANCELLED') this.record(r, type);
        return r;
      });
    }
    this.asked.set(key, p);
    p.then((r) => this.settled.set(key, r));
    return p;
  }

  private deadlineText(): string {
    return `no answer within the diagnosis' time limit for DNS (${durationText(this.deadlineMs)})`;
  }

  private failed(name: string, type: RRType, failure: 'LIMIT' | 'DEADLINE' | 'INVALID', error: string): DnsResponse {
    return { name: this.redact(name), type, rcode: failure, answers: [], ad: false, resolver: '', ms: 0, failure, error };
  }

  /** A name that cannot be a DNS question (not a valid internationalised name): nothing is sent. */
  private refused(name: string, type: RRType): DnsResponse {
    return this.failed(name, type, 'INVALID', `"${this.redact(name)}" is not a valid domain name, so it was not asked`);
  }

  private record(r: DnsResponse, type: RRType): void {
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
