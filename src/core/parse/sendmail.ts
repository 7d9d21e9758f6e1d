// Sendmail's syslog lines (sendmail(8) "LOGGING", and the op.me guide §
// "Log Information"): per queue id,
//   from=<a>, size=…, nrcpts=…, msgid=<…>, proto=ESMTP, relay=host [ip]
//   to=<b>, delay=…, mailer=esmtp, relay=mx. [ip], dsn=5.1.1, stat=User unknown
//   ruleset=check_rcpt, arg1=<b>, relay=host [ip], reject=550 5.7.1 <b>... Relaying denied
//   milter=name, action=data, reject=550 5.7.1 text
// "relay=host [ip] (may be forged)" is sendmail's own FCrDNS failure.

import type { Session, Stage } from '../types';
import type { InputParser, ParseResult, RawRejection } from './parser';
import { normalizeIP } from '../dns/names';
import { emptySession } from './session';
import { isConnectFailure } from './smtp-dialogue';
import { judgedIpInReply } from './judged-ip';
import { stageOfCommand } from '../knowledge/smtp-commands';

const PREFIX =
  /^(?:<\d+>\d? ?)?(?:[A-Z][a-z]{2}\s+\d{1,2} \d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)\s+\S+\s+(?:sendmail|sm-mta|sm-msp-queue|sm-mta-in|sm-mta-out)\[\d+\]:\s*(?:([0-9A-Za-z]{8,20}):\s*)?(.*)$/;

