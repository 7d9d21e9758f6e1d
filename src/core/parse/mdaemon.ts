// MDaemon SMTP (in and out) session logs.
//
// MDaemon writes one line per event, prefixed by a timestamp, e.g.
//   Mon 2007-06-11 09:14:02: --> 220 mail.example.com ESMTP MDaemon 9.6.0
// Newer versions add milliseconds, a two-digit log level and, when sessions
// are logged as they happen (interleaved), the session id in brackets:
//   Sat 2014-07-26 12:58:47: 05: [514116] Session 514116; child 0001      (MDaemon 14)
//   Tue 2026-08-18 00:00:48.993: 05: Accepting SMTP connection from 203.0.113.10:45584 to 192.168.0.10:25
// The level changes from line to line within one session (02 for what the
// client said, 03 for replies, 05 for session events: github.com/qbittorrent/
// qBittorrent/issues/1845 quotes such a session), so sessions are grouped by
// the bracketed id, never by the level. Without ids, MDaemon writes each
// session as a block ("log each session all at once"), ended by "SMTP session
// terminated/successful" and separated by a line of dashes (github.com/
// jstedfast/MailKit/issues/1622).
// The dialogue is `-->` (sent by MDaemon) and `<--` (received); which of the
// two carries replies depends on direction, so a reply is recognised by its
// shape (three digits), not by its arrow.
//
// MDaemon logs its own checks as blocks (help.mdaemon.com, "DNS-BL Hosts",
// "Reverse Lookups", "SPF Verification"):
//   Performing PTR lookup (135.72.78.80.IN-ADDR.ARPA)
//   * No PTR records found                     | * D=… PTR=[name]
//   ---- End PTR results
//   Querying DNS-BL hosts                      | Performing DNS-BL lookup (ip - connecting IP)
//   * relays.ordb.org - failed                 ("failed" = the IP is listed)
//   ---- End DNS-BL results
//   Performing SPF lookup (example.org / 80.78.72.135)
//   * Result: pass
//   ---- End SPF results

import type { LoggedCheck, Session } from '../types';
import { normalizeIP } from '../dns/names';
import { DialogueTracker } from './smtp-dialogue';
import type { ParseResult, RawRejection } from './parser';
import { emptySession } from './session';

/**
 * Weekday optional; date; time with optional fraction; then, in newer
 * versions, a log level ("05:") and a bracketed session id ("[514116]").
 */
const LINE =
  /^(?:[A-Z][a-z]{2} )?(\d{4}-\d{2}-\d{2}) (\d{1,2}:\d{2}:\d{2}(?:\.\d+)?):\s(?:\s*(\d{1,2}):\s)?(?:\s*\[([\w:.-]{1,24})\]\s)?(.*)$/;

/**
 * "Accepting SMTP connection from [client:port] to [server:port]": the client
 * and the server, read without a regular expression (a lazy "(.+?)(?: to
 * (.+?))?\s*$" is cubic on a long line of spaces).
 */
function acceptingFrom(rest: string): [string, string, string | undefined] | null {
  const head = /^Accepting SMTP connection from /i.exec(rest);
  if (!head) return null;
  const body = rest.slice(head[0].length).trimEnd();
  if (!body) return null;
  const to = body.indexOf(' to ', 1);
  return to > 0 && to + 4 < body.length ? [rest, body.slice(0, to), body.slice(to + 4).trim()] : [rest, body, undefined];
}

/** What a line of the log says: its session key ("" without ids) and the event text. */
function readLine(raw: string): { key: string; rest: string } | null {
  const m = LINE.exec(raw.trimStart());
  if (!m) return null;
  // the items of a check block are written " * x" or "*  x": one shape for the readers below
  return { key: m[4] ?? '', rest: m[5].replace(/^\s+(?=\*)/, '') };
}

/**
 * MDaemon's own lines that say nothing the diagnosis needs: counted as
 * understood, so that the "lines not understood" warning stays meaningful.
 */
const KNOWN =
  /^(?:Waiting for|Parsing message|Resolving|Using|Socket|Message (?:creation|return-path|from|to|size|id)|\*|SSL|TLS|STARTTLS|Authenticat|SMTP (?:session|Authentication)|Connection (?:closed|timed out|reset)|Winsock|Error reading|Unexpected socket|Spam ?Filter|SpamAssassin|Sender ID|DomainKeys|Minger|Tarpit|Greylist|Backscatter|Host screening|Location Screening|Dynamic Screening|IP Screening|Content Filter|AntiVirus|Outbreak|MultiPOP|DomainPOP|Checking|Calling|Skipping|Trusted|Local|Delivery|Queue|Message (?:accepted|refused|sent|queued))/i;

