// headers.8bit: header fields are US-ASCII (RFC 5322 §2.2); other characters
// must be encoded as RFC 2047 encoded-words — unless every hop speaks
// SMTPUTF8 (RFC 6531/6532), when raw UTF-8 is allowed. Receivers without
// SMTPUTF8 refuse raw 8-bit headers (Postfix "smtputf8_enable = no" bounces
// them; Exchange and MDaemon mark them non-compliant) or show mojibake.

import type { Step } from '../../types';
import type { Rule } from '../rule';
import { addedByReceiver, encodeWords, messageView, passStep, quote, NOT_COMPLIANT } from './common';

const SOURCES = [
  'RFC 5322 §2.2 (header fields are US-ASCII)',
  'RFC 2047 (encoded-words for non-ASCII text)',
  'RFC 6532 §3 (UTF-8 headers with SMTPUTF8)',
];
/** Fields whose value is free text, which RFC 2047 may encode (§5). */
const TEXT_FIELDS = new Set(['subject', 'comments', 'content-description']);
const ADDRESS_FIELDS = new Set(['from', 'sender', 'reply-to', 'to', 'cc', 'bcc']);

/**
 * "Name <addr>": the display name and the angle address that ends the value,
 * as /^(.*?)\s*(<[^<>]*>)\s*$/ would give them, found from the end in one
 * pass (that expression is quadratic on a long run of spaces).
 */
function displayAndAngle(value: string): [string, string, string] | null {
  const v = value.trimEnd();
  if (!v.endsWith('>')) return null;
  const lt = v.lastIndexOf('<');
  if (lt < 0 || v.slice(lt + 1, -1).includes('>')) return null;
  return [value, v.slice(0, lt).trimEnd(), v.slice(lt)];
}

export const eightBitHeaders: Rule = {
  steps: [{ id: 'headers.8bit', explains: NOT_COMPLIANT }],
  reads: [],
  sources: SOURCES,
  run(ctx) {
    const v = messageView(ctx);
    if (!v) return [];
    const steps: Step[] = [];
    const smtputf8 = v.facts?.smtputf8 ?? false;
    for (const f of v.fields) {
      const bad = [...f.raw].filter((c) => c.charCodeAt(0) > 0x7e || (c.charCodeAt(0) < 0x20 && c !== '\t' && c !== '\n'));
      if (!bad.length) continue;
      const name = f.name.toLowerCase();
      const byReceiver = addedByReceiver(v, f);
      const controls = bad.some((c) => c.charCodeAt(0) < 0x20);
      const fix: string[] = [];
      if (TEXT_FIELDS.has(name)) fix.push(`Encode it (RFC 2047): ${f.name}: ${encodeWords(f.value)}`);
      else if (ADDRESS_FIELDS.has(name)) {
        const m = displayAndAngle(f.value);
        if (m && m[1] && /[^\x00-\x7e]/.test(m[1]) && !/[^\x00-\x7e]/.test(m[2]))
          fix.push(`Encode the display name (RFC 2047): ${f.name}: ${encodeWords(m[1].replace(/^"|"$/g, ''))} ${m[2]}`);
        else
          fix.push(
            'The address itself has non-ASCII characters: use an ASCII address (or its A-label domain, xn--…) unless every hop supports SMTPUTF8.',
          );
      } else fix.push(`Encode the non-ASCII text of ${f.name}: with RFC 2047 encoded-words, or leave it out.`);
      fix.push(
        'Better: let the mail library write the headers — every current one encodes non-ASCII text itself (PHPMailer CharSet="UTF-8"; Python email.message.EmailMessage; .NET MailMessage.SubjectEncoding).',
      );
      steps.push({
        rule: 'headers.8bit',
        status: controls ? 'fail' : smtputf8 || byReceiver ? 'info' : 'warn',
        title: controls
          ? `${f.name}: contains control characters`
          : `${f.name}: contains raw non-ASCII characters (${[...new Set(bad)].slice(0, 5).join(' ')})${smtputf8 ? ', carried with SMTPUTF8' : ''}`,
        evidence: [{ text: quote(f), line: f.line }],
        detail: byReceiver
          ? "This field was added by the receiving side, so it is not the sender's to fix."
          : smtputf8
            ? 'A hop used SMTPUTF8 (RFC 6531), which allows UTF-8 in headers; receivers without it would still refuse this.'
            : ctx.evidence.message?.exactBytes
              ? 'Header fields must be ASCII; non-ASCII text is sent as RFC 2047 encoded-words. Receivers without SMTPUTF8 refuse raw 8-bit headers or show them garbled.'
              : 'Header fields must be ASCII; non-ASCII text is sent as RFC 2047 encoded-words. (This is a paste: if your mail program decoded the headers before you copied them, check the original file, e.g. by dropping the .eml here.)',
        fix,
        verify: ['Drop the raw .eml of a new test message here and check this step passes.'],
        sources: SOURCES,
      });
    }
    if (!steps.length) steps.push(passStep('headers.8bit', 'Every header field is plain ASCII (non-ASCII text is encoded)', SOURCES));
    return steps;
  },
};
