// From parse results to Evidence: sessions' refusals are collected and
// classified in one place, whatever parser found them.

import type { Evidence, InputKind, Rejection } from './types';
import type { ParseResult, RawRejection } from './parse/parser';
import { classify } from './classify';
import { judgedIpInReply } from './parse/judged-ip';
import type { LoggedCheck, Session, SmtpReply } from './types';
import { readRecordedChecks } from './knowledge/recorded-checks';
import { refusesCommandSyntax } from './knowledge/reply-codes';

/**
 * What a refusal's words say the receiver found (knowledge/recorded-checks.ts):
 * "SPF check for [example.org] does not pass with ip: [203.0.113.5]" is the
 * receiver's SPF result for that domain and IP; "does not have a PTR record"
 * its reverse-DNS result for the client. They join the checks the receiver
 * logged, marked as recorded by it and as the reason it refused.
 */
function recordedInRefusals(rejections: Rejection[], sessions: Session[]): LoggedCheck[] {
  const out: LoggedCheck[] = [];
  for (const r of rejections) {
    // the reader's own server refused a client (its inbound session): the finding is its own
    const session = sessions.find((s) => r.line >= s.startLine && r.line <= s.endLine);
    const own = session?.direction === 'inbound';
    // SPF is judged on the MAIL FROM domain (RFC 7208 §2.4): when the words name none, the session's own
    const envelope = session?.mailFrom?.address.split('@')[1]?.toLowerCase() ?? '';
    for (const c of readRecordedChecks(r.text)) {
      if (own) c.by = 'Your server';
      const ip = c.ip ?? r.ip ?? undefined;
      const subject = c.check === 'ptr' ? (ip ?? '') : (c.domain ?? (c.check === 'spf' ? envelope : ''));
      if (out.some((o) => o.check === c.check && o.subject === subject && o.result === c.result)) continue;
      out.push({
        check: c.check,
        subject,
        result: c.result,
        detail: `${c.by} refused: ${[r.code, r.enhanced, r.text].filter((x) => x !== null && x !== '').join(' ')}`,
        line: r.line,
        ...(ip ? { ip } : {}),
        by: c.by,
        refused: true,
      });
    }
  }
  return out;
}

/**
 * A refusal of a command's syntax that the client then got past: the same command (HELO/EHLO or
 * MAIL FROM, one per transaction) was sent again later in the session and accepted — a typo in a
 * hand-typed telnet session ("Mail" → 501 5.5.4, then "MAIL FROM: a@b" → 250), a client retrying
 * HELO after EHLO. Nothing about the delivery was refused, so it is no refusal of it. RCPT TO is
 * not judged so: another recipient accepted later says nothing about the refused one.
 */
function correctedLater(s: Session, r: SmtpReply): boolean {
  if ((r.stage !== 'helo' && r.stage !== 'mail') || !refusesCommandSyntax(r.code, r.enhanced)) return false;
  return s.replies.some((x) => x.line > r.line && x.stage === r.stage && x.code >= 200 && x.code < 300);
}

/** Replies that end a session politely are not refusals (QUIT's 221, etc.). */
function isRefusal(code: number): boolean {
  return code >= 400 && code < 600;
}

/** The default of limits.maxReplyChars (options.ts says what it stops). */
export const MAX_REPLY_CHARS = 8192;

/**
 * `classifyRefusal` is classify() unless the caller remembers its answers
 * (the large-log summary reads thousands of sessions with the same refusal).
 */
export function buildEvidence(
  result: ParseResult,
  lineCount: number,
  maxReplyChars = MAX_REPLY_CHARS,
  classifyRefusal: (r: RawRejection) => Rejection = classify,
): Evidence {
  const raw: RawRejection[] = [...(result.rejections ?? [])];
  // a parser may report a refusal both in its session and, with more detail
  // (recipient, remote), among its rejections: count it once
  const reported = new Set(raw.map((r) => r.line));
  for (const s of result.sessions ?? []) {
    for (const r of s.replies) {
      if (!isRefusal(r.code) || reported.has(r.line) || correctedLater(s, r)) continue;
      // the recipient a RCPT-stage refusal answered: the last RCPT TO before it
      const rcpt = r.stage === 'rcpt' ? s.rcptTo.filter((x) => x.line <= r.line).pop()?.address : undefined;
      raw.push({
        code: r.code,
        enhanced: r.enhanced,
        stage: r.stage,
        text: r.text,
        // outbound, the IP judged is the log's own server: the receiver may name it in the reply
        ip: s.direction === 'outbound' ? judgedIpInReply(r.code, r.enhanced, r.text) : s.clientIp,
        line: r.line,
        remote: s.remoteHost ?? (s.direction === 'outbound' ? s.serverIp : null),
        recipient: rcpt ?? null,
      });
    }
  }
  raw.sort((a, b) => a.line - b.line);
  // a refusal's text past the limit is cut before it is classified (limits.maxReplyChars), and said
  const long = raw.filter((r) => r.text.length > maxReplyChars);
  const cut = long.length ? raw.map((r) => (r.text.length > maxReplyChars ? { ...r, text: r.text.slice(0, maxReplyChars) } : r)) : raw;
  if (long.length)
    result.warnings.push(
      `${long.length === 1 ? `The refusal on line ${long[0].line} is` : `${long.length} refusals (the first on line ${long[0].line}) are`} longer than ${maxReplyChars} characters: only the first ${maxReplyChars} were read (limits.maxReplyChars).`,
    );
  const kind: InputKind = result.kind;
  const sessions = result.sessions ?? [];
  // the reader's own server refused a client: the refusal is marked, so that whose move it is can be said
  const rejections = cut.map((r) => {
    const c = classifyRefusal(r);
    return r.inbound || sessions.some((s) => s.direction === 'inbound' && r.line >= s.startLine && r.line <= s.endLine)
      ? { ...c, inbound: true }
      : c;
  });
  return {
    inputs: [{ kind, lines: lineCount }],
    sessions: result.sessions ?? [],
    rejections,
    hops: result.hops ?? [],
    message: result.message ?? null,
    ...(result.sender ? { sender: result.sender } : {}),
    ...(result.target ? { target: result.target } : {}),
    logged: [
      ...(result.logged ?? []),
      ...(result.sessions ?? []).flatMap((s) => s.logged),
      ...recordedInRefusals(rejections, result.sessions ?? []),
    ],
    unknownLines: result.unknownLines,
    warnings: result.warnings,
  };
}
