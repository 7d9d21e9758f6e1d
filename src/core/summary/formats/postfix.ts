// Postfix's mail.log as a stream. A group is one inbound connection (smtpd
// by host and process, postscreen by client address and port) with the queue
// ids it made (smtpd's "QID: client=…" ties them), or a queue id alone (a
// locally submitted message, a bounce). It ends when the connection has
// disconnected and every queue id was "removed".
//
// The fast reader knows the lines that make up nearly all of a busy log —
// connect/disconnect, client=, qmgr's from=/removed, cleanup's message-id,
// smtpd's and postscreen's "reject: RCPT from …", every "to=<…>, …, status=…"
// — and counts them the way parse/postfix/index.ts does (which session a
// refusal belongs to, its remote host and sender). Any other line of an smtpd,
// cleanup or delivery agent that may carry a refusal (warnings, SASL
// failures, milter and header-check rejects, "host x said:" without a status)
// marks the group for the parser. The refusal's own reading — code, stage,
// text, reason — is the parser's (parsePostfixMessage) and the classifier's,
// remembered by the reply's words with the line's IPs and addresses masked.

import type { InputParser, RawRejection } from '../../parse/parser';
import { parsePostfixMessage } from '../../parse/postfix/event';
import type { PostfixEvent } from '../../parse/postfix/types';
import { stageOfPostfixWord } from '../../parse/postfix/index';
import { isCompanion } from '../../parse/postfix/companions';
import { findDnsbl } from '../../knowledge/dnsbl-registry';
import type { FastOutcome, FastRefusal, Group } from '../group';
import type { Sink, StreamFormat } from '../format';
import { Memo, classifyRaw, mask, own, type Classified } from '../memo';
import { isTagName, queueIdEnd, syslogPrefix, syslogShape, type PrefixAt } from './syslog';
import { ipOf } from './ip';
import { isReceiverError } from '../../knowledge/replies';

/** The knowledge entry for a DNSBL lookup the list refused (parse/postfix/index.ts sets it the same way). */
const FAILED_LOOKUP = 'spamhaus.query-refused';

/** Where an smtpd reject's envelope starts (parsePostfixMessage: `; (?:from|to|proto|helo)=`). */
const KV_STARTS = ['; from=', '; to=', '; proto=', '; helo='];

/** smtpd lines that only name the client (parse/postfix/event.ts). */
const CLIENT_ONLY = [
  'lost connection after ',
  'timeout after ',
  'too many errors after ',
  'improper command pipelining after ',
  'bare <LF> received after ',
  'SSL_accept error from ',
  'lost connection from ',
];

interface Inbound {
  clientIp: string | null;
  /** The client's name, the first one logged that is not "unknown". */
  host: string | null;
  /** The first sender named in the session; undefined until one is. */
  mailFrom: string | undefined;
  replies: number;
  /** DNSBL zones whose lookups failed (a reject naming one is the failed lookup, not a listing). */
  errorZones: Set<string> | null;
}

interface Outbound {
  mailFrom: string | undefined;
  remote: string | null;
}

interface Pending {
  line: number;
  /** The delivery (outbound session) it belongs to; null for the inbound session. */
  out: Outbound | null;
  c: Classified;
  remote: string | null;
}

interface State {
  conn: string | null;
  /** Queue ids an smtpd line of the connection named (parsePostfix's byQueue). */
  linked: string[] | null;
  screen: string | null;
  screenIp: string | null;
  qids: string[];
  /** Connections and queue ids not ended yet. */
  live: number;
  inb: Inbound | null;
  /** Deliveries by queue id (a group has one or two: arrays are cheaper than maps). */
  out: { qid: string; o: Outbound }[] | null;
  /** qmgr's from= by queue id. */
  queuedFrom: { qid: string; from: string }[] | null;
  refusals: Pending[];
}

/** smtpd's and postscreen's actions with a reply (smtpd_check.c, postscreen_smtpd.c). */
const ACTIONS = new Set([
  'reject',
  'defer',
  'discard',
  'hold',
  'redirect',
  'filter',
  'warn',
  'milter-reject',
  'milter-discard',
  'milter-hold',
  'reject_warning',
]);

/** Delivery agents: a line of theirs with a queue id is an outbound session. */
const DELIVERY = new Set(['smtp', 'lmtp', 'local', 'virtual', 'pipe', 'error', 'retry', 'discard']);

