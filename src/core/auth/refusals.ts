// Which refusals in the input were about sender authentication, and which
// mechanism they name (the steps' evidence built from them is in
// rules/auth-evidence.ts).

import type { Rejection } from '../types';

export type AuthArea = 'spf' | 'dkim' | 'dmarc';

export const AUTH_AREAS: AuthArea[] = ['spf', 'dkim', 'dmarc'];

const NAMES: Record<AuthArea, RegExp> = {
  // (and SPF's own sentence without its name, RFC 7208 §8.4 / Received-SPF: "does not designate … as permitted
  // sender", "not authorized to send from <domain>" — read only for refusals already judged about authentication)
  spf: /\bSPF\b|Sender Policy Framework|X\.7\.2[34]|5\.7\.2[34]\b|\bdoes not designate\b|\bnot (?:permitted|authori[sz]ed|designated) to send (?:mail |e-?mail )?(?:from|on behalf of)\b/i,
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
