// check_host() of RFC 7208 (§4), over core's DNS door. Evaluated for the IP
// that actually sent, with its MAIL FROM and HELO, it gives the result, the
// term that decided it, and a trace of every term for the include tree.
//
// Written by hand: no maintained JavaScript SPF library runs without Node's
// own DNS module, and this one has to ask through Lookup (de-duplicated,
// bounded, logged) in the browser's worker. The limits of §4.6.4 count terms
// and void answers here, not wire questions (Lookup de-duplicates those).

import { dottedIp, ipBytes, readableIp } from './ip';
import type { SpfEvaluation } from './types';
import { spfIdentity } from './names';
import { Evaluation } from './check-host';
import type { SpfDns } from './limits';

export { spfIdentity };
export { SPF_LOOKUP_LIMIT, SPF_VOID_LIMIT, SPF_MX_PTR_LIMIT, type SpfDns } from './limits';

export interface SpfInput {
  /** The connecting client's IP. */
  ip: string;
  /** The MAIL FROM address; "" or null for the null sender (then HELO is checked, §2.3). */
  mailFrom: string | null;
  helo: string | null;
  /** %{r}: the receiving host's name, when known. */
  receiver?: string;
  /** %{t}; defaults to the current time. */
  now?: () => Date;
}

export async function evaluateSpf(input: SpfInput, dns: SpfDns): Promise<SpfEvaluation> {
  const id = spfIdentity(input.mailFrom, input.helo);
  const bytes = ipBytes(input.ip);
  const empty: SpfEvaluation = {
    ip: input.ip,
    domain: id?.domain ?? '',
    sender: id?.sender ?? '',
    helo: input.helo,
    result: 'none',
    matched: null,
    lookups: 0,
    voidLookups: 0,
    tree: { domain: id?.domain ?? '', record: null, result: 'none', terms: [] },
    explanation: null,
    error: null,
  };
  if (!id) return { ...empty, error: 'no MAIL FROM and no HELO name to check' };
  if (!bytes) return { ...empty, result: 'permerror', error: `"${input.ip}" is not an IP address` };
  const ev = new Evaluation(dns, bytes, {
    sender: id.sender,
    local: id.local,
    senderDomain: id.domain,
    ipDotted: dottedIp(bytes),
    ipReadable: readableIp(bytes),
    ipVersion: bytes.length === 4 ? 'in-addr' : 'ip6',
    helo: input.helo ?? 'unknown',
    receiver: input.receiver ?? 'unknown',
    timestamp: String(Math.floor((input.now ?? (() => new Date()))().getTime() / 1000)),
  });
  const r = await ev.checkHost(id.domain, true);
  return {
    ...empty,
    result: r.node.result,
    matched: r.node.result === 'permerror' || r.node.result === 'temperror' ? null : r.matched,
    lookups: ev.lookups,
    voidLookups: ev.voids,
    tree: r.node,
    explanation: r.node.result === 'fail' ? r.explanation : null,
    error: r.node.error ?? null,
  };
}
