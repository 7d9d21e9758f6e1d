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
import type { ParseResult } from './parser';
import { emptySession, SessionBook } from './session';

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
export function endpointIp(s: string): string | null {
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
export const OUTBOUND_FAILURE =
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

/**
 * Reads an MDaemon log line by line. Sessions under way are kept by thread tag
 * ("" when the log has none) while their dialogue is followed; a finished
 * session with anything SMTP in it joins the book. Each kind of line has its
 * handler, tried in order: a session's start and end, the connection lines
 * (the direction and the peer), the dialogue, MDaemon's check blocks, the
 * queued message's envelope and size, and an outbound connection that failed.
 */
class MdaemonReader {
  readonly book = new SessionBook('mdaemon-log');
  private readonly open = new Map<string, Building>();

  private readonly handlers: ((b: Building, l: MdaemonLine) => boolean)[] = [
    (b, l) => this.connection(b, l),
    (b, l) => this.dialogue(b, l),
    (b, l) => this.block(b, l),
    (b, l) => this.envelope(b, l),
    (b, l) => this.messageSize(b, l),
    (b, l) => this.sessionEnd(l),
    (b, l) => this.outboundFailure(b, l),
    (_, l) => KNOWN.test(l.rest),
  ];

  read(lines: string[]): void {
    lines.forEach((raw, i) => {
      const no = i + 1;
      if (!raw.trim()) return;
      // a separator pasted without its timestamp still ends the session before it
      if (SEPARATOR.test(raw.trim())) return this.finish('');
      const line = readLine(raw);
      if (!line) {
        this.book.unknownLines++;
        return;
      }
      const l: MdaemonLine = { no, ...line };
      if (SEPARATOR.test(l.rest)) return this.finish(l.key);
      const header = /^Session (\d+);/.exec(l.rest);
      if (header) {
        this.finish(l.key);
        this.open.set(l.key, newSession(header[1], no));
        return;
      }
      const b = this.building(l);
      b.session.endLine = no;
      if (!this.handlers.some((handle) => handle(b, l))) this.book.unknownLines++;
    });
    for (const key of [...this.open.keys()]) this.finish(key);
    this.book.sessions.sort((a, b) => a.startLine - b.startLine);
  }

  /** The session this line belongs to: the one under way on its thread, or a new one. */
  private building(l: MdaemonLine): Building {
    let b = this.open.get(l.key);
    // without session ids and "Session" lines, a new connection starts a new session
    if (
      b &&
      acceptingFrom(l.rest) !== null &&
      (b.session.clientIp || b.session.serverIp || b.dialogue.commands.length || b.dialogue.replies.length)
    ) {
      this.finish(l.key);
      b = undefined;
    }
    if (!b) {
      // a log cut in the middle of a session: start one without its header
      b = newSession(l.key || null, l.no);
      this.open.set(l.key, b);
    }
    return b;
  }

  /** The session on this thread is over: its dialogue is filed, and it joins the book if it said anything SMTP. */
  private finish(key: string): void {
    const b = this.open.get(key);
    if (!b) return;
    b.dialogue.flush();
    const s = b.session;
    s.commands = b.dialogue.commands;
    s.replies = b.dialogue.replies;
    s.direction = b.direction;
    this.dnsblAsUserUnknown(s);
    // a stretch of lines with nothing SMTP in it is not a session
    if (s.commands.length || s.replies.length || s.logged.length || s.clientIp || s.serverIp || s.remoteHost) this.book.sessions.push(s);
    this.open.delete(key);
  }

  /**
   * MDaemon answers a DNS-BL hit with "user unknown" by default: a RCPT refusal after a
   * listing in the same session is the listing (help.mdaemon.com, DNS-BL Hosts).
   */
  private dnsblAsUserUnknown(s: Session): void {
    const listedAt = s.logged.find((x) => x.check === 'dnsbl' && x.result === 'listed')?.line;
    if (!listedAt || s.direction === 'outbound') return;
    for (const r of s.replies)
      if (
        r.line > listedAt &&
        r.code >= 500 &&
        r.stage === 'rcpt' &&
        /user unknown|unknown user|no such user|mailbox unavailable/i.test(r.text)
      )
        this.book.rejections.push({
          ...r,
          ip: s.clientIp,
          recipient: s.rcptTo.filter((x) => x.line <= r.line).pop()?.address ?? null,
          remote: null,
          knowledgeId: 'mdaemon.dnsbl-as-user-unknown',
        });
  }

  /** Connection lines say the direction and the peer. */
  private connection(b: Building, l: MdaemonLine): boolean {
    const s = b.session;
    const accepting = acceptingFrom(l.rest);
    const client = accepting ? endpointIp(accepting[1]) : null;
    if (accepting && client) {
      b.direction = 'inbound';
      s.clientIp = client;
      s.clientIpLine = l.no;
      s.serverIp = accepting[2] ? endpointIp(accepting[2]) : null;
      return true;
    }
    // "[Socket] connection established (local:port -> remote:port)": the remote is the server
    const sock = /^(?:\*\s*)?(?:Socket )?connection established \(\s*([^\s()]+)\s*->\s*([^\s()]+)\s*\)/i.exec(l.rest);
    if (sock) {
      b.direction = 'outbound';
      s.serverIp = endpointIp(sock[2]) ?? s.serverIp;
      return true;
    }
    const c =
      /^(?:Attempting to send message to|Attempting SMTP connection to|Socket connection established) \[?([^\]\s]+?)\s*(?::\s*\d+)?\s*\]?(?:\s|$)/i.exec(
        l.rest,
      );
    if (!c) return false;
    b.direction = 'outbound';
    const ip = normalizeIP(c[1]);
    if (ip) s.serverIp = ip;
    else s.remoteHost = c[1];
    return true;
  }

  /** `-->` and `<--`: a reply (by its shape) or a command, whose HELO, MAIL and RCPT the session keeps. */
  private dialogue(b: Building, l: MdaemonLine): boolean {
    const arrow = /^(-->|<--)\s?(.*)$/.exec(l.rest);
    if (!arrow) return false;
    const payload = arrow[2];
    if (b.dialogue.reply(payload, l.no)) return true;
    const s = b.session;
    const cmd = b.dialogue.command(payload, l.no);
    if (cmd.verb === 'HELO' || cmd.verb === 'EHLO') s.helo = { name: cmd.arg.trim(), line: l.no };
    if (cmd.verb === 'MAIL') {
      const a = /^FROM:\s*<([^>]*)>/i.exec(cmd.arg);
      if (a) s.mailFrom = { address: a[1], line: l.no };
    }
    if (cmd.verb === 'RCPT') {
      const a = /^TO:\s*<([^>]*)>/i.exec(cmd.arg);
      // the dialogue's RCPT is the recipient's line (an outbound session named it already in "*  To:")
      if (a) s.rcptTo = [...s.rcptTo.filter((r) => r.address !== a[1]), { address: a[1], line: l.no }];
    }
    return true;
  }

  /** MDaemon's check blocks: "Performing PTR lookup (…)" … "* item" … "---- End PTR results". */
  private block(b: Building, l: MdaemonLine): boolean {
    const opened = openBlock(l.rest, l.no);
    if (opened) {
      b.block = opened;
      return true;
    }
    if (/^-{2,} End /.test(l.rest)) {
      b.block = null;
      return true;
    }
    if (!l.rest.startsWith('*') || !b.block) return false;
    const item = blockItem(b.block, l.rest, l.no, b.session);
    if (item) b.session.logged.push(item);
    return true;
  }

  /** An outbound session starts with the queued message's envelope: "*  From: a@b", "*  To: c@d". */
  private envelope(b: Building, l: MdaemonLine): boolean {
    const env = !b.block && ENVELOPE.exec(l.rest);
    if (!env) return false;
    const s = b.session;
    if (env[1].toLowerCase() === 'from') s.mailFrom ??= { address: env[2], line: l.no };
    else if (!s.rcptTo.some((r) => r.address === env[2])) s.rcptTo.push({ address: env[2], line: l.no });
    return true;
  }

  /** "Message size: n bytes": the client has sent the message; the next reply answers it. */
  private messageSize(b: Building, l: MdaemonLine): boolean {
    const size = /^Message size:\s*(\d+) bytes/i.exec(l.rest);
    if (!size) return false;
    b.session.messageSize = Number(size[1]);
    b.dialogue.messageSent();
    return true;
  }

  private sessionEnd(l: MdaemonLine): boolean {
    if (!/^SMTP session (terminated|successful)/i.test(l.rest)) return false;
    this.finish(l.key);
    return true;
  }

  /** An outbound delivery that never got a reply: the connection failed (the message goes to the retry queue). */
  private outboundFailure(b: Building, l: MdaemonLine): boolean {
    if (b.direction !== 'outbound' || b.dialogue.replies.length || !OUTBOUND_FAILURE.test(l.rest)) return false;
    const s = b.session;
    this.book.rejections.push({
      code: null,
      enhanced: null,
      stage: 'connect',
      text: l.rest.replace(/^\*\s*/, ''),
      ip: null,
      line: l.no,
      recipient: s.rcptTo[0]?.address ?? null,
      remote: s.remoteHost ?? s.serverIp,
      action: 'deferred',
    });
    return true;
  }
}

interface MdaemonLine {
  no: number;
  /** The session's thread tag ("" without ids). */
  key: string;
  rest: string;
}

const ENVELOPE = /^\*\s+(From|To):\s*<?([^\s<>@]+@[^\s<>]+)>?\s*$/i;

export function parseMdaemon(lines: string[]): ParseResult {
  const reader = new MdaemonReader();
  reader.read(lines);
  const { sessions, rejections, unknownLines } = reader.book;
  return {
    kind: 'mdaemon-log',
    sessions,
    rejections,
    unknownLines,
    warnings: sessions.length ? [] : ['No MDaemon SMTP session was found in the log.'],
  };
}
