// Bounces: RFC 3464 delivery status notifications, Microsoft and other NDRs,
// unstructured bounces (qmail, Exim, Sendmail, Gmail…), ARF feedback reports
// (RFC 5965), read receipts (RFC 8098), RFC 3834 auto-replies and sending
// services' events. One refusal per failed recipient; the returned message's
// headers become Evidence.message so that the header checks run on them.
//
// The pieces: parts.ts (the MIME parts and the notice's words), forward.ts
// (a bounce forwarded inline), text.ts (recipient blocks, where the copy
// starts), reports.ts (DSN, ARF, MDN), words.ts (notices without a DSN),
// esp.ts and ses.ts (JSON events), returned.ts (the returned message).

import type { InputParser, ParseContext, ParseResult, RawRejection } from '../parser';
import { headerValue, readHeaderBlock, type HeaderBlock } from '../../mail/header-block';
import { allParts, walkMime } from './mime';
import { bounceSignals, fromDaemon, headerlessBounce, mboxSender } from './detect';
import { findOriginalStart, findTextRecipients, findHeaderSection } from './text';
import { forwardedBounce } from './forward';
import { forwardBlockOnTop } from '../../text/forward-block';
import { serviceEvents } from './esp';
import { transcriptRefusals } from './transcript';
import { bouncePartsOf, noticeText } from './parts';
import { dsnRefusals, feedbackRefusals, readReceipts } from './reports';
import { earlierAttempts, wordRefusals } from './words';
import { returnedAt, returnedMessage } from './returned';
import { asRefusal, findRepliesIn } from '../replies';
import { clientLoggedIn } from '../../knowledge/own-server-logs';
import { fromFoundReplies } from './found';
import { knownRefusalWords, knownWordsAlone } from './known-words';
import { replyLineAlone } from './reply-line';
import { addressesIn } from '../../mail/address';
import { DSN_ONLY_FIELD } from '../../knowledge/header-fields';
import { readMessageAt } from '../message';
import { isStackFrame } from '../../text/stack-frames';
import type { BodyLine } from './mime';
import type { LoggedCheck } from '../../types';

/**
 * Whether the lines at the top are a header section: two fields or more, not
 * mostly other lines, and none named like an address — a pasted Postfix
 * paragraph "<a@b>: host mx[ip] said: 554 …" (with its indented
 * continuation lines) has the shape of one folded field, but is the notice.
 */
