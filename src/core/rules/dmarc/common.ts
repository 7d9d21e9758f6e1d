// What the dmarc.* steps share: their sources, the DNS answers as evidence, a
// first record to publish, the path to p=reject, and the policy in words.

import type { EvidenceItem } from '../../types';
import { dnsEvidenceText } from '../rule';
import type { DmarcCheck } from '../../checks/dmarc';

export const SOURCES = ['RFC 7489 (DMARC)', 'https://support.google.com/a/answer/2466580 (Google: set up DMARC)'];

export function lookupEvidence(c: DmarcCheck): EvidenceItem[] {
  return c.evaluation.lookup.responses.map((r) => ({ text: dnsEvidenceText(r), line: 0 }));
}

/** A first record: monitoring only, reports to the domain itself. */
export function starterRecord(domain: string): string {
  return `_dmarc.${domain}. IN TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@${domain}; fo=1"`;
}

export const PATH_TO_REJECT = [
  'Read the aggregate (rua) reports for 2–4 weeks: list every source that sends as the domain, and make each pass SPF or DKIM aligned with the From: domain.',
  'Then p=quarantine; pct=25, raised to pct=100 over a few weeks while the reports stay clean.',
  'Then p=reject (the end state: forged mail with the domain in From: is refused).',
];

/**
 * The policy that applies to the From domain, in words: p= of its own record,
 * or — for a subdomain with no record of its own — sp= of the organizational
 * domain's record when it has one (RFC 7489 §6.3 sp, §6.6.3). An administrator
 * reading "p=none" at the parent is otherwise puzzled by a rejection.
 */
export function appliedPolicy(c: DmarcCheck): string | null {
  const lk = c.evaluation.lookup;
  const rec = lk.record;
  if (!rec?.policy) return null;
  if (lk.inherited && rec.subdomainPolicy)
    return `sp=${rec.subdomainPolicy}, the subdomain policy of ${lk.policyDomain} that applies to ${c.domain} (${lk.policyDomain} itself has p=${rec.policy})`;
  return `p=${rec.policy} of ${lk.policyDomain}${lk.inherited ? `, which applies to ${c.domain}` : ''}`;
}
