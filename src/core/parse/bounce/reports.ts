// The machine-readable reports of a bounce, one refusal (or notice) per
// recipient: feedback reports (RFC 5965), read receipts (RFC 8098) and
// delivery status notifications (RFC 3464), whose words the text part adds to.

import type { RawRejection } from '../parser';
import { bodyLines, type BodyLine, type MimePart } from './mime';
import { parseDeliveryStatus, stripAddressType } from './dsn';
import { readDiagnostic } from './diagnostic';
import { replyInText } from './reply';
import { diagnosticLines, type TextRecipient } from './text';

/** A recipient or their provider reported the message (ARF). */
export function feedbackRefusals(lines: string[], arf: MimePart[]): RawRejection[] {
  const out: RawRejection[] = [];
  for (const p of arf) {
    const body = bodyLines(lines, p);
    const type = body.find((l) => /^Feedback-Type:/i.test(l.text));
    const rcpts = body.filter((l) => /^(?:Original-Rcpt-To|Removal-Recipient):/i.test(l.text));
    const source = body.find((l) => /^Source-IP:/i.test(l.text));
    const ip = source ? source.text.replace(/^Source-IP:\s*/i, '').trim() : null;
    const what = `Feedback report (RFC 5965)${type ? ': ' + type.text.replace(/^Feedback-Type:\s*/i, '') : ''} — a recipient or their provider reported the message`;
    const list = rcpts.length ? rcpts : [type ?? { text: '', line: p.bodyStart + 1 }];
    for (const r of list) {
      out.push({
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
  return out;
}

/** A read receipt: the message reached the recipient and was shown (or deleted unread). */
export function readReceipts(lines: string[], mdn: MimePart[]): RawRejection[] {
  return mdn.map((p) => {
    const body = bodyLines(lines, p);
    const rcpt = body.find((l) => /^Final-Recipient:/i.test(l.text));
    const disp = body.find((l) => /^Disposition:/i.test(l.text));
    return {
      code: null,
      enhanced: null,
      stage: 'unknown',
      text: `Read receipt (RFC 8098): ${disp ? disp.text.replace(/^Disposition:\s*/i, '') : 'the recipient opened the message'}`,
      ip: null,
      line: disp?.line ?? rcpt?.line ?? p.bodyStart + 1,
      recipient: rcpt ? stripAddressType(rcpt.text.replace(/^Final-Recipient:\s*/i, '')) : null,
      reason: 'delivered',
    };
  });
}

/**
 * One refusal per failed recipient of the DSNs, with the words the text part
 * gives about it; a success notice ("Delivered:", "Relayed:") where nothing failed.
 */
export function dsnRefusals(lines: string[], dsn: MimePart[], textRecipients: TextRecipient[], human: BodyLine[]): RawRejection[] {
  const out: RawRejection[] = [];
  const delivered: RawRejection[] = [];
  // the text part's words for each recipient, by address (the first mention, as a search would find)
  const textByAddress = new Map<string, TextRecipient>();
  for (const x of textRecipients) if (!textByAddress.has(x.address.toLowerCase())) textByAddress.set(x.address.toLowerCase(), x);
  for (const p of dsn) {
    const ds = parseDeliveryStatus(bodyLines(lines, p));
    for (const r of ds.recipients) {
      const action = (r.action?.value ?? '').toLowerCase();
      const address = r.finalRecipient?.value || r.originalRecipient?.value || null;
      // delivered/relayed/expanded recipients are reported, not refused (RFC 3464 §2.3.3)
      if (/^(?:delivered|relayed|expanded)/.test(action)) {
        delivered.push({
          code: null,
          enhanced: r.status?.value.split(/\s/)[0] ?? null,
          stage: 'unknown',
          text: `${action[0].toUpperCase()}${action.slice(1)}${r.remoteMta ? ` to ${r.remoteMta.value}` : ''}${r.diagnostic ? `: ${r.diagnostic.value}` : ''}`,
          ip: null,
          line: r.action?.line ?? p.bodyStart + 1,
          recipient: address,
          reason: 'delivered',
        });
        continue;
      }
      const t = address ? textByAddress.get(address.toLowerCase()) : undefined;
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
      out.push({
        ...d,
        line: r.diagnostic?.line ?? r.status?.line ?? r.finalRecipient?.line ?? p.bodyStart + 1,
        recipient: address,
        ...(r.originalRecipient && r.originalRecipient.value !== address ? { originalRecipient: r.originalRecipient.value } : {}),
      });
    }
  }
  return out.length ? out : delivered;
}