/** `[192.0.2.1:25]`, `[192.0.2.1 : 25]`, `192.0.2.1:25`, `[2001:db8::1]:25`, `[2001:db8::1 : 25]` → the address. */
function endpointIp(s: string): string | null {
  const t = s.trim();
  const spaced = /^\[?\s*([0-9a-fA-F:.]+?)\s+:\s*\d+\s*\]?$/.exec(t);
  if (spaced) return normalizeIP(spaced[1]);
  const inner = /^\[([0-9a-fA-F:.]+)\](?::\d+)?$/.exec(t);
  if (inner && normalizeIP(inner[1])) return normalizeIP(inner[1]);
  const plain = t.replace(/^\[|\]$/g, '');
  const whole = normalizeIP(plain);
  // an IPv6 address is whole; anything else ends in ":port"
  if (whole && plain.includes('::')) return whole;
  const cut = plain.lastIndexOf(':');
  return cut > 0 ? (normalizeIP(plain.slice(0, cut)) ?? whole) : whole;
}

/** What MDaemon logs when an outbound connection fails (Winsock errors, "Unable to connect"…). */
const OUTBOUND_FAILURE =
  /(?:Socket|Winsock) error|Unable to connect|could not connect|Connection (?:refused|timed out|reset)|No route to host|Network is unreachable|Error reading from socket|Unexpected socket closure|connection (?:was )?(?:closed|dropped) by the other side/i;

/** The line of dashes MDaemon writes between sessions (with or without a timestamp). */
const SEPARATOR = /^-{5,}\s*$/;

export function looksLikeMdaemon(lines: string[]): number {
  let score = 0;
  let seen = 0;
  for (const l of lines) {
    if (!l.trim()) continue;
    if (++seen > 200) break;
    const m = readLine(l);
    if (!m) continue;
    const rest = m.rest;
    // the dialogue and MDaemon's own session words are sure signs; any other line
    // in MDaemon's timestamp shape ("Mon 2007-06-11 09:14:02: ") counts for less
    // (an outbound session is mostly "Parsing message", "Resolving MX", "* To:" …)
    if (
      /^(-->|<--) /.test(rest) ||
      /^(Session \d+|Accepting SMTP connection|Performing [\w-]+ (?:lookup|verification)|Querying DNS-BL|---- End |SMTP session (terminated|successful)|Attempting SMTP connection|Attempting to send message|Waiting for protocol|Parsing message)/.test(
        rest,
      )
    )
      score += 1;
    else if (/^[A-Z][a-z]{2} \d{4}-/.test(l.trimStart())) score += 0.6;
  }
  return seen ? Math.min(1, score / seen) : 0;
}

type BlockKind = LoggedCheck['check'] | 'ip' | 'other';

interface Block {
  kind: BlockKind;
  subject: string;
  line: number;
}

interface Building {
  session: Session;
  dialogue: DialogueTracker;
  block: Block | null;
  direction: Session['direction'];
}

function newSession(id: string | null, line: number): Building {
  return {
    session: emptySession('mdaemon-log', id, line),
    dialogue: new DialogueTracker(),
    block: null,
    direction: 'unknown',
  };
}

/** `Performing PTR lookup (x)`, `Performing SPF lookup (d / ip)`, `Querying DNS-BL hosts` … */
function openBlock(rest: string, line: number): Block | null {
  let m = /^Performing ([\w-]+) (?:lookup|verification|query)\s*(?:\((.*)\))?/i.exec(rest);
  if (m) {
    const what = m[1].toUpperCase().replace('-', '');
    // "Performing DNS-BL lookup (203.0.113.5 - connecting IP)": the IP it checked
    if (what === 'DNSBL') return { kind: 'dnsbl', subject: (m[2] ?? '').split(/(?<!\s)\s+-\s+/)[0].trim(), line };
    const kind: BlockKind =
      what === 'PTR'
        ? 'ptr'
        : what === 'SPF'
          ? 'spf'
          : what === 'DKIM'
            ? 'dkim'
            : what === 'DMARC'
              ? 'dmarc'
              : what === 'IP'
                ? 'ip'
                : 'other';
    return { kind, subject: (m[2] ?? '').trim(), line };
  }
  m = /^(?:Verifying DKIM signature|DKIM verification)/i.exec(rest);
  if (m) return { kind: 'dkim', subject: '', line };
  m = /^Querying DNS-?BL hosts\s*(?:\(([^)\s]*)(?:\s[^)]*)?\))?/i.exec(rest);
  if (m) return { kind: 'dnsbl', subject: m[1] ?? '', line };
  return null;
}

