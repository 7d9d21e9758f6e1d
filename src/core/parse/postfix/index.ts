// Postfix logs (syslog or ISO timestamps), grouped the way Postfix works:
// an smtpd or postscreen connection is an inbound session (by process and
// client, from "connect from" to "disconnect from"); a queue id is a message,
// and its smtp/lmtp delivery attempts make an outbound session. smtpd's
// "QID: client=…" ties a queue id to its inbound connection, so cleanup's
// header/body-check and milter refusals land in the session that sent it.

import type { LoggedCheck, Session, SmtpReply, Stage } from '../../types';
import type { InputParser, ParseResult, RawRejection } from '../parser';
import { normalizeIP } from '../../dns/names';
import { parsePostfixMessage, readPostfixLine } from './event';
import type { PostfixEvent } from './types';
import { readSyslogLine } from './line';
import { companionFinding, isCompanion } from './companions';
import { judgedIpIn, judgedIpInReply } from '../judged-ip';
import { emptySession } from '../session';
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

function newSession(id: string, direction: Session['direction'], line: number): Session {
  return emptySession('postfix-log', id, line, direction);
}

export function looksLikePostfix(lines: string[]): number {
  let seen = 0;
  let hits = 0;
  let postfix = 0;
  for (const l of lines) {
    if (!l.trim()) continue;
    if (++seen > 200) break;
    if (readPostfixLine(l)) {
      hits++;
      postfix++;
      continue;
    }
    // mail.log neighbours (policyd-spf, opendkim, postgrey, amavis…) are part of a Postfix excerpt
    const other = readSyslogLine(l);
    if (other && isCompanion(other.program)) hits += 0.8;
  }
  return seen && postfix ? hits / seen : 0;
}

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

