// One Postfix log message, read into named fields. Postfix's own formats
// (src/smtpd/smtpd.c, src/global/log_adhoc.c, src/postscreen/, src/cleanup/
// cleanup_message.c, src/smtp/smtp_proto.c) are stable across versions:
//   smtpd:      NOQUEUE: reject: RCPT from host[ip]: 550 5.1.1 <a>: text; from=<a> to=<b> proto=ESMTP helo=<h>
//   smtp/lmtp:  QID: to=<b>, relay=host[ip]:25, delay=…, dsn=5.1.1, status=bounced (host h[ip] said: 550 … (in reply to RCPT TO command))
//               QID: host h[ip] said: 450 … (in reply to RCPT TO command)
//   postscreen: PREGREET 11 after 0.1 from [ip]:port: EHLO x / DNSBL rank 3 for [ip]:port / NOQUEUE: reject: RCPT from [ip]:port: 550 …
//   cleanup:    QID: reject: header Subject: x from host[ip]; from=<a> to=<b> proto=ESMTP helo=<h>: 5.7.1 text
//               QID: milter-reject: END-OF-MESSAGE from host[ip]: 5.7.1 text; from=<a> …
// The fields are declared in types.ts.

import type { PostfixEvent } from './types';
import { bracketIp, hostIp, keyValues, reply, said, blockedUsing } from './fields';
import { postscreenEvent } from './postscreen';
import { isConnectFailure } from '../smtp-dialogue';

/** The client's host, IP and port, from `host[ip]:port` (or postscreen's `[ip]:port`) when the text has them. */
function setClient(e: PostfixEvent, who: { host?: string; ip?: string; port?: number } | null): void {
  if (!who) return;
  if (who.host) e.clientHost = who.host;
  e.clientIp = who.ip;
  if (who.port) e.clientPort = who.port;
}

export function parsePostfixMessage(daemon: string, message: string): PostfixEvent {
  const e: PostfixEvent = { daemon };
  let msg = message.trimEnd();
  // short ids are hex; long ones (enable_long_queue_ids) base-52 with a digit in them
  const q = /^([0-9A-F]{5,}|(?=[A-Za-z]*\d)[0-9A-Za-z]{10,}|NOQUEUE): (.*)$/s.exec(msg);
  if (q) {
    e.queueId = q[1];
    msg = q[2];
  }
  const lvl = /^(warning|error|fatal|panic|info|statistics): (.*)$/s.exec(msg);
  if (lvl) {
    e.level = lvl[1];
    msg = lvl[2];
  }
  e.message = msg;
  MESSAGE_READERS.some((read) => read(msg, e));
  return e;
}

/** smtpd and postscreen refusals: "reject: RCPT from host[ip]: 550 …; from=<> to=<> proto= helo=<>". */
function smtpdRefusal(msg: string, e: PostfixEvent): boolean {
  const m =
    /^(reject|defer|discard|hold|redirect|filter|warn|milter-reject|milter-discard|milter-hold|reject_warning): (\S+) from (\S+?): (.*)$/s.exec(
      msg,
    );
  if (!m) return false;
  e.action = m[1];
  e.smtpStage = m[2];
  setClient(e, hostIp(m[3]) ?? bracketIp(m[3]));
  const rest = m[4];
  const semi = rest.search(/; (?:from|to|proto|helo)=/);
  reply(semi >= 0 ? rest.slice(0, semi) : rest, e);
  if (semi >= 0) keyValues(rest.slice(semi + 1), e);
  e.response = (semi >= 0 ? rest.slice(0, semi) : rest).trim();
  blockedUsing(e);
  return true;
}

