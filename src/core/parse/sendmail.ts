// Sendmail's syslog lines (sendmail(8) "LOGGING", and the op.me guide §
// "Log Information"): per queue id,
//   from=<a>, size=…, nrcpts=…, msgid=<…>, proto=ESMTP, relay=host [ip]
//   to=<b>, delay=…, mailer=esmtp, relay=mx. [ip], dsn=5.1.1, stat=User unknown
//   ruleset=check_rcpt, arg1=<b>, relay=host [ip], reject=550 5.7.1 <b>... Relaying denied
//   milter=name, action=data, reject=550 5.7.1 text
// "relay=host [ip] (may be forged)" is sendmail's own FCrDNS failure.

import type { LoggedCheck, Session, Stage } from '../types';
import type { InputParser, ParseResult, RawRejection } from './parser';
import { normalizeIP } from '../dns/names';
import { SessionBook, sessionsWithContent } from './session';
import { isConnectFailure } from './smtp-dialogue';
import { judgedIpInReply } from './judged-ip';
import { stageOfCommand } from '../knowledge/smtp-commands';
import { companionFinding, isCompanion } from './postfix/companions';

const PREFIX =
  /^(?:<\d+>\d? ?)?(?:[A-Z][a-z]{2}\s+\d{1,2} \d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)\s+\S+\s+(?:sendmail|sm-mta|sm-msp-queue|sm-mta-in|sm-mta-out)\[\d+\]:\s*(?:([0-9A-Za-z]{8,20}):\s*)?(.*)$/;

/**
 * A sendmail record whose syslog prefix the paste lost ("vA347GJM023903: Milter: from=<…>, reject=550 …"):
 * a queue id, then keys only sendmail writes (sendmail(8) LOGGING: stat=, mailer=, ruleset=, nrcpts=,
 * msgid=, ctladdr=, xdelay=, pri=, the "Milter:" and "milter=" records). Postfix's records share the
 * "QID: from=<…>, size=" shape but write status=, nrcpt=, message-id= and "reject:" instead.
 */
const BARE_RECORD =
  /^\s*([0-9A-Za-z]{8,20}):\s*((?=.*\b(?:stat|mailer|ruleset|nrcpts|msgid|ctladdr|xdelay|pri)=)(?!.*\bstatus=).*|Milter:.*|milter=.*)$/;

/** A sendmail line: its queue id and message, with its syslog prefix or (less sure) without. */
function sendmailLine(l: string): { id: string | null; rest: string; bare: boolean } | null {
  const m = PREFIX.exec(l);
  if (m) return { id: m[1] ?? null, rest: m[2], bare: false };
  const b = BARE_RECORD.exec(l);
  return b ? { id: b[1], rest: b[2], bare: true } : null;
}

/** Another program's syslog line (a milter beside sendmail): its name and message. */
const COMPANION_LINE =
  /^(?:<\d+>\d? ?)?(?:[A-Z][a-z]{2}\s+\d{1,2} \d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)\s+\S+\s+([\w./-]+)(?:\[\d+\])?:\s*(.*)$/;

export function looksLikeSendmail(lines: string[]): number {
  let seen = 0;
  let hits = 0;
  for (const l of lines) {
    if (!l.trim()) continue;
    if (++seen > 200) break;
    const m = sendmailLine(l);
    // (a record without its prefix is sendmail's by its keys alone: a little less sure than a syslog line)
    if (m) hits += m.bare ? 0.8 : 1;
  }
  return seen ? hits / seen : 0;
}

/**
 * The command each of sendmail's rulesets runs at (cf/README "check_*"), for
 * the table of stages (knowledge/smtp-commands.ts). check_eoh runs at the end
 * of the headers, and its refusal is the reply to the whole message.
 */
const RULESET_COMMAND: Record<string, string> = {
  check_relay: 'CONNECT',
  check_mail: 'MAIL',
  check_rcpt: 'RCPT',
  check_compat: 'RCPT',
  check_data: 'DATA',
  check_eom: 'END OF DATA',
  check_eoh: 'END OF DATA',
};

