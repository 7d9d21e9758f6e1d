// Ordering the checklist: the most likely root cause of the refusal first,
// judged by the reason the receiver gave (its own words, its enhanced code,
// the stage). Then the other problems, worst first; passes last.

import type { EvidenceItem, Rejection, Status, Step } from './types';
import { REPLY_KNOWLEDGE } from './knowledge/replies';
import { explainersOf } from './rules';
import { ruleMatches } from './rules/rule';
import { RESOLVER_DOWN } from './knowledge/own-server-logs';

/** Steps a receiver judges from its own DNS lookups of the client: they fail when its resolver does. */
const OWN_LOOKUP_RULE = /^(?:ptr|fcrdns|dnsbl)\./;

/**
 * The server's own resolver failing (unbound's trust anchor…) beside a refusal by that same server
 * for what it looked up about the client (no PTR, a listing): the lookup failed, not the client, so
 * the resolver's failure is the cause.
 */
function ownResolverDown(primary: Rejection | null, rejections: readonly Rejection[]): Rejection | null {
  if (!primary?.inbound) return null;
  const k = primary.knowledge ? REPLY_KNOWLEDGE.find((x) => x.id === primary.knowledge) : undefined;
  if (!k?.rules.some((r) => OWN_LOOKUP_RULE.test(r))) return null;
  return rejections.find((r) => r.knowledge !== undefined && r.knowledge !== null && RESOLVER_DOWN.has(r.knowledge)) ?? null;
}

const STATUS_ORDER: Record<Status, number> = { fail: 0, warn: 1, inconclusive: 2, info: 3, pass: 4 };

/** Areas in the order an administrator would look at them, for ties. */
const AREA_ORDER = [
  'smtp',
  // the refusal read as the organisation's own client submitting: after a refusal naming the client's own
  // setting (its HELO), before what judges the client as a mail server (a listing, its reputation)
  'submission',
  'reputation',
  'headers',
  'dnsbl',
  'ptr',
  'helo',
  'spf',
  'dkim',
  'dmarc',
  'verdict',
  'bulk',
  'transit',
  'domain',
];

function areaRank(rule: string): number {
  const i = AREA_ORDER.indexOf(rule.split('.')[0]);
  return i < 0 ? AREA_ORDER.length : i;
}

/** Whitespace-folded, lower-case: how a refusal's text is compared with a step's evidence that quotes it. */
const folded = (t: string) => t.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Whether a step's evidence item is this refusal's. The line says so, unless another refusal with other
 * words stands on the same line: a container (a JSON log record's string, a shell string, a page's HTML)
 * folds a whole log into one paste line, so every refusal in it has that line. Then the item must quote
 * this refusal's words (a step's evidence opens with the reply it cites).
 */
function citesRefusal(e: EvidenceItem, r: Rejection, rejections: readonly Rejection[]): boolean {
  if (e.line !== r.line) return false;
  const own = folded(r.text);
  const shared = rejections.some((o) => o !== r && o.line === r.line && folded(o.text) !== own);
  if (!shared || !own) return true;
  return folded(e.text).startsWith(own.slice(0, 60));
}

function isProblem(s: Step): boolean {
  return s.status === 'fail' || s.status === 'warn';
}

/**
 * 0: the step that is the primary refusal itself, or a problem the receiver
 *    named as the cause (its reply knowledge lists the rule);
 * 1: a problem that can cause the primary reason (its rule says it explains
 *    that reason: StepKind.explains);
 * 2: everything else.
 */
function causeTier(s: Step, primary: Rejection | null, rejections: readonly Rejection[]): number {
  if (!primary || !isProblem(s)) return 2;
  const ofPrimary = (e: EvidenceItem) => citesRefusal(e, primary, rejections);
  // (a submission.* step is the refusal read again: the server judged its own user's client as a stranger)
  if (s.evidence.some((e) => ofPrimary(e) && e.line > 0) && /^(?:smtp|submission)\./.test(s.rule)) return 0;
  const k = primary.knowledge ? REPLY_KNOWLEDGE.find((x) => x.id === primary.knowledge) : undefined;
  // (an entry's ownServer rules are its step when the reader's own server refused: the same standing as its rules)
  if ([...(k?.rules ?? []), ...(k?.ownServer?.rules ?? [])].some((p) => ruleMatches(p, s.rule))) return s.evidence.some(ofPrimary) ? 0 : 1;
  if (explainersOf(primary.reason).has(s.rule)) return 1;
  return 2;
}

export function rankSteps(steps: Step[], primary: Rejection | null, rejections: readonly Rejection[] = []): Step[] {
  const down = ownResolverDown(primary, rejections);
  const tier = (s: Step) =>
    down && isProblem(s) && s.evidence.some((e) => e.line === down.line && e.line > 0) ? -1 : causeTier(s, primary, rejections);
  return steps
    .map((s, i) => ({ s, i, tier: tier(s) }))
    .sort(
      (a, b) =>
        a.tier - b.tier || STATUS_ORDER[a.s.status] - STATUS_ORDER[b.s.status] || areaRank(a.s.rule) - areaRank(b.s.rule) || a.i - b.i,
    )
    .map((x) => x.s);
}
