// A log's refused sessions made ready to triage (issue 15 point 3), in the
// worker: each session in words (direction, reason), with the text to
// diagnose it alone; the groups of sessions that share a direction, a
// reason, a remote host, a sender domain and a client IP; and the filter
// choices with their counts. The page filters and searches these rows; it
// computes nothing about mail.
//
// Inbound = this server refused a client (the log's own smtpd, postscreen,
// MDaemon, Exchange receive); outbound = this server was refused when it
// delivered (the remote host's reply). Which one a session is comes from the
// parser (Session.direction).

import type { LogSummary, SummarySession } from '../../core/summary/summariser';
import { domainOf } from '../../core/dns/names';
import { kindWords, reasonWords } from './words';
import type { Facet, GroupBy, SessionRow, SummaryGroup, SummaryView } from './types';

export const DIRECTION_WORDS: Record<SessionRow['direction'], string> = {
  inbound: 'Inbound: this server refused',
  outbound: 'Outbound: this server was refused',
  unknown: 'Direction not known',
};

/** Sessions listed in the view (the summary keeps at most its own cap). */
const MAX_ROWS = 2000;
/** Facet choices shown per filter. */
const MAX_FACETS = 50;

type Session = SummarySession & { senderDomain?: string | null };

function senderDomainOf(s: Session): string | null {
  if (s.senderDomain !== undefined) return s.senderDomain;
  return s.sender ? domainOf(s.sender) : null;
}

function row(s: Session): SessionRow {
  const direction = s.direction === 'inbound' || s.direction === 'outbound' ? s.direction : 'unknown';
  const senderDomain = senderDomainOf(s);
  const reply = [s.first.code, s.first.enhanced].filter(Boolean).join(' ');
  return {
    index: s.index,
    direction,
    reason: s.first.reason,
    reasonWords: reasonWords(s.first.reason),
    reasons: [...new Set(s.reasons)],
    reply,
    text: s.first.text.length > 200 ? `${s.first.text.slice(0, 197)}…` : s.first.text,
    clientIp: s.clientIp,
    remoteHost: s.remoteHost,
    senderDomain,
    firstLine: s.firstLine,
    lastLine: s.lastLine,
    refusals: s.refusals,
    search: [reply, s.first.text, s.clientIp, s.remoteHost, s.sender, ...s.recipients, s.id, s.first.reason, reasonWords(s.first.reason)]
      .filter(Boolean)
      .join(' ')
      .toLowerCase(),
    session: s.lines.map((l) => l.text).join('\n'),
    truncated: s.truncated,
  };
}

function facet(rows: SessionRow[], key: (r: SessionRow) => string | null, label: (k: string) => string = (k) => k): Facet[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const k = key(r);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_FACETS)
    .map(([k, n]) => ({ key: k, label: label(k), count: n }));
}

function groups(rows: SessionRow[], by: GroupBy): SummaryGroup[] {
  const all = new Map<string, SummaryGroup>();
  for (const r of rows) {
    const value = r[by];
    const key = `${r.direction}\u0000${value ?? ''}`;
    let g = all.get(key);
    if (!g) {
      g = {
        key,
        direction: r.direction,
        by,
        value,
        label: value === null ? 'not in the log' : by === 'reason' ? reasonWords(value) : value,
        sessions: [],
        refusals: 0,
      };
      all.set(key, g);
    }
    g.sessions.push(r.index);
    g.refusals += r.refusals;
  }
  return [...all.values()].sort((a, b) => b.sessions.length - a.sessions.length || b.refusals - a.refusals);
}

/** The stream summariser's count of refused sessions by direction, over the whole log, when it gives one. */
type WithDirections = LogSummary & { byDirection?: Partial<Record<SessionRow['direction'], { sessions?: number; refusals?: number }>> };

export function summaryView(s: LogSummary, name: string): SummaryView {
  const rows = (s.sessions as Session[]).slice(0, MAX_ROWS).map(row);
  const whole = (s as WithDirections).byDirection;
  const complete = !!whole && (['inbound', 'outbound', 'unknown'] as const).every((d) => typeof whole[d]?.sessions === 'number');
  const dir = (d: SessionRow['direction']) => (complete ? whole![d]!.sessions! : rows.filter((r) => r.direction === d).length);
  return {
    name,
    kind: s.kind,
    kindWords: kindWords(s.kind),
    lines: s.lines,
    unknownLines: s.unknownLines,
    sessionsSeen: s.sessionsSeen,
    refusals: s.refusals,
    hardRefusals: s.hardRefusals,
    sessionsDropped: s.sessionsDropped + Math.max(0, s.sessions.length - rows.length),
    warnings: s.warnings,
    byDirection: { inbound: dir('inbound'), outbound: dir('outbound'), unknown: dir('unknown') },
    byReason: s.byReason.map((c) => ({ key: c.key, label: reasonWords(c.key), count: c.count })),
    facets: {
      direction: facet(
        rows,
        (r) => r.direction,
        (k) => DIRECTION_WORDS[k as SessionRow['direction']],
      ),
      reason: facet(rows, (r) => r.reason, reasonWords),
      remoteHost: facet(rows, (r) => r.remoteHost),
      senderDomain: facet(rows, (r) => r.senderDomain),
      clientIp: facet(rows, (r) => r.clientIp),
    },
    groups: {
      reason: groups(rows, 'reason'),
      remoteHost: groups(rows, 'remoteHost'),
      senderDomain: groups(rows, 'senderDomain'),
      clientIp: groups(rows, 'clientIp'),
    },
    directionsComplete: complete,
    sessions: rows,
  };
}
