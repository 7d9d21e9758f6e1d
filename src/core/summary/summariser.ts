// A pflogsumm-like summary of a large log, built incrementally: lines come in
// as they are read (a 100 MB file streamed in the worker), the format is
// chosen once from the first lines, and every chunk of lines is read by the
// same parser as a pasted log. What is kept is bounded: counts by reason, by
// remote host, by sender domain and by client IP, and — for the sessions that
// had a refusal — their own lines, so that one can be picked and diagnosed
// with analyze() without reading the file again.
//
// A session that straddles two chunks is seen as two; chunks are large
// (DEFAULT_CHUNK_LINES) so this is rare, and it only splits a session's lines.

import type { InputKind, Rejection, Session } from '../types';
import type { InputParser } from '../parse/parser';
import { PARSERS } from '../parse/registry';
import { buildEvidence } from '../evidence';
import { domainOf } from '../dns/names';

export const DEFAULT_CHUNK_LINES = 20000;
/** Lines kept per session with a refusal, and sessions kept. */
export const MAX_SESSION_LINES = 400;
export const MAX_SESSIONS = 2000;
export const MAX_SESSIONS_PER_REASON = 200;
const DETECT_LINES = 400;

export interface Count {
  key: string;
  count: number;
}

/** One session with at least one refusal, with the lines to diagnose it. */
export interface SummarySession {
  /** Stable within one summary: index in `sessions`. */
  index: number;
  id: string | null;
  direction: Session['direction'];
  clientIp: string | null;
  remoteHost: string | null;
  sender: string | null;
  recipients: string[];
  firstLine: number;
  lastLine: number;
  refusals: number;
  /** The first refusal, as classified. */
  first: Pick<Rejection, 'code' | 'enhanced' | 'stage' | 'reason' | 'text' | 'line'>;
  reasons: string[];
  /** The session's own lines (original numbers and text), at most MAX_SESSION_LINES. */
  lines: { n: number; text: string }[];
  truncated: boolean;
}

export interface LogSummary {
  kind: InputKind;
  lines: number;
  /** Lines the parser did not understand. */
  unknownLines: number;
  sessionsSeen: number;
  refusals: number;
  hardRefusals: number;
  byReason: Count[];
  byRemoteHost: Count[];
  bySenderDomain: Count[];
  topClientIps: Count[];
  sessions: SummarySession[];
  /** Sessions with refusals beyond MAX_SESSIONS (counted, not kept). */
  sessionsDropped: number;
  warnings: string[];
}

function bump(m: Map<string, number>, key: string | null | undefined, by = 1): void {
  if (!key) return;
  m.set(key, (m.get(key) ?? 0) + by);
}

