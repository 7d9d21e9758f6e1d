// Memos for the fast readers. A busy log repeats the same refusal texts tens
// of thousands of times, differing only in the client's IP, the addresses or
// the remote's id for the message. Reading a reply and classifying it costs
// tens of microseconds (regular expressions over the whole knowledge base);
// looking it up costs one hash. The key is the reply as logged with the
// line's own variable values (its IPs and addresses, which the reader knows
// from the line's fields) masked, so only lines that say the same thing in
// the same words share a classification. The reason still comes from the one
// classifier (classify.ts) — the memo only remembers its answer.

import type { RawRejection } from '../parse/parser';
import { classify } from '../classify';
import { domainOf } from '../dns/names';

/** Entries kept before a memo starts afresh (a log with endless distinct texts costs time, not memory). */
export const MAX_MEMO_ENTRIES = 4000;

/** Lookups that found an answer and that had to compute one, over every memo (the bench prints them). */
export const memoStats = { hits: 0, misses: 0 };

export class Memo<T> {
  private m = new Map<string, T>();

  get(key: string, make: () => T): T {
    const v = this.m.get(key);
    if (v !== undefined) {
      memoStats.hits++;
      return v;
    }
    memoStats.misses++;
    const made = make();
    if (this.m.size >= MAX_MEMO_ENTRIES) this.m.clear();
    this.m.set(own(key), made);
    return made;
  }
}

/**
 * A copy of `s` that shares no memory with the string it was cut from. A
 * slice of a string may keep the whole parent alive (V8 and SpiderMonkey make
 * substrings that point into their parent): a line sliced from a block of the
 * log would keep the block's megabyte alive for as long as the line is kept.
 * What outlives its block (a map key, a count's key, a kept line) is copied:
 * V8 flattens ' ' + s into a new string before slicing it, and short strings
 * are copied outright.
 */
export function own(s: string): string {
  return s.length ? (' ' + s).slice(1) : s;
}

/** `text` with each of `values` (when present and at least 3 characters long) replaced by a mark. */
export function mask(text: string, values: (string | null | undefined)[]): string {
  let t = text;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v && v.length >= 3 && t.includes(v)) t = t.split(v).join('\u0001' + i);
  }
  return t;
}

export interface Classified {
  reason: string;
  hard: boolean;
}

/** The one classifier's verdict on a refusal. */
export function classifyRaw(raw: RawRejection): Classified {
  const r = classify(raw);
  return { reason: r.reason, hard: r.hard };
}

const domains = new Memo<string | null>();

/** The domain of an address, as the summary counts it ("<>" for the null sender). */
export function senderDomain(address: string | null | undefined): string | null {
  if (address === null || address === undefined) return null;
  if (address === '') return '<>';
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  return domains.get(address.slice(at + 1), () => domainOf('x@' + address.slice(at + 1))) ?? address;
}
