// dmarc.weak-policy: a policy short of p=reject (RFC 7489 §6.3 p=, sp=, pct=),
// and a record that asks for no aggregate reports (§7.2), without which the
// way to p=reject cannot be walked.

import type { Step } from '../../types';
import type { DmarcCheck } from '../../checks/dmarc';
import { lookupEvidence, PATH_TO_REJECT, SOURCES } from './common';

export function weakPolicySteps(c: DmarcCheck): Step[] {
  const ev = c.evaluation;
  const lk = ev.lookup;
  const rec = lk.record!;
  const steps: Step[] = [];
  // judged on the policy that applies to the From domain (sp= for a subdomain using its parent's record)
  const applies = ev.policy ?? rec.policy;
  const tag = lk.inherited && rec.subdomainPolicy ? 'sp' : 'p';
  if (applies === 'none' || (rec.pct < 100 && applies !== 'reject') || applies === 'quarantine') {
    steps.push({
      rule: 'dmarc.weak-policy',
      status: 'info',
      title: `The DMARC policy ${tag === 'sp' ? `for ${c.domain} is sp=${applies} (set by ${lk.policyDomain})` : `of ${lk.policyDomain} is p=${applies ?? 'none'}`}${rec.pct < 100 ? ` pct=${rec.pct}` : ''}: ${applies === 'none' ? 'monitoring only, forged mail is still delivered' : 'not yet at p=reject'}`,
      evidence: lookupEvidence(c),
      fix: applies === 'none' ? PATH_TO_REJECT : PATH_TO_REJECT.slice(1),
      verify: [`dig +short TXT _dmarc.${lk.policyDomain}`],
      sources: ['RFC 7489 §6.3 (p=, pct=), §10.4', ...SOURCES],
    });
  }
  if (!rec.rua.some((u) => u.address))
    steps.push({
      rule: 'dmarc.weak-policy',
      status: 'info',
      title: `The DMARC record of ${lk.policyDomain} asks for no aggregate reports (rua=)`,
      evidence: lookupEvidence(c),
      detail: 'Without reports you cannot see who sends as the domain, which you need before moving to p=reject.',
      fix: [`Add rua=mailto:dmarc-reports@${lk.policyDomain} (or a DMARC report service's address) to the record.`],
      verify: [`dig +short TXT _dmarc.${lk.policyDomain}`],
      sources: ['RFC 7489 §7.2'],
    });
  return steps;
}