function top(m: Map<string, number>, n = 25): Count[] {
  return [...m.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    .slice(0, n);
}

/** The strings by which a session's lines can be told from others' in an interleaved log. */
function tokensOf(s: Session): string[] {
  // MDaemon 13+ tags each line of a session with its id ("05: [514116] --> 250 …");
  // older logs name a session once ("Session 100; child 1") and are told apart by range
  if (s.kind === 'mdaemon-log') return s.id ? [`[${s.id}]`, `[${s.id.replace(/^0+(?=\d)/, '')}]`] : [];
  if (s.kind === 'smtp-transcript') return [];
  // postscreen: "postfix/postscreen 192.0.2.1:4321" → "[192.0.2.1]:4321"
  const ps = s.id ? /^\S+ ([0-9a-fA-F:.]+):(\d+)$/.exec(s.id) : null;
  if (ps) return [`[${ps[1]}]:${ps[2]}`];
  if (s.id && s.id.length >= 4 && !/^\d+$/.test(s.id)) return [s.id];
  return s.clientIp ? [`[${s.clientIp}]`] : [];
}

export class LogSummariser {
  private parser: InputParser | null = null;
  private pending: string[] = [];
  /** 1-based number of the first line in `pending`. */
  private pendingStart = 1;
  private total = 0;
  private unknown = 0;
  private sessionsSeen = 0;
  private refusals = 0;
  private hard = 0;
  private readonly byReason = new Map<string, number>();
  private readonly byRemote = new Map<string, number>();
  private readonly bySender = new Map<string, number>();
  private readonly byIp = new Map<string, number>();
  private readonly sessions: SummarySession[] = [];
  private dropped = 0;
  private readonly keptByReason = new Map<string, number>();
  private readonly warnings: string[] = [];
  private detected = false;

  constructor(private readonly chunkLines = DEFAULT_CHUNK_LINES) {}

  /** Add lines (without terminators), in order. */
  push(lines: string[]): void {
    for (const l of lines) this.pending.push(l);
    this.total += lines.length;
    if (!this.detected && this.pending.length >= DETECT_LINES) this.detect();
    while (this.detected && this.pending.length >= this.chunkLines) this.flush(this.chunkLines);
  }

  private detect(): void {
    this.detected = true;
    const sample = this.pending.slice(0, DETECT_LINES);
    let best: InputParser | null = null;
    let score = 0;
    for (const p of PARSERS) {
      // a large input is a log: the message and bounce readers do not summarise
      if (p.kind === 'message' || p.kind === 'bounce') continue;
      const s = p.detect(sample);
      if (s > score) {
        best = p;
        score = s;
      }
    }
    this.parser = score >= 0.3 ? best : null;
    if (!this.parser)
      this.warnings.push(
        'The file was not recognised as a mail server log (Postfix, Exim, Sendmail, Exchange, MDaemon); no summary was made.',
      );
  }

  private flush(n: number): void {
    const chunk = this.pending.splice(0, n);
    const base = this.pendingStart - 1;
    this.pendingStart += chunk.length;
    if (!this.parser) {
      this.unknown += chunk.length;
      return;
    }
    const result = this.parser.parse(chunk, '', { exactBytes: false });
    const ev = buildEvidence(result, chunk.length);
    this.unknown += ev.unknownLines;
    this.sessionsSeen += ev.sessions.length;
    for (const s of ev.sessions) if (s.clientIp) bump(this.byIp, s.clientIp);
    // refusals by the session they happened in (or on their own, for queue logs)
    const bySession = new Map<Session | null, Rejection[]>();
    // which session a refusal line belongs to, without a search per refusal
    const atLine = new Map<number, Session>();
    for (const s of ev.sessions) {
      for (const r of s.replies) atLine.set(r.line, s);
      for (const t of s.rcptTo) if (!atLine.has(t.line)) atLine.set(t.line, s);
    }
    for (const r of ev.rejections) {
      this.refusals++;
      if (r.hard) this.hard++;
      bump(this.byReason, r.reason);
      const s =
        atLine.get(r.line) ??
        ev.sessions.find(
          (x) => r.line >= x.startLine && r.line <= x.endLine && (!r.recipient || x.rcptTo.some((t) => t.address === r.recipient)),
        ) ??
        null;
      bump(this.byRemote, r.remote ?? s?.remoteHost ?? (s?.direction === 'inbound' ? s.clientIp : null));
      const sender = s?.mailFrom?.address;
      bump(this.bySender, sender !== undefined ? (sender === '' ? '<>' : (domainOf(sender) ?? sender)) : null);
      const list = bySession.get(s) ?? [];
      list.push(r);
      bySession.set(s, list);
    }
    for (const [s, rs] of bySession) this.keep(s, rs, chunk, base);
  }

  private keep(s: Session | null, rs: Rejection[], chunk: string[], base: number): void {
    // keep examples of every reason, not only the first thousands of the commonest
    const reason = rs[0].reason;
    const ofReason = this.keptByReason.get(reason) ?? 0;
    if (this.sessions.length >= MAX_SESSIONS || ofReason >= MAX_SESSIONS_PER_REASON) {
      this.dropped++;
      return;
    }
    this.keptByReason.set(reason, ofReason + 1);
    const from = s ? s.startLine : rs[0].line;
    const to = s ? Math.max(s.endLine, ...rs.map((r) => r.line)) : rs[rs.length - 1].line;
    let tokens = s ? tokensOf(s) : [];
    // an id the lines do not carry (an untagged MDaemon log): the session is its range
    if (tokens.length && !chunk.slice(from - 1, to).some((t) => tokens.some((k) => t?.includes(k)))) tokens = [];
    const lines: { n: number; text: string }[] = [];
    let truncated = false;
    for (let i = from; i <= to; i++) {
      const text = chunk[i - 1];
      if (text === undefined) continue;
      const mine = !tokens.length || tokens.some((t) => text.includes(t)) || rs.some((r) => r.line === i);
      if (!mine) continue;
      if (lines.length >= MAX_SESSION_LINES) {
        truncated = true;
        break;
      }
      lines.push({ n: base + i, text });
    }
    const first = rs[0];
    this.sessions.push({
      index: this.sessions.length,
      id: s?.id ?? null,
      direction: s?.direction ?? 'unknown',
      clientIp: s?.clientIp ?? null,
      remoteHost: s?.remoteHost ?? first.remote ?? null,
      sender: s?.mailFrom?.address ?? null,
      recipients: [
        ...new Set([...(s?.rcptTo.map((r) => r.address) ?? []), ...rs.map((r) => r.recipient).filter((x): x is string => !!x)]),
      ].slice(0, 20),
      firstLine: base + from,
      lastLine: base + to,
      refusals: rs.length,
      first: {
        code: first.code,
        enhanced: first.enhanced,
        stage: first.stage,
        reason: first.reason,
        text: first.text,
        line: base + first.line,
      },
      reasons: [...new Set(rs.map((r) => r.reason))],
      lines,
      truncated,
    });
  }

  /** Read what is left and return the summary. */
  finish(): LogSummary {
    if (!this.detected) this.detect();
    while (this.pending.length) this.flush(Math.min(this.chunkLines, this.pending.length));
    if (this.dropped)
      this.warnings.push(
        `${this.dropped} more sessions had refusals; they are counted, and the first ${MAX_SESSIONS_PER_REASON} of each reason are listed.`,
      );
    return {
      kind: this.parser?.kind ?? 'unknown',
      lines: this.total,
      unknownLines: this.unknown,
      sessionsSeen: this.sessionsSeen,
      refusals: this.refusals,
      hardRefusals: this.hard,
      byReason: top(this.byReason, 50),
      byRemoteHost: top(this.byRemote),
      bySenderDomain: top(this.bySender),
      topClientIps: top(this.byIp),
      sessions: this.sessions,
      sessionsDropped: this.dropped,
      warnings: this.warnings,
    };
  }
}

/** The text of one summarised session, ready for analyze(). */
export function sessionText(s: SummarySession): string {
  return s.lines.map((l) => l.text).join('\n');
}

/** Summarise a whole text at once (tests, the CLI). */
export function summariseLines(lines: string[], chunkLines = DEFAULT_CHUNK_LINES): LogSummary {
  const s = new LogSummariser(chunkLines);
  s.push(lines);
  return s.finish();
}
