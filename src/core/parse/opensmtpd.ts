// OpenSMTPD's log (smtpd(8) through syslog, "smtpd[pid]: " with or without the host). Since 6.x
// every line starts with the session's 16-hex id and a process word (smtp_session.c, mta.c):
//   8816… smtp connected address=192.0.2.1 host=mail.example.net
//   8816… smtp failed-command command="RCPT TO:<a@b>" result="550 Invalid recipient: <a@b>"
//   8816… smtp bad-input result="500 5.0.0: Line too long"
//   c1a8… mta delivery evpid=… from=<a> to=<b> rcpt=<-> source="192.0.2.9" relay="203.0.113.5 (mx.example.org)"
//         delay=2s result="TempFail" stat="421 4.7.0 Try again later"
//   (6.0–6.3 wrote "smtp event=failed-command …", "mta event=delivery …")
// Older releases wrote "smtp-in: Failed command on session X: "RCPT TO:<a>" => 550 …",
// "smtp-out: Connecting to smtp+tls://ip:25 (host) on session X…", "smtp-out: Error on session X:
// Connection closed unexpectedly", "relay: TempFail for X: from=<a>, to=<b>, …, stat=…" and, with
// "smtpd -v -T mta", the dialogue: "mta: 0x…: <<< 554 …", "mta: 0x…: MTA_INIT -> MTA_BANNER".
// Refusals are read from result=/stat=: the own server's (smtp: a client refused, inbound) and the
// remote's (mta: this server refused while sending, outbound).

import type { Session, Stage } from '../types';
import type { InputParser, ParseResult, RawRejection } from './parser';
import { SessionBook, sessionsWithContent, shareOfShapes } from './session';
import { normalizeIP } from '../dns/names';
import { stageOfCommand } from '../knowledge/smtp-commands';
import { stageFromText } from './bounce/diagnostic';

/** syslog's prefix (the host may be missing) and a "debug: " level word. */
const PREFIX =
  /^(?:<\d+>\d? ?)?(?:(?:[A-Z][a-z]{2}|\p{L}{3,4}\.?)\s+\d{1,2} \d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)\s+(?:\S+\s+)?smtpd\[\d+\]:\s*(.*)$/u;

/** The line shapes, on the text after the prefix. */
const SHAPES = {
  // "<id> smtp|mta|mda <verb> key=value…" (6.4+) or "<id> smtp event=<verb> …" (6.0–6.3)
  modern: /^([0-9a-f]{16}) (smtp|mta|mda|lka|queue) (?:event=)?([\w-]+)\b\s*(.*)$/,
  inNew: /^smtp-in: New session ([0-9a-f]+) from host (\S+) \[([^\]]+)\]/,
  inFailed: /^smtp-in: Failed command on session ([0-9a-f]+): "(.*)" => ([245]\d\d.*)$/,
  outConnecting: /^smtp-out: Connecting to [\w+]+:\/\/\[?([0-9a-fA-F:.]+?)\]?:(\d+) \(([^)]*)\) on session ([0-9a-f]+)/,
  outConnected: /^smtp-out: Connected on session ([0-9a-f]+)/,
  outError: /^smtp-out: Error on session ([0-9a-f]+): (.*)$/,
  outStatus: /^smtp-out: session ([0-9a-f]+): (.*\bstatus=\w+.*)$/,
  routing: /^smtp-out: routing: (.*)$/,
  legacyStatus: /^(relay|delivery): (Ok|TempFail|PermFail|Loop) for ([0-9a-f]+): (.*)$/,
  trace: /^mta: 0x[0-9a-f]+: (?:(MTA_\w+) -> (MTA_\w+)|<<< ([245]\d\d)([ -])(.*)|>>> (.*))$/,
  pastedReply: /^[45]\d\d[ -]\S/,
  note: /^(?:debug: |info: |warn: |smtp-in: |smtp-out: |mta: |queue: |scheduler: |lka: |control: |smtpd: )/,
};

/** How sure these lines are OpenSMTPD's: the share of lines of one of its shapes. */
export function looksLikeOpensmtpd(lines: string[]): number {
  // (a bare "info:"/"debug:" line or a reply line is anyone's: at least one line must be OpenSMTPD's own)
  return shareOfShapes(lines, SHAPES, bodyOf, (shape) => shape !== 'note' && shape !== 'pastedReply');
}

