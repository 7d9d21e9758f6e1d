// Microsoft Exchange logs, both W3C-style CSV with a `#Fields:` header:
// - message tracking (learn.microsoft.com/exchange/mail-flow/transport-logs/message-tracking):
//   event-id FAIL/DSN/DEFER/DROP with recipient-status "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found";
// - SMTP protocol logs (…/protocol-logging): one row per line of the dialogue,
//   event `+` connect, `-` disconnect, `>` sent, `<` received, `*` information,
//   grouped by session-id. The dialogue is followed with the shared tracker.

import type { Session } from '../types';
import type { InputParser, ParseResult, RawRejection } from './parser';
import { normalizeIP } from '../dns/names';
import { DialogueTracker } from './smtp-dialogue';
import { emptySession } from './session';
import { TrackingReader } from './exchange-tracking';
import { csvFields } from '../text/csv';

interface Header {
  fields: string[];
  kind: 'tracking' | 'protocol' | 'other';
  line: number;
}

function readHeader(line: string, lineNo: number): Header | null {
  const m = /^#Fields:\s*(.*)$/i.exec(line.trim());
  if (!m) return null;
  const fields = m[1].split(',').map((f) => f.trim().toLowerCase());
  const kind =
    fields.includes('event-id') && fields.includes('recipient-address')
      ? 'tracking'
      : fields.includes('session-id') && fields.includes('event')
        ? 'protocol'
        : 'other';
  return { fields, kind, line: lineNo };
}

export function looksLikeExchange(lines: string[]): number {
  for (const l of lines.slice(0, 50)) {
    const h = readHeader(l, 0);
    if (h && h.kind !== 'other') return 1;
  }
  // pasted rows without the header: ISO time, then an IP:port pair and a dialogue arrow
  let seen = 0;
  let hits = 0;
  for (const l of lines.slice(0, 200)) {
    if (!l.trim()) continue;
    seen++;
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z,[^,]*,[^,]*,\d+,[0-9a-f.:[\]]+:\d+,[0-9a-f.:[\]]+:\d+,[+\-<>*],/i.test(l)) hits++;
  }
  return seen ? (hits / seen) * 0.9 : 0;
}

/** The fields of a protocol log without its #Fields header (Exchange's default order). */
export const PROTOCOL_DEFAULT = [
  'date-time',
  'connector-id',
  'session-id',
  'sequence-number',
  'local-endpoint',
  'remote-endpoint',
  'event',
  'data',
  'context',
];

function endpointIp(ep: string): string | null {
  const m = /^\[?([0-9a-fA-F:.]+?)\]?:(\d+)$/.exec(ep.trim());
  return m ? (normalizeIP(m[1]) ?? m[1]) : null;
}

function newSession(id: string, line: number): Session {
  return emptySession('exchange-log', id, line);
}

export function parseExchange(lines: string[]): ParseResult {
  let header: Header | null = null;
  const sessions: Session[] = [];
  const rejections: RawRejection[] = [];
  const dialogues = new Map<string, { s: Session; d: DialogueTracker; send: boolean }>();
  const tracking = new TrackingReader();
  let unknown = 0;
  let sendLog: boolean | null = null;

  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    if (!raw.trim()) return;
    // "#Log-type: SMTP Send Protocol Log" / "SMTP Receive Protocol Log": which side the remote is
    const lt = /^#Log-type:\s*SMTP (Send|Receive)/i.exec(raw);
    if (lt) sendLog = lt[1].toLowerCase() === 'send';
    const h = readHeader(raw, lineNo);
    if (h) {
      header = h;
      return;
    }
    if (raw.startsWith('#')) return;
    const cols = csvFields(raw);
    const hdr: Header = header ?? { fields: PROTOCOL_DEFAULT, kind: 'protocol', line: 0 };
    const get = (name: string) => {
      const k = hdr.fields.indexOf(name);
      return k >= 0 ? (cols[k] ?? '') : '';
    };
    if (cols.length < 5) {
      unknown++;
      return;
    }
    if (hdr.kind === 'tracking') {
      tracking.row(get, lineNo);
      return;
    }
    if (hdr.kind === 'protocol') {
      const sid = get('session-id');
      const event = get('event');
      const data = get('data');
      let entry = dialogues.get(sid);
      if (!entry) {
        const s = newSession(sid, lineNo);
        // SmtpReceive connectors log the remote as the client; SmtpSend logs it as the server
        const send = sendLog ?? /send/i.test(get('connector-id'));
        s.direction = send ? 'outbound' : 'inbound';
        const remote = endpointIp(get('remote-endpoint'));
        if (send) s.serverIp = remote;
        else {
          s.clientIp = remote;
          s.clientIpLine = lineNo;
          s.serverIp = endpointIp(get('local-endpoint'));
        }
        entry = { s, d: new DialogueTracker(), send };
        dialogues.set(sid, entry);
        sessions.push(entry.s);
      }
      const { s, d } = entry;
      s.endLine = lineNo;
      if (event === '>' || event === '<') {
        if (d.reply(data, lineNo)) return;
        const cmd = d.command(data, lineNo);
        if (cmd.verb === 'EHLO' || cmd.verb === 'HELO') s.helo = { name: cmd.arg.trim(), line: lineNo };
        const mf = /^FROM:\s*<([^>]*)>/i.exec(cmd.arg);
        if (cmd.verb === 'MAIL' && mf) s.mailFrom = { address: mf[1], line: lineNo };
        const rt = /^TO:\s*<([^>]*)>/i.exec(cmd.arg);
        if (cmd.verb === 'RCPT' && rt) s.rcptTo.push({ address: rt[1], line: lineNo });
        return;
      }
      if (event === '-' || event === '+' || event === '*') {
        if (/Message size|BDAT|received/i.test(data) && /(?<!\d)\d+ bytes/.test(data)) d.messageSent();
        return;
      }
      unknown++;
      return;
    }
    unknown++;
  });
  sessions.push(...tracking.sessions);
  rejections.push(...tracking.rejections);
  sessions.sort((a, b) => a.startLine - b.startLine);
  for (const { s, d } of dialogues.values()) {
    d.flush();
    s.commands = d.commands;
    s.replies = d.replies;
  }
  return {
    kind: 'exchange-log',
    sessions,
    rejections,
    unknownLines: unknown,
    warnings: sessions.length ? [] : ['No Exchange message tracking or protocol log rows were found.'],
  };
}

export const exchangeParser: InputParser = {
  kind: 'exchange-log',
  detect: looksLikeExchange,
  parse: (lines) => parseExchange(lines),
};