/** One `* …` line inside a block, turned into what the receiver concluded. */
function blockItem(b: Block, text: string, line: number, s: Session): LoggedCheck | null {
  const t = text.replace(/^\*\s*/, '').trim();
  switch (b.kind) {
    case 'ptr': {
      const subject = ptrSubject(b.subject) ?? s.clientIp ?? b.subject;
      if (/no PTR records? found/i.test(t)) return { check: 'ptr', subject, result: 'none', line };
      const ptr = /PTR=\[([^\][]*)\]/i.exec(t);
      if (ptr) {
        s.remoteHost ??= ptr[1].replace(/\.$/, '');
        return { check: 'ptr', subject, result: 'pass', detail: ptr[1].replace(/\.$/, ''), line };
      }
      if (/(time ?out|timed out|error|failed)/i.test(t)) return { check: 'ptr', subject, result: 'temperror', detail: t, line };
      return null;
    }
    case 'dnsbl': {
      // "* zone - failed" / "* zone - passed", optionally with the list's text after
      const m = /^(\S+)\s+-\s+(failed|passed|listed|ok|timed out|error)\b\s*(.*)$/i.exec(t);
      if (!m) return null;
      const word = m[2].toLowerCase();
      // MDaemon: "failed" means the IP failed the check, i.e. is listed
      const result = word === 'failed' || word === 'listed' ? 'listed' : word === 'passed' || word === 'ok' ? 'clean' : 'error';
      return {
        check: 'dnsbl',
        subject: normalizeIP(b.subject) ?? s.clientIp ?? '',
        zone: m[1].toLowerCase().replace(/\.$/, ''),
        result,
        detail: m[3] || undefined,
        line,
      };
    }
    case 'spf':
    case 'dkim':
    case 'dmarc': {
      const m = /(?:^|\b)(?:VERIFY:\s*)?Result:\s*(?:\w+=)?(\w+)/i.exec(t);
      if (!m) return null;
      const subject = b.kind === 'spf' ? b.subject.split('/')[0].trim() : b.subject;
      return { check: b.kind, subject, result: m[1].toLowerCase(), detail: t, line };
    }
    default:
      return null;
  }
}

function ptrSubject(arpa: string): string | null {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa\.?$/i.exec(arpa.trim());
  return m ? [m[4], m[3], m[2], m[1]].join('.') : null;
}