function stageOfRuleset(r: string): Stage {
  return stageOfCommand(RULESET_COMMAND[r.toLowerCase()] ?? (/helo|ehlo/i.test(r) ? 'HELO' : ''));
}

/** The milter protocol's stages (libmilter: xxfi_connect … xxfi_eom), as sendmail logs them in "Milter: … action=". */
const MILTER_COMMAND: Record<string, string> = {
  helo: 'HELO',
  mail: 'MAIL',
  rcpt: 'RCPT',
  data: 'DATA',
  header: 'END OF DATA',
  eoh: 'END OF DATA',
  body: 'END OF DATA',
  eom: 'END OF DATA',
};

function stageOfMilterAction(a: string): Stage {
  const x = a.toLowerCase();
  return stageOfCommand(x.startsWith('conn') ? 'CONNECT' : (MILTER_COMMAND[x] ?? ''));
}

/** `key=value, key=value` where values may contain spaces up to the next ", key=". */
function fields(s: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /(?:^|,\s*)([a-zA-Z_]\w*)=((?:(?!,\s*[a-zA-Z_]\w*=).)*)/g;
  for (const m of s.matchAll(re)) out.set(m[1].toLowerCase(), m[2].trim());
  return out;
}

function relayOf(v: string | undefined): { host: string | null; ip: string | null; forged: boolean } | null {
  if (!v) return null;
  const m = /^(?:(\S+?)\.?\s+)?\[(?:IPv6:)?([0-9a-fA-F:.]+)\](\s*\(may be forged\))?/.exec(v);
  if (!m) return { host: v.replace(/\.$/, ''), ip: null, forged: false };
  // (a relay without a name is written as its address literal twice, "relay=[127.0.0.1] [127.0.0.1]" (RFC 5321
  // §4.1.3): the name is then the address itself, not a host called "[127.0.0.1]")
  const literal = m[1] ? /^\[(?:IPv6:)?([0-9a-fA-F:.]+)\]$/.exec(m[1]) : null;
  const ip = normalizeIP(m[2]) ?? m[2];
  return { host: literal ? (normalizeIP(literal[1]) ?? literal[1]) : (m[1] ?? null), ip, forged: !!m[3] };
}

function reply(s: string): { code: number | null; enhanced: string | null; text: string } {
  const m = /^(?:Deferred:\s*)?([245]\d\d)[ -](?:([245]\.\d{1,3}\.\d{1,3})\s)?(.*)$/s.exec(s.trim());
  if (m) return { code: Number(m[1]), enhanced: m[2] ?? null, text: m[3] };
  return { code: null, enhanced: null, text: s.trim() };
}

/** What sendmail logs on one line: its number, queue id (if any), text, fields and relay. */
interface SendmailLine {
  no: number;
  id: string | null;
  rest: string;
  f: Map<string, string>;
  relay: ReturnType<typeof relayOf>;
}

/** An address as sendmail logs it, without its angle brackets. */
const bare = (a: string) => a.replace(/^<|>$/g, '');

/** "<b@c>... User unknown" and DSN / lost input channel lines: known, not needed (the queue id's session is noted). */
const KNOWN_NOTE =
  /^(?:[0-9A-Za-z]{8,20}: )?(?:<[^>]*>\.\.\.|[^\s]+\.\.\.\s|DSN:|lost input channel|timeout waiting|did not issue|collect:|Milter|milter|STARTTLS|AUTH=|ruleset|SYSERR|NOQUEUE|clone|done|sender notify|return to sender|postmaster notify|starting daemon|alias database|\w+: (?:Warning|Timeout))/i;

/**
 * Reads a sendmail log line by line: each kind of line has its handler, tried
 * in order until one takes the line. Sessions are the queue ids (a line
 * without one is a session of its own).
 */
class SendmailReader {
  readonly book = new SessionBook('sendmail-log');

  private readonly handlers: ((l: SendmailLine) => boolean)[] = [
    (l) => this.refusedByCheck(l),
    (l) => this.milterReject(l),
    (l) => this.arrival(l),
    (l) => this.delivery(l),
    (l) => this.addressNote(l),
    (l) => this.knownNote(l),
  ];

