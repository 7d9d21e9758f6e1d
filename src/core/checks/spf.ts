// SPF, live: the RFC 7208 evaluation for the IP that sent (when the input
// names one), and the whole record tree with its lookup count.

import type { Lookup } from '../dns/lookup';
import type { AuthIdentities } from '../auth/identities';
import { evaluateSpf } from '../auth/spf/evaluate';
import { auditSpf, type SpfAudit } from '../auth/spf/audit';
import type { SpfEvaluation } from '../auth/spf/types';
import { isNonPublicIP, normalizeIP } from '../dns/names';

export interface SpfCheck {
  domain: string;
  identity: 'mailfrom' | 'helo';
  /** Set when the envelope sender was not in the input and the From: domain stands in for it. */
  assumed?: 'from';
  line: number;
  /** The evaluation for the sending IP; null when the input names no IP. */
  evaluation: SpfEvaluation | null;
  audit: SpfAudit;
}

export async function checkSpf(id: AuthIdentities, dns: Lookup, now: () => Date): Promise<SpfCheck | null> {
  const d = id.spfDomain;
  if (!d) return null;
  const mailFrom = d.identity === 'helo' ? '' : (id.mailFrom?.address ?? `postmaster@${d.value}`);
  const [evaluation, audit] = await Promise.all([
    // a private or loopback client (a LAN PC submitting to its own server) is never the
    // address a receiver evaluates SPF for: no public IP, nothing to evaluate
    id.ip && !isNonPublicIP(normalizeIP(id.ip.value) ?? id.ip.value)
      ? evaluateSpf({ ip: id.ip.value, mailFrom, helo: id.helo?.value ?? null, now }, dns)
      : Promise.resolve(null),
    auditSpf(d.value, dns),
  ]);
  return { domain: d.value, identity: d.identity, assumed: d.assumed, line: d.line, evaluation, audit };
}
