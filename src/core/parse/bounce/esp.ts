// Bounce events of sending services, pasted as the JSON their webhooks post
// (or their logs and dashboards show). A sender on such a service never sees
// a DSN: the service reads it and reports one event per recipient. Each
// service names the same things differently, so each has a small reader
// here that maps its fields to what a DSN says: the recipient, the status
// (enhanced code), the receiver's reply, whether it is final, and — where the
// service says it — the IP it sent from, which is the IP the receiver judged.
//
// Amazon SES is read by ses.ts (its notifications also arrive by email).

import type { RawRejection } from '../parser';
import type { Sender } from '../../types';
import { readDiagnostic } from './diagnostic';
import { looksLikeSesNotification, readSesNotification, sesSender } from './ses';
import { addressIn } from '../../mail/address';

type Json = Record<string, unknown>;

/** One failed (or delayed) recipient as a service reports it. */
export interface EspEvent {
  recipient: string | null;
  /** RFC 3463 status, when the service gives it apart from the reply. */
  status: string | null;
  /** The receiver's reply (or the service's words when it has none). */
  diagnostic: string | null;
  /** failed, delayed (still retrying) or a complaint. */
  action: 'failed' | 'delayed' | 'complaint';
  /** The IP the service sent from. */
  sendingIp: string | null;
  remoteMta: string | null;
}

interface EspReader {
  service: string;
  /** The service's documentation of the payload. */
  source: string;
  read(v: unknown): EspEvent[] | null;
  /** The envelope sender and the From: address, where the payload names them. */
  sender?(v: unknown): { mailFrom: string | null; from: string | null };
}

const obj = (v: unknown): Json | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
/** "smtp; 550 …" (a DSN's Diagnostic-Code as services copy it) → "550 …". */
const noType = (s: string | null): string | null => (s ? s.replace(/^(?:smtp|x-unix|x-postfix)\s*;\s*/i, '') : null);

const READERS: EspReader[] = [
  {
    service: 'Mailgun',
    source: 'https://documentation.mailgun.com/docs/mailgun/user-manual/events/',
    read(v) {
      const d = obj(obj(v)?.['event-data']) ?? (obj(v) && 'delivery-status' in obj(v)! ? obj(v) : null);
      if (!d || !/^(?:failed|rejected)$/.test(String(d.event))) return null;
      const ds = obj(d['delivery-status']) ?? {};
      const code = str(ds.code);
      const message = str(ds.message) ?? str(ds.description);
      const reply = message && code && !message.startsWith(code) ? `${code} ${message}` : (message ?? str(d.reason));
      return [
        {
          recipient: str(d.recipient),
          status: str(ds['enhanced-code']),
          diagnostic: reply,
          action: d.severity === 'temporary' ? 'delayed' : 'failed',
          sendingIp: str(obj(d.envelope)?.['sending-ip']),
          remoteMta: str(ds['mx-host']),
        },
      ];
    },
    sender(v) {
      const d = obj(obj(v)?.['event-data']) ?? obj(v);
      return { mailFrom: str(obj(d?.envelope)?.sender), from: str(obj(obj(d?.message)?.headers)?.from) };
    },
  },
  {
    service: 'Postmark',
    source: 'https://postmarkapp.com/developer/webhooks/bounce-webhook',
    read(v) {
      const d = obj(v);
      if (!d || !/^(?:Bounce|SpamComplaint)$/.test(String(d.RecordType)) || !('Email' in d)) return null;
      return [
        {
          recipient: str(d.Email),
          status: null,
          diagnostic: noType(str(d.Details)) ?? str(d.Description),
          action: d.RecordType === 'SpamComplaint' ? 'complaint' : /Soft|Transient|Delay/i.test(String(d.Type)) ? 'delayed' : 'failed',
          sendingIp: null,
          remoteMta: null,
        },
      ];
    },
    sender: (v) => ({ mailFrom: null, from: str(obj(v)?.From) }),
  },
  {
    service: 'SparkPost',
    source: 'https://developers.sparkpost.com/api/events/',
    read(v) {
      const events = list(v)
        .map((e) => obj(obj(obj(e)?.msys)?.message_event))
        .filter(Boolean) as Json[];
      if (!events.length) return null;
      return events
        .filter((e) => /^(?:bounce|out_of_band|delay|policy_rejection)$/.test(String(e.type)))
        .map((e) => ({
          recipient: str(e.rcpt_to),
          status: null,
          diagnostic: noType(str(e.raw_reason) ?? str(e.reason)),
          action: e.type === 'delay' ? 'delayed' : 'failed',
          sendingIp: str(e.sending_ip),
          remoteMta: null,
        }));
    },
    sender(v) {
      const e = obj(obj(obj(list(v)[0])?.msys)?.message_event);
      return { mailFrom: str(e?.msg_from), from: str(e?.friendly_from) };
    },
  },
  {
    service: 'Mailchimp Transactional (Mandrill)',
    source: 'https://mailchimp.com/developer/transactional/docs/webhooks/',
    read(v) {
      const events = list(v).map(obj);
      if (!events.length || !events.every((e) => e && typeof e.event === 'string' && obj(e.msg))) return null;
      return events
        .filter((e) => /^(?:hard_bounce|soft_bounce|reject|deferral)$/.test(String(e!.event)))
        .map((e) => {
          const msg = obj(e!.msg)!;
          return {
            recipient: str(msg.email),
            status: null,
            diagnostic: noType(str(msg.diag)) ?? str(msg.bounce_description),
            action: /soft|deferral/.test(String(e!.event)) ? 'delayed' : 'failed',
            sendingIp: null,
            remoteMta: null,
          };
        });
    },
    sender: (v) => ({ mailFrom: null, from: str(obj(obj(list(v)[0])?.msg)?.sender) }),
  },
  {
    // SendGrid, Mailjet and Brevo all post a list of flat events: {event, email, …}
    service: 'SendGrid, Mailjet or Brevo',
    source:
      'https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/event ; https://dev.mailjet.com/email/guides/webhooks/ ; https://developers.brevo.com/docs/transactional-webhooks',
    read(v) {
      const events = list(v).map(obj);
      if (!events.length || !events.every((e) => e && typeof e.event === 'string' && typeof e.email === 'string')) return null;
      return events
        .filter((e) => /^(?:bounce|dropped|deferred|blocked|hard_bounce|soft_bounce|invalid_email|spam|spamreport)$/.test(String(e!.event)))
        .map((e) => ({
          recipient: str(e!.email),
          status: str(e!.status),
          // SendGrid "reason"/"response"; Mailjet "error_related_to", "error", "comment"
          diagnostic:
            str(e!.reason) ??
            str(e!.response) ??
            ([str(e!.error_related_to), str(e!.error), str(e!.comment)].filter(Boolean).join(': ') || null),
          action: /^(?:spam|spamreport)$/.test(String(e!.event))
            ? 'complaint'
            : /^(?:deferred|soft_bounce)$/.test(String(e!.event))
              ? 'delayed'
              : 'failed',
          // SendGrid: the IP it sent from
          sendingIp: str(e!.ip),
          remoteMta: null,
        }));
    },
  },
];