function bodyOf(raw: string): string {
  const t = raw.trim();
  return (PREFIX.exec(t)?.[1] ?? t).replace(/^debug: (?=mta: )/, '');
}

/** key=value fields of the 6.x lines; a value is "quoted" (with \" inside), <an address>, or runs to the next space. */
function fields(s: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of s.matchAll(/([a-z][\w-]*)=("((?:[^"\\]|\\.)*)"|<[^>]*>|\S*)/gi)) out.set(m[1].toLowerCase(), m[3] ?? m[2]);
  return out;
}

/** The older "key=value, key=value" fields, whose values (stat=) may hold spaces up to the next ", key=". */
function commaFields(s: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of s.matchAll(/(?:^|,\s*)([a-zA-Z_][\w-]*)=((?:(?!,\s*[a-zA-Z_][\w-]*=).)*)/g)) out.set(m[1].toLowerCase(), m[2].trim());
  return out;
}

/** "421 4.7.0 text", or text alone (a connection error, "Invalid domain name"). */
function reply(s: string): { code: number | null; enhanced: string | null; text: string } {
  const m = /^([245]\d\d)[ -](?:([245]\.\d{1,3}\.\d{1,3})[: ]\s*)?(.*)$/s.exec(s.trim());
  return m ? { code: Number(m[1]), enhanced: m[2] ?? null, text: m[3].trim() } : { code: null, enhanced: null, text: s.trim() };
}

/** "203.0.113.5 (mx.example.org)" or "mx.example.org". */
function relayOf(v: string | undefined): { ip: string | null; host: string | null } {
  if (!v || v === '-') return { ip: null, host: null };
  const m = /^\[?([0-9a-fA-F:.]+?)\]?(?: \(([^)]*)\))?$/.exec(v.trim());
  const ip = m ? normalizeIP(m[1]) : null;
  return ip ? { ip, host: m?.[2] || null } : { ip: null, host: v.trim() };
}

/** The dialogue state OpenSMTPD's mta traces before a reply (mta_session.c MTA_* states). */
const STATE_COMMAND: Record<string, string> = {
  MTA_BANNER: 'CONNECT',
  MTA_EHLO: 'EHLO',
  MTA_HELO: 'HELO',
  MTA_STARTTLS: 'STARTTLS',
  MTA_AUTH: 'AUTH',
  MTA_MAIL: 'MAIL',
  MTA_RCPT: 'RCPT',
  MTA_DATA: 'DATA',
  MTA_BODY: 'END OF DATA',
  MTA_EOM: 'END OF DATA',
  MTA_LMTP_EOM: 'END OF DATA',
};

const bare = (a: string | undefined) => (a ?? '').replace(/^<|>$/g, '');

class OpensmtpdReader {
  readonly book = new SessionBook('opensmtpd-log');
  /** The dialogue being traced ("mta: 0x…:" lines): its session, state and the reply lines so far. */
  private trace: { session: Session | null; state: string; lines: string[]; code: number; line: number } = {
    session: null,
    state: '',
    lines: [],
    code: 0,
    line: 0,
  };
  private lastConnected: Session | null = null;
  /** A remote's refusal was pasted beside the log lines. */
  private pastedRefusal = false;

  read(lines: string[]): void {
    lines.forEach((raw, i) => {
      if (!raw.trim()) return;
      if (!this.line(bodyOf(raw), i + 1)) this.book.unknownLines++;
    });
  }

  private session(id: string, no: number, direction: Session['direction']): Session {
    const s = this.book.find(id, id, no, direction);
    if (direction !== 'unknown') s.direction = direction;
    s.endLine = Math.max(s.endLine, no);
    return s;
  }

  private refuse(s: Session | null, r: Omit<RawRejection, 'ip'> & { ip?: string | null }): void {
    const rej: RawRejection = { ...r, ip: r.ip ?? null };
    if (s && rej.code) s.replies.push({ code: rej.code, enhanced: rej.enhanced, text: rej.text, stage: rej.stage, line: rej.line });
    this.book.rejections.push(rej);
  }

