// Exim mainlog and rejectlog (Exim specification, chapter "Log files": the
// flags `<=` arrival, `=>` delivery, `->` additional address, `**` failed,
// `==` deferred; `H=host (helo) [ip]`, `F=<sender>`, `R=` router, `T=`
// transport, `C="…"` confirmation; "SMTP error from remote mail server after
// RCPT TO:<x>: 550 …"; inbound "rejected RCPT <x>: …", "rejected after DATA: …").
// Exim writes a multi-line remote reply on one log line with a literal "\n"
// between the lines. Lines group into messages by Exim's message id, and
// inbound refusals (which have no id) by connection.

import type { LoggedCheck, Session, SmtpReply, Stage } from '../types';
import type { InputParser, ParseResult, RawRejection } from './parser';
import { normalizeIP } from '../dns/names';
import { isConnectFailure, joinMultiline } from './smtp-dialogue';
import { judgedIpIn, judgedIpInReply } from './judged-ip';
import { rejectlogMessage } from './exim-rejectlog';
import { emptySession } from './session';
import { stageOfCommand } from '../knowledge/smtp-commands';

/** `2024-03-01 10:00:00[.123] [+0100] [[pid]] [msgid] rest`. */
const LINE =
  /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{3})?)(?: [+-]\d{4})?(?: \[\d+\])?\s+(?:([0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4})\s+)?(.*)$/;

const FLAGS = /^(<=|=>|->|>>|\*>|\*\*|==)\s+(\S+)\s*(.*)$/;

export function looksLikeExim(lines: string[]): number {
  let seen = 0;
  let hits = 0;
  for (const l of lines) {
    // rejectlog's copies of the refused headers are not log lines of their own
    if (!l.trim() || /^(?:Envelope-(?:from|to):|[ A-Z*]{1,2}\s?[\w-]+:|\s)/.test(l)) continue;
    if (++seen > 200) break;
    const m = LINE.exec(l);
    if (!m) continue;
    const rest = m[3];
    if (
      (m[2] && (FLAGS.test(rest) || /^(Completed|Frozen|Message is frozen|SMTP error|cancelled by|Unfrozen|removed by)/.test(rest))) ||
      /^(H=|SMTP connection from|SMTP protocol|no (?:host name|IP address) found|rejected (?:EHLO|HELO)|Start queue run|End queue run|exim \d|TLS error on connection|\S+ \[[\d.:a-f]+\](?::\d+)? Warning:|U=\S+ P=)/.test(
        rest,
      )
    )
      hits++;
  }
  return seen ? hits / seen : 0;
}

/** `H=host (helo) [ip]:port` → parts. Exim writes `(helo)` only when it differs from the host name. */
function hostField(rest: string): { host: string | null; helo: string | null; ip: string | null } | null {
  const m = /\bH=(?:([^\s()[\]]+)\s*)?(?:\(([^()]*)\)\s*)?\[([0-9a-fA-F:.]+)\](?::\d+)?/.exec(rest);
  if (!m) return null;
  return { host: m[1] ?? null, helo: m[2] ?? m[1] ?? null, ip: m[3] ? (normalizeIP(m[3]) ?? m[3]) : null };
}

/**
 * The command Exim names in its words (the table knowledge/smtp-commands.ts
 * gives its stage). Exim's server log says "rejected after DATA" for its DATA
 * ACL (acl_smtp_data), which runs once the whole message is in: end of data.
 */
const EXIM_COMMAND_WORDS: [RegExp, string][] = [
  [
    /after (?:pipelined )?end of data|after DATA(?!\s*command)|rejected after DATA|after sending data block|after \.\s|in response to end of data/i,
    'END OF DATA',
  ],
  [/after (?:pipelined )?RCPT TO|rejected RCPT/i, 'RCPT'],
  [/after (?:pipelined )?MAIL FROM|rejected MAIL/i, 'MAIL'],
  [/after (?:pipelined )?DATA/i, 'DATA'],
  [/after (?:pipelined )?BDAT/i, 'BDAT'],
  [/after (?:EHLO|HELO|STARTTLS|AUTH)|rejected (?:EHLO|HELO)/i, 'EHLO'],
  [/initial connection|after connect|rejected connection|greeting/i, 'CONNECT'],
];

/** Exim names the command the remote refused: "after RCPT TO:<x>", "after end of data", "after initial connection". */
export function stageOfEximWords(s: string): Stage {
  const named = EXIM_COMMAND_WORDS.find(([re]) => re.test(s));
  if (named) return stageOfCommand(named[1]);
  return isConnectFailure(s) ? stageOfCommand('CONNECT') : 'unknown';
}

