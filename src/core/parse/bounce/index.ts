// Bounces: RFC 3464 delivery status notifications, Microsoft and other NDRs,
// unstructured bounces (qmail, Exim, Sendmail, Gmail…), ARF feedback reports
// (RFC 5965) and RFC 3834 auto-replies. One refusal per failed recipient; the
// returned message's headers become Evidence.message so that the header
// checks run on them.

import type { InputParser, ParseContext, ParseResult, RawRejection } from '../parser';
import type { Sender } from '../../types';
import { readHeaderBlock, type HeaderBlock } from '../header-block';
import { readMessageAt, type MessageAt } from '../message';
import { allParts, bodyLines, headerValue, walkMime, type BodyLine, type MimePart } from './mime';
import { parseDeliveryStatus, stripAddressType } from './dsn';
import { bounceSignals, headerlessBounce } from './detect';
import {
  DELAY_NOTICE,
  findOriginalStart,
  findTextRecipients,
  diagnosticLines,
  looksLikeDiagnostic,
  findHeaderSection,
  DISPLAYED,
  sentenceRecipient,
  type TextRecipient,
} from './text';
import { findReply, replyInText } from './reply';
import { forwardedBounce } from './forward';
import { readDiagnostic } from './diagnostic';
import { looksLikeSesNotification, readSesNotification, sesSender } from './ses';
import { addressIn, espRefusals, senderOf } from './esp';
import { transcriptRefusals } from './transcript';

/**
 * Whether the lines at the top are a header section: two fields or more, not
 * mostly other lines, and none named like an address — a pasted Postfix
 * paragraph "<a@b>: host mx[ip] said: 554 …" (with its indented
 * continuation lines) has the shape of one folded field, but is the notice.
 */
function isHeaderSection(block: HeaderBlock): boolean {
  return block.fields.length >= 2 && block.malformed.length <= block.fields.length && !block.fields.some((f) => /[<>@]/.test(f.name));
}

function firstContentLine(lines: string[]): number {
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  return i;
}

/** Parts inside a returned message are the original mail, not the bounce's words. */
function bouncePartsOf(root: MimePart): { texts: MimePart[]; dsn: MimePart[]; arf: MimePart[]; mdn: MimePart[]; returned: MimePart[] } {
  const texts: MimePart[] = [];
  const dsn: MimePart[] = [];
  const arf: MimePart[] = [];
  const mdn: MimePart[] = [];
  const returned: MimePart[] = [];
  const visit = (p: MimePart) => {
    if (p.type === 'message/delivery-status' || p.type === 'message/global-delivery-status') dsn.push(p);
    else if (p.type === 'message/feedback-report') arf.push(p);
    else if (p.type === 'message/disposition-notification' || p.type === 'message/global-disposition-notification') mdn.push(p);
    else if (/^(?:message\/rfc822|message\/global|text\/rfc822-headers|message\/global-headers|message\/partial)$/.test(p.type)) {
      returned.push(p);
      return;
    } else if (
      !p.type.startsWith('multipart/') &&
      (p.type === 'text/plain' || p.type === 'text/html') &&
      !/attachment/i.test(headerValue(p.headers, 'content-disposition') ?? '')
    ) {
      texts.push(p);
    } else if (!p.type.startsWith('multipart/') && !p.type.startsWith('text/')) return;
    p.children.forEach(visit);
  };
  if (!root.type.startsWith('multipart/')) texts.push(root);
  else root.children.forEach(visit);
  // prefer plain text over HTML alternatives of the same words
  const plain = texts.filter((t) => t.type === 'text/plain');
  return { texts: plain.length ? plain : texts, dsn, arf, mdn, returned };
}

/** The character references Exchange and Gmail write in their HTML notices (&#39; around the reply, &quot;…). */
const ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

function htmlToText(lines: BodyLine[]): BodyLine[] {
  return lines.map((l) => ({
    line: l.line,
    text: l.text
      // a tag that opens the line leaves no indentation behind (it would read as a folded line)
      .replace(/^(?:\s*<[^>]*>)+/, '')
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&(?:#(\d{1,6})|#x([0-9a-f]{1,6})|(nbsp|lt|gt|quot|apos|amp));/gi, (m, dec: string, hex: string, name: string) => {
        if (name) return ENTITIES[name.toLowerCase()];
        const cp = dec ? Number(dec) : parseInt(hex, 16);
        return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      }),
  }));
}

