// qmail's logs (qmail-send through splogger or multilog, and the programs around
// qmail-smtpd under tcpserver). qmail-send.c writes, per message (its inode
// number) and per delivery (a counter):
//   new msg 12345
//   info msg 12345: bytes 1234 from <a@b> qp 999 uid 89
//   starting delivery 1: msg 12345 to remote x@y
//   delivery 1: deferral: Connected_to_192.0.2.1_but_greeting_failed./Remote_host_said:_421_…/
//   status: local 0/10 remote 1/20
//   end msg 12345
// The delivery's report is qmail-rspawn's/qmail-lspawn's text with "_" for spaces and "/" for
// line breaks; qmail-remote's sentences name the command refused ("does not like recipient",
// "sender was rejected", "my name was rejected", "but greeting failed", "failed on DATA command",
// "failed after I sent the message"). When qmail cannot run its own delivery programs
// (qmail-rspawn: "Unable to run qmail-remote.", "qmail-remote crashed."; spawn.c: "message has
// wrong owner") or open its queue, that is the installation failing, not a receiver.
// Around qmail-smtpd: tcpserver ("tcpserver: ok PID LOCAL REMOTEHOST:REMOTEIP:INFO:PORT"),
// rblsmtpd ("rblsmtpd: IP pid PID: 451 …": the own server's DNSBL refusal) and chkuser
// ("CHKUSER rejected rcpt: from <…> remote <…> rcpt <x> : not existing recipient").
// Each line may carry multilog's TAI64N label (@4000…), splogger's epoch, a syslog prefix or a
// tai64nlocal date.

import type { Session, Stage } from '../types';
import type { InputParser, ParseResult } from './parser';
import { SessionBook, sessionsWithContent, shareOfShapes } from './session';
import { normalizeIP } from '../dns/names';
import { stageOfCommand } from '../knowledge/smtp-commands';
import { QMAIL_LOCAL_ERROR } from '../knowledge/replies/onprem';

/** The label before a line: multilog's TAI64N, tai64nlocal's date, a syslog prefix with its program, splogger's epoch. */
const PREFIX =
  /^(?:@4000[0-9a-f]{20}\s+|\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,9})?\s+|(?:<\d+>\d? ?)?(?:[A-Z][a-z]{2}\s+\d{1,2} \d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)\s+\S+\s+(?:qmail(?:-[\w-]+)?|tcpserver|rblsmtpd|vpopmail|chkuser|smtpd|greylisting filter)(?:\[\d+\])?:\s*)?(?:\d{9,10}\.\d{6}\s+)?(.*)$/;

/** The lines qmail-send and the programs around qmail-smtpd write, by their words after the label. */
const SHAPES = {
  newMsg: /^new msg (\d+)\s*$/,
  info: /^info msg (\d+): bytes (\d+) from <([^>]*)> qp \d+ uid \d+/,
  starting: /^starting delivery (\d+): msg (\d+) to (remote|local) (\S+)/,
  delivery: /^delivery (\d+): (success|failure|deferral): (.*)$/,
  status: /^status: local \d+\/\d+ remote \d+\/\d+/,
  endMsg: /^(?:end|bounce) msg (\d+)/,
  // qmail-send.c's own alerts ("alert: unable to append to bounce message; HELP! sleeping...")
  alert: /^alert: (?:cannot start: |unable to (?:append to bounce message|switch to|reread)|oh no! )/,
  note: /^(?:triple bounce: discarding|double bounce|warning: |alert: |tcpserver: (?:status|pid|end|done|deny)\b|qmail-smtpd: )/,
  tcpOk: /^tcpserver: ok (\d+) \S* (\S*)/,
  rbl: /^rblsmtpd: ([0-9a-fA-F:.]+) pid (\d+): ([45]\d\d)[ -](.*)$/,
  chkuser: /^CHKUSER (accepted|rejected) (\w+): from <([^>]*)> remote <([^>]*)> rcpt <([^>]*)> : (.*)$/,
  // Plesk's qmail runs its mail handlers (greylisting, SPF, antivirus) from qmail-queue once a message is in:
  // "qmail-queue-handlers[pid]: to=a@b", "handlers_stderr: REJECT", "REJECT during call 'grey' handler"; its
  // greylisting filter logs why ("list type: black, from: <host>, match string: dsl|pool|…", the host-name
  // patterns of Plesk's grey_listing black list) — https://blogs.reliablepenguin.com/2012/03/16/plesk-10-greylist-problems
  handlerVerdict: /^(REJECT|DEFER) during call '([\w-]{1,40})' handler\b/,
  handlerNote:
    /^(?:handlers_stderr: \w+|(?:PASS|SKIP|ACCEPT) during call '[\w-]{1,40}' handler|(?:to|from)=\S+\s*$|Starting greylisting filter|list type: (?:black|white), from: \S+, match string: )/,
};

