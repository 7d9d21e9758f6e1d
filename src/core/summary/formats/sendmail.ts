// Sendmail's syslog lines as a stream, grouped by queue id (parse/sendmail.ts
// does the same). Sendmail logs no end of a message, so a group closes when
// its queue id has not been seen for SENDMAIL_WINDOW_LINES lines: a message
// deferred for hours is then read as two (its refusals are counted either way).
//
// The fast reader takes each line's fields (from=, to=, relay=, stat=,
// ruleset=, reject=) with string searches; a refusal line is read by
// parseSendmail on that line alone, remembered by its words with the line's
// own addresses, relay and queue id masked.

import type { InputParser } from '../../parse/parser';
import { buildEvidence, MAX_REPLY_CHARS } from '../../evidence';
import { ipOf } from './ip';
import type { FastOutcome, Group } from '../group';
import type { Sink, StreamFormat } from '../format';
import { Memo, classifyRemembered, mask, type Classified } from '../memo';
import type { Direction } from '../types';
import { syslogShape, type PrefixAt } from './syslog';

/**
 * Lines after which a queue id not seen again is taken as done (a message
 * whose every recipient got a final status, or refused at connection, is
 * done at once).
 */
export const SENDMAIL_WINDOW_LINES = 5_000;

const PROGRAM_LIST = ['sm-mta', 'sendmail', 'sm-msp-queue', 'sm-mta-in', 'sm-mta-out'];

/** Lines parseSendmail knows but takes nothing from (it counts them understood). */
const KNOWN =
  /^(?:[0-9A-Za-z]{8,20}: )?(?:<[^>]*>\.\.\.|[^\s]+\.\.\.\s|DSN:|lost input channel|timeout waiting|did not issue|collect:|Milter|milter|STARTTLS|AUTH=|ruleset|SYSERR|NOQUEUE|clone|done|sender notify|return to sender|postmaster notify|starting daemon|alias database|\w+: (?:Warning|Timeout))/i;

interface Pending {
  line: number;
  c: Classified;
  remote: string | null;
}

interface State {
  qid: string | null;
  direction: Direction;
  clientIp: string | null;
  remote: string | null;
  sender: string | undefined;
  /** parseSendmail keeps a session only when it names something. */
  named: boolean;
  /** Recipients (from=…, nrcpts=N) and final statuses seen: the message is done when all have one. */
  nrcpts: number;
  finals: number;
  refusals: Pending[];
}

/** The value of `key` ("from=", with its "=") in sendmail's "k=v, k=v" list: up to the next ", word=" (parse/sendmail.ts fields). */
function field(rest: string, key: string): string | undefined {
  let i = rest.indexOf(key);
  while (i > 0 && !(rest.charCodeAt(i - 1) === 32 || rest.charCodeAt(i - 1) === 44)) i = rest.indexOf(key, i + 1);
  if (i > 0) {
    // preceded by ", " (or ",")
    let k = i - 1;
    while (k > 0 && rest.charCodeAt(k) === 32) k--;
    if (rest.charCodeAt(k) !== 44) return undefined;
  }
  if (i < 0) return undefined;
  const s = i + key.length;
  let j = rest.indexOf(',', s);
  while (j >= 0) {
    let k = j + 1;
    while (rest.charCodeAt(k) === 32) k++;
    const w = k;
    while (k < rest.length) {
      const c = rest.charCodeAt(k);
      if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95)) break;
      k++;
    }
    if (k > w && rest.charCodeAt(k) === 61 && !(rest.charCodeAt(w) >= 48 && rest.charCodeAt(w) <= 57)) break;
    j = rest.indexOf(',', j + 1);
  }
  return rest.slice(s, j < 0 ? rest.length : j).trim();
}

const RELAY = /^(?:(\S+?)\.?\s+)?\[(?:IPv6:)?([0-9a-fA-F:.]+)\](\s*\(may be forged\))?/;

interface Relay {
  host: string | null;
  ip: string | null;
}

