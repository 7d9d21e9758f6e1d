// Every rule. Ranking orders the steps (rank.ts); the order here is the order
// in which rules run and their revise passes go over all steps (the
// submission pass before the receiver's words are placed), and it breaks
// ties in ranking. A new rule is one module and one line here.

import type { Rule } from './rule';
import { submissionRule } from './submission';
import { rejectionRule } from './rejection';
import { dnsblDefunct } from './dnsbl-defunct';
import { ptrMismatch, ptrMissing } from './ptr';
import { heloInvalid } from './helo';
import { spfRules } from './spf';
import { dkimRules } from './dkim';
import { dmarcRules } from './dmarc';
import { bulkSenderRules } from './bulk-senders';
import { senderDomainRecords } from './domain-records';
import { HEADER_RULES } from './headers';
import { dnsblListed } from './dnsbl-listed';
import { dnsblInconclusive } from './dnsbl-inconclusive';
import { ptrGeneric } from './ptr-generic';

const CHECKS: Rule[] = [
  rejectionRule,
  dnsblDefunct,
  ptrMissing,
  ptrMismatch,
  heloInvalid,
  spfRules,
  dkimRules,
  dmarcRules,
  bulkSenderRules,
  senderDomainRecords,
  ...HEADER_RULES,
  dnsblListed,
  dnsblInconclusive,
  ptrGeneric,
];

export const RULES: Rule[] = [submissionRule(CHECKS), ...CHECKS];

/** Every step id a rule can emit, sorted (DESIGN.md's list of rule ids is checked against it). */
export const RULE_IDS: string[] = [...new Set(RULES.flatMap((r) => r.steps.map((k) => k.id)))].sort();

/** The step ids that can explain a refusal reason (StepKind.explains), for ranking. */
export function explainersOf(reason: string): ReadonlySet<string> {
  return EXPLAINERS.get(reason) ?? NONE;
}

const NONE: ReadonlySet<string> = new Set();
const EXPLAINERS = new Map<string, Set<string>>();
for (const k of RULES.flatMap((r) => r.steps))
  for (const reason of k.explains ?? []) {
    const ids = EXPLAINERS.get(reason) ?? new Set<string>();
    ids.add(k.id);
    EXPLAINERS.set(reason, ids);
  }