/** How sure these lines are qmail's: the share of lines whose words after the label are one of qmail's. */
export function looksLikeQmail(lines: string[]): number {
  // (a bare "warning:"/"alert:" line is anyone's: at least one line must be qmail's own)
  return shareOfShapes(
    lines,
    SHAPES,
    (l) => PREFIX.exec(l)?.[1] ?? '',
    (shape) => shape !== 'note',
  );
}

/** qmail-remote's own sentences about the command a refusal answered (qmail-remote.c). */
const REMOTE_STAGES: [RegExp, string][] = [
  [/\bdoes not like recipient\b/i, 'RCPT'],
  [/\bsender was rejected\b/i, 'MAIL'],
  [/\bmy name was rejected\b/i, 'HELO'],
  [/\bbut greeting failed\b|\bwasn'?t able to establish an SMTP connection\b|\bbut connection died\b/i, 'CONNECT'],
  [/\bfailed on DATA command\b/i, 'DATA'],
  [/\bfailed after I sent the message\b/i, 'END OF DATA'],
];

/** A delivery report as qmail-send logs it: "_" stands for a space, "/" ends a line. */
function unwrapReport(report: string): string[] {
  return report
    .replace(/_/g, ' ')
    .split('/')
    .map((x) => x.trim())
    .filter(Boolean);
}

interface Delivery {
  msg: string;
  to: string;
  local: boolean;
}

class QmailReader {
  readonly book = new SessionBook('qmail-log');
  private readonly deliveries = new Map<string, Delivery>();
  /** What Plesk's greylisting filter last said of a message (its list and pattern), for its handler's verdict. */
  private filterSaid: string | null = null;
  /** The recipient Plesk's qmail-queue-handlers last named ("to=a@b"). */
  private handlerTo: string | null = null;

  read(lines: string[]): void {
    lines.forEach((raw, i) => {
      if (!raw.trim()) return;
      const body = (PREFIX.exec(raw)?.[1] ?? raw).trim();
      if (!this.line(body, i + 1)) this.book.unknownLines++;
    });
  }

  private message(msg: string, no: number): Session {
    const s = this.book.find(`msg${msg}`, msg, no, 'unknown');
    s.endLine = Math.max(s.endLine, no);
    return s;
  }

  private line(body: string, no: number): boolean {
    let m: RegExpExecArray | null;
    if ((m = SHAPES.newMsg.exec(body))) return !!this.message(m[1], no);
    if ((m = SHAPES.info.exec(body))) {
      const s = this.message(m[1], no);
      s.messageSize = Number(m[2]);
      s.mailFrom ??= { address: m[3], line: no };
      return true;
    }
    if ((m = SHAPES.starting.exec(body))) {
      const s = this.message(m[2], no);
      const local = m[3] === 'local';
      if (!local) s.direction = 'outbound';
      if (!s.rcptTo.some((r) => r.address === m![4])) s.rcptTo.push({ address: m[4], line: no });
      this.deliveries.set(m[1], { msg: m[2], to: m[4], local });
      return true;
    }
    if ((m = SHAPES.delivery.exec(body))) return this.delivery(m[1], m[2], m[3], no);
    if ((m = SHAPES.rbl.exec(body))) return this.rbl(m, no);
    if ((m = SHAPES.chkuser.exec(body))) return this.chkuser(m, no);
    if ((m = SHAPES.handlerVerdict.exec(body))) return this.handler(m, no);
    if (SHAPES.handlerNote.test(body)) {
      const why = /^list type: (black|white), from: \S+, match string: /.test(body) ? body : null;
      const to = /^to=(\S+)\s*$/.exec(body)?.[1];
      if (why) this.filterSaid = `greylisting filter: ${body}`;
      if (to) this.handlerTo = to;
      return true;
    }
    if ((m = SHAPES.tcpOk.exec(body))) {
      // "REMOTEHOST:REMOTEIP:REMOTEINFO:REMOTEPORT" (tcpserver(1)); the host part may be empty
      const ip = normalizeIP(m[2].split(':')[1] ?? '');
      const s = this.book.find(`pid${m[1]}`, null, no, 'inbound');
      if (ip) {
        s.clientIp ??= ip;
        s.clientIpLine ||= no;
      }
      return true;
    }
    if (/^(?:alert|warning): /.test(body) && QMAIL_LOCAL_ERROR.test(body)) {
      // qmail-send itself cannot work (its queue, a bounce it cannot write): the installation's error
      this.book.rejections.push({ code: null, enhanced: null, stage: 'unknown', text: body, ip: null, line: no, action: 'deferred' });
      return true;
    }
    if (SHAPES.endMsg.exec(body)) {
      const s = this.book.get(`msg${SHAPES.endMsg.exec(body)![1]}`);
      if (s) s.endLine = no;
      return true;
    }
    return SHAPES.status.test(body) || SHAPES.note.test(body);
  }

  /** "delivery N: failure|deferral: report": the refusal, the remote's reply in it, or qmail's own failure. */
  private delivery(n: string, result: string, report: string, no: number): boolean {
    const d = this.deliveries.get(n);
    const s = d ? this.message(d.msg, no) : undefined;
    if (result === 'success') return true;
    const parts = unwrapReport(report);
    const text = parts.join(' ');
    // "Remote host said: 550 5.1.1 …" (several lines of a multi-line reply follow it)
    const said = /\bRemote host said: ([45]\d\d)[ -](?:([245]\.\d{1,3}\.\d{1,3})\s)?([\s\S]*)$/i.exec(text);
    // qmail's own reports end with the status it means: "(#5.1.2)", "(#4.3.0)"
    const own = /\(#([245]\.\d{1,3}\.\d{1,3})\)/.exec(text)?.[1] ?? null;
    const named = REMOTE_STAGES.find(([re]) => re.test(parts[0] ?? ''));
    const stage: Stage = named ? stageOfCommand(named[1]) : 'unknown';
    const remote = /^(?:Connected to )?(\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]{3,39})\b/i.exec(parts[0] ?? '')?.[1] ?? null;
    const code = said ? Number(said[1]) : null;
    if (s && code) s.replies.push({ code, enhanced: said?.[2] ?? null, text: said![3].trim(), stage, line: no });
    if (s && remote) {
      s.serverIp ??= normalizeIP(remote) ?? remote;
      s.remoteHost ??= remote;
    }
    this.book.rejections.push({
      code,
      enhanced: said?.[2] ?? own,
      stage,
      // the remote's words when it spoke; qmail's own sentence otherwise (a host not found, qmail-remote not run)
      text: said ? said[3].trim() : text,
      ip: null,
      line: no,
      recipient: d?.to ?? null,
      remote: remote ? (normalizeIP(remote) ?? remote) : null,
      action: result === 'deferral' ? 'deferred' : 'failed',
    });
    return true;
  }

  /** "rblsmtpd: IP pid PID: 451 text": the own server's DNSBL refused a client before qmail-smtpd ran. */
  private rbl(m: RegExpExecArray, no: number): boolean {
    const ip = normalizeIP(m[1]) ?? m[1];
    const s = this.book.find(`pid${m[2]}`, null, no, 'inbound');
    s.direction = 'inbound';
    s.clientIp ??= ip;
    s.clientIpLine ||= no;
    s.endLine = no;
    const code = Number(m[3]);
    s.replies.push({ code, enhanced: null, text: m[4], stage: 'connect', line: no });
    this.book.rejections.push({ code, enhanced: null, stage: 'connect', text: m[4], ip, line: no, remote: null, inbound: true });
    return true;
  }

  /**
   * Plesk's qmail-queue handler refused the message its own server was taking in: an inbound refusal at the
   * message's end (qmail-queue runs once the data is in), in the filter's words when it said why.
   */
  private handler(m: RegExpExecArray, no: number): boolean {
    const s = this.book.open(null, null, no, 'inbound');
    if (this.handlerTo) s.rcptTo.push({ address: this.handlerTo, line: no });
    this.book.rejections.push({
      code: null,
      enhanced: null,
      stage: 'end-of-data',
      text: this.filterSaid ? `${this.filterSaid}; ${m[0]}` : m[0],
      ip: null,
      line: no,
      recipient: this.handlerTo ?? null,
      remote: null,
      inbound: true,
      action: m[1] === 'DEFER' ? 'deferred' : 'failed',
    });
    this.filterSaid = null;
    return true;
  }

  /** chkuser's log (a qmail-smtpd patch): "CHKUSER rejected rcpt|relaying|sender: from <a> remote <helo:host:ip> rcpt <b> : why". */
  private chkuser(m: RegExpExecArray, no: number): boolean {
    if (m[1] !== 'rejected') return true;
    const ip = normalizeIP(m[4].split(':').pop() ?? '');
    const s = this.book.open(null, null, no, 'inbound');
    s.clientIp = ip;
    s.clientIpLine = ip ? no : 0;
    if (m[3]) s.mailFrom = { address: m[3].replace(/:.*$/, ''), line: no };
    if (m[5]) s.rcptTo.push({ address: m[5], line: no });
    const stage: Stage = m[2] === 'sender' ? 'mail' : 'rcpt';
    this.book.rejections.push({
      code: null,
      enhanced: null,
      stage,
      text: m[6],
      ip,
      line: no,
      recipient: m[5] || null,
      remote: null,
      inbound: true,
    });
    return true;
  }
}

export function parseQmail(lines: string[]): ParseResult {
  const reader = new QmailReader();
  reader.read(lines);
  const { sessions, rejections, unknownLines } = reader.book;
  const kept = sessionsWithContent(sessions);
  return {
    kind: 'qmail-log',
    sessions: kept,
    rejections,
    unknownLines,
    warnings: kept.length || rejections.length ? [] : ['No qmail message or refusal was found in the log.'],
  };
}

export const qmailParser: InputParser = {
  kind: 'qmail-log',
  detect: looksLikeQmail,
  parse: (lines) => parseQmail(lines),
};
