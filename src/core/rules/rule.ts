// What a rule sees and what it returns. A rule is code; the facts it uses
// (reply texts, lists, advice) live in knowledge/.

import type { Evidence, Rejection, Session, Step, Subjects } from '../types';
import type { LiveResults } from '../checks';
import type { DnsResponse } from '../dns/resolver';
import { describeResponse } from '../dns/resolver';

export interface RuleContext {
  evidence: Evidence;
  subjects: Subjects;
  live: LiveResults;
  /** The session the diagnosis is about. */
  focus: Session | null;
  /** The first refusal: the one the checklist must explain first. */
  primary: Rejection | null;
}

export interface Rule {
  /** Stable `area.problem` id (DESIGN.md, contract 4). */
  id: string;
  run(ctx: RuleContext): Step[];
}

/** "DNS now: <name> <type> → <answer> (resolver, ms)". */
export function dnsEvidenceText(r: DnsResponse): string {
  const via = r.resolver ? ` via ${r.resolver}` : '';
  return `DNS now: ${r.name} ${r.type} → ${describeResponse(r)}${via}`;
}

/** A step for a check that could not be made (offline, timeout, SERVFAIL…). */
export function inconclusiveStep(rule: string, title: string, r: DnsResponse | null, why?: string): Step {
  return {
    rule,
    status: 'inconclusive',
    title,
    evidence: r ? [{ text: dnsEvidenceText(r), line: 0 }] : [],
    fix: [],
    verify: [],
    detail:
      why ??
      (r?.failure === 'OFFLINE'
        ? 'Live DNS checks are off; run them again when online.'
        : r?.failure === 'PENDING'
          ? 'Checking: the DNS answer has not come yet.'
          : r?.failure === 'DEADLINE'
            ? "The diagnosis' time limit for DNS ran out before this answer came, so this was not decided either way. Retry, or choose a faster resolver in Settings."
            : 'The DNS question could not be answered, so this was not decided either way. Retry, or choose another resolver in Settings.'),
    retry: true,
  };
}
