// dnsbl.inconclusive: blocklists that could not tell us anything: not
// reachable, offline, refusing our resolver (Spamhaus 127.255.255.254, URIBL
// 127.0.0.1), or failing their RFC 5782 test points. Such a list is never
// reported as "listed" and never as "clean"; this step says why, and what
// would make it answer.

import type { EvidenceItem, Step } from '../types';
import type { DnsblListResult } from '../checks/dnsbl';
import type { Rule, RuleContext } from './rule';
import { receiverEvidence } from './dnsbl-listed';
import { PUBLIC_RESOLVERS_REFUSED, REGISTRATION_NEEDED, SPAMHAUS_DQS, type AccessAdvice } from '../knowledge/dnsbl/access';

/** The list itself answered (an error code, a failed test point), as opposed to our side failing. */
function listAnswered(r: DnsblListResult): boolean {
  return [r.answer.response, r.answer.probe.listed, r.answer.probe.notListed].every((x) => !x?.failure);
}

function advice(all: DnsblListResult[], dqs: boolean): { fix: string[]; sources: string[] } {
  const fix: string[] = [];
  const sources: string[] = [];
  const use = (a: AccessAdvice) => {
    fix.push(a.text);
    sources.push(...a.sources);
  };
  if (all.some((r) => r.answer.response.failure === 'OFFLINE')) {
    fix.push('Live DNS checks were off or the browser was offline: run the analysis again when online.');
  }
  // list-specific advice only for lists that answered and refused or misbehaved
  const rs = all.filter(listAnswered);
  const reasons = rs.map((r) => r.answer.reason ?? '').join(' ');
  if (!dqs && rs.some((r) => r.entry?.dqsZone) && /127\.255\.255\.25[45]|test point/.test(reasons)) {
    use(SPAMHAUS_DQS);
  }
  if (rs.some((r) => r.entry?.refusesPublicResolvers && !r.entry.dqsZone)) {
    use(PUBLIC_RESOLVERS_REFUSED);
  }
  if (rs.some((r) => r.entry?.needsRegistration)) {
    use(REGISTRATION_NEEDED);
  }
  const ourSide = all.some((r) =>
    [r.answer.response, r.answer.probe.listed, r.answer.probe.notListed].some(
      (x) => !!x && ((x.failure && x.failure !== 'OFFLINE') || x.rcode === 'SERVFAIL' || x.rcode === 'REFUSED'),
    ),
  );
  if (ourSide) fix.push('The resolver failed for some questions: retry, or add another resolver in Settings.');
  if (/everything|wildcard/.test(reasons))
    fix.push('A list that answers "listed" for everything is dead or hijacked: a receiver using it should remove it.');
  return { fix: fix.length ? fix : ['Retry later, or check the lists on their own web pages.'], sources };
}

export const dnsblInconclusive: Rule = {
  steps: [{ id: 'dnsbl.inconclusive', explains: ['blocked'] }],
  reads: ['dnsbl'],
  sources: ['RFC 5782 §5 (test points)'],
  run(ctx: RuleContext) {
    const check = ctx.live.dnsbl;
    if (!check) return [];
    const open = check.results.filter((r) => r.answer.verdict === 'inconclusive');
    if (!open.length) return [];
    const evidence: EvidenceItem[] = [];
    for (const r of open) {
      evidence.push(...receiverEvidence(r));
      evidence.push({ text: `${r.entry?.name ?? r.zone} (${r.zone}) for ${r.subject.value}: ${r.answer.reason}`, line: 0 });
    }
    const offline = !ctx.live.enabled || open.every((r) => r.answer.response.failure === 'OFFLINE');
    const zones = [...new Set(open.map((r) => r.zone))];
    const { fix, sources } = advice(open, check.dqs);
    const step: Step = {
      rule: 'dnsbl.inconclusive',
      status: 'inconclusive',
      title: offline
        ? `Blocklists were not checked: live DNS is off (${zones.length} list${zones.length > 1 ? 's' : ''})`
        : `${zones.length} blocklist${zones.length > 1 ? 's' : ''} could not be checked: ${zones.slice(0, 4).join(', ')}${zones.length > 4 ? '…' : ''}`,
      evidence,
      detail:
        'A blocklist is trusted only when it answers its RFC 5782 test points correctly (127.0.0.2 listed, 127.0.0.1 not). These lists could not be asked, refused our resolver, or failed the test, so nothing is known about them: neither listed nor clean.',
      fix,
      verify: [],
      sources: [...new Set(['RFC 5782 §5 (test points)', ...sources])],
      retry: true,
    };
    return [step];
  },
};