function isHeaderSection(block: HeaderBlock): boolean {
  return (
    block.fields.length >= 2 &&
    block.malformed.length <= block.fields.length &&
    !block.fields.some((f) => /[<>@]/.test(f.name)) &&
    // a program's class path ("Net::SMTPAuthenticationError (535-5.7.8 …", Perl's "Mail::Sender") is a
    // name and a value that starts with the second colon: an exception's text, not a header field
    !block.fields.some((f) => f.value.startsWith(':')) &&
    // …nor is an exception named by its class path ("MailKit.Net.Smtp.SmtpCommandException: Relay access
    // denied", "System.Net.Mail.SmtpException: …", "jakarta.mail.MessagingException: …") with the
    // properties a program prints under it ("StatusCode: MailboxUnavailable")
    !block.fields.some((f) => EXCEPTION_CLASS.test(f.name)) &&
    // …nor lines a program prefixes with its own name ("msmtp: authentication failed", "msmtp: server message:
    // 535 …", "sendmail: Cannot open …"): one name on every line, and no field a message has
    !(new Set(block.fields.map((f) => f.name.toLowerCase())).size === 1 && !MESSAGE_FIELD.test(block.fields[0].name)) &&
    // a DSN's per-recipient block pasted alone (RFC 3464 §2.3: Final-Recipient, Action, Status,
    // Diagnostic-Code…) has the shape of a header section but is the notice's content
    !block.fields.every((f) => DSN_FIELD.test(f.name)) &&
    // …and so are fragments of one pasted with other lines ("Diagnostic-Code: smtp; …" above the
    // Received-SPF line of the returned message): no message's header section has a field that only
    // a delivery report's per-recipient block has (RFC 3464 §2.3)
    !block.fields.some((f) => DSN_ONLY_FIELD.test(f.name)) &&
    // a client's error box in its language ("Destinataire : a@b" / "Erreur : 550 …"), a program's trace
    // ("mta: 0xea6710: <<< 554-…"): labels, not message headers — no field a message has, and a value
    // holds a server's refusal
    !(
      !block.fields.some((f) => MESSAGE_FIELD.test(f.name)) &&
      // (a log's "2021-09-17T17:39:17Z …" lines read as fields named "2021-09-17T17"; a logfmt line's
      // "t=2017-01-16T15:53:03+0000 lvl=eror …" as one named "t=2017-01-16T15", log15's "EROR[06-01|01:20:52] …"
      // as one named "EROR[06-01|01": no message field has a "=", "[" or "|")
      block.fields.some((f) => /(?:^\s*|<<<?\s*)[45]\d\d[ -]/.test(f.value) || /^\d|[=[|]/.test(f.name))
    )
  );
}

/** A program's exception class path: dotted names ending in …Exception or …Error. */
const EXCEPTION_CLASS = /^\w+(?:\.\w+)+(?:Exception|Error)$/;

/** Fields every message or its trace has (RFC 5322 §3.6, RFC 5321 §4.4), and the X- and List- families. */
const MESSAGE_FIELD =
  /^(?:From|To|Cc|Bcc|Subject|Date|Sender|Reply-To|Message-ID|In-Reply-To|References|Received|Return-Path|Delivered-To|MIME-Version|Content-[\w-]+|DKIM-Signature|ARC-[\w-]+|Authentication-Results|Received-SPF|X-[\w-]+|List-[\w-]+|Auto-Submitted|Precedence)$/i;

/** The fields of a DSN's per-message and per-recipient blocks (RFC 3464 §2.2, §2.3), and Postfix's own. */
const DSN_FIELD =
  /^(?:Final-Recipient|Original-Recipient|Action|Status|Remote-MTA|Diagnostic-Code|Reporting-MTA|Received-From-MTA|Arrival-Date|Last-Attempt-Date|Will-Retry-Until|Final-Log-ID|Original-Envelope-Id|DSN-Gateway|X-Actual-Recipient|X-Postfix-[\w-]+|X-Postfix-Sender|X-Original-Message-ID)$/i;

function firstContentLine(lines: string[]): number {
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  return i;
}

export function parseBounce(lines: string[], _text: string, ctx: ParseContext): ParseResult {
  return parseBounceFrom(lines, firstContentLine(lines), ctx, 0);
}

function parseBounceFrom(lines: string[], start: number, ctx: ParseContext, depth: number): ParseResult {
  const warnings: string[] = [];
  const root = walkMime(lines, start, lines.length, 0, !isHeaderSection(readHeaderBlock(lines, start)));
  let top = root.headers;
  const parts = bouncePartsOf(root);
  let text = noticeText(lines, parts);
  // a bounce forwarded inline: its headers as the client wrote them, its words after them
  const forwarded = forwardedBounce(text);
  const outer = top;
  // a colleague's forward whose block names no bounce (text/forward-block.ts: a client's separator, then
  // "Betreff:/Datum:/Von:/An:" about the colleague's own mail): the block is no header section of the
  // notice — what follows it is the paste, read as one without headers (its reply's stage from its own
  // words, as when pasted alone); the block's addresses are still nobody's failed recipient
  const onTop = !forwarded && top.length > 0 ? forwardBlockOnTop(lines.slice(start)) : null;
  const colleague = !!onTop && (onTop.separator === 0 || onTop.fields === 0);
  if (forwarded) {
    top = forwarded.headers;
    text = text.slice(forwarded.start);
  } else if (colleague) top = [];
  let cut = findOriginalStart(text);
  // no separator: a header section after the words is the copy of the message (MIME structure lost)
  if (cut === text.length) {
    const h = findHeaderSection(text);
    if (h > 0) cut = h;
  }
  const human = text.slice(0, cut);
  const humanText = human.map((l) => l.text).join('\n');
  const signals = bounceSignals(top, humanText, forwarded ? undefined : mboxSender(lines[start]));
  const returned = returnedMessage(lines, returnedAt(lines, parts.returned, text, cut), ctx.exactBytes);
  const message = returned?.message ?? null;

  // the original sender and the bounce's own addresses are not failed recipients
  const failed = addressesIn(headerValue(top, 'x-failed-recipients'));
  const failedSet = new Set(failed.map((a) => a.toLowerCase()));
  const exclude = new Set<string>(
    [top, ...(forwarded || colleague ? [outer] : [])]
      .flatMap((h) => [
        ...addressesIn(headerValue(h, 'to')),
        ...addressesIn(headerValue(h, 'from')),
        ...addressesIn(headerValue(h, 'reply-to')),
      ])
      .map((a) => a.toLowerCase())
      .filter((a) => !failedSet.has(a)),
  );
  const textRecipients = findTextRecipients(human, exclude);

  const jsonAt = human.find((l) => /[[{]/.test(l.text))?.line ?? start + 1;
  const service = serviceEvents(humanText, lines, jsonAt);
  let rejections: RawRejection[] = [];
  if (service) {
    rejections = service.rejections;
    warnings.push(...service.warnings);
  } else if (parts.arf.length) rejections = feedbackRefusals(lines, parts.arf);
  else if (parts.mdn.length) rejections = readReceipts(lines, parts.mdn);
  else if (parts.dsn.length) rejections = dsnRefusals(lines, parts.dsn, textRecipients, human);
  else if (signals.autoReply)
    rejections = [
      {
        code: null,
        enhanced: null,
        stage: 'unknown',
        text: `Automatic reply (RFC 3834): ${human.find((l) => l.text.trim())?.text.trim() ?? ''}`.trim(),
        ip: null,
        line: human.find((l) => l.text.trim())?.line ?? start + 1,
        recipient: addressesIn(headerValue(top, 'from'))[0] ?? null,
        reason: 'vacation',
      },
    ];

  if (!rejections.length && !parts.arf.length && !service) {
    // a bounce that carries the log of the failed session (MDaemon): read the log
    rejections = transcriptRefusals(human);
    // (a program's error pasted with its stack trace: the frames name code — "mail (2.5.4) lib/mail/message.rb" —
    // not the refusal, so its words are read without them; the reply finder still sees them, as a frame
    // such as "SMTPTransport.rcptTo" names the command)
    const words = top.length ? human : human.filter((l) => !isStackFrame(l.text));
    if (!rejections.length) rejections = wordRefusals({ human: words, textRecipients, failed, exclude, fallbackLine: start + 1 });
    // a paste without headers (an application's error, a reply copied from a client's error box, a
    // lone DSN block, several replies pasted together), or a notice whose words gave no code: each
    // reply, wherever it sits (parse/replies/)
    const vague = rejections.every((r) => r.code === null && !r.enhanced && !r.reason);
    if (!top.length || vague) {
      const found = findRepliesIn(human)
        .map(asRefusal)
        .filter((r): r is RawRejection => r !== null);
      rejections = fromFoundReplies(found, rejections, textRecipients);
    } else if (rejections.some((r) => r.stage === 'unknown' && (r.code !== null || r.enhanced))) {
      // the notice's words read a reply without its stage; the reply finder reads the same reply's stage
      // from its own words and codes (X.1.7: the sender's address, MAIL FROM; "in reply to …"), wherever
      // the notice's headers came from (a forwarded bounce's block stands for them)
      const found = findRepliesIn(human)
        .map(asRefusal)
        .filter((r): r is RawRejection => r !== null && r.stage !== 'unknown');
      rejections = rejections.map((r) => {
        if (r.stage !== 'unknown') return r;
        const same = found.find((f) => f.code === r.code && (f.enhanced ?? null) === (r.enhanced ?? null));
        return same ? { ...r, stage: same.stage } : r;
      });
    }
    rejections.push(...earlierAttempts(human, rejections));
    // a paste without headers that shows the refusing server's own record of the client's login
    // (its smtpd's "sasl_username=", the poster's "SASL authentication succeeded"): the refusals
    // are that server's answers to its own user — the reader runs the refusing server
    if (!top.length && clientLoggedIn(human.map((l) => l.text).join('\n'))) rejections = rejections.map((r) => ({ ...r, inbound: true }));
  }
  // a bounce forwarded as an attachment (a user passing on the NDR they got):
  // when this one's own words say nothing definite, read the attached one
  if (depth < 2 && rejections.every((r) => r.code === null && !r.enhanced && !r.reason)) {
    for (const p of parts.returned) {
      const inner = p.children[0];
      if (!inner?.headers.length) continue;
      const sub = lines.slice(0, inner.bodyEnd);
      const innerSignals = bounceSignals(inner.headers, sub.slice(inner.bodyStart, inner.bodyStart + 400).join('\n'));
      if (innerSignals.score < 0.9 || innerSignals.autoReply) continue;
      const nested = parseBounceFrom(sub, inner.headers[0].line - 1, ctx, depth + 1);
      if (nested.rejections?.length)
        return {
          ...nested,
          warnings: [...warnings, 'The bounce is attached to another message; the attached bounce was read.', ...nested.warnings],
        };
    }
  }
  if (!rejections.length && !service) warnings.push('This looks like a bounce, but no failed recipient or reason was found in it.');
  // without the returned message, who sent it: a sending service's event names the sender; a
  // daemon's bounce goes to the envelope sender (RFC 5321 §4.5.5, RFC 3464 §2), so its To: is that
  // address (not when a person forwarded it: then To: is whom they forwarded it to)
  const bounceTo = fromDaemon(top) ? headerValue(top, 'to') : undefined;
  const toAddress = bounceTo ? addressesIn(bounceTo)[0] : undefined;
  const toField = top.find((f) => /^to$/i.test(f.name));
  const sender =
    service?.sender ??
    (toAddress && toField && rejections.some((r) => !r.reason)
      ? { mailFrom: { address: toAddress, line: toField.line }, from: null }
      : null);
  return {
    kind: 'bounce',
    rejections,
    message,
    ...(sender && !message ? { sender } : {}),
    hops: returned?.hops ?? [],
    logged: returned?.logged ?? recordedInNotice(lines, human),
    unknownLines: 0,
    warnings,
  };
}

/** A receiver's recorded verdict (RFC 7208 §9.1, RFC 8601) pasted beside the refusal, without the rest of the returned headers. */
const RECORDED_FIELD = /^(?:Received-SPF|Authentication-Results|ARC-Authentication-Results):/i;

/**
 * The verdicts a receiver recorded that a paste quotes beside the refusal ("Diagnostic-Code: smtp;
 * …" then the "Received-SPF: softfail …" line of the returned message), when no returned message
 * was found: they are the receiver's own findings, read as the message reader reads them.
 */
function recordedInNotice(lines: string[], human: BodyLine[]): LoggedCheck[] {
  const at = human.find((l) => l.line > 0 && RECORDED_FIELD.test(l.text) && lines[l.line - 1] === l.text);
  return at ? readMessageAt(lines, at.line - 1, null, false).logged : [];
}

export const bounceParser: InputParser = {
  kind: 'bounce',
  detect(lines) {
    const start = firstContentLine(lines);
    const sample = lines.slice(start, start + 3000);
    const block = readHeaderBlock(sample, 0);
    const headers = isHeaderSection(block) ? block.fields : [];
    const body = (headers.length ? sample.slice(block.end + 1) : sample).join('\n');
    const s = bounceSignals(headers, body.slice(0, 60000), headers.length ? mboxSender(sample[0]) : undefined);
    if (!headers.length && headerlessBounce(sample)) return 1;
    // a paste that is neither a log nor a message but quotes a server's reply (an application's error,
    // a client's error box, a lone DSN block): below every log reader and the message reader
    // (what looks like a header section may be a lone DSN block or a log's "2021-09-17T17:39:…" lines)
    if (!s.score) return fragmentScore(sample);
    return s.score;
  },
  parse: parseBounce,
};

/**
 * How sure a paste without headers is a refusal: a reply the finder is sure
 * of (an enhanced code that agrees with the basic one, a wrapper that names
 * the code, words that only quote replies), or a reply a receiver's
 * knowledge entry knows the words of. A reply standing alone at the start of
 * a line of a long text is not enough (prose can start with "550 …"), and a
 * dialogue whose client commands open lines is the transcript reader's.
 */
function fragmentScore(sample: string[]): number {
  if (sample.some((l) => /^(?:EHLO|HELO|MAIL FROM:|RCPT TO:|DATA\s*$|QUIT\s*$)/i.test(l))) return 0;
  const long = sample.filter((l) => l.trim()).length > 40;
  const found = findRepliesIn(sample.slice(0, 400).map((text, i) => ({ text, line: i + 1 }))).filter((f) => asRefusal(f));
  if (found.some((f) => f.sure && !(long && f.via === 'line'))) return 0.45;
  // a reply whose words a table knows (a receiver's entry, a stated check, a problem, a reason's
  // words); in a long text, not a line that merely starts with a number
  if (found.some((f) => !(long && f.via === 'line') && knownRefusalWords(f.text, f.code, f.enhanced, f.stage))) return 0.35;
  // a reply line of its own in a short paste, whose words no table knows but say a refusal (reply-line.ts:
  // an SMTP code, not a count, not HTTP) — the same line a poster's greeting or a web page's markup surrounds
  const context = sample.slice(0, 400).join('\n');
  if (!long && found.some((f) => f.via === 'line' && f.code !== null && replyLineAlone(f.code, f.text, context))) return 0.35;
  // no code anywhere: a sentence of a notice, an application's error, a gateway's log cell
  return !found.length && knownWordsAlone(sample) ? 0.32 : 0;
}

export { allParts };
