// maddy's log (maddy, the Go mail server: github.com/foxcpp/maddy). Each line is a module's name, a
// message, and the message's fields as one JSON object (internal/log/log.go: "module: message\t{json}";
// syslog or journald put their prefix before it, a terminal copy turns the tab into spaces):
//   smtp: incoming message	{"msg_id":"5b63fbdb","sender":"a@example.org","src_host":"mx.example.org","src_ip":"192.0.2.1:57053"}
//   smtp: RCPT error	{"msg_id":"…","rcpt":"…","reason":"…","smtp_code":501,"smtp_enchcode":"5.1.8","smtp_msg":"…"}
//   smtp: DATA error	{"check":"check.spf","msg_id":"…","reason":"…","smtp_code":550,"smtp_enchcode":"5.7.23","smtp_msg":"…"}
//   queue: delivery attempt failed	{"msg_id":"…","rcpt":"…","reason":"…","smtp_code":556,"smtp_enchcode":"5.1.10","smtp_msg":"…"}
// The "smtp"/"submission"/"lmtp" endpoints are maddy's own listeners refusing a client (internal/endpoint/smtp:
// the MAIL/RCPT/DATA errors carry the reply the client got: smtp_code, smtp_enchcode, smtp_msg); "queue" and
// "remote" report its outbound deliveries (internal/target/queue, internal/target/remote), where smtp_msg is the
// receiver's reply or maddy's own finding. "reason" is maddy's own account of the failure (a check's result, a
// lookup error, a storage error): the reply's cause, read with the reply.

import type { Session, Stage } from '../types';
import type { InputParser, ParseResult, RawRejection } from './parser';
import { SessionBook, sessionsWithContent, shareOfShapes } from './session';

/** syslog's / journald's prefix with the program maddy, or maddy's own timestamp, and its "[debug] " mark. */
const PREFIX =
  /^(?:(?:[A-Z][a-z]{2}\s+\d{1,2} \d{2}:\d{2}:\d{2}\s+\S+\s+maddy(?:\[\d+\])?:\s*)|(?:\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?\s+))?(?:\[debug\]\s+)?(.*)$/;