export function looksLikeSendmail(lines: string[]): number {
  let seen = 0;
  let hits = 0;
  for (const l of lines) {
    if (!l.trim()) continue;
    if (++seen > 200) break;
    if (PREFIX.test(l)) hits++;
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
  return { host: m[1] ?? null, ip: normalizeIP(m[2]) ?? m[2], forged: !!m[3] };
}

function reply(s: string): { code: number | null; enhanced: string | null; text: string } {
  const m = /^(?:Deferred:\s*)?([245]\d\d)[ -](?:([245]\.\d{1,3}\.\d{1,3})\s)?(.*)$/s.exec(s.trim());
  if (m) return { code: Number(m[1]), enhanced: m[2] ?? null, text: m[3] };
  return { code: null, enhanced: null, text: s.trim() };
}

function newSession(id: string | null, line: number): Session {
  return emptySession('sendmail-log', id, line);
}

export function parseSendmail(lines: string[]): ParseResult {
  const sessions: Session[] = [];
  const byId = new Map<string, Session>();
  const rejections: RawRejection[] = [];
  let unknown = 0;
  const sessionFor = (id: string | null, lineNo: number): Session => {
    const key = id ?? `line${lineNo}`;
    let s = byId.get(key);
    if (!s) {
      s = newSession(id, lineNo);
      byId.set(key, s);
      sessions.push(s);
    }
    s.endLine = lineNo;
    return s;
  };

  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    if (!raw.trim()) return;
    const m = PREFIX.exec(raw);
    if (!m) {
      unknown++;
      return;
    }
    const id = m[1] ?? null;
    const rest = m[2];
    const f = fields(rest);
    const relay = relayOf(f.get('relay'));

    if (f.has('ruleset') || (f.has('milter') && f.has('reject'))) {
      const s = sessionFor(id, lineNo);
      s.direction = 'inbound';
      if (relay?.ip) {
        s.clientIp ??= relay.ip;
        if (!s.clientIpLine) s.clientIpLine = lineNo;
        s.remoteHost ??= relay.host;
        if (relay.forged)
          s.logged.push({ check: 'fcrdns', subject: relay.ip, result: 'fail', detail: 'sendmail: "(may be forged)"', line: lineNo });
      }
      const stage = f.has('ruleset') ? stageOfRuleset(f.get('ruleset')!) : stageOfMilterAction(f.get('action') ?? '');
      const arg1 = f.get('arg1');
      if (stage === 'rcpt' && arg1) s.rcptTo.push({ address: arg1.replace(/^<|>$/g, ''), line: lineNo });
      if (stage === 'mail' && arg1) s.mailFrom ??= { address: arg1.replace(/^<|>$/g, ''), line: lineNo };
      const rej = f.get('reject') ?? f.get('discard') ?? f.get('quarantine');
      if (rej) {
        const r = reply(rej);
        const code = r.code ?? 550;
        s.replies.push({ code, enhanced: r.enhanced, text: r.text, stage, line: lineNo });
        rejections.push({
          code,
          enhanced: r.enhanced,
          stage,
          text: r.text,
          ip: s.clientIp,
          line: lineNo,
          recipient: stage === 'rcpt' ? (arg1?.replace(/^<|>$/g, '') ?? null) : null,
          remote: null,
        });
      }
      return;
    }
    if (f.has('from')) {
      const s = sessionFor(id, lineNo);
      s.mailFrom ??= { address: f.get('from')!.replace(/^<|>$/g, ''), line: lineNo };
      if (f.has('size')) s.messageSize = Number(f.get('size'));
      if (relay?.ip) {
        s.clientIp ??= relay.ip;
        if (!s.clientIpLine) s.clientIpLine = lineNo;
        s.remoteHost ??= relay.host;
        if (s.direction === 'unknown') s.direction = 'inbound';
        if (relay.forged)
          s.logged.push({ check: 'fcrdns', subject: relay.ip, result: 'fail', detail: 'sendmail: "(may be forged)"', line: lineNo });
      }
      return;
    }
    if (f.has('to') && f.has('stat')) {
      const s = sessionFor(id, lineNo);
      s.direction = 'outbound';
      const to = f.get('to')!.replace(/^<|>$/g, '');
      for (const a of to.split(/,\s*/))
        if (a && !s.rcptTo.some((r) => r.address === a)) s.rcptTo.push({ address: a.replace(/^<|>$/g, ''), line: lineNo });
      if (relay) {
        s.remoteHost = relay.host;
        s.serverIp = relay.ip;
      }
      const stat = f.get('stat')!;
      const dsn = f.get('dsn') ?? null;
      const r = reply(f.get('reply') ?? stat);
      const cls = dsn?.[0] ?? (r.code ? String(r.code)[0] : /^Deferred/i.test(stat) ? '4' : null);
      if (/^Sent\b/i.test(stat) || cls === '2') return;
      // sendmail logs no command for a remote's reply; a connection that failed is at connect
      const stage = !r.code && isConnectFailure(stat) ? 'connect' : 'unknown';
      if (r.code) s.replies.push({ code: r.code, enhanced: r.enhanced ?? dsn, text: r.text, stage, line: lineNo });
      rejections.push({
        code: r.code,
        enhanced: r.enhanced ?? dsn,
        stage,
        // "Deferred: 450 4.2.0 <x>: …": the reply without sendmail's word and the codes
        text: r.code ? r.text : stat,
        // our own server was judged: the remote names its IP at times ("from [ip]")
        ip: r.code ? judgedIpInReply(r.code, r.enhanced ?? dsn, r.text) : null,
        line: lineNo,
        recipient: to.split(/,\s*/)[0] || null,
        remote: relay?.host ?? null,
        action: /^Deferred/i.test(stat) || cls === '4' ? 'deferred' : 'failed',
      });
      return;
    }
    // "<b@c>... User unknown" and DSN / lost input channel lines: known, not needed
    if (
      /^(?:[0-9A-Za-z]{8,20}: )?(?:<[^>]*>\.\.\.|[^\s]+\.\.\.\s|DSN:|lost input channel|timeout waiting|did not issue|collect:|Milter|milter|STARTTLS|AUTH=|ruleset|SYSERR|NOQUEUE|clone|done|sender notify|return to sender|postmaster notify|starting daemon|alias database|\w+: (?:Warning|Timeout))/i.test(
        rest,
      )
    ) {
      if (id) sessionFor(id, lineNo);
      return;
    }
    unknown++;
  });
  const kept = sessions.filter((s) => s.clientIp || s.serverIp || s.mailFrom || s.rcptTo.length || s.replies.length);
  return {
    kind: 'sendmail-log',
    sessions: kept,
    rejections,
    unknownLines: unknown,
    warnings: kept.length || rejections.length ? [] : ['No sendmail message or refusal was found in the log.'],
  };
}

export const sendmailParser: InputParser = {
  kind: 'sendmail-log',
  detect: looksLikeSendmail,
  parse: (lines) => parseSendmail(lines),
};