  read(lines: string[]): void {
    lines.forEach((raw, i) => {
      if (!raw.trim()) return;
      const m = sendmailLine(raw);
      if (!m) {
        if (!this.companion(raw, i + 1)) this.book.unknownLines++;
        return;
      }
      const f = fields(m.rest);
      const l: SendmailLine = { no: i + 1, id: m.id, rest: m.rest, f, relay: relayOf(f.get('relay')) };
      if (!this.handlers.some((handle) => handle(l))) this.book.unknownLines++;
    });
  }

  /** The session of the line's queue id (of the line alone without one); it lasts at least to this line. */
  private session(l: SendmailLine): Session {
    const s = this.book.find(l.id ?? `line${l.no}`, l.id, l.no, 'unknown');
    s.endLine = l.no;
    return s;
  }

  /** The connecting client as relay= names it; "(may be forged)" is sendmail's own FCrDNS failure. */
  private client(s: Session, l: SendmailLine): void {
    const { relay } = l;
    if (!relay?.ip) return;
    s.clientIp ??= relay.ip;
    if (!s.clientIpLine) s.clientIpLine = l.no;
    s.remoteHost ??= relay.host;
    if (relay.forged)
      s.logged.push({ check: 'fcrdns', subject: relay.ip, result: 'fail', detail: 'sendmail: "(may be forged)"', line: l.no });
  }

  /** "ruleset=check_rcpt, arg1=<b>, relay=…, reject=550 …" and "milter=name, action=data, reject=…": this server refused. */
  private refusedByCheck(l: SendmailLine): boolean {
    const { f } = l;
    if (!f.has('ruleset') && !(f.has('milter') && f.has('reject'))) return false;
    const s = this.session(l);
    s.direction = 'inbound';
    this.client(s, l);
    const stage = f.has('ruleset') ? stageOfRuleset(f.get('ruleset')!) : stageOfMilterAction(f.get('action') ?? '');
    const arg1 = f.get('arg1');
    if (stage === 'rcpt' && arg1) s.rcptTo.push({ address: bare(arg1), line: l.no });
    if (stage === 'mail' && arg1) s.mailFrom ??= { address: bare(arg1), line: l.no };
    const rej = f.get('reject') ?? f.get('discard') ?? f.get('quarantine');
    if (!rej) return true;
    // sendmail also logs the same refusal without the milter's name ("Milter: data, reject=…"): this line says more
    const generic = f.has('milter') ? this.genericMilter.get(s) : undefined;
    if (generic) {
      this.book.rejections.splice(this.book.rejections.indexOf(generic), 1);
      s.replies = s.replies.filter((x) => x.line !== generic.line);
      this.genericMilter.delete(s);
    }
    this.refused(s, rej, stage, l.no, stage === 'rcpt' ? (arg1 ? bare(arg1) : null) : null);
    return true;
  }

  /** This server refused in the session: the reply it gave ("550 5.7.1 …"; 550 when the log kept no code), and the refusal. */
  private refused(s: Session, said: string, stage: Stage, line: number, recipient: string | null, inbound?: true): RawRejection {
    const r = reply(said);
    const code = r.code ?? 550;
    s.replies.push({ code, enhanced: r.enhanced, text: r.text, stage, line });
    const refusal: RawRejection = { code, enhanced: r.enhanced, stage, text: r.text, ip: s.clientIp, line, recipient, remote: null };
    if (inbound) refusal.inbound = true;
    this.book.rejections.push(refusal);
    return refusal;
  }

  /**
   * A milter or policy program that logs beside sendmail (smf-spf's "SPF fail: ip=…, from=<…>"): what it
   * concluded is a check the receiver made, kept with the session of the client it names.
   */
  private companion(raw: string, no: number): boolean {
    const m = COMPANION_LINE.exec(raw);
    if (!m || !isCompanion(m[1])) return false;
    const f = companionFinding(m[1], m[2], no);
    if (!f) return true;
    const s = f.clientIp ? this.book.last('', (x) => x.clientIp === f.clientIp) : undefined;
    // (before its client's session is known, it waits for it: parseSendmail gives what was never claimed to the log)
    if (s) s.logged.push(f.check);
    else this.pendingChecks.push({ ip: f.clientIp, check: f.check });
    return true;
  }