export function parseMdaemon(lines: string[]): ParseResult {
  const sessions: Session[] = [];
  /** Sessions under way, by thread tag ("" when the log has none). */
  const open = new Map<string, Building>();
  let unknown = 0;
  const warnings: string[] = [];
  const rejections: RawRejection[] = [];

  const finish = (key: string) => {
    const b = open.get(key);
    if (!b) return;
    b.dialogue.flush();
    b.session.commands = b.dialogue.commands;
    b.session.replies = b.dialogue.replies;
    b.session.direction = b.direction;
    const s = b.session;
    // MDaemon answers a DNS-BL hit with "user unknown" by default: a RCPT refusal after a
    // listing in the same session is the listing (help.mdaemon.com, DNS-BL Hosts)
    const listedAt = s.logged.find((l) => l.check === 'dnsbl' && l.result === 'listed')?.line;
    if (listedAt && s.direction !== 'outbound')
      for (const r of s.replies)
        if (
          r.line > listedAt &&
          r.code >= 500 &&
          r.stage === 'rcpt' &&
          /user unknown|unknown user|no such user|mailbox unavailable/i.test(r.text)
        )
          rejections.push({
            ...r,
            ip: s.clientIp,
            recipient: s.rcptTo.filter((x) => x.line <= r.line).pop()?.address ?? null,
            remote: null,
            knowledgeId: 'mdaemon.dnsbl-as-user-unknown',
          });
    // a stretch of lines with nothing SMTP in it is not a session
    if (s.commands.length || s.replies.length || s.logged.length || s.clientIp || s.serverIp || s.remoteHost) sessions.push(s);
    open.delete(key);
  };

  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    if (!raw.trim()) return;
    // a separator pasted without its timestamp still ends the session before it
    if (SEPARATOR.test(raw.trim())) {
      finish('');
      return;
    }
    const line = readLine(raw);
    if (!line) {
      unknown++;
      return;
    }
    const { key, rest } = line;

    if (SEPARATOR.test(rest)) {
      finish(key);
      return;
    }
    const sess = /^Session (\d+);/.exec(rest);
    if (sess) {
      finish(key);
      open.set(key, newSession(sess[1], lineNo));
      return;
    }
    const accepting = acceptingFrom(rest);
    let b = open.get(key);
    // without session ids and "Session" lines, a new connection starts a new session
    if (b && accepting && (b.session.clientIp || b.session.serverIp || b.dialogue.commands.length || b.dialogue.replies.length)) {
      finish(key);
      b = undefined;
    }
    if (!b) {
      // a log cut in the middle of a session: start one without its header
      b = newSession(key || null, lineNo);
      open.set(key, b);
    }
    const s = b.session;
    s.endLine = lineNo;

    // connection lines say the direction and the peer
    if (accepting) {
      const client = endpointIp(accepting[1]);
      if (client) {
        b.direction = 'inbound';
        s.clientIp = client;
        s.clientIpLine = lineNo;
        s.serverIp = accepting[2] ? endpointIp(accepting[2]) : null;
        return;
      }
    }
    // "[Socket] connection established (local:port -> remote:port)": the remote is the server
    const sock = /^(?:\*\s*)?(?:Socket )?connection established \(\s*([^\s()]+)\s*->\s*([^\s()]+)\s*\)/i.exec(rest);
    if (sock) {
      b.direction = 'outbound';
      s.serverIp = endpointIp(sock[2]) ?? s.serverIp;
      return;
    }
    const c =
      /^(?:Attempting to send message to|Attempting SMTP connection to|Socket connection established) \[?([^\]\s]+?)\s*(?::\s*\d+)?\s*\]?(?:\s|$)/i.exec(
        rest,
      );
    if (c) {
      b.direction = 'outbound';
      const ip = normalizeIP(c[1]);
      if (ip) s.serverIp = ip;
      else s.remoteHost = c[1];
      return;
    }

    const arrow = /^(-->|<--)\s?(.*)$/.exec(rest);
    if (arrow) {
      const payload = arrow[2];
      if (b.dialogue.reply(payload, lineNo)) return;
      const cmd = b.dialogue.command(payload, lineNo);
      if (cmd.verb === 'HELO' || cmd.verb === 'EHLO') s.helo = { name: cmd.arg.trim(), line: lineNo };
      if (cmd.verb === 'MAIL') {
        const a = /^FROM:\s*<([^>]*)>/i.exec(cmd.arg);
        if (a) s.mailFrom = { address: a[1], line: lineNo };
      }
      if (cmd.verb === 'RCPT') {
        const a = /^TO:\s*<([^>]*)>/i.exec(cmd.arg);
        // the dialogue's RCPT is the recipient's line (an outbound session named it already in "*  To:")
        if (a) s.rcptTo = [...s.rcptTo.filter((r) => r.address !== a[1]), { address: a[1], line: lineNo }];
      }
      return;
    }

    const opened = openBlock(rest, lineNo);
    if (opened) {
      b.block = opened;
      return;
    }
    if (/^-{2,} End /.test(rest)) {
      b.block = null;
      return;
    }
    // an outbound session starts with the queued message's envelope: "*  From: a@b", "*  To: c@d"
    const env = !b.block && /^\*\s+(From|To):\s*<?([^\s<>@]+@[^\s<>]+)>?\s*$/i.exec(rest);
    if (env) {
      if (env[1].toLowerCase() === 'from') s.mailFrom ??= { address: env[2], line: lineNo };
      else if (!s.rcptTo.some((r) => r.address === env[2])) s.rcptTo.push({ address: env[2], line: lineNo });
      return;
    }
    if (rest.startsWith('*') && b.block) {
      const item = blockItem(b.block, rest, lineNo, s);
      if (item) s.logged.push(item);
      return;
    }
    const size = /^Message size:\s*(\d+) bytes/i.exec(rest);
    if (size) {
      s.messageSize = Number(size[1]);
      b.dialogue.messageSent();
      return;
    }
    if (/^SMTP session (terminated|successful)/i.test(rest)) {
      finish(key);
      return;
    }
    // Known to MDaemon but of no use for the diagnosis: counted as understood.
    // an outbound delivery that never got a reply: the connection failed (the message goes to the retry queue)
    if (b.direction === 'outbound' && !b.dialogue.replies.length && OUTBOUND_FAILURE.test(rest)) {
      rejections.push({
        code: null,
        enhanced: null,
        stage: 'connect',
        text: rest.replace(/^\*\s*/, ''),
        ip: null,
        line: lineNo,
        recipient: s.rcptTo[0]?.address ?? null,
        remote: s.remoteHost ?? s.serverIp,
        action: 'deferred',
      });
      return;
    }
    if (KNOWN.test(rest)) return;
    unknown++;
  });
  for (const key of [...open.keys()]) finish(key);
  sessions.sort((a, b) => a.startLine - b.startLine);
  if (!sessions.length) warnings.push('No MDaemon SMTP session was found in the log.');
  return { kind: 'mdaemon-log', sessions, rejections, unknownLines: unknown, warnings };
}