/** A module's line: its name, the message, and the JSON fields (maddy writes keys in lower snake case). */
const LINE = /^([a-z][\w.\/-]{0,40}): ([^{\t]*?)\s*(\{"[a-z_]+":.*\})?\s*$/;

const SHAPES = {
  // maddy's own: a module's message with its JSON fields, or its listener's start
  fields: /^[a-z][\w.\/-]{0,40}: [^{\t]*?\s*\{"(?:msg_id|smtp_code|src_ip|rcpt|check|reason|effective_rcpt|from|to|dsn_id|domain)":/,
  listening: /^(?:smtp|submission|lmtp|imap): listening on [a-z]+:\/\//,
  // anyone's: a module's bare message
  plain: /^[a-z][\w.\/-]{0,40}: \S/,
};

/** maddy's listeners: a refusal there is maddy's own, of a client. */
const ENDPOINT = /^(?:smtp|submission|lmtp)$/;

/** The SMTP command of an endpoint's "<COMMAND> error" message. */
const COMMAND_STAGE: Record<string, Stage> = { MAIL: 'mail', RCPT: 'rcpt', DATA: 'end-of-data' };

/** A line's body: without syslog's or maddy's own prefix, a terminal's tab as a space. */
const bodyOf = (raw: string) => (PREFIX.exec(raw.trim())?.[1] ?? raw).replace(/\t/g, ' ').trim();

/** How many of a text's JSON objects are still open at its end (braces inside strings are rare in maddy's fields). */
function openBraces(t: string): number {
  let n = 0;
  for (const c of t) n += c === '{' ? 1 : c === '}' ? -1 : 0;
  return n;
}

/**
 * maddy's lines as it wrote them, each with the number of its first pasted line: a paste wrapped at a
 * width (a mail client, a forum) breaks a long line's JSON fields at a space, and the lines after it
 * continue that object until it closes — joined again with the space they were broken at.
 */
function logicalLines(lines: string[]): { body: string; no: number }[] {
  const out: { body: string; no: number }[] = [];
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    const body = bodyOf(raw);
    const last = out[out.length - 1];
    // (the break may fall before the object too: a message broken off, and the rest of it with the fields on the
    // next line)
    const continues = !!last && !LINE_START.test(body) && (openBraces(last.body) > 0 || (!last.body.includes('{') && body.includes('{"')));
    if (continues) last.body = `${last.body} ${body}`;
    else out.push({ body, no: i + 1 });
  });
  return out;
}

/** The start of a module's line ("smtp: ", "target.queue: "), which no wrapped JSON continuation is. */
const LINE_START = /^[a-z][\w.\/-]{0,40}: /;

/** How sure these lines are maddy's: its module lines with JSON fields among them. */
export function looksLikeMaddy(lines: string[]): number {
  return shareOfShapes(
    logicalLines(lines).map((l) => l.body),
    SHAPES,
    (l) => l,
    (shape) => shape !== 'plain',
  );
}

type Fields = Record<string, unknown>;

/** The JSON fields of a line; never throws (a cut-off line has none). */
function fieldsOf(json: string | undefined): Fields {
  if (!json) return {};
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' ? (v as Fields) : {};
  } catch {
    return {};
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** "192.0.2.1:57053", "[2001:db8::1]:39802": the address without the port. */
function ipOf(v: unknown): string | null {
  const s = str(v);
  if (!s) return null;
  const m = /^\[([0-9A-Fa-f:.]+)\](?::\d+)?$/.exec(s) ?? /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/.exec(s);
  return m ? m[1] : null;
}

/**
 * The reply a line's fields carry, with maddy's own account of it after it in brackets, as a
 * server's log line gives a reply and its cause together: the client saw smtp_msg ("SPF authentication
 * failed with a temporary error"), the reason says why ("lookup example.net on 127.0.0.53:53: server
 * misbehaving"); a failure with no reply (a storage error at DATA) is told by its reason alone.
 */
function replyOf(f: Fields): { code: number | null; enhanced: string | null; text: string } {
  const code = typeof f.smtp_code === 'number' && f.smtp_code >= 400 && f.smtp_code < 600 ? f.smtp_code : null;
  const enhanced = str(f.smtp_enchcode);
  const msg = str(f.smtp_msg);
  const reason = str(f.reason);
  const text = msg && reason && reason !== msg ? `${msg} (${reason})` : (msg ?? reason ?? '');
  return { code, enhanced: enhanced && /^[245]\.\d{1,3}\.\d{1,3}$/.test(enhanced) ? enhanced : null, text };
}

export function parseMaddy(lines: string[]): ParseResult {
  const book = new SessionBook('maddy-log');
  const inbound = (id: string | null, no: number): Session =>
    id ? book.find(`in:${id}`, id, no, 'inbound') : book.open(null, null, no, 'inbound');
  for (const { body, no } of logicalLines(lines)) {
    const m = LINE.exec(body);
    if (!m) {
      book.unknownLines++;
      continue;
    }
    const [, module, message, json] = m;
    const f = fieldsOf(json);
    const id = str(f.msg_id);
    const base = module.split('/')[0];
    if (ENDPOINT.test(base) && message === 'incoming message') {
      const s = inbound(id, no);
      s.clientIp = ipOf(f.src_ip);
      s.clientIpLine = no;
      s.remoteHost = str(f.src_host);
      const sender = str(f.sender);
      if (sender) s.mailFrom = { address: sender, line: no };
      s.endLine = no;
    } else if (ENDPOINT.test(base) && /^(?:RCPT ok|Rcpt)$/.test(message)) {
      const rcpt = str(f.rcpt) ?? str(f.to);
      if (!rcpt) continue;
      const s = inbound(id, no);
      if (!s.rcptTo.some((x) => x.address === rcpt)) s.rcptTo.push({ address: rcpt, line: no });
      s.endLine = no;
    } else if (ENDPOINT.test(base) && message === 'Mail') {
      const from = str(f.from);
      const s = inbound(id, no);
      if (from) s.mailFrom = { address: from, line: no };
      s.endLine = no;
    } else if (ENDPOINT.test(base) && /^(?:MAIL|RCPT|DATA) error$/.test(message)) {
      const s = inbound(id, no);
      s.endLine = no;
      const r = replyOf(f);
      const rcpt = str(f.effective_rcpt) ?? str(f.rcpt) ?? str(f.to);
      const rejection: RawRejection = {
        code: r.code,
        enhanced: r.enhanced,
        stage: COMMAND_STAGE[message.slice(0, 4)],
        text: r.text,
        ip: s.clientIp,
        line: no,
        recipient: rcpt,
        remote: s.remoteHost,
        inbound: true,
      };
      book.rejections.push(rejection);
    } else if ((base === 'queue' || module === 'target.queue') && message === 'delivery attempt failed') {
      const r = replyOf(f);
      book.rejections.push({
        code: r.code,
        enhanced: r.enhanced,
        stage: 'unknown',
        text: r.text,
        ip: null,
        line: no,
        recipient: str(f.rcpt),
        remote: str(f.remote_server) ?? str(f.domain),
        action: r.code !== null && r.code < 500 ? 'deferred' : 'failed',
      });
    }
    // every other module line is maddy's (its checks' notes, the queue's bookkeeping, listeners): known, no refusal
  }
  const sessions = sessionsWithContent(book.sessions);
  return {
    kind: 'maddy-log',
    sessions,
    rejections: book.rejections,
    unknownLines: book.unknownLines,
    warnings: sessions.length || book.rejections.length ? [] : ['No maddy session or delivery was found in the log.'],
  };
}

export const maddyParser: InputParser = {
  kind: 'maddy-log',
  detect: looksLikeMaddy,
  parse: (lines) => parseMaddy(lines),
};
