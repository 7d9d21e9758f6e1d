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
import type { Rejection } from '../types';
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
  // V8 copies slices shorter than 13 characters anyway (SlicedString::kMinLength)
  return s.length < 13 ? s : (' ' + s).slice(1);
}

const MARKS = ['\u00010', '\u00011', '\u00012', '\u00013'];

/** `text` with each of `values` (when present and at least 3 characters long) replaced by a mark. */
export function mask(text: string, values: (string | null | undefined)[]): string {
  let t = text;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v && v.length >= 3 && t.includes(v)) t = t.replaceAll(v, MARKS[i] ?? '\u0001' + i);
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

const verdicts = new Memo<Pick<Rejection, 'reason' | 'hard' | 'party' | 'knowledge'>>();

/**
 * classify(), remembered: by everything the reason engine reads (codes, stage,
 * action, the stated reason, the remote host, the recipient's domain) and the
 * reply's words with the refusal's own recipient and IP masked. The result
 * carries the refusal's own fields; only the verdict is shared.
 */
export function classifyRemembered(r: RawRejection): Rejection {
  const domain = r.recipient ? r.recipient.slice(r.recipient.lastIndexOf('@') + 1) : '';
  const key = [
    r.code ?? '',
    r.enhanced ?? '',
    r.stage,
    r.action ?? '',
    r.diagnosticType ?? '',
    r.knowledgeId ?? '',
    r.reason ?? '',
    r.remote ?? '',
    domain,
    mask(r.text, [r.recipient, r.ip]),
  ].join('\u0000');
  const v = verdicts.get(key, () => {
    const c = classify(r);
    return { reason: c.reason, hard: c.hard, party: c.party, knowledge: c.knowledge };
  });
  return {
    code: r.code,
    enhanced: r.enhanced,
    stage: r.stage,
    reason: v.reason,
    text: r.text,
    ip: r.ip,
    line: r.line,
    hard: v.hard,
    party: v.party,
    knowledge: v.knowledge,
    recipient: r.recipient ?? null,
    remote: r.remote ?? null,
    ...(r.originalRecipient && r.originalRecipient !== r.recipient ? { originalRecipient: r.originalRecipient } : {}),
  };
}