/** postscreen's lines that carry no refusal (postscreen(8)). */
const SCREEN_CONTEXT = [
  'CONNECT from ',
  'PASS NEW ',
  'PASS OLD ',
  'DISCONNECT ',
  'DNSBL rank ',
  'PREGREET ',
  'HANGUP ',
  'COMMAND ',
  'NON-SMTP COMMAND',
  'BARE NEWLINE',
  'WHITELISTED ',
  'ALLOWLISTED ',
  'BLACKLISTED ',
  'DENYLISTED ',
  'WHITELIST VETO ',
  'ALLOWLIST VETO ',
];

interface ReplyMemo {
  /** Not a refusal (a code under 400, or none). */
  none?: true;
  /** The line is a reply (smtpd's count of replies). */
  reply: boolean;
  raw?: RawRejection;
  c?: Classified;
  /** The remote named by "host x said:", when it differs from relay=. */
  said?: string;
  /** The DNSBL zone a reject names, and whether the line itself says its lookup failed. */
  zone?: string;
  lineError?: boolean;
}

/** An smtpd or postscreen refusal as parsePostfix records it. */
function smtpdRaw(e: PostfixEvent): RawRejection {
  return {
    code: e.code ?? null,
    enhanced: e.enhanced ?? null,
    stage: stageOfPostfixWord(e.smtpStage),
    text: e.replyText ?? '',
    ip: null,
    line: 0,
    recipient: e.to ?? null,
    remote: null,
    action: e.action === 'defer' ? 'deferred' : 'failed',
  };
}

/** A delivery agent's refusal (status=bounced, deferred…) as parsePostfix records it. */
function deliveryRaw(e: PostfixEvent): RawRejection {
  return {
    code: e.code ?? null,
    enhanced: e.enhanced ?? e.dsn ?? null,
    stage: stageOfPostfixWord(e.smtpStage),
    text: e.replyText ?? e.response ?? e.message ?? '',
    ip: null,
    line: 0,
    recipient: e.to ?? null,
    remote: e.relayHost && e.relayHost !== 'none' ? e.relayHost : null,
    action: e.status === 'deferred' ? 'deferred' : e.status === 'expired' ? 'expired' : 'failed',
  };
}

/** Delivery statuses that are refusals (parse/postfix reads the same words). */
const REFUSED_STATUS = ['bounced', 'deferred', 'expired', 'undeliverable'];

/** qmgr's from= for a queue id of the group. */
function queuedFrom(g: Group<State>, qid: string): string | undefined {
  const qf = g.state.queuedFrom;
  if (qf) for (let i = 0; i < qf.length; i++) if (qf[i].qid === qid) return qf[i].from;
  return undefined;
}

/** `host[ip]`, `host[ip]:port` or `[ip]:port` → host (null without one) and ip. */
function client(s: string, from = 0, to = s.length): { host: string | null; ip: string } | null {
  const b = s.indexOf('[', from);
  if (b < 0 || b >= to) return null;
  const e = s.indexOf(']', b + 1);
  if (e < 0 || e >= to) return null;
  return { host: b > from ? s.slice(from, b) : null, ip: s.slice(b + 1, e) };
}

/** Where client() finds the "]" of `host[ip]` (clientSpan's second answer). */
let spanEnd = 0;

/** Where the "[" of `host[ip]` is in s[from, to), its "]" in spanEnd; -1 without one. client() without slicing. */
function clientSpan(s: string, from: number, to: number): number {
  const b = s.indexOf('[', from);
  if (b < 0 || b >= to) return -1;
  const e = s.indexOf(']', b + 1);
  if (e < 0 || e >= to) return -1;
  spanEnd = e;
  return b;
}

/**
 * The relay= field as parsePostfixMessage reads it (fields.ts hostIp):
 * `host[ip]:port` gives the host and IP; anything else is the host as written
 * ("none", "local", "[192.0.2.1]:25").
 */
function relayOf(msg: string, at: number): { host: string; ip?: string } {
  let e = at;
  while (e < msg.length && msg.charCodeAt(e) !== 44 && msg.charCodeAt(e) > 32) e++;
  const tok = msg.slice(at, e);
  const b = tok.indexOf('[');
  const c = b > 0 ? tok.indexOf(']', b) : -1;
  if (c > 0 && (c === tok.length - 1 || (tok.charCodeAt(c + 1) === 58 && /^\d+$/.test(tok.slice(c + 2)))))
    return { host: tok.slice(0, b), ip: tok.slice(b + 1, c) };
  return { host: tok };
}