function relayOf(v: string | undefined): Relay | null {
  if (v === undefined || v === '') return null;
  const m = RELAY.exec(v);
  if (!m) return { host: v.replace(/\.$/, ''), ip: null };
  return { host: m[1] ?? null, ip: ipOf(m[2]) };
}

/** Letters and digits only (a queue id). */
function alnum(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}

/** Whether text[s, e) is one of sendmail's program names, compared in place (no slice per line). */
function isProgram(text: string, s: number, e: number): boolean {
  const len = e - s;
  next: for (const name of PROGRAM_LIST) {
    if (name.length !== len) continue;
    for (let k = len - 1; k >= 0; k--) if (name.charCodeAt(k) !== text.charCodeAt(s + k)) continue next;
    return true;
  }
  return false;
}

const strip = (a: string) => a.replace(/^<|>$/g, '');

export function sendmailStream(sink: Sink, parser: InputParser): StreamFormat {
  const byQid = new Map<string, Group<State>>();
  const memo = new Memo<{ c: Classified } | null>();
  const at: PrefixAt = { hostStart: 0, hostEnd: 0, progStart: 0, progEnd: 0, pidEnd: 0, at: 0 };

  /** parseSendmail on one refusal line, remembered by `key` (the fields its reading depends on, masked). */
  const read = (line: string, key: string) =>
    memo.get(key, () => {
      const ev = buildEvidence(parser.parse([line], line, { exactBytes: false, clean: true }), 1);
      const r = ev.rejections[0];
      return r ? { c: { reason: r.reason, hard: r.hard } } : null;
    });

  const line = (text: string, n: number): void => {
    if (text.charCodeAt(0) <= 32 && !text.trim()) return;
    if (!syslogShape(text, at) || !isProgram(text, at.progStart, at.progEnd)) {
      sink.unknown();
      return;
    }
    let rest = text.slice(at.at).trimStart();
    // the queue id: 8-20 letters and digits before ": "
    let qid: string | null = null;
    const c = rest.indexOf(': ');
    if (c >= 8 && c <= 20 && alnum(rest, 0, c)) {
      qid = rest.slice(0, c);
      rest = rest.slice(c + 2).trimStart();
    }
    const ruleset = field(rest, 'ruleset=');
    const milter = ruleset === undefined ? field(rest, 'milter=') : undefined;
    const from = ruleset === undefined && milter === undefined ? field(rest, 'from=') : undefined;
    const to = from === undefined ? field(rest, 'to=') : undefined;
    const stat = to !== undefined ? field(rest, 'stat=') : undefined;
    const isRuleset = ruleset !== undefined || (milter !== undefined && field(rest, 'reject=') !== undefined);
    if (!isRuleset && from === undefined && !(to !== undefined && stat !== undefined)) {
      if (KNOWN.test(rest)) {
        if (qid) {
          const g = group(qid, n);
          sink.add(g, text, n);
          // the client went away: sendmail drops the message, nothing more comes under its id
          if (rest.startsWith('lost input channel')) sink.close(g);
        }
      } else sink.unknown();
      return;
    }
    // a line without a queue id is a session of its own (parseSendmail's "line N")
    const g = qid ? group(qid, n) : sink.open<State>(fresh(null), n);
    sink.add(g, text, n);
    const s = g.state;
    let ended = false;
    const relayText = field(rest, 'relay=');
    const relay = relayOf(relayText);
    if (isRuleset) {
      s.direction = 'inbound';
      if (relay?.ip) {
        s.clientIp ??= sink.own(relay.ip);
        if (relay.host) s.remote ??= sink.own(relay.host);
        s.named = true;
      }
      const rs = (ruleset ?? '').toLowerCase();
      const arg1 = field(rest, 'arg1=');
      if (arg1 && (rs === 'check_rcpt' || rs === 'check_compat')) s.named = true;
      if (arg1 && rs === 'check_mail' && s.sender === undefined) {
        s.sender = sink.own(strip(arg1));
        s.named = true;
      }
      const rej = field(rest, 'reject=') ?? field(rest, 'discard=') ?? field(rest, 'quarantine=');
      if (rej !== undefined && rej !== '') {
        s.named = true;
        // refused at connection: sendmail drops it, nothing more comes under this id
        if (rs === 'check_relay') ended = true;
        const stage = ruleset !== undefined ? rs : `milter ${field(rest, 'action=') ?? ''}`;
        const m = read(text, `rs\u0000${stage}\u0000${mask(rej, [arg1 && strip(arg1), relay?.ip, relay?.host])}`);
        if (m) s.refusals.push({ line: n, c: m.c, remote: null });
      }
    } else if (from !== undefined) {
      if (s.sender === undefined) s.sender = sink.own(strip(from));
      s.nrcpts = Number(field(rest, 'nrcpts=') ?? 0) || 0;
      s.named = true;
      if (relay?.ip) {
        s.clientIp ??= sink.own(relay.ip);
        if (relay.host) s.remote ??= sink.own(relay.host);
        if (s.direction === 'unknown') s.direction = 'inbound';
      }
    } else {
      s.direction = 'outbound';
      s.named = true;
      if (relay) s.remote = relay.host ? sink.own(relay.host) : null;
      const dsn = field(rest, 'dsn=');
      const cls =
        dsn?.[0] ??
        /^([245])\d\d[ -]/.exec((field(rest, 'reply=') ?? stat ?? '').replace(/^Deferred:\s*/, ''))?.[1] ??
        (/^Deferred/i.test(stat!) ? '4' : null);
      // a final status for every recipient (nrcpts= of the from= line): the message is done
      const deferred = /^Deferred/i.test(stat!) || cls === '4';
      if (!deferred && ++s.finals >= s.nrcpts && s.nrcpts > 0) ended = true;
      if (/^Sent\b/i.test(stat!) || cls === '2') {
        if (ended) sink.close(g);
        return;
      }
      const reply = field(rest, 'reply=');
      const m = read(
        text,
        `to\u0000${dsn ?? ''}\u0000${reply === undefined ? '' : mask(reply, [strip(to!), relay?.ip])}\u0000${mask(stat!, [strip(to!), relay?.ip, relay?.host])}`,
      );
      if (m) s.refusals.push({ line: n, c: m.c, remote: relay?.host ?? null });
    }
    if (!qid || ended) sink.close(g);
  };

  const fresh = (qid: string | null): State => ({
    qid,
    direction: 'unknown',
    clientIp: null,
    remote: null,
    sender: undefined,
    named: false,
    nrcpts: 0,
    finals: 0,
    refusals: [],
  });

  const group = (qid: string, n: number): Group<State> => {
    let g = byQid.get(qid);
    if (!g) {
      g = sink.open<State>(fresh(sink.own(qid)), n);
      byQid.set(g.state.qid!, g);
    }
    return g;
  };

  return {
    kind: 'sendmail-log',
    endsExplicitly: false,
    window: SENDMAIL_WINDOW_LINES,
    line,
    forget(g) {
      const s = (g as Group<State>).state;
      if (s.qid && byQid.get(s.qid) === g) byQid.delete(s.qid);
    },
    fast(g): FastOutcome {
      const s = (g as Group<State>).state;
      return {
        refusals: s.refusals.map((p) => ({
          line: p.line,
          direction: s.direction,
          reason: p.c.reason,
          hard: p.c.hard,
          remote: p.remote ?? s.remote ?? (s.direction === 'inbound' ? s.clientIp : null),
          sender: s.sender ?? null,
          clientIp: s.clientIp,
        })),
        sessions: s.named ? 1 : 0,
        clientIps: s.named && s.clientIp ? [s.clientIp] : [],
      };
    },
    describe(g, n) {
      const i = g.nums.indexOf(n);
      if (i < 0) return null;
      return (
        buildEvidence(parser.parse([g.lines[i]], g.lines[i], { exactBytes: false, clean: true }), 1, MAX_REPLY_CHARS, classifyRemembered)
          .rejections[0] ?? null
      );
    },
    id: (g) => (g as Group<State>).state.qid,
  };
}