/** `… : 550-5.7.1 a\n550 5.7.1 b` → code, enhanced, text. */
function replyIn(s: string): { code: number | null; enhanced: string | null; text: string } {
  const flat = s.replace(/\\n/g, ' ');
  // the reply starts after "…: " (or at the start): a code elsewhere is a number in the
  // text before it ("X=TLS1.3:…:256 CV=yes: SMTP error … : 550-5.7.26 …")
  const start = /(?:^|:\s+)([245]\d\d)[ -](?:[245]\.\d{1,3}\.\d{1,3}\s)?/.exec(flat);
  const joined = joinMultiline(start ? flat.slice(start.index).replace(/^:\s+/, '') : flat);
  const m = /^([245]\d\d)[ -](?:([245]\.\d{1,3}\.\d{1,3})\s)?(.*)$/s.exec(joined);
  if (start && m) return { code: Number(m[1]), enhanced: m[2] ?? null, text: m[3].trim() };
  // an enhanced code on its own, not a section number ("See RFC2821 4.1.1.1")
  const e = /(?<!RFC ?\d{3,4} |\.)\b([245]\.\d{1,3}\.\d{1,3})\b(?!\.\d)/.exec(joined);
  return { code: null, enhanced: e ? e[1] : null, text: joined.trim() };
}

/**
 * A message's session turns outbound at its first delivery line. The arrival's
 * H= host (helo) was the client that submitted it (webmail on localhost, a
 * user's PC), not the name this server gives the remote host in its EHLO,
 * which Exim does not log: it is not the delivering server's HELO.
 */
function goesOut(s: Session): void {
  if (s.direction === 'inbound') s.helo = null;
  s.direction = 'outbound';
}

function newSession(id: string | null, direction: Session['direction'], line: number): Session {
  return emptySession('exim-log', id, line, direction);
}