  /** Checks logged before the session of their client was known: given to it when it shows up. */
  readonly pendingChecks: { ip: string | null; check: LoggedCheck; claimed?: boolean }[] = [];

  /**
   * "Milter: from=<a>, reject=550 …" (sendmail's milter.c: the milter refused at MAIL FROM; "to=" at RCPT TO,
   * "helo=", "connect", "data" at the end of the message): this server refused, for its milter.
   */
  private milterReject(l: SendmailLine): boolean {
    const m = /^Milter:\s*(from|to|helo|connect|data|eoh|eom|body|header)\b(?:[=:]\s*(\S+?))?,.*?\breject=(.*)$/i.exec(l.rest);
    if (!m) return false;
    const s = this.session(l);
    s.direction = 'inbound';
    this.client(s, l);
    const stage = stageOfMilterAction(m[1].toLowerCase() === 'from' ? 'mail' : m[1].toLowerCase() === 'to' ? 'rcpt' : m[1]);
    const arg = m[2] ? bare(m[2]) : null;
    if (stage === 'mail' && arg) s.mailFrom ??= { address: arg, line: l.no };
    if (stage === 'rcpt' && arg) s.rcptTo.push({ address: arg, line: l.no });
    for (const p of this.pendingChecks)
      if (!p.claimed && (!p.ip || !s.clientIp || p.ip === s.clientIp)) {
        s.logged.push(p.check);
        p.claimed = true;
      }
    // the milter that judged this sender's domain just before refused it: its verdict is what was refused for
    // (smf-spf logs "SPF fail: …, from=<a@b>" and then rejects that MAIL FROM)
    const domain = arg?.split('@')[1]?.toLowerCase();
    const judged = [...this.pendingChecks]
      .reverse()
      .find((p) => domain && p.check.subject.toLowerCase() === domain && /^(?:fail|softfail)$/.test(p.check.result));
    if (judged) this.book.logged.push({ ...judged.check, refused: true, line: l.no });
    this.genericMilter.set(s, this.refused(s, m[3], stage, l.no, stage === 'rcpt' ? arg : null, true));
    return true;
  }

  /** A session's refusal logged as "Milter: …, reject=" (no milter named), until a "milter=name, …" line for it says more. */
  private readonly genericMilter = new Map<Session, RawRejection>();

  /** "from=<a>, size=…, relay=host [ip]": a message arrived (from a client when relay= has an IP). */
  private arrival(l: SendmailLine): boolean {
    const { f } = l;
    if (!f.has('from')) return false;
    const s = this.session(l);
    s.mailFrom ??= { address: bare(f.get('from')!), line: l.no };
    if (f.has('size')) s.messageSize = Number(f.get('size'));
    if (l.relay?.ip && s.direction === 'unknown') s.direction = 'inbound';
    this.client(s, l);
    return true;
  }