  private line(body: string, no: number): boolean {
    let m: RegExpExecArray | null;
    if ((m = SHAPES.modern.exec(body))) return this.modern(m[1], m[2], m[3], fields(m[4]), no);
    if ((m = SHAPES.inNew.exec(body))) {
      const s = this.session(m[1], no, 'inbound');
      s.clientIp = normalizeIP(m[3]);
      s.clientIpLine = s.clientIp ? no : 0;
      s.remoteHost = m[2] === '<unknown>' ? null : m[2];
      return true;
    }
    if ((m = SHAPES.inFailed.exec(body))) return this.failedCommand(this.session(m[1], no, 'inbound'), m[2], m[3], no);
    if ((m = SHAPES.outConnecting.exec(body))) {
      const s = this.session(m[4], no, 'outbound');
      s.serverIp = normalizeIP(m[1]);
      s.remoteHost = m[3] || null;
      return true;
    }
    if ((m = SHAPES.outConnected.exec(body))) {
      this.lastConnected = this.session(m[1], no, 'outbound');
      return true;
    }
    if ((m = SHAPES.outError.exec(body))) {
      const s = this.session(m[1], no, 'outbound');
      this.endTrace();
      // the remote's refusal was read from the trace (or pasted beside the log): a connection closed after
      // it is its consequence
      if (!s.replies.some((r) => r.code >= 400) && !(this.pastedRefusal && /\bclosed\b/i.test(m[2])))
        this.refuse(s, { code: null, enhanced: null, stage: 'connect', text: m[2], line: no, remote: s.remoteHost, action: 'deferred' });
      return true;
    }
    if ((m = SHAPES.outStatus.exec(body))) {
      const f = commaFields(m[2]);
      return this.status(this.session(m[1], no, 'outbound'), f, f.get('status') ?? '', no);
    }
    if ((m = SHAPES.legacyStatus.exec(body)))
      return this.status(this.session(m[3], no, m[1] === 'relay' ? 'outbound' : 'unknown'), commaFields(m[4]), m[2], no);
    if ((m = SHAPES.pastedReply.exec(body))) {
      // a remote's reply pasted beside the log (a telnet test, a bounce's line): its refusal, at the stage its
      // words name ("Connection refused from <ip>": the greeting)
      const r = reply(body);
      this.pastedRefusal = true;
      this.refuse(null, { ...r, stage: stageFromText(r.text), line: no, action: r.code! < 500 ? 'deferred' : 'failed' });
      return true;
    }
    if ((m = SHAPES.routing.exec(body))) {
      // "Failed to resolve MX for [domain]: Invalid domain name": the own server's lookup (lka)
      if (/\bFailed\b|\berror\b/i.test(m[1]))
        this.refuse(null, { code: null, enhanced: null, stage: 'unknown', text: m[1], line: no, action: 'deferred' });
      return true;
    }
    if ((m = SHAPES.trace.exec(body))) return this.traced(m, no);
    return SHAPES.note.test(body);
  }

  /** "<id> smtp|mta|mda <verb> fields": the 6.x lines. */
  private modern(id: string, proc: string, verb: string, f: Map<string, string>, no: number): boolean {
    if (proc === 'smtp') {
      const s = this.session(id, no, 'inbound');
      if (verb === 'connected') {
        s.clientIp = normalizeIP(f.get('address') ?? '');
        s.clientIpLine = s.clientIp ? no : 0;
        const host = f.get('host');
        s.remoteHost = host && host !== '<unknown>' ? host : null;
      } else if (verb === 'failed-command') return this.failedCommand(s, f.get('command') ?? '', f.get('result') ?? '', no);
      else if (verb === 'bad-input' && f.get('result')) {
        const r = reply(f.get('result')!);
        this.refuse(s, { ...r, stage: 'unknown', ip: s.clientIp, line: no, remote: null, inbound: true });
      } else if (verb === 'envelope' && f.get('to')) {
        s.mailFrom ??= { address: bare(f.get('from')), line: no };
        s.rcptTo.push({ address: bare(f.get('to')), line: no });
      } else if (verb === 'message' && f.get('size')) s.messageSize = Number(f.get('size'));
      return true;
    }
    if ((proc === 'mta' || proc === 'mda') && verb === 'delivery')
      return this.status(this.session(id, no, proc === 'mta' ? 'outbound' : 'unknown'), f, f.get('result') ?? '', no);
    if (proc === 'mta' && verb === 'connecting') {
      const s = this.session(id, no, 'outbound');
      const a = /\/\/\[?([0-9a-fA-F:.]+?)\]?:\d+/.exec(f.get('address') ?? '');
      s.serverIp = a ? normalizeIP(a[1]) : s.serverIp;
      s.remoteHost = f.get('host') ?? s.remoteHost;
      return true;
    }
    if (proc === 'mta' && verb === 'error') {
      // an error of the connection ("Connection refused", "TLS error"): the delivery line that follows says its result
      this.session(id, no, 'outbound');
      return true;
    }
    return true;
  }