/** The JSON value in the text: the whole paste, or the object or array inside it (a log line around it). */
function parseJsonIn(text: string): unknown {
  const t = text.trim();
  for (const [open, close] of [
    ['[', ']'],
    ['{', '}'],
  ] as const) {
    const start = t.indexOf(open);
    const end = t.lastIndexOf(close);
    if (start < 0 || end <= start) continue;
    try {
      return JSON.parse(t.slice(start, end + 1));
    } catch {
      // not this bracket pair
    }
  }
  return undefined;
}

export interface EspReading {
  service: string;
  events: EspEvent[];
  mailFrom: string | null;
  from: string | null;
}

/** The service and its events, when the text is one of the services' payloads. */
export function readEspEvents(text: string): EspReading | null {
  if (!/[[{]/.test(text)) return null;
  const v = parseJsonIn(text);
  if (v === undefined) return null;
  for (const r of READERS) {
    const events = r.read(v);
    if (events) {
      const sender = r.sender?.(v) ?? { mailFrom: null, from: null };
      return { service: r.service, events, mailFrom: addressIn(sender.mailFrom), from: addressIn(sender.from) };
    }
  }
  return null;
}

/** One refusal per event, on the input line that names its recipient (else `line`), and the sender the payload names. */
export function espRefusals(text: string, lines: string[], line: number): { rejections: RawRejection[]; sender: Sender | null } | null {
  const found = readEspEvents(text);
  if (!found) return null;
  return { rejections: espRejections(found, lines, line), sender: senderOf(found.mailFrom, found.from, lines, line) };
}

/** The sender, each address on the first input line that names it. */
export function senderOf(mailFrom: string | null, from: string | null, lines: string[], line: number): Sender | null {
  if (!mailFrom && !from) return null;
  const at = (a: string | null) => {
    if (!a) return null;
    const i = lines.findIndex((l) => l.includes(a));
    return { address: a, line: i >= 0 ? i + 1 : line };
  };
  return { mailFrom: at(mailFrom), from: at(from) };
}

function espRejections(found: EspReading, lines: string[], line: number): RawRejection[] {
  return found.events.map((e) => {
    const at = e.recipient ? lines.findIndex((l) => l.includes(e.recipient!)) : -1;
    const where = at >= 0 ? at + 1 : line;
    if (e.action === 'complaint')
      return {
        code: null,
        enhanced: null,
        stage: 'unknown',
        text: `${found.service} complaint: the recipient reported the message`,
        ip: e.sendingIp,
        line: where,
        recipient: e.recipient,
        reason: 'feedback',
      };
    const d = readDiagnostic({
      status: e.status,
      diagnostic: e.diagnostic,
      diagnosticType: 'SMTP',
      action: e.action,
      remoteMta: e.remoteMta,
      humanText: e.diagnostic ? null : `${found.service} reported a bounce without the receiver's reply`,
    });
    // the service sent the message: the IP it names is the one the receiver judged
    return { ...d, ip: e.sendingIp ?? d.ip, line: where, recipient: e.recipient };
  });
}

/**
 * The events of a sending service in the notice's words (Amazon SES, or one
 * of the readers above), each refusal on the line that names its recipient;
 * null when the words are not such an event.
 */
export function serviceEvents(
  text: string,
  lines: string[],
  jsonAt: number,
): { rejections: RawRejection[]; sender: Sender | null; warnings: string[] } | null {
  if (looksLikeSesNotification(text)) {
    const s = sesSender(text);
    const rejections = readSesNotification(text, jsonAt).map((r) => {
      const at = r.recipient ? lines.findIndex((l) => l.includes(`"${r.recipient}"`)) : -1;
      return at >= 0 ? { ...r, line: at + 1 } : r;
    });
    return { rejections, sender: senderOf(addressIn(s.mailFrom), addressIn(s.from), lines, jsonAt), warnings: [] };
  }
  const found = espRefusals(text, lines, jsonAt);
  if (!found) return null;
  return {
    ...found,
    warnings: found.rejections.length
      ? []
      : ['The sending service reported no failed recipient in these events (deliveries, opens or clicks only).'],
  };
}
