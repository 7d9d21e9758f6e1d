// dmarc.missing and dmarc.invalid: whether the From domain has one valid DMARC
// record (its own, or its organizational domain's: RFC 7489 §6.6.3).

import type { EvidenceItem, Step } from '../../types';
import type { RuleContext } from '../rule';
import { refusalEvidence } from '../auth-evidence';
import { organizationalDomain } from '../../auth/dmarc/align';
import type { DmarcCheck } from '../../checks/dmarc';
import { bulkReceiversIn } from '../bulk-senders';
import { BULK_RECEIVERS, type BulkReceiver } from '../../knowledge/bulk-senders';
import { lookupEvidence, PATH_TO_REJECT, SOURCES, starterRecord } from './common';

/** When a large receiver's sender requirements (DMARC among them) began, from knowledge/bulk-senders.ts. */
function requiredSince(id: BulkReceiver['id']): string {
  return BULK_RECEIVERS.find((b) => b.id === id)!.since;
}

/** No record at the From domain nor at its organizational domain. */
export function missing(ctx: RuleContext, c: DmarcCheck): Step {
  const receivers = bulkReceiversIn(ctx.evidence);
  const refusals = refusalEvidence(ctx, 'dmarc');
  return {
    rule: 'dmarc.missing',
    status: refusals.length || receivers.length ? 'fail' : 'warn',
    title: `${c.domain} has no DMARC record${organizationalDomain(c.domain) !== c.domain ? ` (nor has its organizational domain ${organizationalDomain(c.domain)})` : ''}`,
    evidence: [
      ...refusals,
      { text: `${c.fromKnown ? 'From' : ctx.evidence.target ? 'The' : 'Envelope sender'} domain ${c.domain}`, line: c.line },
      ...lookupEvidence(c),
    ],
    detail: `Gmail and Yahoo require a DMARC record (at least p=none) from bulk senders since ${requiredSince('gmail')}, and Microsoft from ${requiredSince('microsoft')}. Without one, anyone can send with ${c.domain} in From: and receivers have no policy to apply.`,
    fix: [`Publish: ${starterRecord(organizationalDomain(c.domain))}`, ...PATH_TO_REJECT],
    verify: [`dig +short TXT _dmarc.${organizationalDomain(c.domain)}`],
    sources: SOURCES,
  };
}

/** A record that does not parse, or several records (the lookup's outcome 'invalid' or 'multiple'). */
export function invalid(ctx: RuleContext, c: DmarcCheck, logged: EvidenceItem[]): Step {
  const lk = c.evaluation.lookup;
  return {
    rule: 'dmarc.invalid',
    status: 'fail',
    title:
      lk.outcome === 'multiple'
        ? `_dmarc.${lk.policyDomain} has more than one DMARC record: receivers ignore them all`
        : `The DMARC record at _dmarc.${lk.policyDomain} is invalid: ${lk.record?.errors.join('; ')}`,
    evidence: [...refusalEvidence(ctx, 'dmarc'), ...logged, ...lookupEvidence(c)],
    detail: 'RFC 7489 §6.6.3: a domain with no valid record, or several, is treated as having no DMARC policy.',
    fix: lk.repaired
      ? [
          `Replace it by the record it was meant to be: _dmarc.${lk.policyDomain}. IN TXT "${lk.repaired}" (v=DMARC1 first, each tag ended by a semicolon).`,
        ]
      : [
          `Replace the TXT records at _dmarc.${lk.policyDomain} by one valid record, e.g. ${starterRecord(lk.policyDomain!).replace(/^\S+ IN TXT /, '')}`,
        ],
    verify: [`dig +short TXT _dmarc.${lk.policyDomain}`],
    sources: SOURCES,
  };
}

/** dmarc.missing passed: the policy that was found, and the record's warnings. */
export function published(c: DmarcCheck, logged: EvidenceItem[]): Step {
  const lk = c.evaluation.lookup;
  const rec = lk.record!;
  return {
    rule: 'dmarc.missing',
    status: 'pass',
    title: `${c.domain} has a DMARC policy: p=${rec.policy ?? 'none'}${lk.inherited ? ` (from ${lk.policyDomain}${rec.subdomainPolicy ? `, sp=${rec.subdomainPolicy}` : ''})` : ''}${rec.pct < 100 ? ` pct=${rec.pct}` : ''}`,
    evidence: [...logged, ...lookupEvidence(c)],
    detail: rec.warnings.length ? rec.warnings.join(' ') : undefined,
    fix: [],
    verify: [`dig +short TXT _dmarc.${lk.policyDomain}`],
    sources: SOURCES,
  };
}