/** Where the returned message's headers are: a message/rfc822 (or headers) part, or after the separator in the text. */
function returnedAt(lines: string[], returned: MimePart[], text: BodyLine[], cut: number): { start: number; end: number } | null {
  const part = returned.find((p) => p.children.length && p.children[0].headers.length) ?? returned[0];
  if (part) {
    const inner = part.children[0];
    if (inner?.headers.length) return { start: inner.headers[0].line - 1, end: inner.bodyEnd };
    const block = readHeaderBlock(lines.slice(0, part.bodyEnd), part.bodyStart);
    return block.fields.length >= 2 ? { start: block.fields[0].line - 1, end: part.bodyEnd } : null;
  }
  if (cut < text.length) {
    // the text part's own lines after the separator (or from the header section itself), when they map 1:1 to the input
    let i = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/.test(text[cut].text) ? cut : cut + 1;
    while (i < text.length && !/^[\x21-\x39\x3b-\x7e]+:/.test(text[i].text)) i++;
    if (i < text.length && text[i].line > 0 && lines[text[i].line - 1] === text[i].text) {
      const block = readHeaderBlock(lines, text[i].line - 1);
      // a mail client's rendering of the original (From, To, Date, Subject only) is not its header section
      const raw = block.fields.some((f) => !DISPLAYED.has(f.name.toLowerCase()));
      if (block.fields.length >= 2 && raw) return { start: text[i].line - 1, end: Math.max(text[text.length - 1].line, block.end) };
    }
  }
  return null;
}

/**
 * The returned message read by the message reader (parse/message.ts), so that
 * its headers, Received chain and verdicts are checked like a pasted message's,
 * with the input's line numbers.
 */
function returnedMessage(lines: string[], at: { start: number; end: number } | null, exactBytes: boolean): MessageAt | null {
  if (!at) return null;
  const r = readMessageAt(lines.slice(0, at.end), at.start, null, exactBytes);
  return r.message.headers.length >= 2 ? r : null;
}

function addressesIn(value: string | undefined): string[] {
  return [...(value ?? '').matchAll(/[^\s<>,;:"()]+@[^\s<>,;:"()]+/g)].map((m) => m[0].replace(/\.$/, ''));
}

export function parseBounce(lines: string[], _text: string, ctx: ParseContext): ParseResult {
  return parseBounceFrom(lines, firstContentLine(lines), ctx, 0);
}