/** The value of `key=<…>` in a reject's tail ("from=<a> to=<b> proto=ESMTP helo=<h>"). */
function angle(tail: string, key: string): string | undefined {
  const pat = key + '=<';
  let i = tail.indexOf(pat);
  // a key of its own, not the end of another (keyValues reads `\w+=`)
  while (i > 0 && !(tail.charCodeAt(i - 1) === 32 || tail.charCodeAt(i - 1) === 44 || tail.charCodeAt(i - 1) === 59))
    i = tail.indexOf(pat, i + 1);
  if (i < 0) return undefined;
  const s = i + pat.length;
  const e = tail.indexOf('>', s);
  return e < 0 ? undefined : tail.slice(s, e);
}

/** The end of the word of [\w-] starting at `i`. */
function wordEnd(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45)) break;
    i++;
  }
  return i;
}

function trimEnd(s: string): string {
  return s.charCodeAt(s.length - 1) <= 32 ? s.replace(/\s+$/, '') : s;
}

/** Postfix, including multi-instance names (postfix-out/smtp) and services (postfix/submission/smtpd). */
const POSTFIX_PROGRAM = /^postfix(?:-[\w.-]+)?\/[\w./-]*[\w.-]$/;
interface ProgramInfo {
  postfix: boolean;
  companion: boolean;
  /** The last part of the name: smtpd, smtp, qmgr… */
  daemon: string;
}
const programs = new Map<string, ProgramInfo>();
/** What a program name is, remembered (a log has a handful of them). */
function programInfo(p: string): ProgramInfo {
  let info = programs.get(p);
  if (!info) {
    const postfix = p.startsWith('postfix') && POSTFIX_PROGRAM.test(p);
    info = { postfix, companion: !postfix && isCompanion(p), daemon: own(p.slice(p.lastIndexOf('/') + 1)) };
    if (programs.size < 1000) programs.set(own(p), info);
  }
  return info;
}

/** smtpd's warnings that only name the client (FCrDNS): "hostname X does not resolve to address IP", "IP: hostname X verification failed". */
function dnsWarning(msg: string, at: number): { host: string; ip: string } | null {
  if (msg.startsWith('hostname ', at)) {
    const h = msg.indexOf(' ', at + 9);
    if (h < 0 || !msg.startsWith(' does not resolve to address ', h)) return null;
    const s = h + 29;
    let e = s;
    while (e < msg.length && msg.charCodeAt(e) > 32 && msg.charCodeAt(e) !== 58) e++;
    return { host: msg.slice(at + 9, h), ip: msg.slice(s, e) };
  }
  const c = msg.indexOf(': ', at);
  if (c < 0 || msg.lastIndexOf(' ', c) >= at) return null;
  const w = msg.startsWith('address not listed for hostname ', c + 2) ? c + 34 : msg.startsWith('hostname ', c + 2) ? c + 11 : -1;
  if (w < 0) return null;
  let e = w;
  while (e < msg.length && msg.charCodeAt(e) > 32) e++;
  return e > w ? { host: msg.slice(w, e), ip: msg.slice(at, c) } : null;
}

