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
  /**
   * A domain given alone (no sending IP): the record evaluated for an address
   * it cannot list (PROBE_IP), which walks every term to the end — what
   * receivers do for any server the record does not list: the lookup and
   * void-lookup limits (RFC 7208 §4.6.4) and the final all's result.
   */
  probe?: SpfEvaluation;
  audit: SpfAudit;
}

/**
 * The address a domain's SPF record is probed with when no sending IP is
 * given: from 240.0.0.0/4, reserved since RFC 1112 §4 and never routed, so no
 * record lists it on purpose and the evaluation reaches the record's end
 * (only a +all or a 0.0.0.0/0 term matches it, which is what the probe shows).
 */
export const SPF_PROBE_IP = '240.0.0.1';

export async function checkSpf(id: AuthIdentities, dns: Lookup, now: () => Date, opts: { probe?: boolean } = {}): Promise<SpfCheck | null> {
  const d = id.spfDomain;
  if (!d) return null;
  const mailFrom = d.identity === 'helo' ? '' : (id.mailFrom?.address ?? `postmaster@${d.value}`);
  const probe = opts.probe && !id.ip ? evaluateSpf({ ip: SPF_PROBE_IP, mailFrom, helo: null, now }, dns) : Promise.resolve(undefined);
  const [evaluation, audit, probed] = await Promise.all([
    // a private or loopback client (a LAN PC submitting to its own server) is never the
    // address a receiver evaluates SPF for: no public IP, nothing to evaluate
    id.ip && !isNonPublicIP(normalizeIP(id.ip.value) ?? id.ip.value)
      ? evaluateSpf({ ip: id.ip.value, mailFrom, helo: id.helo?.value ?? null, now }, dns)
      : Promise.resolve(null),
    auditSpf(d.value, dns),
    probe,
  ]);
  return {
    domain: d.value,
    identity: d.identity,
    assumed: d.assumed,
    line: d.line,
    evaluation,
    audit,
    ...(probed ? { probe: probed } : {}),
  };
}