  /** A command the own server refused: the client's (inbound). */
  private failedCommand(s: Session, command: string, result: string, no: number): boolean {
    const r = reply(result);
    const [verb, ...rest] = command.trim().split(/\s+/);
    // (an empty command: a filter's refusal at connect, before the client sent anything)
    const stage: Stage = verb ? stageOfCommand(verb, rest.join(' ')) : 'connect';
    const rcpt = /^RCPT$/i.test(verb ?? '') ? (/<([^>]*)>/.exec(command)?.[1] ?? null) : null;
    if (/^MAIL$/i.test(verb ?? '')) s.mailFrom ??= { address: /<([^>]*)>/.exec(command)?.[1] ?? '', line: no };
    if (rcpt) s.rcptTo.push({ address: rcpt, line: no });
    this.refuse(s, { ...r, stage, ip: s.clientIp, line: no, recipient: rcpt, remote: null, inbound: true });
    return true;
  }

  /** A delivery's result ("result=TempFail stat=…", "status=PermFail, …, stat=…"): a refusal unless Ok. */
  private status(s: Session, f: Map<string, string>, result: string, no: number): boolean {
    const to = bare(f.get('to'));
    if (to && !s.rcptTo.some((r) => r.address === to)) s.rcptTo.push({ address: to, line: no });
    const from = f.get('from');
    if (from !== undefined) s.mailFrom ??= { address: bare(from), line: no };
    const relay = relayOf(f.get('relay'));
    if (relay.ip) s.serverIp ??= relay.ip;
    if (relay.host) s.remoteHost ??= relay.host;
    if (/^ok$/i.test(result)) return true;
    const stat = f.get('stat') ?? result;
    const r = reply(stat);
    // a connection that failed, a host not found: no reply, and before any command
    const stage: Stage = r.code
      ? 'unknown'
      : /\bconnect|\bNetwork\b|\bunreachable\b|\btimed? ?out\b|\bclosed\b/i.test(r.text)
        ? 'connect'
        : 'unknown';
    this.refuse(s, {
      ...r,
      stage,
      line: no,
      recipient: to || null,
      remote: relay.host ?? relay.ip,
      action: /^tempfail$/i.test(result) ? 'deferred' : 'failed',
    });
    return true;
  }

  /** The mta trace ("smtpd -T mta"): states and the remote's replies, read as the dialogue of the session last connected. */
  private traced(m: RegExpExecArray, no: number): boolean {
    if (m[2]) {
      this.endTrace();
      this.trace.state = m[2];
      this.trace.session = this.lastConnected;
      return true;
    }
    if (m[3]) {
      const t = this.trace;
      if (!t.lines.length) {
        t.code = Number(m[3]);
        t.line = no;
      }
      t.lines.push(m[5]);
      if (m[4] === ' ') this.endTrace();
      return true;
    }
    this.endTrace();
    return true;
  }

  /** A complete traced reply: a refusal when it is one, at the state's command. */
  private endTrace(): void {
    const t = this.trace;
    if (t.lines.length && t.code >= 400) {
      const s = t.session;
      const r = reply(`${t.code} ${t.lines.join(' ')}`);
      this.refuse(s, {
        ...r,
        stage: stageOfCommand(STATE_COMMAND[t.state] ?? ''),
        line: t.line,
        recipient: s?.rcptTo[0]?.address ?? null,
        remote: s?.remoteHost ?? null,
        action: t.code < 500 ? 'deferred' : 'failed',
      });
    }
    t.lines = [];
    t.code = 0;
  }

  finish(): void {
    this.endTrace();
  }
}

export function parseOpensmtpd(lines: string[]): ParseResult {
  const reader = new OpensmtpdReader();
  reader.read(lines);
  reader.finish();
  const { sessions, rejections, unknownLines } = reader.book;
  const kept = sessionsWithContent(sessions);
  return {
    kind: 'opensmtpd-log',
    sessions: kept,
    rejections,
    unknownLines,
    warnings: kept.length || rejections.length ? [] : ['No OpenSMTPD session or refusal was found in the log.'],
  };
}

export const opensmtpdParser: InputParser = {
  kind: 'opensmtpd-log',
  detect: looksLikeOpensmtpd,
  parse: (lines) => parseOpensmtpd(lines),
};
