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
import { SessionBook } from './session';
import { stageOfCommand } from '../knowledge/smtp-commands';

/** `2024-03-01 10:00:00[.123] [+0100] [[pid]] [msgid] rest`. */
const LINE =
  /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{3})?)(?: [+-]\d{4})?(?: \[\d+\])?\s+(?:([0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4})\s+)?(.*)$/;

const FLAGS = /^(<=|=>|->|>>|\*>|\*\*|==)\s+(\S+)\s*(.*)$/;

/** Exim's message id alone at the start of a line whose time was lost. */
const ID_ONLY = /^([0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4})\s+(.*)$/;

/**
 * The text of an Exim log line whose prefix (time, pid, message id) the paste
 * lost, by the shapes only Exim writes (spec, "Log files"): a flag with its
 * address and Exim's fields or a colon ("** a@example.org R=dnslookup T=…",
 * "** a@example.org: unroutable address", "<= a@example.org H=… P=esmtp S=…");
 * the router and transport that open a failure's tail ("R=dnslookup
 * T=remote_smtp: SMTP error from …"); an inbound line that opens on the
 * client's H= field and names a refusal or a sender; Exim's "SMTP error from
 * remote mail server after …" with its reply on the same line; and a
 * message's end ("Completed", "Frozen").
 */
const BARE_SHAPES: RegExp[] = [
  /^(?:<=|=>|->|\*\*|==)\s+\S+(?:\s+<[^<>\s]*>)?(?::\s|\s+(?:[RTHFPSUC]|id)=)/,
  /^(?:[^\s@<>]+@[^\s@<>]+\s+)?R=\S+\s+T=\S+/,
  // (the IP may be cut by the poster, "[]": a forum's or a poster's redaction keeps the brackets)
  /^H=(?:\S+\s+)?(?:\([^()]*\)\s+)?\[[0-9a-fA-F:.]*\](?::\d+)?\s.*(?:\brejected\b|\bF=<|\bsender verify)/,
  // a log writes the whole reply on this one line (a bounce breaks it: "after end of data:" then the host and reply below)
  /^SMTP error from remote mail(?: server)? after\b.*[\s:.][245]\d\d[ -]/i,
  // (Exim's "Completed" stands alone, or with the overall queue time "QT=2s" of log_selector +queue_time_overall:
  // Rails' "Completed 500 Internal Server Error in 892ms" is no Exim line)
  /^(?:Completed(?=\s*$|\s+QT=)|Frozen \(delivery error message\)|Message is frozen)\b/i,
];

/** A line without Exim's time: its message id (if kept) and its text, when the text has an Exim shape. */
function bareLine(raw: string): { id: string | null; rest: string } | null {
  // a copy that spaced Exim's field letters out ("R = dnslookup T = remote_smtp") is put back together
  const t = raw.trim().replace(/(^|\s)([RTHFPSUC]) = (?=\S)/g, '$1$2=');
  const m = ID_ONLY.exec(t);
  const rest = m ? m[2] : t;
  return BARE_SHAPES.some((re) => re.test(rest)) ? { id: m ? m[1] : null, rest } : null;
}

