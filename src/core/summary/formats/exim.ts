// Exim's mainlog as a stream. Lines group by message id (a message's
// arrival, deliveries and failures, until "Completed"), and lines without an
// id — an inbound connection and its refusals before any message exists — by
// the client's address, from "SMTP connection from [ip]" to its "closed by
// QUIT" (parse/exim.ts groups them the same way).
//
// The fast reader counts refusals itself: each refusal line is read by
// parseExim on that line alone (remembered by its words with the line's own
// addresses, IPs and ids masked), and the session's sender, remote host and
// client come from the group's other lines as parseExim would take them.
// Anything it does not know marks the group for the parser.

import type { InputParser } from '../../parse/parser';
import { HOST_FIELD } from '../../parse/exim';
import { buildEvidence, MAX_REPLY_CHARS } from '../../evidence';
import { ipOf } from './ip';
import type { FastOutcome, FastRefusal, Group } from '../group';
import type { Sink, StreamFormat } from '../format';
import { Memo, classifyRemembered, mask, type Classified } from '../memo';
import type { Direction } from '../types';

interface Session {
  direction: Direction;
  clientIp: string | null;
  remote: string | null;
  /** undefined until one is named. */
  sender: string | undefined;
}

interface Pending {
  line: number;
  s: Session;
  c: Classified;
  remote: string | null;
  recipient: string | null;
  /** "retry time not reached": counts only when no other refusal names its recipient. */
  retryWait: boolean;
}

interface State {
  id: string | null;
  ip: string | null;
  s: Session;
  /** Sessions parseExim would make of these lines. */
  sessions: number;
  refusals: Pending[];
}

/** Where the message starts after `YYYY-MM-DD HH:MM:SS[.mmm][ +zzzz][ [pid]]`, and the id if any; -1 when not an Exim line. */
function prefix(l: string, out: { id: string | null }): number {
  if (l.length < 20 || l.charCodeAt(4) !== 45 || l.charCodeAt(7) !== 45 || l.charCodeAt(13) !== 58 || l.charCodeAt(16) !== 58) return -1;
  let i = 19;
  if (l.charCodeAt(i) === 46) i += 4;
  if (l.charCodeAt(i) === 32 && (l.charCodeAt(i + 1) === 43 || l.charCodeAt(i + 1) === 45) && isDigit(l.charCodeAt(i + 2))) i += 6;
  if (l.charCodeAt(i) === 32 && l.charCodeAt(i + 1) === 91) {
    const e = l.indexOf('] ', i);
    if (e > 0 && e - i < 12) i = e + 1;
  }
  while (l.charCodeAt(i) === 32) i++;
  // a message id: 6 - 6..11 - 2..4 letters and digits
  out.id = null;
  const d1 = i + 6;
  if (l.charCodeAt(d1) === 45) {
    const d2 = l.indexOf('-', d1 + 1);
    const sp = d2 > 0 ? l.indexOf(' ', d2) : -1;
    if (d2 - d1 - 1 >= 6 && d2 - d1 - 1 <= 11 && sp - d2 - 1 >= 2 && sp - d2 - 1 <= 4 && alnum(l, i, sp)) {
      out.id = l.slice(i, sp);
      i = sp;
      while (l.charCodeAt(i) === 32) i++;
    }
  }
  return i;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function alnum(l: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = l.charCodeAt(i);
    if (!(isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45)) return false;
  }
  return true;
}

/** The address in `<…>` after `at`. */
function angle(l: string, at: number): string | undefined {
  const s = l.indexOf('<', at);
  const e = s >= 0 ? l.indexOf('>', s) : -1;
  return e < 0 ? undefined : l.slice(s + 1, e);
}

