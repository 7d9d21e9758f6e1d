// The refusals and logged checks that concern SPF, DKIM or DMARC, as evidence
// items, so that the step that explains a refusal carries it (and is ranked first).

import type { EvidenceItem } from '../types';
import { AUTH_AREAS, isAuthRefusal, namesArea, type AuthArea } from '../auth/refusals';
import type { RuleContext } from './rule';
import { REPLY_KNOWLEDGE } from '../knowledge/replies';

/** The refusals that concern `area`: those naming it, or auth refusals that name no mechanism. */
export function refusalEvidence(ctx: RuleContext, area: AuthArea): EvidenceItem[] {
  const out: EvidenceItem[] = [];
  const seen = new Set<string>();
  for (const r of ctx.evidence.rejections) {
    if (!isAuthRefusal(r)) continue;
    const named = AUTH_AREAS.filter((a) => namesArea(r.text, a));
    if (named.length && !named.includes(area)) continue;
    const text = `The receiver refused: ${[r.code, r.enhanced, r.text].filter((x) => x !== null && x !== '').join(' ')}`;
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ text, line: r.line });
  }
  return out;
}

/** The refusals that name `area` outright ("…DMARC policy", "SPF check failed"). */
export function refusalsNaming(ctx: RuleContext, area: AuthArea): EvidenceItem[] {
  return refusalEvidence(ctx, area).filter((e) => namesArea(e.text, area));
}

/** What the receiver logged for `check` (MDaemon's SPF block, Received-SPF, Authentication-Results…). */
export function loggedEvidence(ctx: RuleContext, check: AuthArea): EvidenceItem[] {
  return ctx.evidence.logged
    .filter((l) => l.check === check)
    .map((l) => ({
      text: `The receiver logged ${check.toUpperCase()} ${l.result}${l.subject ? ` for ${l.subject}` : ''}${l.detail && l.detail !== `Result: ${l.result}` ? ` (${l.detail})` : ''}`,
      line: l.line,
    }));
}

/**
 * The refusals that name `area` in common words only (no receiver's own entry, or a generic one such as
 * "SPF check failed"): a receiver's documented reply keeps the steps its entry names, in its order.
 */
export function refusalsNamingInCommonWords(ctx: RuleContext, area: AuthArea): EvidenceItem[] {
  const common = ctx.evidence.rejections.filter((r) => {
    if (!isAuthRefusal(r) || !namesArea(r.text, area)) return false;
    const k = r.knowledge ? REPLY_KNOWLEDGE.find((x) => x.id === r.knowledge) : undefined;
    return !k || !!k.generic;
  });
  const lines = new Set(common.map((r) => r.line));
  return refusalsNaming(ctx, area).filter((e) => lines.has(e.line));
}
