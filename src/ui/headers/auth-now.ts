// Which checklist steps say what DNS says now about an authentication
// method: the steps of the method's rule area whose evidence includes a live
// DNS answer ("DNS now: …"), as opposed to steps that repeat the receiver's log.

import type { Status, Step } from '../../core/types';

const AREA: Record<string, string> = { spf: 'spf.', dkim: 'dkim.', dmarc: 'dmarc.', iprev: 'ptr.' };

export interface NowView {
  status: Status;
  title: string;
}

export function dnsNow(method: string, checklist: Step[]): NowView[] {
  const area = AREA[method];
  if (!area) return [];
  return checklist
    .filter((s) => s.rule.startsWith(area) && s.evidence.some((e) => e.line === 0 && e.text.startsWith('DNS now')))
    .map((s) => ({ status: s.status, title: s.title }));
}