export function eximStream(sink: Sink, parser: InputParser): StreamFormat {
  const byId = new Map<string, Group<State>>();
  const byIp = new Map<string, Group<State>>();
  const memo = new Memo<{ c: Classified; remote: string | null } | null>();
  const pre = { id: null as string | null };

  const open = (n: number, id: string | null, ip: string | null, direction: Direction): Group<State> => {
    const g = sink.open<State>(
      {
        id: id && sink.own(id),
        ip: ip && sink.own(ip),
        s: { direction, clientIp: null, remote: null, sender: undefined },
        sessions: 1,
        refusals: [],
      },
      n,
    );
    if (id) byId.set(g.state.id!, g);
    else if (ip) byIp.set(g.state.ip!, g);
    return g;
  };

  /** What parseExim says of one refusal line (its reason; the remote it names in the text). */
  const read = (line: string, rest: string, masks: (string | null | undefined)[]) =>
    memo.get(mask(rest, masks), () => {
      const ev = buildEvidence(parser.parse([line], line, { exactBytes: false, clean: true }), 1);
      const r = ev.rejections[0];
      return r ? { c: { reason: r.reason, hard: r.hard }, remote: r.remote ?? null } : null;
    });

  const client = (g: Group<State>, h: RegExpExecArray | null) => {
    if (!h) return;
    const s = g.state.s;
    const ip = ipOf(h[3]);
    s.clientIp ??= sink.own(ip);
    if (h[1]) s.remote ??= sink.own(h[1]);
  };

  const line = (text: string, n: number): void => {
    const at = prefix(text, pre);
    if (at < 0) {
      // rejectlog's copies of refused headers and continuation lines belong to no session
      if (!/^(?:Envelope-(?:from|to):|[ A-Z*]{1,2}\s?[\w-]+:|\s)/.test(text)) sink.unknown();
      return;
    }
    const id = pre.id;
    const rest = text.slice(at);
    if (id) {
      let g = byId.get(id);
      const flag = rest.length > 3 && rest.charCodeAt(2) === 32 ? rest.slice(0, 2) : '';
      if (!g) g = open(n, id, null, 'inbound');
      sink.add(g, text, n);
      const s = g.state.s;
      if (flag === '<=') {
        const h = HOST_FIELD.exec(rest);
        s.direction = h ? 'inbound' : 'outbound';
        const sp = rest.indexOf(' ', 3);
        const a = rest.slice(3, sp < 0 ? rest.length : sp);
        s.sender = sink.own(a === '<>' ? '' : a);
        if (h) {
          s.clientIp = sink.own(ipOf(h[3]));
          s.remote = h[1] ? sink.own(h[1]) : null;
        }
        return;
      }
      if (flag === '=>' || flag === '->' || flag === '>>' || flag === '*>') {
        s.direction = 'outbound';
        const h = HOST_FIELD.exec(rest);
        if (h) s.remote = h[1] ? sink.own(h[1]) : null;
        return;
      }
      if (flag === '**' || flag === '==') {
        s.direction = 'outbound';
        const sp = rest.indexOf(' ', 3);
        const rcpt = rest.slice(3, sp < 0 ? rest.length : sp).replace(/:$/, '');
        const h = HOST_FIELD.exec(rest);
        const m = read(text, rest, [h?.[0], rcpt, h?.[3], s.sender]);
        if (!m) return;
        // Exim 4.7x names the remote in the text ("…: host mx.example.org [192.0.2.5]: 550 …")
        const named = h ? null : /\bhost ([\w.-]+) \[([0-9a-fA-F:.]+)\]/.exec(rest);
        if (h || named) s.remote = sink.own((h ? h[1] : named![1]) ?? '') || null;
        g.state.refusals.push({
          line: n,
          s,
          c: m.c,
          remote: h?.[1] ?? named?.[1] ?? null,
          recipient: rcpt.replace(/^<|>$/g, ''),
          retryWait: flag === '==' && /retry time not reached/i.test(rest),
        });
        return;
      }
      if (rest.startsWith('Completed')) {
        sink.close(g);
        return;
      }
      if (rest.includes('rejected ') || rest.includes('sender verify ')) {
        if (!inbound(g, text, rest, n)) g.slow = true;
        // a message refused after DATA is dropped: nothing more is logged under its id
        else if (rest.includes('rejected after DATA')) sink.close(g);
        return;
      }
      // a delivery attempt's connection ("H=mx [ip] Connection timed out"): the host is the server
      const h = HOST_FIELD.exec(rest);
      if (h && !/^(?:SMTP connection from|SMTP protocol)/.test(rest)) {
        s.direction = 'outbound';
        s.remote = h[1] ? sink.own(h[1]) : null;
      }
      return;
    }
    // without an id: an inbound connection, by the client's address
    if (rest.startsWith('SMTP connection from ')) {
      const b = rest.indexOf('[');
      const e = rest.indexOf(']', b);
      if (b < 0 || e < 0) return;
      const ip = rest.slice(b + 1, e);
      const old = byIp.get(ip);
      if (/closed|lost|dropped|timeout/i.test(rest)) {
        if (old) {
          sink.add(old, text, n);
          sink.close(old);
        }
        return;
      }
      if (old) sink.close(old);
      const g = open(n, null, ip, 'inbound');
      sink.add(g, text, n);
      g.state.s.clientIp = sink.own(ipOf(ip));
      return;
    }
    const noHost = rest.startsWith('no host name found for IP address ') ? rest.slice(34).split(/\s/)[0] : null;
    const noIp =
      !noHost && rest.startsWith('no IP address found for host ') ? /\(during SMTP connection from \[([^\]]+)\]\)/.exec(rest)?.[1] : null;
    const h = HOST_FIELD.exec(rest);
    const heloFrom =
      rest.startsWith('rejected EHLO from [') || rest.startsWith('rejected HELO from [') ? rest.slice(20, rest.indexOf(']', 20)) : null;
    const ip = noHost ?? noIp ?? h?.[3] ?? heloFrom;
    const refusal = rest.includes('rejected ') || rest.includes('sender verify ');
    if (!ip || (!h && !noHost && !noIp && !refusal)) return;
    let g = byIp.get(ip);
    if (!g) g = open(n, null, ip, 'inbound');
    sink.add(g, text, n);
    if (noHost || noIp) {
      g.state.s.clientIp ??= sink.own(ipOf(ip));
      return;
    }
    if (refusal) {
      if (!inbound(g, text, rest, n)) g.slow = true;
      return;
    }
    client(g, h);
  };

  /** An inbound refusal line ("H=… F=<a> rejected RCPT <b>: …", "rejected EHLO from [ip]", "sender verify fail for <a>"). */
  const inbound = (g: Group<State>, text: string, rest: string, n: number): boolean => {
    const h = HOST_FIELD.exec(rest);
    const s = g.state.s;
    const heloFrom = h ? null : /^rejected (?:EHLO|HELO) from \[([0-9a-fA-F:.]+)\]/.exec(rest);
    if (heloFrom) s.clientIp ??= sink.own(ipOf(heloFrom[1]));
    client(g, h);
    const f = rest.indexOf('F=<');
    if (f >= 0 && s.sender === undefined) s.sender = sink.own(angle(rest, f) ?? '');
    const r = rest.indexOf('RCPT <');
    const rcpt = r >= 0 ? angle(rest, r) : undefined;
    const m = read(text, rest, [h?.[0], h?.[3] ?? (heloFrom ? heloFrom[1] : undefined), rcpt, f >= 0 ? angle(rest, f) : undefined]);
    if (!m) return true;
    g.state.refusals.push({ line: n, s, c: m.c, remote: null, recipient: rcpt ?? null, retryWait: false });
    return true;
  };

  const forget = (g: Group): void => {
    const s = (g as Group<State>).state;
    if (s.id && byId.get(s.id) === g) byId.delete(s.id);
    if (s.ip && byIp.get(s.ip) === g) byIp.delete(s.ip);
  };

  const fast = (g: Group): FastOutcome => {
    const st = (g as Group<State>).state;
    const counted = st.refusals.filter((p) => !p.retryWait || !st.refusals.some((o) => !o.retryWait && o.recipient === p.recipient));
    const refusals: FastRefusal[] = counted.map((p) => ({
      line: p.line,
      direction: p.s.direction,
      reason: p.c.reason,
      hard: p.c.hard,
      remote: p.remote ?? p.s.remote ?? (p.s.direction === 'inbound' ? p.s.clientIp : null),
      sender: p.s.sender ?? null,
      clientIp: p.s.clientIp,
    }));
    // parseExim sorts refusals by line; "retry time not reached" ones go after the others
    refusals.sort((a, b) => a.line - b.line);
    return { refusals, sessions: st.sessions, clientIps: st.s.clientIp ? [st.s.clientIp] : [] };
  };

  const describe = (g: Group, n: number) => {
    const i = g.nums.indexOf(n);
    if (i < 0) return null;
    const ev = buildEvidence(
      parser.parse([g.lines[i]], g.lines[i], { exactBytes: false, clean: true }),
      1,
      MAX_REPLY_CHARS,
      classifyRemembered,
    );
    return ev.rejections[0] ?? null;
  };

  return {
    kind: 'exim-log',
    endsExplicitly: true,
    line,
    forget,
    fast,
    describe,
    id: (g) => (g as Group<State>).state.id,
  };
}