export function parseExim(lines: string[]): ParseResult {
  const sessions: Session[] = [];
  const rejections: RawRejection[] = [];
  const byId = new Map<string, Session>();
  /** Inbound connections by client IP (Exim logs no connection id without +pid). */
  const byClient = new Map<string, Session>();
  let unknown = 0;
  const retryWaits: RawRejection[] = [];

  const session = (id: string | null, ip: string | null, lineNo: number): Session => {
    if (id && byId.has(id)) return byId.get(id)!;
    const key = ip ?? '';
    let s = !id && byClient.get(key);
    if (!s) {
      s = newSession(id, 'inbound', lineNo);
      sessions.push(s);
      if (id) byId.set(id, s);
      else byClient.set(key, s);
    }
    return s;
  };

  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    if (!raw.trim()) return;
    const m = LINE.exec(raw);
    if (!m) {
      // rejectlog header dumps ("Envelope-from:", "P Received: …") and continuations
      if (/^(?:Envelope-(?:from|to):|[ A-Z*]{1,2}\s?[\w-]+:|\s)/.test(raw)) return;
      unknown++;
      return;
    }
    const id = m[2] ?? null;
    const rest = m[3];
    const flag = FLAGS.exec(rest);
    const h = hostField(rest);

    if (flag && id) {
      const [, f, rawAddress, tail] = flag;
      const address = rawAddress.replace(/:$/, '');
      const s = session(id, null, lineNo);
      s.endLine = lineNo;
      if (f === '<=') {
        s.direction = h ? 'inbound' : 'outbound';
        s.mailFrom = { address: address === '<>' ? '' : address, line: lineNo };
        if (h) {
          s.clientIp = h.ip;
          s.clientIpLine = lineNo;
          s.remoteHost = h.host;
          if (h.helo) s.helo = { name: h.helo, line: lineNo };
        }
        const size = /\bS=(\d+)/.exec(tail);
        if (size) s.messageSize = Number(size[1]);
        return;
      }
      // deliveries and failures: this message is going out
      goesOut(s);
      if (!s.rcptTo.some((r) => r.address === address)) s.rcptTo.push({ address, line: lineNo });
      if (h) {
        s.serverIp = h.ip;
        s.remoteHost = h.host;
      }
      if (f === '=>' || f === '->' || f === '>>' || f === '*>') {
        const c = /C="([^"]*)"/.exec(tail);
        if (c) {
          const r = replyIn(c[1]);
          if (r.code) s.replies.push({ code: r.code, enhanced: r.enhanced, text: r.text, stage: 'end-of-data', line: lineNo });
        }
        return;
      }
      // ** failed, == deferred
      const why = tail
        .replace(/^.*?(?:H=[^:]*?\]:?\s*|T=\S+\s*(?:defer \(-?\d+\)(?:: )?)?)/, '')
        .replace(/^\s*H=\S+(?: \S+)? \[[^\]]*\](?::\d+)?:?\s*/, '');
      // Exim 4.7x and older name the remote inside the text: "…: host mx.example.org [192.0.2.5]: 550 …"
      const named = h ? null : /\bhost ([\w.-]+) \[([0-9a-fA-F:.]+)\]/.exec(why);
      if (named) {
        s.remoteHost = named[1];
        s.serverIp = normalizeIP(named[2]) ?? named[2];
      }
      const r = replyIn(why);
      const stage = stageOfEximWords(why);
      const reply: SmtpReply = { code: r.code ?? 0, enhanced: r.enhanced, text: r.text, stage, line: lineNo };
      if (r.code) s.replies.push(reply);
      const rejection: RawRejection = {
        code: r.code,
        enhanced: r.enhanced,
        stage,
        text: r.code ? r.text : why.trim() || tail.trim(),
        ip: r.code ? judgedIpInReply(r.code, r.enhanced, r.text) : judgedIpIn(why),
        line: lineNo,
        recipient: address.replace(/^<|>$/g, ''),
        remote: h?.host ?? named?.[1] ?? null,
        action: f === '==' ? 'deferred' : 'failed',
      };
      // Exim's bookkeeping while the hosts wait for their retry time says only "still deferred":
      // it stands for the refusal only when the attempt that failed is not in the excerpt
      if (f === '==' && /retry time not reached/i.test(tail)) retryWaits.push(rejection);
      else rejections.push(rejection);
      return;
    }

    // inbound SMTP: connections, refusals before a message id exists
    if (/^SMTP connection from/.test(rest)) {
      const c = /\[([0-9a-fA-F:.]+)\]/.exec(rest);
      const ip = c ? (normalizeIP(c[1]) ?? c[1]) : null;
      if (/closed|lost|dropped|timeout/i.test(rest)) {
        const s = ip ? byClient.get(ip) : undefined;
        if (s) s.endLine = lineNo;
        if (ip) byClient.delete(ip);
        return;
      }
      if (ip) byClient.delete(ip);
      const s = session(null, ip, lineNo);
      s.clientIp = ip;
      s.clientIpLine = lineNo;
      // "SMTP connection from (helo) [ip]" — not "[ip]:port (TCP/IP connection count = 3)"
      const helo = /^SMTP connection from (?:\S+ )?\(([^)]*)\) \[/.exec(rest);
      if (helo) s.helo = { name: helo[1], line: lineNo };
      return;
    }
    const noHost = /^no host name found for IP address (\S+)/.exec(rest);
    if (noHost) {
      const ip = normalizeIP(noHost[1]) ?? noHost[1];
      const s = session(null, ip, lineNo);
      s.clientIp ??= ip;
      s.logged.push({ check: 'ptr', subject: ip, result: 'none', detail: rest, line: lineNo });
      return;
    }
    const noIp = /^no IP address found for host (\S+) \(during SMTP connection from \[([^\]]+)\]\)/.exec(rest);
    if (noIp) {
      const ip = normalizeIP(noIp[2]) ?? noIp[2];
      const s = session(null, ip, lineNo);
      s.logged.push({ check: 'fcrdns', subject: ip, result: 'fail', detail: rest, line: lineNo });
      return;
    }
    // "rejected EHLO from [ip]: …" names the client only there
    const heloFrom = /^rejected (?:EHLO|HELO) from \[([0-9a-fA-F:.]+)\]/.exec(rest);
    const refused =
      /\b(temporarily )?rejected (RCPT <([^<>]*)>|MAIL <([^<>]*)>|after DATA|EHLO or HELO|EHLO(?: from \[[^\][]*\])?|HELO(?: from \[[^\][]*\])?|connection|\([^()]*\))(?::\s*|\s+)(.*)$/.exec(
        rest,
      );
    const verifyFail = /\bsender verify (fail|defer) for <([^>]*)>:?\s*(.*)$/.exec(rest);
    // a message's line naming a host, neither its arrival nor a refusal: a delivery attempt's
    // connection ("1abc-… H=mx.example.org [192.0.2.94] Connection timed out"); the host is the server
    if (h && id && !refused && !verifyFail && !/^(?:SMTP connection from|SMTP protocol)/.test(rest)) {
      const s = session(id, null, lineNo);
      s.endLine = lineNo;
      goesOut(s);
      s.serverIp = h.ip;
      s.remoteHost = h.host;
      return;
    }
    if (h || refused || verifyFail) {
      const clientIp = h?.ip ?? (heloFrom ? (normalizeIP(heloFrom[1]) ?? heloFrom[1]) : null);
      const s = session(id, clientIp, lineNo);
      s.clientIp ??= clientIp;
      s.endLine = lineNo;
      if (h) {
        s.clientIp ??= h.ip;
        if (!s.clientIpLine) s.clientIpLine = lineNo;
        s.remoteHost ??= h.host;
        if (h.helo) s.helo ??= { name: h.helo, line: lineNo };
      }
      const from = /\bF=<([^<>]*)>/.exec(rest);
      if (from) s.mailFrom ??= { address: from[1], line: lineNo };
      if (refused) {
        const rcpt = refused[3];
        if (rcpt && !s.rcptTo.some((r) => r.address === rcpt)) s.rcptTo.push({ address: rcpt, line: lineNo });
        const stage = stageOfEximWords('rejected ' + refused[2]);
        const text = refused[5];
        const r = replyIn(text);
        // Exim's own refusals carry no code in the log: 5xx, or 4xx when "temporarily"
        const code = r.code ?? (refused[1] ? 451 : 550);
        s.replies.push({ code, enhanced: r.enhanced, text: r.code ? r.text : text, stage, line: lineNo });
        const listed =
          /(?<!\S)(\S+) is listed in ([a-z0-9.-]+\.[a-z]{2,})|blocked using ([a-z0-9.-]+\.[a-z]{2,})|RBL:? ([a-z0-9.-]+\.[a-z]{2,})/i.exec(
            text,
          );
        if (listed && s.clientIp) {
          const zone = (listed[2] ?? listed[3] ?? listed[4]).toLowerCase();
          s.logged.push({ check: 'dnsbl', subject: s.clientIp, zone, result: 'listed', detail: text, line: lineNo } satisfies LoggedCheck);
        }
        rejections.push({
          // Exim's own ACL refusals log no code: deny answers 550 and defer 451 (spec, "ACL return codes")
          code,
          enhanced: r.enhanced,
          stage,
          text: r.code ? r.text : text,
          ip: s.clientIp,
          line: lineNo,
          recipient: rcpt ?? null,
          remote: null,
          action: refused[1] ? 'deferred' : 'failed',
        });
      } else if (verifyFail) {
        rejections.push({
          code: null,
          enhanced: null,
          stage: 'rcpt',
          text: `Sender verify ${verifyFail[1]} for <${verifyFail[2]}>: ${verifyFail[3]}`,
          ip: s.clientIp,
          line: lineNo,
          recipient: null,
          remote: null,
        });
      }
      return;
    }
    if (
      id &&
      /^(Completed|Frozen|Message is frozen|Unfrozen|removed by|cancelled by|SMTP error|Spool file|Error in system filter|Warning:)/.test(
        rest,
      )
    ) {
      const s = session(id, null, lineNo);
      s.endLine = lineNo;
      return;
    }
    if (
      /^(Start queue run|End queue run|exim \d|TLS error|SMTP protocol|SMTP command timeout|SMTP data timeout|unexpected disconnection|SMTP syntax error|U=\S+ P=|\S+ \[[\d.:a-f]+\]|Connection from|ident connection)/.test(
        rest,
      )
    )
      return;
    unknown++;
  });
  for (const w of retryWaits) if (!rejections.some((r) => r.recipient === w.recipient)) rejections.push(w);
  rejections.sort((a, b) => a.line - b.line);
  if (!sessions.length && !rejections.length)
    return {
      kind: 'exim-log',
      sessions,
      rejections,
      unknownLines: unknown,
      warnings: ['No Exim message or SMTP refusal was found in the log.'],
    };
  // a rejectlog's copy of a refused message's headers
  const dump = rejectlogMessage(lines);
  return { kind: 'exim-log', sessions, rejections, ...(dump ?? {}), unknownLines: unknown, warnings: [] };
}

export const eximParser: InputParser = {
  kind: 'exim-log',
  detect: looksLikeExim,
  parse: (lines) => parseExim(lines),
};
