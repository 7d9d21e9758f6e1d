// Is this a bounce? A delivery status notification says so in its
// Content-Type (RFC 3464/6522: multipart/report; report-type=delivery-status).
// Most NDRs and unstructured bounces only say it by who sends them
// (MAILER-DAEMON, postmaster), their Subject, X-Failed-Recipients (Exim), and
// the words of their first paragraph. A forwarded or pasted bounce may have
// lost its headers entirely, so the body's words count on their own too.

import type { HeaderField } from '../../types';
import { headerValue } from '../../mail/header-block';
import { decodeEncodedWords } from './decode';
import { replyInText } from './reply';
import { looksLikeSesNotification } from './ses';
import { readEspEvents } from './esp';
import { findHeaderStart } from '../message';
import { findReceiverKnowledge } from '../../knowledge/replies';
import { LANGUAGES } from '../../knowledge/reasons';
import { replyLineAlone, replyShaped } from './reply-line';

// "report-type=…" after "multipart/report": the two looked for apart, since
// /multipart\/report[\s\S]*report-type/ scans to the end from every "multipart/report"
const DSN_TYPE = { test: (ct: string) => reportType(ct, /report-type\s*=\s*"?(?:delivery-status|disposition-notification)/i) };
const ARF_TYPE = { test: (ct: string) => reportType(ct, /report-type\s*=\s*"?feedback-report/i) };
function reportType(ct: string, type: RegExp): boolean {
  const at = ct.search(/multipart\/report/i);
  return at >= 0 && type.test(ct.slice(at));
}
const DAEMON_FROM =
  /mailer-daemon|post_?master|^\s*"?MDaemon\b|<MDaemon@|mail delivery (?:sub)?system|mail ?delivery|mailerdaemon|MAILER_DAEMON|Mail Administrator|System Administrator|Microsoft Outlook|administrator@|\bdaemon@|bounce[sd]?@|noreply-dsn|returned mail|Delivery Status|Mail Transport System|Internet Mail Delivery/i;
const BOUNCE_SUBJECT =
  /undeliver|delivery error|undelivered|delivery (?:status notification|failure|failed|report|notification|problem)|returned mail|mail delivery failed|failure notice|non[- ]?delivery|could not be delivered|mail system error|returned to sender|delivery has failed|not delivered|message (?:delivery )?(?:failure|rejected|not delivered|bounced)|bounce|warning: (?:could not send|message .* delayed)|delayed mail|mail failure|error (?:sending|delivering)|permanent (?:error|failure)|nondeliverable|rejected|unzustellbar|ist unzustellbar|non remis|onbestelbaar|no entregado|配信|エラー/i;
const BOUNCE_BODY =
  /could not be delivered|was not delivered|wasn'?t delivered|permanent (?:fatal )?errors?|delivery (?:has )?failed|following addresses? (?:had|failed)|address(?:es)?\W+failed|I'?m afraid I wasn'?t able to deliver|Delivery to the following recipients? (?:failed|has been delayed)|did not reach the following recipient|could not deliver|unable to deliver|undeliverable|message (?:was )?(?:rejected|returned|bounced)|Transcript of session follows|delivery status notification|this is the (?:mail system|qmail-send program|postfix program)|Mail delivery failed|Your message (?:could not|cannot|was not|wasn't|did not)|rejected your message|returned to you|not be delivered|delivery attempts? (?:will continue|failed)|SMTP error from remote (?:mail server|server)|Technical details of (?:permanent|temporary) failure|delivery problem|failed permanently|fatal delivery errors?|Session Transcript|trouble delivering|rejected recipient|requested action not taken|Invalid user address|not reach the following|remote host said|said:\s*[45]\d\d/i;
/** Auto-reply subjects: Outlook and Exchange write them in the mailbox's language. */
const AUTO_REPLY_SUBJECT =
  /^(?:auto(?:matic)?[ -]?(?:reply|response|antwort)|automatische antwort|abwesenheitsnotiz|out of (?:the )?office|away|vacation|abwesend|absence|on leave|autoreply|auto:|réponse automatique|respuesta automática|risposta automatica|automatisch antwoord|resposta automática|autosvar|automaattinen vastaus|自動)/i;

/**
 * A bounce pasted without its headers (the text of an NDR copied from a mail
 * client): its first lines say it is one, and a reply code follows; or,
 * whatever its language, the words before the returned message's headers
 * quote a refusal. Sure
 * enough to win over the message reader, which would otherwise take the
 * returned message's headers further down for the input.
 */
export function headerlessBounce(lines: string[]): boolean {
  const head = lines
    .filter((l) => l.trim())
    .slice(0, 8)
    .join('\n');
  if (NDR_INTRO.test(head) && /\b[45]\d\d\b|\b[45]\.\d{1,3}\.\d{1,3}\b/.test(lines.slice(0, 200).join('\n'))) return true;
  // in any language: words that quote a refusal, then the returned message's headers
  const start = findHeaderStart(lines);
  return start > 0 && refusalWithAddress(lines.slice(0, start).join('\n'));
}

/** How the notices of the common MTAs open (the first lines of their text). */
const NDR_INTRO =
  /Delivery has failed to these recipients|(?:could|can)(?:n't| ?not) be delivered|was(?:n't| not) delivered|Your message (?:couldn't|could not|wasn't|was not|did not|cannot)|This is the mail system at|I'm afraid I wasn't able to deliver|Delivery to the following recipients? (?:failed|has been delayed)|following addresses? had (?:permanent|delivery)|Mail delivery failed|failure notice|Undeliverable|Delivery Status Notification|created automatically by mail delivery software|The original message was received at|This is the qmail-send program|did not reach the following recipient|Delivery (?:has )?failed|\*\* Address not found \*\*|\*\* Message (?:not delivered|blocked) \*\*|PERMANENT fatal delivery errors/i;

/**
 * Lines only a mail system's notice template writes, never a person: Postfix's bounce template
 * ("This is the mail system at host …", bounce(5)), qmail-send's ("Hi. This is the qmail-send program
 * at …"), Exim's ("This message was created automatically by mail delivery software."), sendmail's
 * section rules ("----- Transcript of session follows -----"), and RFC 3464's per-message field
 * "Reporting-MTA: dns; …" at a line start.
 */
const MTA_TEMPLATE =
  /This is the mail system at host\b|This is the qmail-send program at\b|This message was created automatically by mail delivery software|-{3,} ?(?:Transcript of session follows|The following addresses had permanent fatal errors) ?-{3,}|^[>\s]*Reporting-MTA:\s*dns\s*;/im;

/** Whether headers are a daemon's (MAILER-DAEMON, postmaster, Mail Delivery System…): the bounce's own, not a forward's. */
export function fromDaemon(headers: HeaderField[]): boolean {
  return DAEMON_FROM.test(decodeEncodedWords(headerValue(headers, 'from') ?? ''));
}

/** Whether headers name a bounce's sender (a daemon, a postmaster) or carry a bounce's subject. */
export function headersSayBounce(headers: HeaderField[]): boolean {
  const from = decodeEncodedWords(headerValue(headers, 'from') ?? '');
  const subject = decodeEncodedWords(headerValue(headers, 'subject') ?? '');
  return DAEMON_FROM.test(from) || BOUNCE_SUBJECT.test(subject);
}

export interface BounceSignals {
  dsn: boolean;
  arf: boolean;
  autoReply: boolean;
  score: number;
}

/**
 * The envelope sender of an mbox "From " separator line (RFC 4155: "From MAILER-DAEMON@host Tue …", no
 * colon), as a mail client's "view source" or a forum paste keeps it on top of the header section.
 */
export function mboxSender(line: string | undefined): string | undefined {
  return /^From ([^\s:]+)(?:\s.*)?$/.exec(line?.trim() ?? '')?.[1];
}

export function bounceSignals(headers: HeaderField[], bodySample: string, envelopeFrom?: string): BounceSignals {
  const ct = headers
    .filter((h) => /^content-type$/i.test(h.name))
    .map((h) => h.value)
    .join(' ');
  // (no From field: the mbox separator's envelope sender says who sent it, as Return-Path would)
  const from = decodeEncodedWords(headerValue(headers, 'from') ?? envelopeFrom ?? '');
  const subject = decodeEncodedWords(headerValue(headers, 'subject') ?? '');
  const returnPath = headerValue(headers, 'return-path') ?? '';
  const autoSubmitted = (headerValue(headers, 'auto-submitted') ?? '').toLowerCase();
  const dsn =
    DSN_TYPE.test(ct) ||
    (/^[ \t]*message\/delivery-status/im.test(bodySample.slice(0, 200000)) &&
      /^[ \t]*(?:Final|Original)-Recipient[ \t]*:/im.test(bodySample));
  const arf = ARF_TYPE.test(ct) || /^Content-Type:\s*message\/feedback-report/im.test(bodySample);
  let score = 0;
  // Amazon SES notifications (JSON): a bounce, a complaint, a delay or a delivery report,
  // and the JSON events of other sending services (esp.ts)
  if (dsn || arf || looksLikeSesNotification(bodySample) || readEspEvents(bodySample)) score = 1;
  let hints = 0;
  if (DAEMON_FROM.test(from) || /^<>$|^<MAILER-DAEMON/i.test(returnPath.trim())) hints++;
  if (BOUNCE_SUBJECT.test(subject)) hints++;
  if (headerValue(headers, 'x-failed-recipients')) hints += 2;
  const bodyHit = BOUNCE_BODY.test(bodySample);
  if (bodyHit) hints++;
  // a mail system's own notice template in the text: a second sign beside the notice's words, as a
  // daemon's From: is — the sign a paste keeps when the poster redacted who sent it
  if (MTA_TEMPLATE.test(bodySample)) hints++;
  if (/^[ \t]*<?[^\s<>@]+@[^\s<>]+>?:?[ \t]*$/m.test(bodySample) && /\b[45]\d\d[ -][45]?\.?\d?/.test(bodySample)) hints += 0.5;
  // a mailing-list manager refusing a post (fml, Mailman, Majordomo): its robot address or list
  // headers, and words that say the sender may not post — an automatic refusal, like a daemon's
  const listRefusal =
    (LIST_ROBOT_FROM.test(from) || !!headerValue(headers, 'x-mlserver') || !!headerValue(headers, 'list-id')) &&
    (LIST_REFUSAL.test(subject) || LIST_REFUSAL.test(bodySample.slice(0, 4000)));
  if (listRefusal) hints += 2;
  const fromDaemon = DAEMON_FROM.test(from) || !!headerValue(headers, 'x-failed-recipients') || listRefusal;
  const autoReply =
    !dsn &&
    !arf &&
    !fromDaemon &&
    (/auto-replied|auto-notified/.test(autoSubmitted) ||
      AUTO_REPLY_SUBJECT.test(subject.trim()) ||
      !!headerValue(headers, 'x-autoreply')) &&
    !bodyHit;
  // RFC 3834's Auto-Submitted: auto-replied says it outright; a subject alone leaves the message reader a tie
  if (autoReply) score = Math.max(score, /auto-replied/.test(autoSubmitted) ? 1 : 0.9);
  if (!score) {
    // a pasted bounce text without its headers: the words alone, below any log format
    if (!headers.length) score = bodyHit ? 0.6 : refusalWithAddress(bodySample) || bareReply(bodySample) ? 0.5 : 0;
    // two independent signs (who sent it, its subject, its words) make it a
    // bounce even though it is also a well-formed message, which ties at 1 —
    // but a subject and words alone, from a person, are a message about
    // bounces (a newsletter, a question) unless it returns a message (a
    // message/rfc822 or headers part, as au one net's notices do) or forwards a daemon's notice
    else if (hints >= 2)
      score =
        fromDaemon ||
        /^<>$/.test(returnPath.trim()) ||
        /^content-type:\s*(?:message\/rfc822|text\/rfc822-headers)/im.test(bodySample) ||
        FORWARDED_BOUNCE_SUBJECT.test(subject) ||
        forwardsDaemonNotice(bodySample)
          ? 1
          : 0.8;
    else if (hints >= 1.5) score = 0.8;
  }
  return { dsn, arf, autoReply, score };
}

/** The robot addresses of list managers: fml's list-admin@, Mailman's list-owner@ and list-bounces@, Majordomo's list-request@. */
const LIST_ROBOT_FROM = /[\w.]-(?:admin|owner|request|bounces?)@/i;
/** Words of a list manager refusing a post (fml "NOT MEMBER article from …", Mailman "Post by non-member to a members-only list"). */
const LIST_REFUSAL =
  /\bnot a member of this (?:mailing )?list\b|\bNOT MEMBER article\b|\bare not (?:a )?member\b|\bonly members (?:can|may) post\b|\bmembers-only list\b|\bnon-?member (?:post|submission)\b|\bLoop Alert\b|\bLoop Back Warning\b|\bDuplicated Message-ID\b|\bhas detected a loop condition\b/i;

/** "Fwd: Undeliverable: …", "WG: Unzustellbar: …", "TR: Non remis : …": a user passing a bounce on. */
const FORWARDED_BOUNCE_SUBJECT = new RegExp(
  String.raw`^\s*(?:(?:fwd?|fw|wg|tr|rv|enc|doorst|vs|vb)\s*:\s*)+` + `(?:${BOUNCE_SUBJECT.source})`,
  'i',
);

/** A forwarded notice: a quoted header line "From: Mail Delivery Subsystem <…>" in the body (any client, any language). */
function forwardsDaemonNotice(body: string): boolean {
  return body.split('\n', 400).some((l) => {
    const m = /^[>\s]*(?:From|Von|De|Da|Van)\s*:\s*(.+)$/i.exec(l);
    return !!m && DAEMON_FROM.test(m[1]);
  });
}

/**
 * Words that quote a receiver's refusal and name an address: a notice pasted
 * without its headers, in any language (Gmail's "The response from the
 * remote server was:" in German, Japanese…, or one "<a@b>: host … said: 554 …"
 * paragraph). Below every log reader, which claim their own lines first.
 */
/**
 * Only the receiver's reply, pasted (the words a user copies from a bounce or
 * a client's error box: "550-5.7.25 The IP address sending this message does
 * not have a PTR record…"): a short text that opens with a 4xx/5xx reply line
 * (RFC 5321 §4.2, continuation lines "550-") carrying an enhanced status code
 * (RFC 3463), or a receiver's known words. Read as a headerless bounce, so the
 * refusal is classified.
 */
function bareReply(body: string): boolean {
  const lines = body.split('\n', 41).filter((l) => l.trim());
  if (!lines.length || lines.length > 40) return false;
  if (/^\s*[45]\d\d[ -]#?[45]\.\d{1,3}\.\d{1,3}\b/.test(lines[0])) return true;
  // without an enhanced code ("554 Message does not conform to standards", older
  // servers), a line or two whose words a receiver's knowledge entry knows: a
  // number and words alone ("500 Internal Server Error") are too often other text
  const plain = /^\s*([45]\d\d)[ -](\S.*)$/.exec(lines[0]);
  if (!plain) return false;
  const code = Number(plain[1]);
  // a multi-line reply (RFC 5321 §4.2.1): "550-…" lines, then "550 …" — the shape is the reply's own
  const last = lines.findIndex((l, i) => i > 0 && new RegExp(`^\\s*${code} \\S`).test(l));
  const words = (ls: string[]) =>
    ls
      .map((l) => l.replace(/^\s*[45]\d\d[ -]\s?/, ''))
      .join(' ')
      .trim();
  const context = lines.join('\n');
  if (
    last > 0 &&
    lines.slice(0, last).every((l) => new RegExp(`^\\s*${code}-`).test(l)) &&
    replyLineAlone(code, words(lines.slice(0, last + 1)), context)
  )
    return true;
  if (lines.length > 3 || !replyShaped(words(lines), context)) return false;
  return findReceiverKnowledge(words(lines), code, 'unknown') !== undefined || replyLineAlone(code, words(lines), context);
}

function localizedReasonWords(line: string): boolean {
  return line.length <= 300 && LANGUAGES.some((l) => Object.values(l.words).some((w) => w.test(line)));
}

function refusalWithAddress(body: string): boolean {
  const lines = body.split('\n', 300);
  // the client's commands at the start of lines: an SMTP dialogue (telnet, openssl s_client), not a notice
  if (lines.some((l) => /^(?:EHLO|HELO|MAIL FROM:|RCPT TO:|DATA\s*$|QUIT\s*$)/i.test(l))) return false;
  // Gmail's notice of a domain that does not exist quotes its DNS answer, not a reply
  // a notice in another language may quote no reply at all, only its own sentence ("Das Postfach des
  // Empfängers ist voll", "宛先のメールアドレスは存在しません"): the reason words of its language count
  // (knowledge/reasons/lexicon.ts), on a line of a sentence's length
  const refusal = lines.some((l) => replyInText(l) !== null || /^\s*DNS Error: /.test(l) || localizedReasonWords(l));
  return refusal && /(?<![^\s<>@,;:"()])[^\s<>@,;:"()]+@[A-Za-z0-9-]+\.[A-Za-z0-9.-]+/.test(body);
}
