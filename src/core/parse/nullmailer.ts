// nullmailer-send's log (nullmailer, the relay-only MTA many small servers and containers use for cron
// and daemon mail; syslog "nullmailer[pid]: " or bare, as journalctl -u nullmailer shows it). Per message
// (nullmailer-send.cc, protocol/smtp.cc):
//   Starting delivery: host: smtp.example.net protocol: smtp file: 1635188050.26893
//   From: <root@host> to: <admin@example.org>
//   Message-Id: <…>
//   smtp: Failed: 553 Relaying disallowed as root@host        (or "smtp: Succeeded: 250 …")
//   Sending failed: Permanent error in sending the message     (or "Sent file.")
// The reply after "Failed:" is the configured relay's (its "remotes" file), refusing this server.

import type { Session } from '../types';
import type { InputParser, ParseResult } from './parser';
import { SessionBook, shareOfShapes } from './session';
import { stageFromText } from './bounce/diagnostic';

/** syslog's prefix with the program "nullmailer" or "nullmailer-send". */
const PREFIX =
  /^(?:(?:[A-Z][a-z]{2}\s+\d{1,2} \d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)\s+\S+\s+nullmailer(?:-send)?(?:\[\d+\])?:\s*)?(.*)$/;

const SHAPES = {
  start: /^Starting delivery: host: (\S+) protocol: (\S+) file: (\S+)/,
  envelope: /^From: <([^>]*)>(?: \([^)]*\))? to: <([^>]*)>/,
  messageId: /^Message-Id: /i,
  result: /^(\w+): (Succeeded|Failed): (.*)$/,
  outcome:
    /^(?:Sending failed: .*|Sent file\.|Delivery (?:complete|failed), \d+ message\(s\) remain\.|Starting delivery, \d+ message\(s\) in queue\.|Rescanning queue\.|Trigger pulled\.|Delivery (?:complete|failed)\.)$/,
};

/** How sure these lines are nullmailer-send's: its "Starting delivery: host: …" or "smtp: Failed: …" lines among them. */
export function looksLikeNullmailer(lines: string[]): number {
  // (a "From:"/"Message-Id:" line is a header's too: nullmailer's own lines must be there)
  const own = new Set(['start', 'result', 'outcome']);
  return shareOfShapes(
    lines,
    SHAPES,
    (l) => PREFIX.exec(l.trim())?.[1] ?? '',
    (shape) => own.has(shape),
  );
}

export function parseNullmailer(lines: string[]): ParseResult {
  const book = new SessionBook('nullmailer-log');
  let s: Session | null = null;
  let relay: string | null = null;
  lines.forEach((raw, i) => {
    const no = i + 1;
    if (!raw.trim()) return;
    const body = (PREFIX.exec(raw.trim())?.[1] ?? raw).trim();
    let m: RegExpExecArray | null;
    if ((m = SHAPES.start.exec(body))) {
      relay = m[1];
      s = book.open(null, m[3], no, 'outbound');
      s.remoteHost = relay;
    } else if ((m = SHAPES.envelope.exec(body))) {
      s ??= book.open(null, null, no, 'outbound');
      s.mailFrom = { address: m[1], line: no };
      s.rcptTo.push(...m[2].split(/>,? <?/).map((address) => ({ address, line: no })));
      s.endLine = no;
    } else if ((m = SHAPES.result.exec(body))) {
      s ??= book.open(null, null, no, 'outbound');
      s.endLine = no;
      const reply = /^([245]\d\d)[ -](?:([245]\.\d{1,3}\.\d{1,3})\s)?(.*)$/.exec(m[3].trim());
      const code = reply ? Number(reply[1]) : null;
      if (code) s.replies.push({ code, enhanced: reply![2] ?? null, text: reply![3], stage: stageFromText(reply![3]), line: no });
      if (m[2] === 'Failed')
        book.rejections.push({
          code,
          enhanced: reply?.[2] ?? null,
          stage: reply ? stageFromText(reply[3]) : stageFromText(m[3]),
          text: reply ? reply[3] : m[3],
          ip: null,
          line: no,
          recipient: s.rcptTo[0]?.address ?? null,
          remote: relay,
          action: code !== null && code < 500 ? 'deferred' : 'failed',
        });
    } else if (!SHAPES.messageId.test(body) && !SHAPES.outcome.test(body)) book.unknownLines++;
  });
  const kept = book.sessions.filter((x) => x.mailFrom || x.rcptTo.length || x.replies.length);
  return {
    kind: 'nullmailer-log',
    sessions: kept,
    rejections: book.rejections,
    unknownLines: book.unknownLines,
    warnings: kept.length || book.rejections.length ? [] : ['No nullmailer delivery was found in the log.'],
  };
}

export const nullmailerParser: InputParser = {
  kind: 'nullmailer-log',
  detect: looksLikeNullmailer,
  parse: (lines) => parseNullmailer(lines),
};
