// One Exchange message tracking event, whichever way it reached us: a row of
// the tracking log itself (W3C CSV, fields "event-id", "recipient-status"…),
// or the same event as Get-MessageTrackingLog prints it in PowerShell
// (Format-List, Format-Table, Export-Csv: "EventId", "RecipientStatus"…).
// Events group into one session per message (internal message id); FAIL,
// DSN, DEFER, DROP, BADMAIL and POISONMESSAGE events are refusals, one per
// recipient (learn.microsoft.com/exchange/mail-flow/transport-logs/message-tracking,
// "Event types in the message tracking log").

import type { Session } from '../types';
import type { RawRejection } from './parser';
import { normalizeIP } from '../dns/names';
import { isConnectFailure, parseReplyLine } from './smtp-dialogue';
import { emptySession } from './session';
import { judgedIpInReply } from './judged-ip';

/** Field names of the tracking log (W3C) and their PowerShell property names. */
export const TRACKING_FIELDS: Record<string, string> = {
  timestamp: 'date-time',
  clientip: 'client-ip',
  clienthostname: 'client-hostname',
  serverip: 'server-ip',
  serverhostname: 'server-hostname',
  sourcecontext: 'source-context',
  connectorid: 'connector-id',
  source: 'source',
  eventid: 'event-id',
  internalmessageid: 'internal-message-id',
  messageid: 'message-id',
  networkmessageid: 'network-message-id',
  recipients: 'recipient-address',
  recipientstatus: 'recipient-status',
  totalbytes: 'total-bytes',
  messagesubject: 'message-subject',
  sender: 'sender-address',
  returnpath: 'return-path',
  directionality: 'directionality',
  originalclientip: 'original-client-ip',
  originalserverip: 'original-server-ip',
};

/** Message-tracking events that are refusals (see above). */
export const REFUSAL_EVENTS: ReadonlySet<string> = new Set(['FAIL', 'DSN', 'DEFER', 'DROP', 'BADMAIL', 'POISONMESSAGE']);

/** PowerShell prints arrays as "{a, b}" and Export-Csv as "System.String[]": the items, or none. */
export function psList(v: string): string[] {
  const t = v.trim();
  if (!t || /^System\.[\w.`[\]]+$/.test(t)) return [];
  const inner = /^\{(.*)\}$/s.exec(t);
  return (inner ? inner[1].split(/,\s*/) : t.split(/[;,]\s*/)).map((x) => x.trim()).filter(Boolean);
}

/**
 * The statuses of a recipient-status field, one per recipient. A status has
 * semicolons of its own ("550 5.1.1 RESOLVER.ADR.RecipNotFound; not found",
 * "[{LRT=…};{LED=…};{FQDN=…};{IP=…}]"): a new one starts only with a code or "[{".
 */
/** A new status starts at `at`: a code or "[{" after spaces (a sticky regex: no slice of the rest for every ";"). */
const STATUS_START = /\s*(?:[245]\d\d\b|\[\{)/y;
function nextStatus(t: string, at: number): boolean {
  STATUS_START.lastIndex = at;
  return STATUS_START.test(t);
}

export function recipientStatuses(v: string): string[] {
  const t = v.trim().replace(/^\{(?!LRT|LED)(.*)\}$/s, '$1');
  if (!t || /^System\.[\w.`[\]]+$/.test(t)) return [];
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
    if (c === ';' && depth === 0 && nextStatus(t, i + 1)) {
      out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** "[{LRT=…};{LED=550 5.7.1 …};{FQDN=mx.example.net};{IP=192.0.2.33}]" → its parts. */
function statusParts(st: string): { text: string; fqdn: string | null; ip: string | null } {
  const led = /\{LED=((?:[^{}]|\{[^{}]*\})*)\}/.exec(st);
  const fqdn = /\{FQDN=([^{}]*)\}/.exec(st)?.[1] || null;
  const ip = /\{IP=([^{}]*)\}/.exec(st)?.[1] || null;
  return { text: (led ? led[1] : st).trim(), fqdn, ip };
}

export class TrackingReader {
  readonly sessions: Session[] = [];
  readonly rejections: RawRejection[] = [];
  private readonly byMessage = new Map<string, Session>();

  constructor(private readonly kind: Session['kind'] = 'exchange-log') {}

  /**
   * One event; `get` answers by tracking-log field name ("event-id"…), "" when
   * absent. `statusLine`: where the recipient status stands, when the event spans lines.
   */
  row(get: (field: string) => string, lineNo: number, statusLine = lineNo): void {
    const event = get('event-id').trim().toUpperCase();
    const mid = get('internal-message-id') || get('message-id') || `row${lineNo}`;
    let s = this.byMessage.get(mid);
    if (!s) {
      s = emptySession(this.kind, get('message-id') || mid, lineNo);
      this.byMessage.set(mid, s);
      this.sessions.push(s);
    }
    s.endLine = lineNo;
    const sender = get('sender-address');
    if (sender && !s.mailFrom) s.mailFrom = { address: sender, line: lineNo };
    const clientIp = get('original-client-ip') || get('client-ip');
    if (event === 'RECEIVE' && clientIp && !s.clientIp) {
      s.clientIp = normalizeIP(clientIp) ?? clientIp;
      s.clientIpLine = lineNo;
      s.remoteHost = get('client-hostname') || null;
      s.direction = 'inbound';
    }
    if ((event === 'SEND' || event === 'DEFER' || event === 'FAIL') && get('source').toUpperCase() === 'SMTP' && s.direction !== 'inbound')
      s.direction = 'outbound';
    const recipients = psList(get('recipient-address'));
    for (const r of recipients) if (!s.rcptTo.some((x) => x.address === r)) s.rcptTo.push({ address: r, line: lineNo });
    if (!REFUSAL_EVENTS.has(event)) return;
    const statuses = recipientStatuses(get('recipient-status'));
    // one status per recipient, in order; a single status covers them all
    const rows = recipients.length ? recipients : [''];
    rows.forEach((rcpt, k) => {
      const { text, fqdn, ip } = statusParts(statuses[k] ?? statuses[0] ?? '');
      const p = parseReplyLine(text);
      const enh = p?.enhanced ?? /(?<![\d.])([245]\.\d{1,3}\.\d{1,3})(?![\d.])/.exec(text)?.[1] ?? null;
      const remote = fqdn || get('server-hostname') || ip || null;
      if (ip && s!.direction !== 'inbound') s!.serverIp ??= normalizeIP(ip);
      if (fqdn && s!.direction !== 'inbound') s!.remoteHost ??= fqdn;
      this.rejections.push({
        code: p?.code ?? null,
        enhanced: enh,
        stage: isConnectFailure(text) ? 'connect' : 'unknown',
        text: p ? p.text : text || `${event} (${get('source')})`,
        // outbound, the IP judged is our own, named at times in the remote's reply
        ip: s!.direction === 'inbound' ? s!.clientIp : judgedIpInReply(p?.code, enh, p ? p.text : text),
        line: statusLine,
        recipient: rcpt || null,
        remote,
        action: event === 'DEFER' ? 'deferred' : 'failed',
      });
    });
  }
}
