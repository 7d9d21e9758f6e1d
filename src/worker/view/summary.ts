// A log's refused sessions made ready to triage, in the
// worker: each kept session in words (direction, reason), with the text to
// diagnose it alone; the summary's refusal groups summed up by reason, by
// remote host, by sender domain and by client IP, each direction apart; and
// the filter choices with their counts. The page filters and searches these rows; it
// computes nothing about mail.
//
// Inbound = this server refused a client (the log's own smtpd, postscreen,
// MDaemon, Exchange receive); outbound = this server was refused when it
// delivered (the remote host's reply). Which one a session is comes from the
// parser (Session.direction).

import type { LogSummary, RefusalGroup, SummarySession } from '../../core/summary/summariser';
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

function row(s: SummarySession): SessionRow {
  const direction = s.direction === 'inbound' || s.direction === 'outbound' ? s.direction : 'unknown';
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
    senderDomain: s.senderDomain,
    firstLine: s.firstLine,
    lastLine: s.lastLine,
    refusals: s.refusals,
    search: [reply, s.first.text, s.clientIp, s.remoteHost, s.sender, ...s.recipients, s.id, s.first.reason, reasonWords(s.first.reason)]
      .filter(Boolean)
      .join(' ')
      .toLowerCase(),
    session: s.text,
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

/**
 * The summary's refusal groups (one per direction, reason, remote host,
 * sender domain and client IP, counted over the whole log) summed up one
 * way — by reason, remote host, sender domain or client IP — each direction
 * apart. The groups' kept sessions come along, to list and diagnose.
 */
function groups(all: RefusalGroup[], by: GroupBy): SummaryGroup[] {
  const out = new Map<string, SummaryGroup>();
  for (const rg of all) {
    const value = rg[by];
    const direction = rg.direction === 'inbound' || rg.direction === 'outbound' ? rg.direction : 'unknown';
    const key = `${direction}\u0000${value ?? ''}`;
    let g = out.get(key);
    if (!g) {
      g = {
        key,
        direction,
        by,
        value,
        label: value === null ? 'not in the log' : by === 'reason' ? reasonWords(value) : value,
        sessions: [],
        refusals: 0,
      };
      out.set(key, g);
    }
    g.refusals += rg.count;
    for (const i of rg.sessions) if (!g.sessions.includes(i)) g.sessions.push(i);
  }
  for (const g of out.values()) g.sessions.sort((a, b) => a - b);
  return [...out.values()].sort((a, b) => b.refusals - a.refusals || b.sessions.length - a.sessions.length);
}

export function summaryView(s: LogSummary, name: string): SummaryView {
  const rows = s.sessions.slice(0, MAX_ROWS).map(row);
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
    byDirection: s.byDirection,
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
      reason: groups(s.groups, 'reason'),
      remoteHost: groups(s.groups, 'remoteHost'),
      senderDomain: groups(s.groups, 'senderDomain'),
      clientIp: groups(s.groups, 'clientIp'),
    },
    groupsDropped: s.groupsDropped,
    sessions: rows,
  };
}
