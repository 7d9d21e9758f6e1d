// DKIM, live: every signature of the message verified against the key in DNS;
// for a domain given alone (no message), its keys at the common selectors.

import type { Evidence } from '../types';
import type { Lookup } from '../dns/lookup';
import { verifyDkim, type DkimVerdict } from '../auth/dkim/verify';
import { probeSelectors, type SelectorProbe } from './dkim-selectors';

export interface DkimCheck {
  verdicts: DkimVerdict[];
  /** Whether the body was given (else body hashes cannot be checked). */
  hasBody: boolean;
  exactBytes: boolean;
  /** A domain given alone: the keys found at the common selectors (there are no signatures). */
  selectors?: SelectorProbe;
}

/**
 * When the signatures were verified by the receiver: the newest Received
 * date (else the Date: field), if the message is older than now. An x= expiry (Gmail signs with a
 * week) is judged at that time — the message is usually pasted days later,
 * and a signature that was valid on arrival did not fail (RFC 6376 §3.5 x=:
 * "the verification time at the Verifier").
 */
function verificationTime(ev: Evidence, now: Date): Date {
  // without a dated hop (a returned copy often has none), the message's own Date:
  const dates = [...ev.hops.map((h) => h.date), ev.message?.facts?.summary.date?.iso ?? null];
  const arrived = Math.max(...dates.map((d) => (d ? Date.parse(d) : NaN)).filter((t) => !Number.isNaN(t)));
  return Number.isFinite(arrived) && arrived < now.getTime() ? new Date(arrived) : now;
}

export async function checkDkim(ev: Evidence | null, dns: Lookup, now: () => Date): Promise<DkimCheck | null> {
  const m = ev?.message;
  const domain = ev?.target?.domain;
  if (!m && domain)
    return {
      verdicts: [],
      hasBody: false,
      exactBytes: false,
      selectors: await probeSelectors(domain.value, ev.target?.selectors ?? [], dns),
    };
  if (!m) return null;
  return { verdicts: await verifyDkim(m, dns, verificationTime(ev, now())), hasBody: m.hasBody, exactBytes: m.exactBytes };
}