  /** "to=<b>, relay=mx. [ip], dsn=5.1.1, stat=User unknown": a delivery attempt, and the remote's refusal unless sent. */
  private delivery(l: SendmailLine): boolean {
    const { f, relay } = l;
    if (!f.has('to') || !f.has('stat')) return false;
    const s = this.session(l);
    s.direction = 'outbound';
    const to = bare(f.get('to')!);
    for (const a of to.split(/,\s*/)) if (a && !s.rcptTo.some((r) => r.address === a)) s.rcptTo.push({ address: bare(a), line: l.no });
    if (relay) {
      s.remoteHost = relay.host;
      s.serverIp = relay.ip;
    }
    const stat = f.get('stat')!;
    const dsn = f.get('dsn') ?? null;
    const r = reply(f.get('reply') ?? stat);
    const cls = dsn?.[0] ?? (r.code ? String(r.code)[0] : /^Deferred/i.test(stat) ? '4' : null);
    if (/^Sent\b/i.test(stat) || cls === '2') return true;
    // sendmail logs no command for a remote's reply; a connection that failed is at connect
    const stage = !r.code && isConnectFailure(stat) ? 'connect' : 'unknown';
    if (r.code) s.replies.push({ code: r.code, enhanced: r.enhanced ?? dsn, text: r.text, stage, line: l.no });
    this.book.rejections.push({
      code: r.code,
      enhanced: r.enhanced ?? dsn,
      stage,
      // "Deferred: 450 4.2.0 <x>: …": the reply without sendmail's word and the codes
      text: r.code ? r.text : stat,
      // our own server was judged: the remote names its IP at times ("from [ip]")
      ip: r.code ? judgedIpInReply(r.code, r.enhanced ?? dsn, r.text) : null,
      line: l.no,
      recipient: to.split(/,\s*/)[0] || null,
      remote: relay?.host ?? null,
      action: /^Deferred/i.test(stat) || cls === '4' ? 'deferred' : 'failed',
    });
    return true;
  }

  /**
   * "<b@c>... User unknown": sendmail's usrerr() note about one address. When sendmail refused a recipient at RCPT
   * TO (a local user it does not have, an access-map entry) this is the only line that says so — the message's
   * "from=…, nrcpts=0" line follows — so the note is the refusal. The same words also accompany a delivery that
   * has its own "to=…, stat=" line, which says more: those notes are dropped at the end (claimNotes).
   */
  private addressNote(l: SendmailLine): boolean {
    const m = /^<([^<>\s]{1,320})>\.\.\.\s+(.{3,400})$/.exec(l.rest);
    // (sendmail's progress words are no refusal: "Sent", "Connecting to …", the queue's "Deferred", "queued")
    if (!m || /^(?:Sent|Connecting|Deferred|Queued|queued|Recipient ok|Sender ok|Closing connection)\b/.test(m[2])) return false;
    this.notes.push({ session: this.session(l), address: m[1], text: m[2], line: l.no });
    return true;
  }

  readonly notes: { session: Session; address: string; text: string; line: number }[] = [];

  /** The address notes no delivery line or other refusal explains: sendmail refused those recipients at RCPT TO. */
  claimNotes(): void {
    for (const n of this.notes) {
      const s = n.session;
      const said = (r: { recipient?: string | null; line: number }) =>
        r.recipient?.toLowerCase() === n.address.toLowerCase() && r.line >= s.startLine && r.line <= s.endLine;
      if (this.book.rejections.some(said) || s.direction === 'outbound') continue;
      s.direction = 'inbound';
      if (!s.rcptTo.some((r) => r.address === n.address)) s.rcptTo.push({ address: n.address, line: n.line });
      this.refused(s, n.text, 'rcpt', n.line, n.address, true);
    }
    // the refusals in the order of their lines, as the other readers give them
    this.book.rejections.sort((a, b) => a.line - b.line);
  }

  /** A line sendmail writes about a message that says nothing we use. */
  private knownNote(l: SendmailLine): boolean {
    if (!KNOWN_NOTE.test(l.rest)) return false;
    if (l.id) this.session(l);
    return true;
  }
}

export function parseSendmail(lines: string[]): ParseResult {
  const reader = new SendmailReader();
  reader.read(lines);
  reader.claimNotes();
  const { sessions, rejections, unknownLines } = reader.book;
  const logged = [...reader.book.logged, ...reader.pendingChecks.filter((p) => !p.claimed).map((p) => p.check)];
  const kept = sessionsWithContent(sessions);
  return {
    kind: 'sendmail-log',
    sessions: kept,
    rejections,
    logged,
    unknownLines,
    warnings: kept.length || rejections.length ? [] : ['No sendmail message or refusal was found in the log.'],
  };
}

export const sendmailParser: InputParser = {
  kind: 'sendmail-log',
  detect: looksLikeSendmail,
  parse: (lines) => parseSendmail(lines),
};