export function postfixStream(sink: Sink, parser: InputParser): StreamFormat {
  void parser;
  const conns = new Map<string, Group<State>>();
  const screens = new Map<string, Group<State>>();
  const screenIps = new Map<string, Group<State>>();
  const qids = new Map<string, Group<State>>();
  const rejects = new Memo<ReplyMemo>();
  const statuses = new Memo<ReplyMemo>();
  const known = new Memo<Classified>();

  const newGroup = (n: number): Group<State> =>
    sink.open<State>(
      { conn: null, screen: null, screenIp: null, qids: [], linked: null, live: 0, inb: null, out: null, queuedFrom: null, refusals: [] },
      n,
    );

  /** One part of the group ended; the group closes with its last. */
  const ended = (g: Group<State>) => {
    if (--g.state.live <= 0) sink.close(g);
  };

  /** The group's inbound session (parsePostfix's inboundFor): the client's IP and first real name. */
  const inbound = (g: Group<State>, host: string | null, ip: string | null): Inbound => {
    let s = g.state.inb;
    if (!s) s = g.state.inb = { clientIp: null, host: null, mailFrom: undefined, replies: 0, errorZones: null };
    if (ip && !s.clientIp) s.clientIp = sink.own(ipOf(ip));
    if (host && host !== 'unknown' && !s.host) s.host = sink.own(host);
    return s;
  };

  /**
   * inbound(g, host, ip) for the `host[ip]` that clientSpan found at `b` (from
   * `from`): a line naming a client the session already knows (most of
   * them) is read without a slice.
   */
  const inboundSpan = (g: Group<State>, msg: string, from: number, b: number): void => {
    if (b < 0) {
      inbound(g, null, null);
      return;
    }
    const e = spanEnd;
    const s = inbound(g, null, null);
    if (!s.clientIp && e > b + 1) s.clientIp = sink.own(ipOf(msg.slice(b + 1, e)));
    if (!s.host && b > from) {
      const host = msg.slice(from, b);
      if (host !== 'unknown') s.host = sink.own(host);
    }
  };

  const connGroup = (key: string, n: number): Group<State> => {
    let g = conns.get(key);
    if (!g) {
      g = newGroup(n);
      g.state.conn = sink.own(key);
      g.state.live++;
      conns.set(g.state.conn, g);
    }
    return g;
  };

  /** The group of a queue id, made (or joined to `owner`) when it is new. */
  const qidGroup = (qid: string, n: number, owner?: Group<State>): Group<State> => {
    let g = qids.get(qid);
    if (!g) {
      g = owner ?? newGroup(n);
      const k = sink.own(qid);
      g.state.qids.push(k);
      g.state.live++;
      qids.set(k, g);
    }
    return g;
  };

  const linked = (g: Group<State>, qid: string) => g.state.linked?.includes(qid) ?? false;

  /** smtpd's or postscreen's "reject: STAGE from CLIENT: REPLY; from=<> to=<> …" (also defer, discard, hold…). */
  const smtpdAction = (g: Group<State>, daemon: string, msg: string, rest: number, n: number): boolean => {
    const colon = msg.indexOf(': ', rest);
    if (colon < 0 || colon - rest > 16 || !ACTIONS.has(msg.slice(rest, colon))) return false;
    const sp = msg.indexOf(' from ', colon + 2);
    if (sp < 0) return false;
    const stageWord = msg.slice(colon + 2, sp);
    const cEnd = msg.indexOf(': ', sp + 6);
    if (cEnd < 0 || !stageWord || stageWord.includes(' ')) return false;
    const whoText = msg.slice(sp + 6, cEnd);
    if (whoText.includes(' ')) return false;
    const who = client(whoText);
    const body = msg.slice(cEnd + 2);
    let semi = body.length;
    for (const k of KV_STARTS) {
      const i = body.indexOf(k);
      if (i >= 0 && i < semi) semi = i;
    }
    const tail = body.slice(semi);
    const from = angle(tail, 'from');
    const to = angle(tail, 'to');
    const s = inbound(g, who?.host ?? null, who?.ip ?? null);
    if (from !== undefined && s.mailFrom === undefined) s.mailFrom = sink.own(from);
    // the addresses are masked wherever they stand (a tail the parser does not split off stays in the reply)
    const masks = semi < body.length ? [who?.ip, to, from] : [who?.ip, angle(body, 'to'), angle(body, 'from')];
    const key = `${msg.slice(rest, colon)}\u0000${stageWord}\u0000${mask(body.slice(0, semi), masks)}`;
    const m = rejects.get(key, () => {
      const e = parsePostfixMessage(daemon, msg);
      if (!e.action || e.code === undefined) return { none: true, reply: false };
      const raw = smtpdRaw(e);
      if (e.code < 400) return { none: true, reply: true };
      const zone = e.dnsblDomain?.toLowerCase();
      // what clientHostChecks() logs for this very line: a lookup the list refused is an error, not a listing
      const lineError = !!zone && !!e.clientIp && isReceiverError(e.response ?? '');
      return { reply: true, raw, zone, lineError, c: classifyRaw(lineError ? { ...raw, knowledgeId: FAILED_LOOKUP } : raw) };
    });
    if (m.reply) s.replies++;
    if (m.none) return true;
    let c = m.c!;
    if (m.zone) {
      if (m.lineError) (s.errorZones ??= new Set()).add(m.zone);
      else if (s.errorZones?.has(m.zone)) c = known.get(key, () => classifyRaw({ ...m.raw!, knowledgeId: FAILED_LOOKUP }));
    }
    g.state.refusals.push({ line: n, out: null, c, remote: null });
    return true;
  };

  /**
   * smtpd's "warning: host[ip]: SASL LOGIN authentication failed: …": smtpd
   * answered 535 5.7.8 (smtpd_sasl_glue.c), a refusal of the login.
   */
  const saslFailure = (g: Group<State>, msg: string, at: number, n: number): boolean => {
    const c = msg.indexOf(': SASL ', at);
    if (c < 0 || !msg.includes(' authentication failed', c)) return false;
    const whoText = msg.slice(at, c);
    if (whoText.includes(' ') || whoText.charCodeAt(0) === 91) return false;
    const who = client(whoText);
    if (!who?.host) return false;
    const s = inbound(g, who.host, who.ip);
    const m = rejects.get(`sasl\u0000${mask(msg.slice(c), [who.ip])}`, () => {
      const e = parsePostfixMessage('smtpd', msg);
      if (!e.action || e.code === undefined) return { none: true, reply: false };
      const raw = smtpdRaw(e);
      return { reply: true, raw, c: classifyRaw(raw) };
    });
    if (m.reply) s.replies++;
    if (!m.none) g.state.refusals.push({ line: n, out: null, c: m.c!, remote: null });
    return true;
  };

  /** Any agent's "to=<…>, relay=…, …, status=…": a delivery attempt of the queue id (an outbound session). */
  const delivery = (g: Group<State>, qid: string, daemon: string, msg: string, rest: number, n: number): boolean => {
    const toEnd = msg.indexOf('>', rest + 4);
    const st = msg.indexOf(' status=', rest);
    const rl = msg.indexOf(' relay=', rest);
    // a delivery agent's line, or one with a status or a relay (parsePostfix's "delivering")
    if (toEnd < 0 || (st < 0 && rl < 0 && !DELIVERY.has(daemon))) return false;
    const to = msg.slice(rest + 4, toEnd);
    const relay = rl >= 0 ? relayOf(msg, rl + 7) : null;
    const se = st >= 0 ? wordEnd(msg, st + 8) : -1;
    const status = st >= 0 ? msg.slice(st + 8, se) : '';
    const outs = (g.state.out ??= []);
    let o: Outbound | undefined;
    for (let i = 0; i < outs.length && !o; i++) if (outs[i].qid === qid) o = outs[i].o;
    if (!o) {
      o = { mailFrom: undefined, remote: null };
      outs.push({ qid: sink.own(qid), o });
    }
    // the sender: qmgr's from=, else the connection's (at this line, as parsePostfix sets it)
    if (o.mailFrom === undefined) o.mailFrom = queuedFrom(g, qid);
    if (o.mailFrom === undefined && linked(g, qid) && g.state.inb?.mailFrom !== undefined) o.mailFrom = g.state.inb.mailFrom;
    let said: string | undefined;
    if (REFUSED_STATUS.some((w) => status.startsWith(w))) {
      const detail = msg.slice(se);
      const make = (): ReplyMemo => {
        const e = parsePostfixMessage(daemon, msg);
        const raw = deliveryRaw(e);
        return { reply: true, raw, c: classifyRaw(raw), said: e.relayHost !== relay?.host ? e.relayHost : undefined };
      };
      // without a detail the text is the whole line: nothing to share
      const dsnAt = msg.indexOf(', dsn=', rest);
      const dsnEnd = dsnAt >= 0 ? msg.indexOf(',', dsnAt + 6) : -1;
      const dsn = dsnAt >= 0 ? msg.slice(dsnAt + 6, dsnEnd < 0 ? msg.length : dsnEnd) : '';
      const m = detail.trimStart().startsWith('(')
        ? statuses.get(`${status}\u0000${dsn}\u0000${mask(detail, [relay?.ip, to])}`, make)
        : make();
      said = m.said;
      const remote = said ?? relay?.host ?? null;
      g.state.refusals.push({ line: n, out: o, c: m.c!, remote: remote && remote !== 'none' ? remote : null });
    }
    const host = said ?? relay?.host;
    if (host && host !== 'none' && o.remote !== host) o.remote = sink.own(host);
    return true;
  };

  /** smtpd lines, by host and process. */
  const smtpd = (key: string, msg: string, q: number, text: string, n: number): void => {
    const qid = q >= 0 ? msg.slice(0, q) : null;
    const rest = q >= 0 ? q + 2 : 0;
    const real = qid && qid !== 'NOQUEUE' ? qid : null;
    if (!qid && msg.startsWith('connect from ')) {
      const who = client(msg, 13);
      let g = conns.get(key);
      // smtpd's DNS warning about this client comes just before its "connect from": one session
      const warningOnly =
        g?.state.inb && who && g.state.inb.clientIp === ipOf(who.ip) && !g.state.inb.replies && g.state.inb.mailFrom === undefined;
      if (g && !warningOnly) {
        conns.delete(key);
        g.state.conn = null;
        ended(g);
        g = undefined;
      }
      g ??= connGroup(key, n);
      sink.add(g, text, n);
      inbound(g, who?.host ?? null, who?.ip ?? null);
      return;
    }
    // a line of a queue id this connection made (parsePostfix's byQueue), else of the connection
    const byQueue = real ? qids.get(real) : undefined;
    const g = byQueue && linked(byQueue, real!) ? byQueue : connGroup(key, n);
    sink.add(g, text, n);
    if (real) {
      qidGroup(real, n, g);
      if (!linked(g, real)) (g.state.linked ??= []).push(sink.own(real));
    }
    if (!qid && msg.startsWith('disconnect from ')) {
      inboundSpan(g, msg, 16, clientSpan(msg, 16, msg.length));
      if (g.state.conn === key) {
        conns.delete(key);
        g.state.conn = null;
        ended(g);
      }
      return;
    }
    if (real && msg.startsWith('client=', rest)) {
      let e = msg.indexOf(',', rest + 7);
      if (e < 0) e = msg.length;
      inboundSpan(g, msg, rest + 7, clientSpan(msg, rest + 7, e));
      return;
    }
    if (smtpdAction(g, 'smtpd', msg, rest, n)) return;
    if (msg.startsWith('warning: ', rest)) {
      const w = dnsWarning(msg, rest + 9);
      if (w) inbound(g, w.host, w.ip);
      else if (!saslFailure(g, msg, rest + 9, n)) g.slow = true;
      return;
    }
    // lines that only name the client: "lost connection after DATA (0 bytes) from h[ip]"…
    for (const w of CLIENT_ONLY) {
      if (!msg.startsWith(w, rest)) continue;
      const f = w.endsWith(' from ') ? rest + w.length - 6 : msg.indexOf(' from ', rest + w.length);
      if (f < 0) break;
      let e = f + 6;
      while (e < msg.length && msg.charCodeAt(e) > 32 && !(msg.charCodeAt(e) === 58 && msg.charCodeAt(e - 1) === 93)) e++;
      inboundSpan(g, msg, f + 6, clientSpan(msg, f + 6, e));
      return;
    }
    const tls = msg.indexOf(' TLS connection established from ', rest);
    if (tls > rest && tls < rest + 12) {
      const s0 = tls + 33;
      const e = msg.indexOf(': ', s0);
      const b = e > 0 ? clientSpan(msg, s0, e) : -1;
      if (b > s0 && !msg.includes('authentication failed', e)) {
        inboundSpan(g, msg, s0, b);
        return;
      }
    }
    g.slow = true;
  };

  /** postscreen lines, by client address and port. */
  const postscreen = (program: string, msg: string, q: number, text: string, n: number): void => {
    const b = msg.indexOf('[');
    const e = b >= 0 ? msg.indexOf(']:', b) : -1;
    if (e < 0) return; // no client: postscreen's own housekeeping (the parser skips it too)
    const pe = wordEnd(msg, e + 2);
    const ip = msg.slice(b + 1, e);
    const key = `${program} ${ip}:${msg.slice(e + 2, pe)}`;
    let g = screens.get(key);
    if (g && msg.startsWith('CONNECT from ')) {
      screens.delete(key);
      g.state.screen = null;
      ended(g);
      g = undefined;
    }
    if (!g) {
      g = newGroup(n);
      g.state.screen = sink.own(key);
      g.state.screenIp = sink.own(ip);
      g.state.live++;
      screens.set(g.state.screen, g);
      screenIps.set(g.state.screenIp, g);
    }
    sink.add(g, text, n);
    inbound(g, null, ip);
    if (q >= 0 && smtpdAction(g, 'postscreen', msg, q + 2, n)) return;
    if (!SCREEN_CONTEXT.some((w) => msg.startsWith(w))) g.slow = true;
    // PASS hands the client to smtpd (a session of its own there); DISCONNECT ends it
    if (msg.startsWith('DISCONNECT ') || msg.startsWith('PASS ')) {
      screens.delete(key);
      g.state.screen = null;
      ended(g);
    }
  };

  /** dnsblog: "addr IP listed by domain ZONE as CODE", for the postscreen session of that client. */
  const dnsblog = (msg: string, text: string, n: number): void => {
    if (!msg.startsWith('addr ')) return;
    const sp = msg.indexOf(' ', 5);
    const g = sp > 0 ? screenIps.get(msg.slice(5, sp)) : undefined;
    if (!g) return;
    sink.add(g, text, n);
    const by = msg.indexOf(' listed by domain ', sp);
    const as = by >= 0 ? msg.indexOf(' as ', by + 18) : -1;
    if (as < 0) return;
    const zone = msg.slice(by + 18, as).toLowerCase();
    const code = msg.slice(as + 4).trim();
    if (findDnsbl(zone)?.errorCodes?.[code]) (inbound(g, null, null).errorZones ??= new Set()).add(zone);
  };

  const at: PrefixAt = { hostStart: 0, hostEnd: 0, progStart: 0, progEnd: 0, pidEnd: 0, at: 0 };

  /**
   * The program at text[s, e), among those seen so far (a log has a
   * handful), compared in place (from the end, where names differ): no
   * slice, no hash per line. Null when the name is no program tag (the line
   * then goes to syslogPrefix, as when syslogAt refuses it).
   */
  const recent: { name: string; info: ProgramInfo }[] = [];
  const programIn = (text: string, s: number, e: number): { name: string; info: ProgramInfo } | null => {
    const len = e - s;
    next: for (let i = 0; i < recent.length; i++) {
      const r = recent[i];
      const name = r.name;
      if (name.length !== len) continue;
      for (let k = len - 1; k >= 0; k--) if (name.charCodeAt(k) !== text.charCodeAt(s + k)) continue next;
      return r;
    }
    if (!isTagName(text, s, e)) return null;
    const name = own(text.slice(s, e));
    const r = { name, info: programInfo(name) };
    if (recent.length < 32) recent.push(r);
    return r;
  };

  const line = (text: string, n: number): void => {
    if (text.charCodeAt(0) <= 32 && !text.trim()) return;
    let program: string;
    let info: ProgramInfo;
    let msg: string;
    // "mx1 postfix/smtpd[123]": the connection's key, as it stands in the line (sliced for smtpd's lines only)
    let keyFrom = 0;
    let keyTo = 0;
    let keyText: string | null = null;
    const p = syslogShape(text, at) ? programIn(text, at.progStart, at.progEnd) : null;
    if (p) {
      program = p.name;
      info = p.info;
      msg = trimEnd(text.slice(at.at));
      keyFrom = at.hostStart;
      keyTo = at.pidEnd + 1;
    } else {
      const pre = syslogPrefix(text);
      if (!pre) {
        sink.unknown();
        return;
      }
      program = pre.program;
      info = programInfo(program);
      msg = 'message' in pre ? pre.message.replace(/\s+$/, '') : trimEnd(text.slice(pre.at));
      keyText = `${pre.host} ${program}[${pre.pid}]`;
    }
    if (!info.postfix) {
      if (!info.companion) {
        sink.unknown();
        return;
      }
      // a companion's line about a queue id (opendkim, amavis…) goes with that message
      const q = queueIdEnd(msg, 0);
      const g = q > 0 ? qids.get(msg.slice(0, q)) : undefined;
      if (g) sink.add(g, text, n);
      return;
    }
    const daemon = info.daemon;
    const q = queueIdEnd(msg, 0);
    if (daemon === 'smtpd') return smtpd(keyText ?? text.slice(keyFrom, keyTo), msg, q, text, n);
    if (daemon === 'postscreen') return postscreen(program, msg, q, text, n);
    if (daemon === 'dnsblog') return dnsblog(msg, text, n);
    // without a queue id a line is not part of a message's story (parsePostfix skips it too)
    if (q < 0 || (q === 7 && msg.startsWith('NOQUEUE'))) return;
    const qid = msg.slice(0, q);
    const g = qidGroup(qid, n);
    sink.add(g, text, n);
    const rest = q + 2;
    if (msg.startsWith('to=', rest)) {
      if (msg.charCodeAt(rest + 3) !== 60 || !delivery(g, qid, daemon, msg, rest, n)) g.slow = true;
      return;
    }
    if (daemon === 'qmgr') {
      if (msg.startsWith('removed', rest)) {
        if (qids.get(qid) === g) {
          qids.delete(qid);
          ended(g);
        }
        return;
      }
      if (msg.startsWith('from=<', rest) && !msg.includes('status=', rest)) {
        const e = msg.indexOf('>', rest + 6);
        const from = sink.own(msg.slice(rest + 6, e < 0 ? msg.length : e));
        const qf = (g.state.queuedFrom ??= []);
        const had = qf.find((x) => x.qid === qid);
        if (had) had.from = from;
        else qf.push({ qid: sink.own(qid), from });
        // the connection that brought it gets it as its sender, if it had none
        if (linked(g, qid) && g.state.inb && g.state.inb.mailFrom === undefined) g.state.inb.mailFrom = from;
        return;
      }
      if (msg.includes('status=', rest) || msg.includes(' said:', rest) || msg.startsWith('from=', rest)) g.slow = true;
      return;
    }
    if (daemon === 'cleanup') {
      if (!msg.startsWith('message-id=', rest) && !msg.startsWith('resent-message-id=', rest)) g.slow = true;
      return;
    }
    // a delivery agent's other lines ("host x said:", "lost connection with…") are the parser's
    if (DELIVERY.has(daemon) || msg.startsWith('from=', rest) || msg.includes('status=', rest) || msg.includes(' said:', rest))
      g.slow = true;
  };

  const forget = (g: Group): void => {
    const s = (g as Group<State>).state;
    if (s.conn && conns.get(s.conn) === g) conns.delete(s.conn);
    if (s.screen && screens.get(s.screen) === g) screens.delete(s.screen);
    if (s.screenIp && screenIps.get(s.screenIp) === g) screenIps.delete(s.screenIp);
    for (const q of s.qids) if (qids.get(q) === g) qids.delete(q);
  };

  const fast = (g: Group): FastOutcome => {
    const s = (g as Group<State>).state;
    const inb = s.inb;
    const refusals: FastRefusal[] = s.refusals.map((p) =>
      p.out
        ? {
            line: p.line,
            direction: 'outbound',
            reason: p.c.reason,
            hard: p.c.hard,
            remote: p.remote ?? p.out.remote,
            sender: p.out.mailFrom ?? null,
            clientIp: null,
          }
        : {
            line: p.line,
            direction: 'inbound',
            reason: p.c.reason,
            hard: p.c.hard,
            remote: inb?.host ?? inb?.clientIp ?? null,
            sender: inb?.mailFrom ?? null,
            clientIp: inb?.clientIp ?? null,
          },
    );
    return { refusals, sessions: (inb ? 1 : 0) + (s.out?.length ?? 0), clientIps: inb?.clientIp ? [inb.clientIp] : [] };
  };

  /** A kept session's refusal at line n, read again: its reply as parsePostfix records it. */
  const describe = (g: Group, n: number): RawRejection | null => {
    const i = g.nums.indexOf(n);
    const pre = i >= 0 ? syslogPrefix(g.lines[i]) : null;
    if (!pre) return null;
    const msg = 'message' in pre ? pre.message.replace(/\s+$/, '') : trimEnd(g.lines[i].slice(pre.at));
    const program = pre.program;
    const e = parsePostfixMessage(program.slice(program.lastIndexOf('/') + 1), msg);
    return e.status !== undefined ? deliveryRaw(e) : e.code !== undefined ? smtpdRaw(e) : null;
  };

  const id = (g: Group): string | null => {
    const s = (g as Group<State>).state;
    return s.qids[0] ?? null;
  };

  return { kind: 'postfix-log', endsExplicitly: true, line, forget, fast, describe, id };
}