/** cleanup's header/body checks and milters: "reject: header Subject: x from host[ip]; from=<a> …: 5.7.1 text". */
function cleanupCheck(msg: string, e: PostfixEvent): boolean {
  const m =
    /^(reject|warning|info|discard|hold|redirect|replace|prepend|milter-reject|milter-discard|milter-hold|milter-header-redirect|milter-redirect): (header|body|mime-header|nested-header|END-OF-MESSAGE|DATA|CONNECT|EHLO|HELO|MAIL|RCPT) (.*)$/s.exec(
      msg,
    );
  if (!m) return false;
  e.action = m[1];
  const kind = m[2];
  const rest = m[3];
  const fromHost = / from ([^\s;[]+\[[^\]\s[]*\])(?::\s*|;\s*)/.exec(rest);
  if (fromHost) setClient(e, hostIp(fromHost[1]));
  const kv = /;\s*(from=<[^<>]*>.*)$/s.exec(rest);
  if (kv) {
    const tail = kv[1];
    // cleanup: "… helo=<h>: 5.7.1 text" — the reply follows the key=values
    const after = /helo=<[^<>]*>:\s*(.*)$/s.exec(tail) ?? /proto=\S+:\s*(.*)$/s.exec(tail);
    keyValues(tail, e);
    if (after) reply(after[1], e);
  }
  // milter-reject: "END-OF-MESSAGE from h[ip]: 5.7.1 text; from=…"
  if (/^milter-/.test(e.action) && /^(?:END-OF-MESSAGE|DATA|CONNECT|EHLO|HELO|MAIL|RCPT)$/.test(kind)) {
    e.smtpStage = kind;
    const r = /^from \S+?:\s*(.*?)(?:;\s*from=|$)/s.exec(rest);
    if (r) reply(r[1], e);
  } else if (kind !== 'END-OF-MESSAGE') e.smtpStage = 'END-OF-MESSAGE';
  return true;
}

/** smtp/lmtp/local/virtual/pipe delivery status: "to=<b>, relay=h[ip]:25, …, dsn=5.1.1, status=bounced (…)". */
function deliveryStatus(msg: string, e: PostfixEvent): boolean {
  // (an address a poster redacted may hold spaces: "to=<[some email address]>")
  const m = /^to=(?:<([^<>]{0,300})>|([^,\s]*)),\s*(.*)$/s.exec(msg);
  if (!m) return false;
  e.to = m[1] ?? m[2];
  const rest = m[3];
  const o = /orig_to=<?([^>,\s]*)>?/.exec(rest);
  if (o) e.origTo = o[1];
  const r = /relay=([^,\s]+)/.exec(rest);
  if (r) {
    const who = hostIp(r[1]);
    if (who) {
      e.relayHost = who.host;
      e.relayIp = who.ip;
      if (who.port) e.relayPort = who.port;
    } else e.relayHost = r[1];
  }
  const d = /dsn=([245]\.\d{1,3}\.\d{1,3})/.exec(rest);
  if (d) e.dsn = d[1];
  // (a paste cut before the closing parenthesis keeps what it has of the detail)
  const st = /status=([\w-]+)(?:\s*\((.*?)\)?)?\s*$/s.exec(rest);
  if (st) {
    e.status = st[1];
    if (st[2]) statusDetail(st[2], e);
  }
  if (e.dsn && !e.enhanced) e.enhanced = e.dsn;
  return true;
}

/** The parenthesis after status=: the remote's reply, a relay's login refused, or the connection's failure. */
function statusDetail(detail: string, e: PostfixEvent): void {
  e.response = detail;
  // "SASL authentication failed; server x[ip] said: 535 …" (a relay's login refused)
  const sasl = /^SASL authentication failed; server ([^\s[]+)\[([^\][]*)\] said:\s*(.*)$/s.exec(detail);
  if (sasl) {
    e.relayHost ??= sasl[1];
    e.smtpStage = 'AUTH';
    reply(sasl[3], e);
  } else if (!said(detail, e)) {
    reply(detail, e);
    // "connect to x[ip]:25: Connection timed out", "lost connection with x[ip] while sending RCPT TO"
    e.smtpStage ??= connectionStage(detail);
  }
  e.response = detail;
}

/** "server x[ip] said: …" outside a status line (a relay's SASL refusal, a TLS policy). */
function serverSaid(msg: string, e: PostfixEvent): boolean {
  const m = /^(?:SASL authentication failed; server|.*?server) ([^\s\[]+)\[([^\][]*)\] said:\s*(.*)$/s.exec(msg);
  if (!m) return false;
  e.relayHost = m[1];
  e.relayIp = m[2];
  e.response = m[3];
  if (/^SASL authentication failed/.test(msg)) e.smtpStage = 'AUTH';
  reply(m[3], e);
  return true;
}

/**
 * smtp's own SASL client giving up before a login was tried (src/smtp/smtp_sasl_glue.c: "SASL authentication
 * failed; cannot authenticate to server x[ip]: no mechanism available"): like a connection that failed, the
 * session ends with no reply from the relay (a relay that refused the login is "… server x[ip] said: 535 …").
 */
function saslClientFailed(msg: string, e: PostfixEvent): boolean {
  // (a poster's redaction of the host or the address keeps its brackets: "[redacted][192.0.2.1]", "host[[redacted]]")
  const m = /^SASL authentication failed; cannot authenticate to server (\[[^\]\s]{1,40}\]|[^\s[\]]+)\[((?:\[[^[\]]{0,40}\]|[^[\]])*)\](?::\d+)?:\s*(.*)$/s.exec(msg);
  if (!m) return false;
  e.relayHost = m[1];
  e.relayIp = m[2];
  e.event = 'lost';
  e.smtpStage = 'AUTH';
  e.response = msg;
  return true;
}

/** smtp's connection to a relay: failed, lost, timed out, or its TLS. */
function relayConnection(msg: string, e: PostfixEvent): boolean {
  const m =
    /^(?:connect to|lost connection with|conversation with|SSL_connect error to|certificate verification failed for|Untrusted TLS connection established to|Trusted TLS connection established to|Verified TLS connection established to|Anonymous TLS connection established to|enabling PIX workarounds: .*? for) ([^\s\[]+)\[([^\]]*)\](?::(\d+))?(?::\s*(.*))?/s.exec(
      msg,
    );
  if (!m) return false;
  e.relayHost = m[1];
  e.relayIp = m[2];
  if (m[3]) e.relayPort = Number(m[3]);
  if (/^connect to|^lost connection|^conversation/.test(msg)) e.event = 'lost';
  if (m[4]) e.response = m[4];
  const stage = connectionStage(msg);
  if (stage) e.smtpStage = stage;
  return true;
}

/** smtpd's "connect from h[ip]", "disconnect from h[ip] …", and "QID: client=h[ip]". */
function smtpdConnection(msg: string, e: PostfixEvent): boolean {
  let m = /^(connect|disconnect) from (\S+?)(?:\s+(.*))?$/s.exec(msg);
  if (m) {
    e.event = m[1] as 'connect' | 'disconnect';
    setClient(e, hostIp(m[2]));
    return true;
  }
  m = /^client=(\S+?)(?:,|$)/.exec(msg);
  if (!m) return false;
  e.event = 'client';
  setClient(e, hostIp(m[1]));
  return true;
}

/** smtpd lost its client: "lost connection after RCPT from h[ip]", "timeout after DATA …", "SSL_accept error from …". */
function smtpdLost(msg: string, e: PostfixEvent): boolean {
  let m =
    /^(lost connection|timeout|too many errors|SSL_accept error|bare <LF> received|improper command pipelining) after (\S+)(?: \(\d+ bytes\))? from ([^\s\[]+\[[^\]]*\])/.exec(
      msg,
    );
  if (m) {
    e.event = m[1] === 'timeout' ? 'timeout' : 'lost';
    e.smtpStage = m[2];
    setClient(e, hostIp(m[3]));
    return true;
  }
  m = /^(SSL_accept error|lost connection) from (\S+?)(?::|$)/.exec(msg);
  if (!m) return false;
  e.event = 'lost';
  setClient(e, hostIp(m[2]));
  return true;
}

/** smtpd: "host[ip]: SASL LOGIN authentication failed", TLS from a client. */
function clientNamed(msg: string, e: PostfixEvent): boolean {
  const m = /^(?:(?:Anonymous|Untrusted|Trusted|Verified) TLS connection established from )?([^\s\[]+)\[([^\]]*)\](?::(\d+))?: /.exec(msg);
  if (!m) return false;
  e.clientHost = m[1];
  e.clientIp = m[2];
  if (m[3]) e.clientPort = Number(m[3]);
  // smtpd answered "535 5.7.8 Error: authentication failed" (smtpd_sasl.c): a refusal of the login
  const sasl = /: (SASL \S+ authentication failed.*)$/.exec(msg);
  if (sasl) {
    e.action = 'reject';
    e.code = 535;
    e.enhanced = '5.7.8';
    e.smtpStage = 'AUTH';
    e.replyText = sasl[1];
  }
  return true;
}

/** anvil: "max connection count 1 for (smtpd:192.0.2.1) at …". */
function anvilLimit(msg: string, e: PostfixEvent): boolean {
  const m = /^max (?:connection|message|recipient|newtls|cache).*? for \(([^()]*)\)/.exec(msg);
  if (!m) return false;
  const inner = m[1];
  const svc = /^([a-z][\w-]*):(.*)$/i.exec(inner);
  const ip = svc ? svc[2] : inner.slice(inner.lastIndexOf(':') + 1);
  if (ip && ip !== 'unknown') e.clientIp = ip;
  return true;
}

/** smtpd's DNS warnings about its client (what the receiver saw: FCrDNS). */
function dnsWarning(msg: string, e: PostfixEvent): boolean {
  const named = /^hostname (\S+) does not resolve to address (\S+?)(?::|$)/.exec(msg);
  const numbered = !named && e.level === 'warning' ? /^(\S+): (?:address not listed for hostname|hostname) (\S+)/.exec(msg) : null;
  if (!named && !numbered) return false;
  e.clientHost = named ? named[1] : numbered![2];
  e.clientIp = named ? named[2] : numbered![1];
  e.dnsWarning = 'fcrdns-mismatch';
  return true;
}

/** cleanup's "message-id=<…>", qmgr's "from=<a>, size=…, nrcpt=… (queue active)". */
function queueNotes(msg: string, e: PostfixEvent): boolean {
  let m = /^message-id=<?([^>]*)>?$/.exec(msg);
  if (m) {
    e.messageId = m[1];
    return true;
  }
  m = /^from=<([^>]*)>,\s*(.*)$/s.exec(msg);
  if (!m) return false;
  e.from = m[1];
  const st = /status=(\w+)/.exec(m[2]);
  if (st) e.status = st[1];
  const size = /size=(\d+)/.exec(m[2]);
  if (size) e.size = Number(size[1]);
  return true;
}

/** Each kind of message Postfix logs, tried in order until one reads it (the order matters: the first shapes are the most specific). */
const MESSAGE_READERS: ((msg: string, e: PostfixEvent) => boolean)[] = [
  smtpdRefusal,
  cleanupCheck,
  deliveryStatus,
  said,
  serverSaid,
  saslClientFailed,
  relayConnection,
  smtpdConnection,
  smtpdLost,
  clientNamed,
  anvilLimit,
  dnsWarning,
  postscreenEvent,
  queueNotes,
];

/**
 * The command a broken connection was at, in Postfix's words (smtp_proto.c:
 * "lost connection with x while receiving the initial server greeting",
 * "… while sending RCPT TO", "conversation with x timed out while sending
 * message body"; "connect to x: Connection timed out" never got that far).
 */
export function connectionStage(text: string): string | undefined {
  if (isConnectFailure(text)) return 'CONNECT';
  // "Cannot start TLS: handshake failure": STARTTLS, after EHLO
  if (/Cannot start TLS|TLS handshake|STARTTLS/i.test(text)) return 'STARTTLS';
  const m = / while (?:sending|receiving|performing) (?:the )?(.+?)(?: command| handshake)?(?:\)|$)/i.exec(text);
  if (!m) return undefined;
  const w = m[1].toUpperCase();
  if (/^(?:EHLO|HELO|LHLO)/.test(w)) return 'EHLO';
  if (/STARTTLS|TLS/.test(w)) return 'STARTTLS';
  if (/^MAIL/.test(w)) return 'MAIL FROM';
  if (/^RCPT/.test(w)) return 'RCPT TO';
  if (/^DATA/.test(w)) return 'DATA';
  if (/MESSAGE|BODY|END OF DATA|CONTENT/.test(w)) return 'END-OF-MESSAGE';
  return w;
}

export { readPostfixLine, type PostfixLine } from './line';
