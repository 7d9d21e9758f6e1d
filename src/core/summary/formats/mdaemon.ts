// MDaemon's session logs as a stream. Sessions are grouped by the bracketed
// session id of MDaemon 13+ ("05: [514116] …"), or, in logs without ids (each
// session written as a block), by their order: a session starts with
// "Session N;" and ends with "SMTP session terminated/successful" or a line of
// dashes (parse/mdaemon.ts reads them the same way).
//
// A refusal's stage depends on the dialogue before it, so a session with a
// refusal (a 4xx/5xx reply, or an outbound connection that failed) is read by
// parseMdaemon on the session's own lines; the fast reader only counts the
// sessions without one.

import type { InputParser } from '../../parse/parser';
import { endpointIp, OUTBOUND_FAILURE } from '../../parse/mdaemon';
import type { FastOutcome, Group } from '../group';
import type { Sink, StreamFormat } from '../format';

interface State {
  key: string;
  clientIp: string | null;
  /** Anything SMTP in it: parseMdaemon keeps only such sessions. */
  smtp: boolean;
}

/**
 * Where the event text starts after `[Ddd ]YYYY-MM-DD HH:MM:SS[.mmm]: [NN: ][[id] ]`,
 * with the session id in `out.key`; -1 when the line is not MDaemon's.
 */
function prefix(raw: string, out: { key: string }): number {
  let i = 0;
  while (raw.charCodeAt(i) === 32 || raw.charCodeAt(i) === 9) i++;
  if (raw.charCodeAt(i + 3) === 32 && raw.charCodeAt(i) >= 65 && raw.charCodeAt(i) <= 90) i += 4;
  if (raw.charCodeAt(i + 4) !== 45 || raw.charCodeAt(i + 7) !== 45 || raw.charCodeAt(i + 10) !== 32) return -1;
  const c = raw.indexOf(': ', i + 11);
  if (c < 0 || c > i + 26) return -1;
  i = c + 2;
  // a two-digit log level
  let j = i;
  while (raw.charCodeAt(j) === 32) j++;
  if (raw.charCodeAt(j + 1) === 58 || raw.charCodeAt(j + 2) === 58) {
    const k = raw.charCodeAt(j + 1) === 58 ? j + 1 : j + 2;
    if (raw.charCodeAt(k + 1) === 32 && /^\d{1,2}$/.test(raw.slice(j, k))) i = k + 2;
  }
  out.key = '';
  j = i;
  while (raw.charCodeAt(j) === 32) j++;
  if (raw.charCodeAt(j) === 91) {
    const e = raw.indexOf('] ', j);
    if (e > j && e - j <= 25 && /^[\w:.-]+$/.test(raw.slice(j + 1, e))) {
      out.key = raw.slice(j + 1, e);
      i = e + 2;
    }
  }
  return i;
}

export function mdaemonStream(sink: Sink, parser: InputParser): StreamFormat {
  void parser;
  const open = new Map<string, Group<State>>();
  const pre = { key: '' };

  const start = (key: string, n: number): Group<State> => {
    const g = sink.open<State>({ key: sink.own(key), clientIp: null, smtp: false }, n);
    open.set(g.state.key, g);
    return g;
  };

  const line = (text: string, n: number): void => {
    if (text.charCodeAt(0) <= 32 && !text.trim()) return;
    // a separator pasted without its timestamp still ends the session before it
    if (text.charCodeAt(0) === 45 && /^-{5,}\s*$/.test(text.trim())) {
      const g = open.get('');
      if (g) sink.close(g);
      return;
    }
    const at = prefix(text, pre);
    if (at < 0) {
      sink.unknown();
      return;
    }
    const key = pre.key;
    let g = open.get(key);
    const rest = text.slice(at).replace(/^\s+(?=\*)/, '');
    if (rest.charCodeAt(0) === 45 && /^-{5,}\s*$/.test(rest)) {
      if (g) sink.close(g);
      return;
    }
    const session = rest.startsWith('Session ') && /^Session \d+;/.test(rest);
    const accepting = rest.startsWith('Accepting SMTP connection from ');
    // a new "Session" line, or (without ids) a new connection after one with content, starts a session
    if (g && (session || (accepting && g.state.smtp))) {
      sink.close(g);
      g = undefined;
    }
    g ??= start(key, n);
    sink.add(g, text, n);
    if (session) return;
    const s = g.state;
    if (accepting) {
      const m = /^Accepting SMTP connection from (.+?)(?: to (.+?))?\s*$/i.exec(rest);
      const ip = m ? endpointIp(m[1]) : null;
      if (ip) {
        s.clientIp = sink.own(ip);
        s.smtp = true;
        return;
      }
    }
    if (rest.startsWith('--> ') || rest.startsWith('<-- ') || rest === '-->' || rest === '<--') {
      s.smtp = true;
      // a reply of 4xx or 5xx: a refusal, whose stage only the dialogue tells
      const c = rest.charCodeAt(4);
      if ((c === 52 || c === 53) && /^[45]\d\d(?:[ -]|$)/.test(rest.slice(4))) g.slow = true;
      return;
    }
    if (
      rest.startsWith('SMTP session terminated') ||
      rest.startsWith('SMTP session successful') ||
      /^SMTP session (?:terminated|successful)/i.test(rest)
    ) {
      sink.close(g);
      return;
    }
    // connection lines, checks and envelope lines make a session worth keeping; a failed outbound connection is a refusal
    if (
      /(?:connection established|Attempting (?:to send message|SMTP connection)|Performing |Querying DNS-?BL|^\*\s+(?:From|To):)/i.test(
        rest,
      )
    )
      s.smtp = true;
    if (OUTBOUND_FAILURE.test(rest)) g.slow = true;
  };

  return {
    kind: 'mdaemon-log',
    endsExplicitly: true,
    line,
    forget(g) {
      const s = (g as Group<State>).state;
      if (open.get(s.key) === g) open.delete(s.key);
    },
    fast(g): FastOutcome {
      const s = (g as Group<State>).state;
      return { refusals: [], sessions: s.smtp ? 1 : 0, clientIps: s.smtp && s.clientIp ? [s.clientIp] : [] };
    },
  };
}
