// DKIM, live: every signature of the message verified against the key in DNS.

import type { Evidence } from '../types';
import type { Lookup } from '../dns/lookup';
import { verifyDkim, type DkimVerdict } from '../auth/dkim/verify';

export interface DkimCheck {
  verdicts: DkimVerdict[];
  /** Whether the body was given (else body hashes cannot be checked). */
  hasBody: boolean;
  exactBytes: boolean;
}

export async function checkDkim(ev: Evidence | null, dns: Lookup, now: () => Date): Promise<DkimCheck | null> {
  const m = ev?.message;
  if (!m) return null;
  return { verdicts: await verifyDkim(m, dns, now()), hasBody: m.hasBody, exactBytes: m.exactBytes };
}