export function looksLikeExim(lines: string[]): number {
  let seen = 0;
  let hits = 0;
  for (const l of lines) {
    // rejectlog's copies of the refused headers are not log lines of their own
    if (!l.trim() || /^(?:Envelope-(?:from|to):|[ A-Z*]{1,2}\s?[\w-]+:|\s)/.test(l)) continue;
    if (++seen > 200) break;
    const m = LINE.exec(l);
    if (!m) {
      // a line whose prefix the paste lost counts by its Exim shape alone
      if (bareLine(l)) hits++;
      continue;
    }
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

/** `H=host (helo) [ip]:port`; Exim writes `(helo)` only when it differs from the host name. The large-log summary (summary/formats/exim.ts) reads the same field. */
export const HOST_FIELD = /\bH=(?:([^\s()[\]]+)\s*)?(?:\(([^()]*)\)\s*)?\[([0-9a-fA-F:.]+)\](?::\d+)?/;

/** The H= field → host, HELO name and IP. */
function hostField(rest: string): { host: string | null; helo: string | null; ip: string | null } | null {
  const m = HOST_FIELD.exec(rest);
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
  // (or after a poster's elision: "after MAIL FROM:<a> ..... 550 …")
  const start = /(?:^|:\s+|(?:\.{3,}|…)\s*)([245]\d\d)[ -](?:[245]\.\d{1,3}\.\d{1,3}\s)?/.exec(flat);
  const joined = joinMultiline(start ? flat.slice(start.index).replace(/^(?::|\.{3,}|…)\s*/, '') : flat);
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

/** One log line as the handlers see it: its number, message id, text and H= host. */
interface EximLine {
  no: number;
  id: string | null;
  rest: string;
  h: ReturnType<typeof hostField>;
  /** The paste lost the line's time (and perhaps its id). */
  bare?: boolean;
}

/** The session key of a message's lines pasted without their id: such a paste is one message. */
const NO_ID = '(no id)';

/**
 * "rejected RCPT <x>: …", "temporarily rejected MAIL <a>: …", "rejected after DATA: …", "rejected EHLO from [ip]: …";
 * an ACL "deny"/"defer" without a message logs the line with nothing after the command.
 */
const REFUSED =
  /\b(temporarily )?rejected (RCPT <([^<>]*)>|MAIL <([^<>]*)>|after DATA|EHLO or HELO|EHLO(?: from \[[^\][]*\])?|HELO(?: from \[[^\][]*\])?|connection|\([^()]*\))(?::\s*|\s+|\s*$)(.*)$/;
const VERIFY_FAIL = /\bsender verify (fail|defer) for <([^>]*)>:?\s*(.*)$/;
/** A message's bookkeeping: its session ends here, nothing else is said. */
const MESSAGE_BOOKKEEPING =
  /^(Completed|Frozen|Message is frozen|Unfrozen|removed by|cancelled by|SMTP error|Spool file|Error in system filter|Warning:)/;
/** Lines that say nothing about a refusal or a session: known, not counted as unread. */
const NOISE =
  /^(Start queue run|End queue run|exim \d|TLS error|SMTP protocol|SMTP command timeout|SMTP data timeout|unexpected disconnection|SMTP syntax error|U=\S+ P=|\S+ \[[\d.:a-f]+\]|Connection from|ident connection)/;

/**
 * Reads an Exim log line by line: each kind of line has its handler, tried in
 * order until one takes the line. Sessions are the messages (by Exim's id) and
 * the inbound connections without one (by client IP: Exim logs no connection
 * id without +pid).
 */
class EximReader {
  readonly book = new SessionBook('exim-log');
  /** "retry time not reached" notes, kept for recipients whose failed attempt is not in the excerpt. */
  private readonly retryWaits: RawRejection[] = [];
  /** Sessions that are Exim's own bounces (a "delivery error message"). */
  private readonly bounces = new Set<Session>();
  /** Sender addresses a remote refused ("after MAIL FROM:<a@host>"), with their line. */
  private readonly namedSenders: { address: string; line: number }[] = [];

  private readonly handlers: ((l: EximLine) => boolean)[] = [
    (l) => this.messageFlag(l),
    (l) => this.failureTail(l),
    (l) => this.connection(l),
    (l) => this.noHostName(l),
    (l) => this.noIpForHost(l),
    (l) => this.hostOrRefusal(l),
    (l) => this.bookkeeping(l),
    (l) => NOISE.test(l.rest),
  ];

  read(lines: string[]): void {
    lines.forEach((raw, i) => {
      if (!raw.trim()) return;
      const m = LINE.exec(raw);
      // a line pasted without its time (and perhaps its id), known by its Exim shape
      const bare = m ? null : bareLine(raw);
      if (!m && !bare) {
        // rejectlog header dumps ("Envelope-from:", "P Received: …") and continuations
        if (!/^(?:Envelope-(?:from|to):|[ A-Z*]{1,2}\s?[\w-]+:|\s)/.test(raw)) this.book.unknownLines++;
        return;
      }
      const id = m ? (m[2] ?? null) : bare!.id;
      const rest = m ? m[3] : bare!.rest;
      const l: EximLine = { no: i + 1, id, rest, h: hostField(rest), bare: !m };
      this.idOfLine.set(l.no, id);
      if (!this.handlers.some((handle) => handle(l))) this.book.unknownLines++;
    });
    // the remote's refusal logged on its own line and again in the ==/** line of the same message: once
    for (const [r, id] of this.standalone) {
      const twin = this.book.rejections.some(
        (x) => x !== r && !this.standalone.has(x) && x.code === r.code && x.line > r.line && this.sessionOfLine(x.line) === id,
      );
      if (!twin) continue;
      this.book.rejections.splice(this.book.rejections.indexOf(r), 1);
      for (const s of this.book.sessions) s.replies = s.replies.filter((x) => x.line !== r.line);
    }
    const { rejections } = this.book;
    for (const w of this.retryWaits) if (!rejections.some((r) => r.recipient === w.recipient)) rejections.push(w);
    rejections.sort((a, b) => a.line - b.line);
  }

  /** Refusals read from a timed "<id> SMTP error from remote …" line, by the message id. */
  private readonly standalone = new Map<RawRejection, string | null>();
  /** The message id of each line read (for the twins above). */
  private readonly idOfLine = new Map<number, string | null>();
  private sessionOfLine(line: number): string | null | undefined {
    return this.idOfLine.get(line);
  }

  /** A message's session by its id; an inbound connection's (no id) by its client IP. */
  private session(id: string | null, ip: string | null, line: number): Session {
    return id ? this.book.find(`id ${id}`, id, line, 'inbound') : this.book.find(`ip ${ip ?? ''}`, null, line, 'inbound');
  }

  /** `<=` arrival, `=>` `->` `>>` `*>` delivery, `**` failure, `==` deferral of a message. */
  private messageFlag(l: EximLine): boolean {
    const flag = FLAGS.exec(l.rest);
    // a flag line pasted without its id still belongs to a message: the paste's one message
    if (!flag || (!l.id && !l.bare)) return false;
    const [, f, rawAddress, tail] = flag;
    const address = rawAddress.replace(/:$/, '');
    const s = l.id ? this.session(l.id, null, l.no) : this.book.find(NO_ID, null, l.no, 'inbound');
    s.endLine = l.no;
    if (f === '<=') this.arrival(s, l, address, tail);
    else {
      // deliveries and failures: this message is going out
      goesOut(s);
      if (!s.rcptTo.some((r) => r.address === address)) s.rcptTo.push({ address, line: l.no });
      if (l.h) {
        s.serverIp = l.h.ip;
        s.remoteHost = l.h.host;
      }
      if (f === '=>' || f === '->' || f === '>>' || f === '*>') this.delivered(s, l, tail);
      else this.notDelivered(s, l, f, address, tail);
    }
    return true;
  }

  /**
   * A failure's words pasted without the flag and address before them: the
   * router and transport that opened its tail ("R=dnslookup T=remote_smtp:
   * SMTP error from remote mail server after RCPT TO:<b@example.net>: …"), or
   * Exim's "SMTP error from remote mail server after …" alone. The reply's
   * class says failed (5xx) or deferred (4xx); the address is the one its
   * words name, if any.
   */
  private failureTail(l: EximLine): boolean {
    const tail = /^(?:([^\s@<>]+@[^\s@<>]+)\s+)?(?:R=\S+\s+T=\S+|SMTP error from remote mail(?: server)? after\b)/i.exec(l.rest);
    // (with its time and id, Exim logs the remote's refusal on a line of its own too: "<id> SMTP error from remote
    // mail server after MAIL FROM:<a> SIZE=…: 421 …", without the ==/** line's H= part)
    if (!tail || (!l.bare && !/^SMTP error from remote mail/i.test(l.rest))) return false;
    const s = l.id ? this.session(l.id, null, l.no) : this.book.find(NO_ID, null, l.no, 'inbound');
    s.endLine = l.no;
    goesOut(s);
    const rcpt = tail[1] ?? /\bRCPT TO:\s*<([^<>\s]*)>/i.exec(l.rest)?.[1] ?? '';
    if (rcpt && !s.rcptTo.some((r) => r.address === rcpt)) s.rcptTo.push({ address: rcpt, line: l.no });
    const code = replyIn(l.rest.replace(/^.*?\bT=\S+\s*/, '')).code;
    // a transport's "defer (-1): …" is a deferral whatever it says (spec, "Log files": the == line)
    const deferred = /\bT=\S+\s+defer\s*\(/.test(l.rest) || (code !== null && code < 500);
    const words = tail[1] ? l.rest.slice(tail[1].length).trim() : l.rest;
    const before = this.book.rejections.length;
    this.notDelivered(s, l, deferred ? '==' : '**', rcpt, words);
    if (!l.bare) for (const r of this.book.rejections.slice(before)) this.standalone.set(r, l.id);
    return true;
  }

  private arrival(s: Session, l: EximLine, address: string, tail: string): void {
    s.direction = l.h ? 'inbound' : 'outbound';
    s.mailFrom = { address: address === '<>' ? '' : address, line: l.no };
    if (l.h) {
      s.clientIp = l.h.ip;
      s.clientIpLine = l.no;
      s.remoteHost = l.h.host;
      if (l.h.helo) s.helo = { name: l.h.helo, line: l.no };
    }
    const size = /\bS=(\d+)/.exec(tail);
    if (size) s.messageSize = Number(size[1]);
  }

  /** The remote's confirmation (C="250 …") is its reply to the whole message. */
  private delivered(s: Session, l: EximLine, tail: string): void {
    const c = /C="([^"]*)"/.exec(tail);
    if (!c) return;
    const r = replyIn(c[1]);
    if (r.code) s.replies.push({ code: r.code, enhanced: r.enhanced, text: r.text, stage: 'end-of-data', line: l.no });
  }

  /** `**` failed or `==` deferred: the remote's refusal, or Exim's own words for what went wrong. */
  private notDelivered(s: Session, l: EximLine, f: string, address: string, tail: string): void {
    const why = tail
      .replace(/^.*?(?:H=[^:]*?\]:?\s*|T=\S+\s*(?:defer \(-?\d+\)(?:: )?)?)/, '')
      .replace(/^\s*H=\S+(?: \S+)? \[[^\]]*\](?::\d+)?:?\s*/, '');
    // Exim 4.7x and older name the remote inside the text: "…: host mx.example.org [192.0.2.5]: 550 …"
    const named = l.h ? null : /\bhost ([\w.-]+) \[([0-9a-fA-F:.]+)\]/.exec(why);
    if (named) {
      s.remoteHost = named[1];
      s.serverIp = normalizeIP(named[2]) ?? named[2];
    }
    const r = replyIn(why);
    const stage = stageOfEximWords(why);
    const sender = /\bMAIL FROM:\s*<?([^\s<>]+@[^\s<>:]+)>?/i.exec(why);
    if (sender) {
      this.namedSenders.push({ address: sender[1].toLowerCase(), line: l.no });
      // the envelope sender the remote refused is the message's own
      s.mailFrom ??= { address: sender[1], line: l.no };
    }
    const reply: SmtpReply = { code: r.code ?? 0, enhanced: r.enhanced, text: r.text, stage, line: l.no };
    if (r.code) s.replies.push(reply);
    const rejection: RawRejection = {
      code: r.code,
      enhanced: r.enhanced,
      stage,
      text: r.code ? r.text : why.trim() || tail.trim(),
      ip: r.code ? judgedIpInReply(r.code, r.enhanced, r.text) : judgedIpIn(why),
      line: l.no,
      recipient: address.replace(/^<|>$/g, '') || null,
      remote: l.h?.host ?? named?.[1] ?? null,
      action: f === '==' ? 'deferred' : 'failed',
    };
    // Exim's bookkeeping while the hosts wait for their retry time says only "still deferred":
    // it stands for the refusal only when the attempt that failed is not in the excerpt
    if (f === '==' && /retry time not reached/i.test(tail)) this.retryWaits.push(rejection);
    else this.book.rejections.push(rejection);
  }

  /** "SMTP connection from (helo) [ip]" opens an inbound connection; "… closed/lost" ends it. */
  private connection(l: EximLine): boolean {
    if (!/^SMTP connection from/.test(l.rest)) return false;
    const c = /\[([0-9a-fA-F:.]+)\]/.exec(l.rest);
    const ip = c ? (normalizeIP(c[1]) ?? c[1]) : null;
    if (/closed|lost|dropped|timeout/i.test(l.rest)) {
      const s = ip ? this.book.get(`ip ${ip}`) : undefined;
      if (s) s.endLine = l.no;
      if (ip) this.book.close(`ip ${ip}`);
      return true;
    }
    if (ip) this.book.close(`ip ${ip}`);
    const s = this.session(null, ip, l.no);
    s.clientIp = ip;
    s.clientIpLine = l.no;
    // "SMTP connection from (helo) [ip]" — not "[ip]:port (TCP/IP connection count = 3)"
    const helo = /^SMTP connection from (?:\S+ )?\(([^)]*)\) \[/.exec(l.rest);
    if (helo) s.helo = { name: helo[1], line: l.no };
    return true;
  }

  /** Exim's own reverse DNS check found no PTR. */
  private noHostName(l: EximLine): boolean {
    const noHost = /^no host name found for IP address (\S+)/.exec(l.rest);
    if (!noHost) return false;
    const ip = normalizeIP(noHost[1]) ?? noHost[1];
    const s = this.session(null, ip, l.no);
    s.clientIp ??= ip;
    s.logged.push({ check: 'ptr', subject: ip, result: 'none', detail: l.rest, line: l.no });
    return true;
  }

  /** The PTR's name has no address back: forward-confirmed reverse DNS fails. */
  private noIpForHost(l: EximLine): boolean {
    const noIp = /^no IP address found for host (\S+) \(during SMTP connection from \[([^\]]+)\]\)/.exec(l.rest);
    if (!noIp) return false;
    const ip = normalizeIP(noIp[2]) ?? noIp[2];
    const s = this.session(null, ip, l.no);
    s.logged.push({ check: 'fcrdns', subject: ip, result: 'fail', detail: l.rest, line: l.no });
    return true;
  }

  /** A line naming a host, or an inbound refusal ("rejected …", "sender verify fail …"). */
  private hostOrRefusal(l: EximLine): boolean {
    const refused = REFUSED.exec(l.rest);
    const verifyFail = VERIFY_FAIL.exec(l.rest);
    const { h, id } = l;
    // a message's line naming a host, neither its arrival nor a refusal: a delivery attempt's
    // connection ("1abc-… H=mx.example.org [192.0.2.94] Connection timed out"); the host is the server
    if (h && id && !refused && !verifyFail && !/^(?:SMTP connection from|SMTP protocol)/.test(l.rest)) {
      const s = this.session(id, null, l.no);
      s.endLine = l.no;
      goesOut(s);
      s.serverIp = h.ip;
      s.remoteHost = h.host;
      return true;
    }
    if (!h && !refused && !verifyFail) return false;
    // "rejected EHLO from [ip]: …" names the client only there
    const heloFrom = /^rejected (?:EHLO|HELO) from \[([0-9a-fA-F:.]+)\]/.exec(l.rest);
    const clientIp = h?.ip ?? (heloFrom ? (normalizeIP(heloFrom[1]) ?? heloFrom[1]) : null);
    const s = this.session(id, clientIp, l.no);
    s.clientIp ??= clientIp;
    s.endLine = l.no;
    if (h) {
      s.clientIp ??= h.ip;
      if (!s.clientIpLine) s.clientIpLine = l.no;
      s.remoteHost ??= h.host;
      if (h.helo) s.helo ??= { name: h.helo, line: l.no };
    }
    const from = /\bF=<([^<>]*)>/.exec(l.rest);
    if (from) s.mailFrom ??= { address: from[1], line: l.no };
    if (refused) this.inboundRefusal(s, l, refused);
    else if (verifyFail) this.verifyFailure(s, l, verifyFail);
    return true;
  }

  /** Exim's own ACL refused a command of an inbound session. */
  private inboundRefusal(s: Session, l: EximLine, refused: RegExpExecArray): void {
    const rcpt = refused[3];
    if (rcpt && !s.rcptTo.some((r) => r.address === rcpt)) s.rcptTo.push({ address: rcpt, line: l.no });
    const stage = stageOfEximWords('rejected ' + refused[2]);
    const text = refused[5];
    const r = replyIn(text);
    // Exim's own ACL refusals log no code: deny answers 550 and defer 451 (spec, "ACL return codes")
    const code = r.code ?? (refused[1] ? 451 : 550);
    s.replies.push({ code, enhanced: r.enhanced, text: r.code ? r.text : text, stage, line: l.no });
    const listed =
      /(?<!\S)(\S+) is listed in ([a-z0-9.-]+\.[a-z]{2,})|blocked using ([a-z0-9.-]+\.[a-z]{2,})|RBL:? ([a-z0-9.-]+\.[a-z]{2,})/i.exec(
        text,
      );
    if (listed && s.clientIp) {
      const zone = (listed[2] ?? listed[3] ?? listed[4]).toLowerCase();
      s.logged.push({ check: 'dnsbl', subject: s.clientIp, zone, result: 'listed', detail: text, line: l.no } satisfies LoggedCheck);
    }
    this.book.rejections.push({
      code,
      enhanced: r.enhanced,
      stage,
      text: r.code ? r.text : text,
      ip: s.clientIp,
      line: l.no,
      recipient: rcpt ?? null,
      remote: null,
      action: refused[1] ? 'deferred' : 'failed',
    });
  }

  /** Sender verification (a callout to the sender's domain) failed or was deferred. */
  private verifyFailure(s: Session, l: EximLine, verifyFail: RegExpExecArray): void {
    this.book.rejections.push({
      code: null,
      enhanced: null,
      stage: 'rcpt',
      text: `Sender verify ${verifyFail[1]} for <${verifyFail[2]}>: ${verifyFail[3]}`,
      ip: s.clientIp,
      line: l.no,
      recipient: null,
      remote: null,
    });
  }

  private bookkeeping(l: EximLine): boolean {
    const known = MESSAGE_BOOKKEEPING.test(l.rest) || (!!l.bare && /^(?:completed|frozen)\b/i.test(l.rest));
    if ((!l.id && !l.bare) || !known) return false;
    const s = l.id ? this.session(l.id, null, l.no) : this.book.find(NO_ID, null, l.no, 'inbound');
    s.endLine = l.no;
    // "Frozen (delivery error message)": the message (with its id) is Exim's own bounce, which could not be returned
    if (l.id && /\bdelivery error message\b/i.test(l.rest)) this.bounces.add(s);
    return true;
  }

  /**
   * A bounce of Exim's own that failed to go out failed at the ORIGINAL SENDER's address: no
   * recipient of the reader's mail refused anything. Such a failure is a message of Exim's own (its
   * null sender, or frozen as a "delivery error message"), or — where the ids were not pasted — a
   * failure at the very address another refusal names as the sender ("after MAIL FROM:<a@host>").
   * It is said as a warning, not counted as a refusal (it would read as an unknown recipient); the
   * refusal that caused the bounce is the one to explain.
   */
  returnedBounces(): string[] {
    const notes: string[] = [];
    for (const s of this.book.sessions) if (s.mailFrom?.address === '' && s.direction === 'outbound') this.bounces.add(s);
    const kept = this.book.rejections.filter((r) => {
      if (r.action !== 'failed') return true;
      const ofBounce = [...this.bounces].some((b) => r.line >= b.startLine && r.line <= b.endLine);
      const toSender = !!r.recipient && this.namedSenders.some((n) => n.address === r.recipient!.toLowerCase() && n.line !== r.line);
      if (!ofBounce && !toSender) return true;
      // (its reply leaves the session too, or the evidence would count it back as a refusal)
      for (const b of this.book.sessions)
        if (r.line >= b.startLine && r.line <= b.endLine) b.replies = b.replies.filter((x) => x.line !== r.line);
      const reply = [r.code, r.enhanced, r.text].filter((x) => x !== null && x !== '').join(' ');
      notes.push(
        `Line ${r.line}: Exim's own bounce could not be returned to the sender${r.recipient ? ` <${r.recipient}>` : ''} either (${reply}): the sender address itself does not take mail.`,
      );
      return false;
    });
    this.book.rejections.splice(0, this.book.rejections.length, ...kept);
    return notes;
  }
}

export function parseExim(lines: string[]): ParseResult {
  const reader = new EximReader();
  reader.read(lines);
  const notes = reader.returnedBounces();
  const { sessions, rejections, unknownLines } = reader.book;
  if (!sessions.length && !rejections.length)
    return { kind: 'exim-log', sessions, rejections, unknownLines, warnings: ['No Exim message or SMTP refusal was found in the log.'] };
  // a rejectlog's copy of a refused message's headers
  const dump = rejectlogMessage(lines);
  return { kind: 'exim-log', sessions, rejections, ...(dump ?? {}), unknownLines, warnings: notes };
}

export const eximParser: InputParser = {
  kind: 'exim-log',
  detect: looksLikeExim,
  parse: (lines) => parseExim(lines),
};
