// dmarc.report-auth: rua/ruf outside the policy domain need the other domain's
// consent (RFC 7489 §7.1: "<policy-domain>._report._dmarc.<report-domain>").

import type { Step } from '../../types';
import { dnsEvidenceText, inconclusiveStep } from '../rule';
import type { DmarcCheck } from '../../checks/dmarc';

export function reportAuthSteps(c: DmarcCheck): Step[] {
  const lk = c.evaluation.lookup;
  const steps: Step[] = [];
  for (const r of c.reports) {
    if (r.authorized === 'yes') continue;
    steps.push(
      r.authorized === 'error'
        ? inconclusiveStep(
            'dmarc.report-auth',
            `Whether ${r.domain} accepts DMARC reports for ${lk.policyDomain} could not be checked`,
            r.response,
          )
        : {
            rule: 'dmarc.report-auth',
            status: 'warn',
            title: `${r.tag}=${r.uri} is outside ${lk.policyDomain} and ${r.domain} has not authorised it: receivers will not send these reports`,
            evidence: [{ text: dnsEvidenceText(r.response), line: 0 }],
            detail: 'RFC 7489 §7.1: reports go to another domain only if that domain publishes a TXT record saying it accepts them.',
            fix: [`Have ${r.domain} publish: ${r.name}. IN TXT "v=DMARC1"`],
            verify: [`dig +short TXT ${r.name}`],
            sources: ['RFC 7489 §7.1'],
          },
    );
  }
  return steps;
}
