// Exchange's W3C logs as a stream: SMTP protocol logs (one row per line of
// the dialogue) grouped by session-id until the session's "-" row, and
// message tracking logs grouped by internal message id (closed by the idle
// window: tracking has no last event). The "#Fields:" and "#Log-type:"
// header lines are kept and put in front of a group when it is parsed.
//
// A protocol session with a 4xx/5xx reply, and a message with a refusal
// event (FAIL, DSN, DEFER, DROP…), is read by parseExchange on its own rows;
// the fast reader counts the others.

import type { InputParser } from '../../parse/parser';
import { PROTOCOL_DEFAULT } from '../../parse/exchange';
import { REFUSAL_EVENTS } from '../../parse/exchange-tracking';
import { ipOf } from './ip';
import { csvFields } from '../../text/csv';
import type { FastOutcome, Group } from '../group';
import type { Sink, StreamFormat } from '../format';

/** Lines after which a tracked message not seen again is taken as done. */
export const TRACKING_WINDOW_LINES = 20_000;

interface State {
  key: string;
  clientIp: string | null;
}

/** The first `k + 1` comma-separated fields, when none of them is quoted (the columns before "data"). */
function leading(line: string, k: number): string[] | null {
  const out: string[] = [];
  let s = 0;
  for (let i = 0; i <= k; i++) {
    if (line.charCodeAt(s) === 34) return null;
    const e = line.indexOf(',', s);
    out.push(line.slice(s, e < 0 ? line.length : e));
    if (e < 0) return i === k ? out : null;
    s = e + 1;
  }
  return out;
}

function endpointIp(ep: string): string | null {
  const m = /^\[?([0-9a-fA-F:.]+?)\]?:(\d+)$/.exec(ep.trim());
  return m ? ipOf(m[1]) : null;
}

export function exchangeStream(sink: Sink, parser: InputParser): StreamFormat {
  void parser;
  const open = new Map<string, Group<State>>();
  let fields = PROTOCOL_DEFAULT;
  let kind: 'protocol' | 'tracking' | 'other' = 'protocol';
  let sendLog: boolean | null = null;
  /** The header lines a group needs to be parsed alone. */
  let header: { text: string; n: number }[] = [];
  let logType: { text: string; n: number } | null = null;
  const col = (name: string) => fields.indexOf(name);

  const line = (text: string, n: number): void => {
    if (text.charCodeAt(0) <= 32 && !text.trim()) return;
    if (text.charCodeAt(0) === 35) {
      const lt = /^#Log-type:\s*SMTP (Send|Receive)/i.exec(text);
      if (lt) {
        sendLog = lt[1].toLowerCase() === 'send';
        logType = { text: sink.own(text), n };
      }
      const f = /^#Fields:\s*(.*)$/i.exec(text.trim());
      if (f) {
        fields = f[1].split(',').map((x) => x.trim().toLowerCase());
        kind =
          fields.includes('event-id') && fields.includes('recipient-address')
            ? 'tracking'
            : fields.includes('session-id') && fields.includes('event')
              ? 'protocol'
              : 'other';
        header = [...(logType ? [logType] : []), { text: sink.own(text), n }];
        // a new header starts a new file: what was open is done
        for (const g of [...open.values()]) sink.close(g);
      }
      return;
    }
    if (kind === 'protocol') {
      const sid = col('session-id');
      const ev = col('event');
      const cols = leading(text, Math.max(sid, ev, col('remote-endpoint'), col('connector-id')));
      if (!cols || cols.length < 5) {
        sink.unknown();
        return;
      }
      const key = cols[sid] ?? '';
      let g = open.get(key);
      if (!g) {
        g = sink.open<State>({ key: sink.own(key), clientIp: null }, n);
        open.set(g.state.key, g);
        // SmtpReceive connectors log the remote as the client; SmtpSend logs it as the server
        const send = sendLog ?? /send/i.test(cols[col('connector-id')] ?? '');
        if (!send) g.state.clientIp = endpointIp(cols[col('remote-endpoint')] ?? '');
      }
      sink.add(g, text, n);
      const event = cols[ev];
      if (event === '>' || event === '<') {
        const d = text.charCodeAt(cols.slice(0, ev + 1).join(',').length + 1);
        const dq = d === 34 ? text.charCodeAt(cols.slice(0, ev + 1).join(',').length + 2) : d;
        // a reply of 4xx or 5xx: a refusal, whose stage only the dialogue tells
        if (dq === 52 || dq === 53) g.slow = true;
      } else if (event === '-') sink.close(g);
      return;
    }
    if (kind === 'tracking') {
      // tracking rows quote free text (subjects, statuses): the parser reads the columns
      const cells = csvFields(text);
      if (cells.length < 5) {
        sink.unknown();
        return;
      }
      const get = (name: string) => {
        const k = col(name);
        return k >= 0 ? (cells[k] ?? '') : '';
      };
      const key = get('internal-message-id') || get('message-id') || `row${n}`;
      let g = open.get(key);
      if (!g) {
        g = sink.open<State>({ key: sink.own(key), clientIp: null }, n);
        open.set(g.state.key, g);
      }
      sink.add(g, text, n);
      const event = get('event-id').trim().toUpperCase();
      const ip = get('original-client-ip') || get('client-ip');
      if (event === 'RECEIVE' && ip && !g.state.clientIp) g.state.clientIp = ipOf(ip);
      if (REFUSAL_EVENTS.has(event)) g.slow = true;
      return;
    }
    sink.unknown();
  };

  return {
    kind: 'exchange-log',
    get endsExplicitly() {
      return kind === 'protocol';
    },
    get window() {
      return kind === 'tracking' ? TRACKING_WINDOW_LINES : undefined;
    },
    line,
    forget(g) {
      const s = (g as Group<State>).state;
      if (open.get(s.key) === g) open.delete(s.key);
    },
    fast(g): FastOutcome {
      const s = (g as Group<State>).state;
      return { refusals: [], sessions: 1, clientIps: s.clientIp ? [s.clientIp] : [] };
    },
    preamble: () => header,
  };
}
