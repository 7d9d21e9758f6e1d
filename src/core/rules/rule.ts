// What a rule sees, what it declares and what it returns. A rule is code; the
// facts it uses (reply texts, lists, advice) live in knowledge/. What a rule
// is about is data beside its `run`: the step ids it emits (one problem each),
// the refusal reasons each can explain (ranking puts such a step first), the
// live checks it reads, and its sources. rules/index.ts lists every rule, and
// the ids DESIGN.md and the README name are checked against theirs by a test.

import type { CheckGroup, Evidence, Rejection, Session, Step, Subjects } from '../types';
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

/** One kind of step a rule emits: one problem (DESIGN.md contract 4). */
export interface StepKind {
  /** Stable `area.problem` id. */
  id: string;
  /**
   * The refusal reasons (sisimai's names, Rejection.reason) this problem can
   * cause: for a refusal of such a reason, ranking puts a failing step of
   * this kind before the other problems (rank.ts).
   */
  explains?: string[];
  /**
   * The step judges the connecting client as a delivering mail server (its
   * PTR, HELO name, SPF for its IP): not why a submission was refused (rules/submission.ts).
   */
  judgesClientAsServer?: boolean;
}

export interface Rule {
  /** Every kind of step it can emit. */
  steps: StepKind[];
  /** The live checks whose results it reads (none: the evidence alone). */
  reads: CheckGroup[];
  /** Where the knowledge behind its steps comes from (each step cites its own as well). */
  sources: string[];
  run(ctx: RuleContext): Step[];
  /**
   * A pass over every rule's steps once all have run (the receiver's words
   * moved to the step that explains them, findings that are not the cause
   * turned into information). Passes run in the order of rules/index.ts and
   * keep each step in its place; ranking comes after.
   */
  revise?(steps: Step[], ctx: RuleContext): Step[];
}

/** A rule-id pattern of knowledge and metadata ("spf.*" = every spf step) against a step's id. */
export function ruleMatches(pattern: string, rule: string): boolean {
  return pattern.endsWith('.*') ? rule.startsWith(pattern.slice(0, -1)) : pattern === rule;
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
