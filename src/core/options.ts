// analyze() options: every side effect comes in here (DNS, clock), and every
// limit is a named, validated number.

import type { DnsLogEntry, PartialReport } from './types';
import type { Resolver } from './dns/resolver';
import { offlineResolver } from './dns/resolver';
import type { DnsblSettings } from './checks/dnsbl';
import { MAX_REPLY_CHARS } from './evidence';

export interface Limits {
  /** Larger inputs are refused with a clear message (bytes of UTF-16 text, as given). */
  maxInputBytes: number;
  /** DNS questions per analysis; further questions answer LIMIT (inconclusive). */
  maxDnsQueries: number;
  /**
   * A refusal's text is kept and classified up to this many characters; the
   * rest is cut, and the report's warnings say so. What it stops: every
   * receiver's known words (hundreds of patterns) are looked for in every
   * refusal, so a megabyte-long "reply" (a paste gone wrong, a hostile log)
   * cost seconds per refusal. An SMTP reply line is at most 512 octets
   * (RFC 5321 §4.5.3.1.5) and real multi-line replies stay under 2 KB.
   */
  maxReplyChars: number;
  /**
   * Milliseconds one diagnosis waits for DNS in all, from the first question:
   * what is still unanswered then ends DEADLINE (inconclusive, with a message)
   * and nothing more is asked. 0 = no deadline. The default leaves room for a
   * resolver that answers every question in 2 s over HTTP/1.1's six
   * connections (five waves of the seed case's questions and its second round
   * trip), and stops a chain of slow dependent questions (50 SPF includes at
   * 3.9 s each) long before it would end by itself.
   */
  dnsDeadlineMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxInputBytes: 256 * 1024 * 1024,
  maxDnsQueries: 500,
  maxReplyChars: MAX_REPLY_CHARS,
  dnsDeadlineMs: 20_000,
};

export interface AnalyzeOptions {
  /** DNS for the live checks; without one (or with offlineResolver) they are inconclusive. */
  resolver?: Resolver;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  limits?: Partial<Limits>;
  /** The input is a file's intact bytes (decoded as given), not a paste. */
  exactBytes?: boolean;
  signal?: AbortSignal;
  /** Called as each DNS answer arrives (the query log fills live). */
  onDns?: (entry: DnsLogEntry) => void;
  /**
   * Called with a partial report right after parsing (before any DNS answer)
   * and again as each group of live checks settles, so that a page can show
   * every step at once: a step still waiting on DNS has `pending: true` (its
   * status is provisional), and `pending` names the groups not settled yet.
   * The final report is still analyze()'s value. Not called for offline runs.
   */
  onPartial?: (partial: PartialReport) => void;
  /** Blocklist settings: DQS/Abusix keys, extra zones (never in a report or permalink). */
  dnsbl?: DnsblSettings;
}

export interface ResolvedOptions {
  resolver: Resolver;
  live: boolean;
  now: () => Date;
  limits: Limits;
  exactBytes: boolean;
  signal?: AbortSignal;
  onDns?: (entry: DnsLogEntry) => void;
  onPartial?: (partial: PartialReport) => void;
  dnsbl: DnsblSettings;
  /** Strings that must never reach the query log (keys inside query names). */
  secrets: string[];
}

export function resolveOptions(o: AnalyzeOptions = {}): ResolvedOptions {
  const limits = { ...DEFAULT_LIMITS, ...(o.limits ?? {}) };
  for (const [k, v] of Object.entries(limits)) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`analyze(): limits.${k} must be a non-negative integer, got ${String(v)}`);
  }
  const resolver = o.resolver ?? offlineResolver;
  return {
    resolver,
    live: resolver !== offlineResolver,
    now: o.now ?? (() => new Date()),
    limits,
    exactBytes: o.exactBytes ?? false,
    signal: o.signal,
    onDns: o.onDns,
    onPartial: o.onPartial,
    dnsbl: o.dnsbl ?? {},
    secrets: [o.dnsbl?.dqsKey, o.dnsbl?.abusixKey].map((k) => k?.trim() ?? '').filter((k) => k.length > 0),
  };
}
