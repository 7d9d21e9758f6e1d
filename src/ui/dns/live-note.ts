// What the page says above the checklist when live DNS checks could not all
// be made: why (offline, no resolver set, or which failures from which
// resolver), and what the user can do. Steps that needed the missing answers
// say "Not checked" (inconclusive); this says what happened to them.

import type { DnsLogEntry, Report } from '../../core/types';
import { isFailure } from './describe';

export interface LiveNote {
  text: string;
  /** What the button next to the note does. */
  action: 'retry' | 'settings' | null;
}

const FAILURE_WORDS: Record<string, string> = {
  TIMEOUT: 'got no answer in time',
  NETWORK: 'could not reach the resolver',
  CORS: 'were refused to this page by the resolver (cross-origin)',
  HTTP: 'got an HTTP error',
  MALFORMED: 'got an answer that is not DNS',
  LIMIT: 'were over the question limit',
  SERVFAIL: 'failed at the resolver (SERVFAIL)',
  REFUSED: 'were refused by the resolver',
};

function failures(dns: DnsLogEntry[]): string | null {
  const failed = dns.filter((e) => isFailure(e) && !e.cached);
  if (!failed.length) return null;
  const byCode = new Map<string, number>();
  for (const e of failed) byCode.set(e.rcode, (byCode.get(e.rcode) ?? 0) + 1);
  const what = [...byCode].map(([code, n]) => `${n} ${FAILURE_WORDS[code] ?? `ended in ${code}`}`).join(', ');
  const resolvers = [...new Set(failed.map((e) => e.resolver).filter(Boolean))];
  return `${failed.length} of ${dns.length} DNS questions failed: ${what}${resolvers.length ? ` (${resolvers.join(', ')})` : ''}.`;
}

export function liveNote(report: Report, o: { online: boolean; resolvers: string[]; shared: boolean }): LiveNote | null {
  const needed = report.checklist.some((s) => s.retry);
  if (!report.live) {
    if (!needed) return null;
    if (!o.online)
      return { text: 'You are offline: live DNS checks were skipped. They run by themselves when the network returns.', action: 'retry' };
    if (!o.resolvers.length) return { text: 'Live DNS checks are off: no DNS-over-HTTPS resolver is set.', action: 'settings' };
    return { text: 'Live DNS checks were skipped for this diagnosis.', action: 'retry' };
  }
  const failed = failures(report.dns);
  if (!failed && !needed) return null;
  return {
    text: `${failed ?? 'Some live checks could not be made.'} The steps that needed those answers say "Not checked".${
      o.shared ? ' These are the answers recorded when the link was made.' : ''
    }`,
    action: 'retry',
  };
}
