// Postfix logs (syslog or ISO timestamps), grouped the way Postfix works:
// an smtpd or postscreen connection is an inbound session (by process and
// client, from "connect from" to "disconnect from"); a queue id is a message,
// and its smtp/lmtp delivery attempts make an outbound session. smtpd's
// "QID: client=…" ties a queue id to its inbound connection, so cleanup's
// header/body-check and milter refusals land in the session that sent it.

import type { LoggedCheck, Session, SmtpReply, Stage } from '../../types';
import type { InputParser, ParseResult } from '../parser';
import { normalizeIP } from '../../dns/names';
import { parsePostfixMessage, readPostfixLine } from './event';
import type { PostfixEvent } from './types';
import { readSyslogLine } from './line';
import { companionFinding, isCompanion } from './companions';
import { ownServerLog } from '../../knowledge/own-server-logs';
import { judgedIpIn, judgedIpInReply } from '../judged-ip';
import { SessionBook } from '../session';
import { findDnsbl } from '../../knowledge/dnsbl-registry';
import { isReceiverError } from '../../knowledge/replies';
import { stageOfCommand } from '../../knowledge/smtp-commands';

/**
 * Postfix's command words (smtpd "reject: RCPT from", smtp "in reply to RCPT TO
 * command", milter "END-OF-MESSAGE", "in reply to end of DATA command", "while
 * sending message content"), looked up in the one command table.
 */
export function stageOfPostfixWord(word: string | undefined): Stage {
  const w = (word ?? '').trim().toUpperCase();
  if (w.includes('END OF DATA') || w.includes('MESSAGE CONTENT')) return stageOfCommand('END OF DATA');
  if (w.includes('GREETING')) return stageOfCommand('GREETING');
  const [verb, ...rest] = w.split(/[\s:]+/);
  return stageOfCommand(verb, rest.join(' '));
}

export function looksLikePostfix(lines: string[]): number {
  let seen = 0;
  let hits = 0;
  let postfix = 0;
  let failures = 0;
  let status = 0;
  for (const l of lines) {
    if (!l.trim()) continue;
    if (++seen > 200) break;
    const pf = readPostfixLine(l);
    if (pf) {
      hits++;
      postfix++;
      if (DELIVERY_STATUS.test(pf.message) || SMTPD_RECORD.test(pf.message)) status++;
      continue;
    }
    // mail.log neighbours (policyd-spf, opendkim, postgrey, amavis…) are part of a Postfix excerpt
    const other = readSyslogLine(l);
    if (other && isCompanion(other.program)) hits += 0.8;
    // the server's own milter or resolver failing is its own error even without a Postfix line beside it
    if (ownServerLog(l, other?.program ?? null, other?.message ?? null)) {
      if (!other) hits += 0.8;
      failures++;
    }
  }
  if (!seen || !(postfix || failures)) return 0;
  // a delivery agent's status record ("QID: to=<…>, relay=…, delays=…, dsn=…, status=bounced (…)") is the
  // log's own, never a notice's words (a bounce quotes the reply, not the record): with one, the paste is
  // Postfix's log however many other lines (a neighbour's lines that lost their syslog prefix and program
  // tag, prose) surround it — above a headerless notice's words (parse/bounce/detect.ts, 0.6)
  return Math.max(hits / seen, status ? 0.65 : 0);
}

/**
 * The fields of a delivery agent's status record (postfix smtp(8)/lmtp(8)/local(8): to=, relay=, status=).
 * (the address may hold a poster's placeholder in angle brackets: "to=<anna@<cutout>>")
 */
const DELIVERY_STATUS = /\bto=<(?:[^<>]|<[^<>]{1,40}>){0,300}>,.{0,400}\bstatus=(?:sent|deferred|bounced|expired|undeliverable)\b/;

/**
 * smtpd's record of a refusal (smtpd_check.c: "QID|NOQUEUE: reject: RCPT from host[ip]: <reply>; from=<…>
 * to=<…> proto=ESMTP helo=<…>", cleanup's "milter-reject" alike): the envelope fields after the reply are the
 * log's own, as the status record's are; a notice quotes the reply, never them.
 */
