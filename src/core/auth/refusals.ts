// Which refusals in the input were about sender authentication, and which
// mechanism they name, so that the SPF, DKIM or DMARC step that explains a
// refusal carries it as evidence (and is ranked first).

import type { EvidenceItem, Rejection } from '../types';
import type { RuleContext } from '../rules/rule';

export type AuthArea = 'spf' | 'dkim' | 'dmarc';

const NAMES: Record<AuthArea, RegExp> = {
  spf: /\bSPF\b|Sender Policy Framework|X\.7\.2[34]|5\.7\.2[34]\b/i,
  dkim: /\bDKIM\b|DomainKeys|5\.7\.2[05]\b/i,
  dmarc: /\bDMARC\b|5\.7\.1\b.{0,300}?policy/i,
};

/** Whether a refusal's text names `area` (SPF, DKIM, DMARC or their enhanced codes). */
export function namesArea(text: string, area: AuthArea): boolean {
  return NAMES[area].test(text);
}

export function isAuthRefusal(r: Rejection): boolean {
  return r.reason === 'authfailure';
}

/** The refusals that concern `area`: those naming it, or auth refusals that name no mechanism. */
export function refusalEvidence(ctx: RuleContext, area: AuthArea): EvidenceItem[] {
  const out: EvidenceItem[] = [];
  const seen = new Set<string>();
  for (const r of ctx.evidence.rejections) {
    if (!isAuthRefusal(r)) continue;
    const named = (Object.keys(NAMES) as AuthArea[]).filter((a) => NAMES[a].test(r.text));
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
  return refusalEvidence(ctx, area).filter((e) => NAMES[area].test(e.text));
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