function parseBounceFrom(lines: string[], start: number, ctx: ParseContext, depth: number): ParseResult {
  const warnings: string[] = [];
  const root = walkMime(lines, start, lines.length, 0, !isHeaderSection(readHeaderBlock(lines, start)));
  let top = root.headers;
  const parts = bouncePartsOf(root);
  let text: BodyLine[] = [];
  for (const p of parts.texts) {
    const b = bodyLines(lines, p);
    text.push(...(p.type === 'text/html' ? htmlToText(b) : b), { text: '', line: 0 });
  }
  // a bounce forwarded inline is quoted ("> "): read it without the quote marks
  // (only "> " marks: Sendmail's ">>> RCPT To:" transcript lines are not quotes)
  text = text.map((l) => ({ text: l.text.replace(/^(?:>[ \t]|>$)+/, ''), line: l.line }));
  // a bounce forwarded inline: its headers as the client wrote them, its words after them
  const forwarded = forwardedBounce(text);
  const outer = top;
  if (forwarded) {
    top = forwarded.headers;
    text = text.slice(forwarded.start);
  }
  let cut = findOriginalStart(text);
  // no separator: a header section after the words is the copy of the message (MIME structure lost)
  if (cut === text.length) {
    const h = findHeaderSection(text);
    if (h > 0) cut = h;
  }
  const human = text.slice(0, cut);
  const signals = bounceSignals(top, human.map((l) => l.text).join('\n'));
  const returned = returnedMessage(lines, returnedAt(lines, parts.returned, text, cut), ctx.exactBytes);
  const message = returned?.message ?? null;

  // the original sender and the bounce's own addresses are not failed recipients
  const failedHeader = new Set(addressesIn(headerValue(top, 'x-failed-recipients')).map((a) => a.toLowerCase()));
  const exclude = new Set<string>(
    [top, ...(forwarded ? [outer] : [])]
      .flatMap((h) => [
        ...addressesIn(headerValue(h, 'to')),
        ...addressesIn(headerValue(h, 'from')),
        ...addressesIn(headerValue(h, 'reply-to')),
      ])
      .map((a) => a.toLowerCase())
      .filter((a) => !failedHeader.has(a)),
  );
  const textRecipients = findTextRecipients(human, exclude);
  const rejections: RawRejection[] = [];

  const humanText = human.map((l) => l.text).join('\n');
  const jsonAt = human.find((l) => /[[{]/.test(l.text))?.line ?? start + 1;
  const espFound = looksLikeSesNotification(humanText) ? null : espRefusals(humanText, lines, jsonAt);
  const esp = espFound?.rejections ?? null;
  let sender: Sender | null = espFound?.sender ?? null;
  if (looksLikeSesNotification(humanText)) {
    const s = sesSender(humanText);
    sender = senderOf(addressIn(s.mailFrom), addressIn(s.from), lines, jsonAt);
  }
  if (looksLikeSesNotification(humanText))
    rejections.push(
      ...readSesNotification(humanText, jsonAt).map((r) => {
        // the line that names the recipient, as the other services' events
        const at = r.recipient ? lines.findIndex((l) => l.includes(`"${r.recipient}"`)) : -1;
        return at >= 0 ? { ...r, line: at + 1 } : r;
      }),
    );
  else if (esp) {
    rejections.push(...esp);
    if (!esp.length) warnings.push('The sending service reported no failed recipient in these events (deliveries, opens or clicks only).');
  }
  if (rejections.length || esp) {
    // a sending service's event notification: read above
  } else if (parts.arf.length) {
    for (const p of parts.arf) {
      const body = bodyLines(lines, p);
      const type = body.find((l) => /^Feedback-Type:/i.test(l.text));
      const rcpts = body.filter((l) => /^(?:Original-Rcpt-To|Removal-Recipient):/i.test(l.text));
      const source = body.find((l) => /^Source-IP:/i.test(l.text));
      const ip = source ? source.text.replace(/^Source-IP:\s*/i, '').trim() : null;
      const what = `Feedback report (RFC 5965)${type ? ': ' + type.text.replace(/^Feedback-Type:\s*/i, '') : ''} — a recipient or their provider reported the message`;
      const list = rcpts.length ? rcpts : [type ?? { text: '', line: p.bodyStart + 1 }];
      for (const r of list) {
        rejections.push({
          code: null,
          enhanced: null,
          stage: 'unknown',
          text: what,
          ip,
          line: r.line,
          recipient: rcpts.length ? stripAddressType(r.text.replace(/^[\w-]+:\s*/, '')) : null,
          reason: 'feedback',
        });
      }
    }
  } else if (parts.mdn.length) {
    // a read receipt (RFC 8098): the message reached the recipient and was shown (or deleted unread)
    for (const p of parts.mdn) {
      const body = bodyLines(lines, p);
      const rcpt = body.find((l) => /^Final-Recipient:/i.test(l.text));
      const disp = body.find((l) => /^Disposition:/i.test(l.text));
      rejections.push({
        code: null,
        enhanced: null,
        stage: 'unknown',
        text: `Read receipt (RFC 8098): ${disp ? disp.text.replace(/^Disposition:\s*/i, '') : 'the recipient opened the message'}`,
        ip: null,
        line: disp?.line ?? rcpt?.line ?? p.bodyStart + 1,
        recipient: rcpt ? stripAddressType(rcpt.text.replace(/^Final-Recipient:\s*/i, '')) : null,
        reason: 'delivered',
      });
    }
  } else if (parts.dsn.length) {
    const delivered: RawRejection[] = [];
    for (const p of parts.dsn) {
      const ds = parseDeliveryStatus(bodyLines(lines, p));
      for (const r of ds.recipients) {
        const action = (r.action?.value ?? '').toLowerCase();
        // delivered/relayed/expanded recipients are reported, not refused (RFC 3464 §2.3.3)
        if (/^(?:delivered|relayed|expanded)/.test(action)) {
          delivered.push({
            code: null,
            enhanced: r.status?.value.split(/\s/)[0] ?? null,
            stage: 'unknown',
            text: `${action[0].toUpperCase()}${action.slice(1)}${r.remoteMta ? ` to ${r.remoteMta.value}` : ''}${r.diagnostic ? `: ${r.diagnostic.value}` : ''}`,
            ip: null,
            line: r.action?.line ?? p.bodyStart + 1,
            recipient: r.finalRecipient?.value || r.originalRecipient?.value || null,
            reason: 'delivered',
          });
          continue;
        }
        const address = r.finalRecipient?.value || r.originalRecipient?.value || null;
        const t = address ? textRecipients.find((x) => x.address.toLowerCase() === address.toLowerCase()) : undefined;
        const humanText =
          t?.text ??
          (ds.recipients.length === 1 && !textRecipients.length
            ? diagnosticLines(human)
                .map((l) => l.text)
                .join(' ')
            : null);
        const d = readDiagnostic({
          status: r.status?.value ?? null,
          // no Diagnostic-Code: the reply the text part quotes, if it quotes one
          diagnostic: r.diagnostic?.value ?? (humanText ? replyInText(humanText) : null),
          diagnosticType: r.diagnosticType,
          action,
          remoteMta: r.remoteMta?.value ?? null,
          humanText,
        });
        rejections.push({
          ...d,
          line: r.diagnostic?.line ?? r.status?.line ?? r.finalRecipient?.line ?? p.bodyStart + 1,
          recipient: address,
        });
      }
    }
    // a success notice ("Delivered:", "Relayed:"): nothing failed
    if (!rejections.length) rejections.push(...delivered);
  } else if (signals.autoReply) {
    rejections.push({
      code: null,
      enhanced: null,
      stage: 'unknown',
      text: `Automatic reply (RFC 3834): ${human.find((l) => l.text.trim())?.text.trim() ?? ''}`.trim(),
      ip: null,
      line: human.find((l) => l.text.trim())?.line ?? start + 1,
      recipient: addressesIn(headerValue(top, 'from'))[0] ?? null,
      reason: 'vacation',
    });
  }

  // a bounce that carries the log of the failed session (MDaemon): read the log
  if (!rejections.length && !parts.arf.length && !esp) rejections.push(...transcriptRefusals(human));

  if (!rejections.length && !parts.arf.length && !esp) {
    const failed = addressesIn(headerValue(top, 'x-failed-recipients'));
    let recs: TextRecipient[] = textRecipients.filter((r) => r.text || failed.includes(r.address));
    if (failed.length) {
      const known = recs.filter((r) => failed.some((f) => f.toLowerCase() === r.address.toLowerCase()));
      if (known.length) recs = known;
    }
    const general = diagnosticLines(human);
    const generalText = general.map((l) => l.text.trim()).join(' ');
    // the receiver's reply, wherever the notice quotes it
    const reply = findReply(human);
    if (!recs.length) {
      // a notice that names its recipient only in a sentence, in any language
      const named = sentenceRecipient(human, exclude);
      const addrs = failed.length ? failed : named ? [named.address] : textRecipients.map((r) => r.address).slice(0, 1);
      const at = reply?.line ?? general[0]?.line ?? start + 1;
      recs = (addrs.length ? addrs : [null]).map((a) => ({ address: a ?? '', line: at, text: '', textLine: at }));
    }
    // a warning that delivery is still being tried: not a final failure
    const delayed = DELAY_NOTICE.test(humanText);
    for (const r of recs) {
      // a block that names no reason (an address alone) takes the bounce's general words; with
      // several recipients, those words include the others' replies, so a block with words keeps its own
      const own =
        r.text && (/\b[45]\d\d\b|[45]\.\d+\.\d+/.test(r.text) || (recs.length > 1 && looksLikeDiagnostic(r.text)))
          ? r.text
          : [r.text, generalText].filter(Boolean).join(' ');
      const context = recs.length === 1 ? human.map((l) => l.text).join('\n') : undefined;
      // the reply itself is the refusal's text; the notice's words around it still give the stage
      const quoted = (r.text ? replyInText(r.text) : null) ?? (recs.length === 1 || !r.text ? (reply?.text ?? null) : null);
      const d = readDiagnostic({
        status: null,
        diagnostic: quoted,
        diagnosticType: null,
        action: '',
        remoteMta: null,
        humanText: own,
        context,
      });
      if (delayed && (d.code === null || d.code < 500)) d.action = 'delayed';
      rejections.push({ ...d, line: r.textLine || r.line, recipient: r.address || null });
    }
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
  if (!rejections.length && !esp) warnings.push('This looks like a bounce, but no failed recipient or reason was found in it.');
  return {
    kind: 'bounce',
    rejections,
    message,
    ...(sender && !message ? { sender } : {}),
    hops: returned?.hops ?? [],
    logged: returned?.logged ?? [],
    unknownLines: 0,
    warnings,
  };
}

export const bounceParser: InputParser = {
  kind: 'bounce',
  detect(lines) {
    const start = firstContentLine(lines);
    const sample = lines.slice(start, start + 3000);
    const block = readHeaderBlock(sample, 0);
    const headers = isHeaderSection(block) ? block.fields : [];
    const body = (headers.length ? sample.slice(block.end + 1) : sample).join('\n');
    const s = bounceSignals(headers, body.slice(0, 60000));
    if (!headers.length && headerlessBounce(sample)) return 1;
    return s.score;
  },
  parse: parseBounce,
};

export { allParts };