const SMTPD_RECORD =
  /^(?:[0-9A-Za-z]{5,20}|NOQUEUE): (?:reject|defer|discard|hold|milter-reject|milter-discard|milter-hold): [A-Z-]{4,16} from \S{1,300}\[[^\]]{0,60}\](?::\d{1,5})?: .{0,2000}?; from=<[^>]{0,300}> (?:to=<[^>]{0,300}> )?proto=\w+/;

/** Postfix writes "unknown" for a client whose PTR is missing or not forward-confirmed. */
function clientHostChecks(e: PostfixEvent, line: number): LoggedCheck[] {
  const out: LoggedCheck[] = [];
  // on connection, or on a refusal when the connection line is not in the excerpt
  if ((e.event === 'connect' || e.action) && e.clientIp && e.clientHost === 'unknown')
    out.push({
      check: 'ptr',
      subject: e.clientIp,
      result: 'none',
      detail: 'Postfix logged the client as "unknown": no PTR, or the PTR name does not resolve back',
      line,
    });
  if (e.dnsWarning === 'fcrdns-mismatch' && e.clientIp)
    out.push({
      check: 'fcrdns',
      subject: e.clientIp,
      result: 'fail',
      detail: `hostname ${e.clientHost ?? '?'} does not resolve back to ${e.clientIp}`,
      line,
    });
  if (e.dnsblDomain && e.clientIp) {
    const zone = e.dnsblDomain.toLowerCase();
    // dnsblog's "as 127.255.255.254", or a reply saying the lookup was refused: the list did not answer
    const code = e.daemon === 'dnsblog' ? (e.response ?? '') : '';
    const error = (code && findDnsbl(zone)?.errorCodes?.[code]) || (!code && isReceiverError(e.response ?? ''));
    out.push({
      check: 'dnsbl',
      subject: e.dnsblWhat ?? e.clientIp,
      zone,
      result: error ? 'error' : 'listed',
      detail: typeof error === 'string' ? `${code}: ${error}` : e.response,
      line,
    });
  }
  return out;
}

/** One Postfix line as the handlers see it: the syslog fields and the message read into an event. */
interface PostfixLine {
  no: number;
  daemon: string;
  program: string;
  pid: number;
  e: PostfixEvent;
}

const queued = (e: PostfixEvent): e is PostfixEvent & { queueId: string } => !!e.queueId && e.queueId !== 'NOQUEUE';

/**
 * Reads a Postfix log line by line. Sessions are filed in a SessionBook under
 * "in <connection>" (smtpd by process, postscreen by client address), "q
 * <queue id>" (the session that received or delivers that message) and "out
 * <queue id>" (the delivery). Each kind of line has its handler: a companion
 * daemon's finding, dnsblog's answer, an inbound daemon's event, cleanup's
 * checks, and the queue's delivery lines.
 */
class PostfixReader {
  readonly book = new SessionBook('postfix-log');
  /** qmgr's "from=<…>, size=…", before the delivery: for the outbound session. */
  private readonly queuedFrom = new Map<string, { address: string; line: number }>();
  /** Where each queue id first appeared: an outbound session's story starts there. */
  private readonly firstSeen = new Map<string, number>();

  read(lines: string[]): void {
    lines.forEach((raw, i) => {
      const no = i + 1;
      if (!raw.trim()) return;
      const pl = readPostfixLine(raw);
      if (this.ownFailure(raw, pl ?? readSyslogLine(raw), no)) return;
      if (!pl) {
        if (!this.companion(raw, no)) this.book.unknownLines++;
        return;
      }
      const e = parsePostfixMessage(pl.daemon, pl.message);
      if (queued(e) && !this.firstSeen.has(e.queueId)) this.firstSeen.set(e.queueId, no);
      const l: PostfixLine = { no, daemon: pl.daemon, program: pl.program, pid: pl.pid, e };
      if (pl.daemon === 'dnsblog') this.dnsblog(l);
      else if (pl.daemon === 'smtpd' || pl.daemon === 'postscreen') this.inbound(l);
      // (a cleanup refusal pasted without its queue id is still a refusal: "milter-reject: END-OF-MESSAGE from …")
      else if (pl.daemon === 'cleanup' && (e.queueId || e.action)) this.cleanup(l);
      else if (queued(e)) {
        this.queue(l, e.queueId);
        // (a queued message's connection failure — "QID: SASL authentication failed; cannot authenticate to
        // server …" — stands for its delivery when no status line of that message is pasted)
        if (e.event === 'lost' && e.relayHost && /^(?:smtp|lmtp)$/.test(pl.daemon)) this.connectFailures.push({ e, no });
      }
      // a delivery status pasted without its queue id (the prefix lost): a delivery of its own
      else if (e.status !== undefined && e.to !== undefined) this.queue(l, `line ${no}`);
      // connection-level smtp lines without a queue id ("connect to x[ip]:25: Connection timed out") are shown
      // with the next status line; a paste of such lines alone is the failure itself (below)
      else if (e.event === 'lost' && e.relayHost && /^(?:smtp|lmtp)$/.test(pl.daemon)) this.connectFailures.push({ e, no });
    });
    this.unansweredConnections();
  }

