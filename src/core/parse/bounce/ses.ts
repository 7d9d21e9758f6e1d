// Amazon SES event notifications (JSON, sent by SNS as an email or HTTP
// post): notificationType Bounce, Complaint or Delivery, with one entry per
// recipient (docs.aws.amazon.com/ses/latest/dg/notification-contents.html);
// and the same events published through a configuration set, which name
// their type "eventType" and add DeliveryDelay and Reject
// (docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html).
// Senders on SES only ever see their bounces in this form, so it is read like
// a DSN: bouncedRecipients[].status / diagnosticCode / action.

import type { RawRejection } from '../parser';
import { readDiagnostic } from './diagnostic';
import { stripAddressType } from './dsn';

const MARK = /\\?"(?:notificationType|eventType)\\?"\s*:\s*\\?"(Bounce|Complaint|Delivery|DeliveryDelay|Reject)\\?"/;

export function looksLikeSesNotification(text: string): boolean {
  return MARK.test(text);
}

interface SesRecipient {
  emailAddress?: string;
  action?: string;
  status?: string;
  diagnosticCode?: string;
}

interface SesNotification {
  notificationType?: string;
  eventType?: string;
  deliveryDelay?: { delayType?: string; delayedRecipients?: SesRecipient[]; reportingMTA?: string };
  reject?: { reason?: string };
  mail?: { destination?: string[]; source?: string; commonHeaders?: { from?: string[] } };
  bounce?: { bounceType?: string; bouncedRecipients?: SesRecipient[]; reportingMTA?: string; remoteMtaIp?: string };
  complaint?: { complainedRecipients?: SesRecipient[]; complaintFeedbackType?: string };
  delivery?: { recipients?: string[]; smtpResponse?: string; remoteMtaIp?: string };
  Message?: string;
}

/** The JSON object in the text; mail transports may have broken its long line ("!" + newline + space). */
function parseJson(text: string): SesNotification | null {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return null;
  const clean = (t: string) => t.replace(/!\r?\n /g, '').replace(/\r?\n/g, '');
  const body = clean(text.slice(start, end + 1));
  // a poster who pasted only the part that mattered leaves the outer object open: its first member
  // ('"bounce": {' …) starts the paste and the object's closing brace ends it, the opening one cut off
  const member = /(?:^|\n)[ \t]*"[A-Za-z]+"\s*:/.exec(text.slice(0, start + 1));
  const from = member ? text.indexOf('"', member.index) : -1;
  const candidates = [body, ...(from >= 0 ? [`{${clean(text.slice(from, end + 1))}`] : [])];
  for (const c of candidates) {
    try {
      const v = JSON.parse(c) as SesNotification;
      // SNS wraps the SES event as a string in "Message"
      if (typeof v.Message === 'string') return JSON.parse(v.Message) as SesNotification;
      return v;
    } catch {
      // the next reading
    }
  }
  return null;
}

/** One refusal per recipient of the notification; `line` is where the JSON starts. */
export function readSesNotification(text: string, line: number): RawRejection[] {
  const n = parseJson(text);
  if (!n) return [];
  const out: RawRejection[] = [];
  const type = n.notificationType ?? n.eventType;
  if (type === 'Bounce') {
    for (const r of n.bounce?.bouncedRecipients ?? []) {
      const diag = r.diagnosticCode ? stripDiagType(r.diagnosticCode) : null;
      const d = readDiagnostic({
        status: r.status ?? null,
        diagnostic: diag,
        diagnosticType: 'SMTP',
        action: r.action ?? 'failed',
        remoteMta: n.bounce?.reportingMTA ? stripAddressType(n.bounce.reportingMTA) : null,
        humanText: diag ? null : `Amazon SES ${n.bounce?.bounceType ?? ''} bounce`.trim(),
      });
      out.push({ ...d, line, recipient: r.emailAddress ?? null });
    }
  } else if (type === 'DeliveryDelay') {
    for (const r of n.deliveryDelay?.delayedRecipients ?? []) {
      const diag = r.diagnosticCode ? stripDiagType(r.diagnosticCode) : null;
      const d = readDiagnostic({
        status: r.status ?? null,
        diagnostic: diag,
        diagnosticType: 'SMTP',
        action: 'delayed',
        remoteMta: n.deliveryDelay?.reportingMTA ? stripAddressType(n.deliveryDelay.reportingMTA) : null,
        humanText: diag ? null : `Amazon SES delivery delay (${n.deliveryDelay?.delayType ?? 'unknown'})`,
      });
      out.push({ ...d, line, recipient: r.emailAddress ?? null });
    }
  } else if (type === 'Reject') {
    // SES itself refused to send: "Amazon SES accepted the email, determined that it contained a
    // virus, and rejected it" (the event's documented meaning) — the event type states the reason
    for (const r of n.mail?.destination ?? [null])
      out.push({
        code: null,
        enhanced: null,
        stage: 'unknown',
        text: `Amazon SES rejected the message before sending it: ${n.reject?.reason ?? 'no reason given'}`,
        ip: null,
        line,
        recipient: r,
        reason: 'virusdetected',
      });
  } else if (type === 'Complaint') {
    for (const r of n.complaint?.complainedRecipients ?? [])
      out.push({
        code: null,
        enhanced: null,
        stage: 'unknown',
        text: `Amazon SES complaint${n.complaint?.complaintFeedbackType ? ` (${n.complaint.complaintFeedbackType})` : ''}: the recipient reported the message`,
        ip: null,
        line,
        recipient: r.emailAddress ?? null,
        reason: 'feedback',
      });
  } else if (type === 'Delivery') {
    for (const r of n.delivery?.recipients ?? [])
      out.push({
        code: 250,
        enhanced: null,
        stage: 'end-of-data',
        text: `Delivered: ${n.delivery?.smtpResponse ?? ''}`.trim(),
        ip: null,
        line,
        recipient: r,
        reason: 'delivered',
      });
  }
  return out;
}

function stripDiagType(s: string): string {
  return s.replace(/^[\w-]+\s*;\s*/, '');
}

/** The envelope sender (mail.source) and the From: address (mail.commonHeaders.from) the notification names. */
export function sesSender(text: string): { mailFrom: string | null; from: string | null } {
  const n = parseJson(text);
  return { mailFrom: n?.mail?.source ?? null, from: n?.mail?.commonHeaders?.from?.[0] ?? null };
}