export function parsePostfix(lines: string[]): ParseResult {
  const sessions: Session[] = [];
  const rejections: RawRejection[] = [];
  const warnings: string[] = [];
  /** Inbound connections under way, by "program[pid]" (smtpd) or "postscreen ip:port". */
  const inbound = new Map<string, Session>();
  /** Sessions by queue id: the inbound one that received it, or the outbound delivery. */
  const byQueue = new Map<string, Session>();
  const outbound = new Map<string, Session>();
  const queuedFrom = new Map<string, { address: string; line: number }>();
  /** Where each queue id first appeared: an outbound session's story starts there. */
  const firstSeen = new Map<string, number>();
  /** Checks logged outside any session found (a policy daemon's line whose session is not in the excerpt). */
  const logged: LoggedCheck[] = [];
  let unknown = 0;

  const inboundFor = (key: string, e: PostfixEvent, lineNo: number): Session => {
    let s = inbound.get(key);
    if (!s) {
      s = newSession(key, 'inbound', lineNo);
      inbound.set(key, s);
      sessions.push(s);
    }
    if (e.clientIp && !s.clientIp) {
      s.clientIp = normalizeIP(e.clientIp) ?? e.clientIp;
      s.clientIpLine = lineNo;
    }
    if (e.clientHost && e.clientHost !== 'unknown') s.remoteHost ??= e.clientHost;
    if (e.serverIp) s.serverIp ??= e.serverIp;
    s.endLine = lineNo;
    return s;
  };

  const outboundFor = (qid: string, lineNo: number): Session => {
    let s = outbound.get(qid);
    if (!s) {
      s = newSession(qid, 'outbound', firstSeen.get(qid) ?? lineNo);
      outbound.set(qid, s);
      sessions.push(s);
    }
    s.endLine = lineNo;
    return s;
  };

  const envelope = (s: Session, e: PostfixEvent, lineNo: number) => {
    if (e.from !== undefined && !s.mailFrom) s.mailFrom = { address: e.from, line: lineNo };
    if (e.to && !s.rcptTo.some((r) => r.address === e.to)) s.rcptTo.push({ address: e.to, line: lineNo });
    if (e.helo && !s.helo) s.helo = { name: e.helo, line: lineNo };
    if (e.size !== undefined) s.messageSize ??= e.size;
  };

  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    if (!raw.trim()) return;
    const pl = readPostfixLine(raw);
    if (!pl) {
      const other = readSyslogLine(raw);
      if (other && isCompanion(other.program)) {
        const f = companionFinding(other.program, other.message, lineNo);
        if (f) {
          const s =
            (f.queueId ? byQueue.get(f.queueId) : undefined) ??
            (f.clientIp ? [...inbound.values()].reverse().find((x) => x.clientIp === f.clientIp) : undefined);
          if (s) s.logged.push(f.check);
          else logged.push(f.check);
        }
        return;
      }
      unknown++;
      return;
    }
    const e = parsePostfixMessage(pl.daemon, pl.message);
    if (e.queueId && e.queueId !== 'NOQUEUE' && !firstSeen.has(e.queueId)) firstSeen.set(e.queueId, lineNo);
    // dnsblog answers postscreen's DNSBL questions: what the list said about the client, for its session
    if (pl.daemon === 'dnsblog' && e.clientIp && e.dnsblDomain) {
      const ip = normalizeIP(e.clientIp) ?? e.clientIp;
      const s = [...inbound.values()].reverse().find((x) => x.clientIp === ip);
      if (s) {
        s.logged.push(...clientHostChecks(e, lineNo));
        s.endLine = lineNo;
      }
      return;
    }
    const isInboundDaemon = pl.daemon === 'smtpd' || pl.daemon === 'postscreen';
    const connKey = pl.daemon === 'postscreen' ? `${pl.program} ${e.clientIp ?? ''}:${e.clientPort ?? ''}` : `${pl.program}[${pl.pid}]`;

    if (isInboundDaemon) {
      if (e.event === 'connect' && (pl.daemon === 'smtpd' || e.serverIp)) {
        // a new connection on the same process ends the previous one — unless that "one" is only
        // smtpd's DNS warning about this same client, which Postfix logs just before "connect from"
        const old = inbound.get(connKey);
        const warningOnly = old && old.clientIp === (normalizeIP(e.clientIp ?? '') ?? e.clientIp) && !old.replies.length && !old.mailFrom;
        if (old && !warningOnly) inbound.delete(connKey);
      }
      if (!e.clientIp && !e.queueId && !e.action) return;
      const s = e.queueId && e.queueId !== 'NOQUEUE' && byQueue.get(e.queueId) ? byQueue.get(e.queueId)! : inboundFor(connKey, e, lineNo);
      s.logged.push(
        ...clientHostChecks(e, lineNo).filter(
          (c) =>
            !(c.check === 'dnsbl' && s.logged.some((l) => l.check === 'dnsbl' && l.zone === c.zone && l.result === 'error')) &&
            // the client's missing PTR once per session
            !(c.check === 'ptr' && s.logged.some((l) => l.check === 'ptr')),
        ),
      );
      if (e.queueId && e.queueId !== 'NOQUEUE') byQueue.set(e.queueId, s);
      envelope(s, e, lineNo);
      if (e.action && e.code !== undefined) {
        const stage = stageOfPostfixWord(e.smtpStage);
        const reply: SmtpReply = { code: e.code, enhanced: e.enhanced ?? null, text: e.replyText ?? '', stage, line: lineNo };
        s.replies.push(reply);
        // postscreen's generic "blocked using <zone>" after dnsblog logged an error answer from that zone
        const failedLookup =
          e.dnsblDomain && s.logged.some((l) => l.check === 'dnsbl' && l.zone === e.dnsblDomain?.toLowerCase() && l.result === 'error');
        if (e.code >= 400)
          rejections.push({
            ...reply,
            ip: s.clientIp,
            recipient: e.to ?? null,
            remote: null,
            action: e.action === 'defer' ? 'deferred' : 'failed',
            ...(failedLookup ? { knowledgeId: 'spamhaus.query-refused' } : {}),
          });
      }
      if (e.event === 'disconnect') inbound.delete(connKey);
      return;
    }

    if (pl.daemon === 'cleanup' && e.queueId) {
      const s = byQueue.get(e.queueId);
      if (s) {
        s.endLine = lineNo;
        envelope(s, e, lineNo);
        s.logged.push(...clientHostChecks(e, lineNo));
      }
      if (e.action && /reject|discard|hold/.test(e.action) && (e.code !== undefined || e.enhanced)) {
        const code = e.code ?? (e.enhanced?.startsWith('4') ? 451 : 550);
        const reply: SmtpReply = {
          code,
          enhanced: e.enhanced ?? null,
          text: e.replyText ?? e.message ?? '',
          stage: stageOfPostfixWord(e.smtpStage ?? 'END-OF-MESSAGE'),
          line: lineNo,
        };
        if (s) s.replies.push(reply);
        rejections.push({
          ...reply,
          code: e.code ?? null,
          ip: s?.clientIp ?? (e.clientIp ? normalizeIP(e.clientIp) : null),
          recipient: e.to ?? null,
          remote: null,
          action: 'failed',
        });
      }
      return;
    }

    if (e.queueId && e.queueId !== 'NOQUEUE') {
      // qmgr, smtp, lmtp, local, virtual, error, bounce: the message's life
      const known = byQueue.get(e.queueId);
      const delivering =
        /^(smtp|lmtp|local|virtual|pipe|error|retry|discard)$/.test(pl.daemon) || e.status !== undefined || e.relayHost !== undefined;
      // qmgr's "from=<…>, size=…" comes before the delivery: keep it for the outbound session
      if (e.from !== undefined) queuedFrom.set(e.queueId, { address: e.from, line: lineNo });
      const s = delivering ? outboundFor(e.queueId, lineNo) : known;
      if (!s) return;
      if (delivering && !s.mailFrom && queuedFrom.has(e.queueId)) s.mailFrom = queuedFrom.get(e.queueId)!;
      s.endLine = lineNo;
      envelope(s, e, lineNo);
      if (delivering && known && s !== known) {
        s.mailFrom ??= known.mailFrom;
      }
      if (e.from !== undefined && known && !known.mailFrom) known.mailFrom = { address: e.from, line: lineNo };
      if (e.relayHost && e.relayHost !== 'none') {
        s.remoteHost = e.relayHost;
        if (e.relayIp) s.serverIp = normalizeIP(e.relayIp) ?? e.relayIp;
      }
      const refused =
        (e.status && /^(bounced|deferred|expired|undeliverable)/.test(e.status)) ||
        (!e.status && e.code !== undefined && e.code >= 400) ||
        (e.event === 'lost' && !e.status);
      if (e.code !== undefined) {
        s.replies.push({
          code: e.code,
          enhanced: e.enhanced ?? null,
          text: e.replyText ?? '',
          stage: stageOfPostfixWord(e.smtpStage),
          line: lineNo,
        });
      }
      if (refused && (e.status || e.code !== undefined)) {
        rejections.push({
          code: e.code ?? null,
          enhanced: e.enhanced ?? e.dsn ?? null,
          stage: stageOfPostfixWord(e.smtpStage),
          text: e.replyText ?? e.response ?? e.message ?? '',
          // our own server was judged: the remote names its IP at times ("messages from [ip]")
          ip: (e.code !== undefined ? judgedIpInReply(e.code, e.enhanced, e.replyText ?? '') : null) ?? judgedIpIn(e.response ?? ''),
          line: lineNo,
          recipient: e.to ?? null,
          remote: e.relayHost && e.relayHost !== 'none' ? e.relayHost : null,
          action: e.status === 'deferred' ? 'deferred' : e.status === 'expired' ? 'expired' : 'failed',
        });
      }
      return;
    }
    // connection-level smtp lines without a queue id ("connect to x[ip]:25: Connection timed out") are shown with the next status line
  });

  if (!sessions.length && !rejections.length) warnings.push('No Postfix SMTP session, delivery or refusal was found in the log.');
  return { kind: 'postfix-log', sessions, rejections, logged, unknownLines: unknown, warnings };
}

export const postfixParser: InputParser = {
  kind: 'postfix-log',
  detect: looksLikePostfix,
  parse: (lines) => parsePostfix(lines),
};