  /** smtp's "connect to x[ip]:25: …" lines without a queue id, in order. */
  private readonly connectFailures: { e: PostfixEvent; no: number }[] = [];

  /**
   * Connection failures that no delivery line of the paste reports (a paste of the "connect to
   * … Connection timed out" lines alone): each remote host's first failure is a refusal with no
   * reply, at the connection (RFC 5321 §3.1) — the network, not a receiver, failed.
   */
  private unansweredConnections(): void {
    const seen = new Set<string>();
    for (const { e, no } of this.connectFailures) {
      const text = e.message ?? '';
      if (this.book.rejections.some((r) => r.text.includes(e.response ?? text))) continue;
      // a message whose own status line is pasted reports its delivery there
      if (e.queueId && this.statusOf.has(e.queueId)) continue;
      const key = `${e.relayHost}|${e.response ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      this.book.rejections.push({
        code: null,
        enhanced: null,
        stage: stageOfPostfixWord(e.smtpStage ?? 'CONNECT'),
        text,
        ip: null,
        line: no,
        recipient: null,
        remote: e.relayHost ?? null,
        action: 'deferred',
      });
    }
  }

  /** The open inbound connection latest from this client. */
  private connectionOf(ip: string): Session | undefined {
    return this.book.last('in ', (x) => x.clientIp === ip);
  }

  /**
   * A line of the server's own parts failing (its milter's key, its resolver, dnsblog's lookups;
   * knowledge/own-server-logs): a refusal-like finding on the reader's own server, not on a client.
   */
  private ownFailure(raw: string, l: { program: string; message: string } | null, no: number): boolean {
    const own = ownServerLog(raw, l?.program ?? null, l?.message ?? null);
    if (!own) return false;
    this.book.rejections.push({
      code: null,
      enhanced: null,
      stage: 'unknown',
      text: own.message.replace(/^(?:[0-9A-F]{5,}|\d+): /, ''),
      ip: null,
      line: no,
      recipient: null,
      remote: null,
      inbound: true,
      knowledgeId: own.knowledgeId,
    });
    return true;
  }

  /** A mail.log neighbour (policyd-spf, opendkim, postgrey…): its finding goes to its message's or client's session. */
  private companion(raw: string, no: number): boolean {
    const other = readSyslogLine(raw);
    if (!other || !isCompanion(other.program)) return false;
    const f = companionFinding(other.program, other.message, no);
    if (f) {
      const s = (f.queueId ? this.book.get(`q ${f.queueId}`) : undefined) ?? (f.clientIp ? this.connectionOf(f.clientIp) : undefined);
      if (s) s.logged.push(f.check);
      else this.book.logged.push(f.check);
    }
    return true;
  }

  /** dnsblog answers postscreen's DNSBL questions: what the list said about the client, for its session. */
  private dnsblog({ e, no }: PostfixLine): void {
    if (!e.clientIp || !e.dnsblDomain) return;
    const s = this.connectionOf(normalizeIP(e.clientIp) ?? e.clientIp);
    if (!s) return;
    s.logged.push(...clientHostChecks(e, no));
    s.endLine = no;
  }

  /** smtpd or postscreen: a connection's events, its checks, its envelope and its refusals. */
  private inbound(l: PostfixLine): void {
    const { e, no } = l;
    const key = l.daemon === 'postscreen' ? `in ${l.program} ${e.clientIp ?? ''}:${e.clientPort ?? ''}` : `in ${l.program}[${l.pid}]`;
    if (e.event === 'connect' && (l.daemon === 'smtpd' || e.serverIp)) {
      // a new connection on the same process ends the previous one — unless that "one" is only
      // smtpd's DNS warning about this same client, which Postfix logs just before "connect from"
      const old = this.book.get(key);
      const warningOnly = old && old.clientIp === (normalizeIP(e.clientIp ?? '') ?? e.clientIp) && !old.replies.length && !old.mailFrom;
      if (old && !warningOnly) this.book.close(key);
    }
    if (!e.clientIp && !e.queueId && !e.action) return;
    const s = (queued(e) && this.book.get(`q ${e.queueId}`)) || this.inboundFor(key, e, no);
    s.logged.push(
      ...clientHostChecks(e, no).filter(
        (c) =>
          !(c.check === 'dnsbl' && s.logged.some((x) => x.check === 'dnsbl' && x.zone === c.zone && x.result === 'error')) &&
          // the client's missing PTR once per session
          !(c.check === 'ptr' && s.logged.some((x) => x.check === 'ptr')),
      ),
    );
    if (queued(e)) this.book.file(`q ${e.queueId}`, s);
    envelope(s, e, no);
    if (e.action && e.code !== undefined) this.inboundReply(s, e, e.code, no);
    if (e.event === 'disconnect') this.book.close(key);
  }

  private inboundFor(key: string, e: PostfixEvent, no: number): Session {
    const s = this.book.find(key, key.slice(3), no, 'inbound');
    if (e.clientIp && !s.clientIp) {
      s.clientIp = normalizeIP(e.clientIp) ?? e.clientIp;
      s.clientIpLine = no;
    }
    if (e.clientHost && e.clientHost !== 'unknown') s.remoteHost ??= e.clientHost;
    if (e.serverIp) s.serverIp ??= e.serverIp;
    s.endLine = no;
    return s;
  }

  /** smtpd's or postscreen's reply (a refusal from 400 up). */
  private inboundReply(s: Session, e: PostfixEvent, code: number, no: number): void {
    const reply: SmtpReply = {
      code,
      enhanced: e.enhanced ?? null,
      text: e.replyText ?? '',
      stage: stageOfPostfixWord(e.smtpStage),
      line: no,
    };
    s.replies.push(reply);
    if (code < 400) return;
    // postscreen's generic "blocked using <zone>" after dnsblog logged an error answer from that zone
    const failedLookup =
      e.dnsblDomain && s.logged.some((x) => x.check === 'dnsbl' && x.zone === e.dnsblDomain?.toLowerCase() && x.result === 'error');
    this.book.rejections.push({
      ...reply,
      ip: s.clientIp,
      recipient: e.to ?? null,
      remote: null,
      action: e.action === 'defer' ? 'deferred' : 'failed',
      ...(failedLookup ? { knowledgeId: 'spamhaus.query-refused' } : {}),
    });
  }

  /** cleanup's header/body checks and milters: a refusal of the message's content. */
  private cleanup({ e, no }: PostfixLine): void {
    const s = this.book.get(`q ${e.queueId}`);
    if (s) {
      s.endLine = no;
      envelope(s, e, no);
      s.logged.push(...clientHostChecks(e, no));
    }
    if (!e.action || !/reject|discard|hold/.test(e.action) || (e.code === undefined && !e.enhanced)) return;
    const reply: SmtpReply = {
      code: e.code ?? (e.enhanced?.startsWith('4') ? 451 : 550),
      enhanced: e.enhanced ?? null,
      text: e.replyText ?? e.message ?? '',
      stage: stageOfPostfixWord(e.smtpStage ?? 'END-OF-MESSAGE'),
      line: no,
    };
    if (s) s.replies.push(reply);
    this.book.rejections.push({
      ...reply,
      code: e.code ?? null,
      ip: s?.clientIp ?? (e.clientIp ? normalizeIP(e.clientIp) : null),
      recipient: e.to ?? null,
      remote: null,
      action: 'failed',
      // cleanup checks what this server receives: its refusal is always the receiving side's
      inbound: true,
    });
  }

  /** Queue ids whose delivery status (status=…) the paste has. */
  private readonly statusOf = new Set<string>();

  /** qmgr, smtp, lmtp, local, virtual, error, bounce: the message's life, and its delivery's outcome. */
  private queue({ daemon, e, no }: PostfixLine, qid: string): void {
    if (e.status !== undefined) this.statusOf.add(qid);
    const known = this.book.get(`q ${qid}`);
    const delivering =
      /^(smtp|lmtp|local|virtual|pipe|error|retry|discard)$/.test(daemon) || e.status !== undefined || e.relayHost !== undefined;
    // qmgr's "from=<…>, size=…" comes before the delivery: keep it for the outbound session
    if (e.from !== undefined) this.queuedFrom.set(qid, { address: e.from, line: no });
    const s = delivering ? this.book.find(`out ${qid}`, qid, this.firstSeen.get(qid) ?? no, 'outbound') : known;
    if (!s) return;
    if (delivering && !s.mailFrom && this.queuedFrom.has(qid)) s.mailFrom = this.queuedFrom.get(qid)!;
    s.endLine = no;
    envelope(s, e, no);
    if (delivering && known && s !== known) s.mailFrom ??= known.mailFrom;
    if (e.from !== undefined && known && !known.mailFrom) known.mailFrom = { address: e.from, line: no };
    if (e.relayHost && e.relayHost !== 'none') {
      s.remoteHost = e.relayHost;
      if (e.relayIp) s.serverIp = normalizeIP(e.relayIp) ?? e.relayIp;
    }
    if (e.code !== undefined)
      s.replies.push({
        code: e.code,
        enhanced: e.enhanced ?? null,
        text: e.replyText ?? '',
        stage: stageOfPostfixWord(e.smtpStage),
        line: no,
      });
    this.deliveryRefusal(e, no);
  }

  /** A delivery the remote refused (bounced, deferred, expired), or whose connection was lost. */
  private deliveryRefusal(e: PostfixEvent, no: number): void {
    const refused =
      (e.status && /^(bounced|deferred|expired|undeliverable)/.test(e.status)) ||
      (!e.status && e.code !== undefined && e.code >= 400) ||
      (e.event === 'lost' && !e.status);
    if (!refused || (!e.status && e.code === undefined)) return;
    this.book.rejections.push({
      code: e.code ?? null,
      enhanced: e.enhanced ?? e.dsn ?? null,
      stage: stageOfPostfixWord(e.smtpStage),
      text: e.replyText ?? e.response ?? e.message ?? '',
      // our own server was judged: the remote names its IP at times ("messages from [ip]")
      ip: (e.code !== undefined ? judgedIpInReply(e.code, e.enhanced, e.replyText ?? '') : null) ?? judgedIpIn(e.response ?? ''),
      line: no,
      recipient: e.to ?? null,
      ...(e.origTo && e.origTo !== e.to ? { originalRecipient: e.origTo } : {}),
      remote: e.relayHost && e.relayHost !== 'none' ? e.relayHost : null,
      action: e.status === 'deferred' ? 'deferred' : e.status === 'expired' ? 'expired' : 'failed',
    });
  }
}

/** The envelope an event names, where the session does not know it yet. */
function envelope(s: Session, e: PostfixEvent, no: number): void {
  if (e.from !== undefined && !s.mailFrom) s.mailFrom = { address: e.from, line: no };
  if (e.to && !s.rcptTo.some((r) => r.address === e.to)) s.rcptTo.push({ address: e.to, line: no });
  if (e.helo && !s.helo) s.helo = { name: e.helo, line: no };
  if (e.size !== undefined) s.messageSize ??= e.size;
}

export function parsePostfix(lines: string[]): ParseResult {
  const reader = new PostfixReader();
  reader.read(lines);
  const { sessions, rejections, logged, unknownLines } = reader.book;
  const warnings = sessions.length || rejections.length ? [] : ['No Postfix SMTP session, delivery or refusal was found in the log.'];
  return { kind: 'postfix-log', sessions, rejections, logged, unknownLines, warnings };
}

export const postfixParser: InputParser = {
  kind: 'postfix-log',
  detect: looksLikePostfix,
  parse: (lines) => parsePostfix(lines),
};
