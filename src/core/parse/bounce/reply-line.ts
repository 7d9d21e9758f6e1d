// Whether a line that opens with a 4xx/5xx number is an SMTP reply when nothing else says so: no enhanced
// code (RFC 3463), no wrapper that quotes it, and words no receiver's table knows ("550 Subject contains
// invalid characters", sendmail's "550 /home/u/.forward: line 1: … Can't create output: Permission denied").
// The number must be an SMTP reply code (RFC 5321 §4.2.2–4.2.3 and the extensions:
// knowledge/reply-codes.ts), its words a sentence that says a refusal (knowledge/reply-line.ts
// REFUSAL_WORDS), and not a count or a measure after the number ("500 errors today", "550 MB"), HTTP's
// status phrase ("500 Internal Server Error", "503 Service Unavailable") or a line of an HTTP exchange.

import { COUNTED, HTTP_CONTEXT, HTTP_REASON_PHRASES, REFUSAL_WORDS } from '../../knowledge/reply-line';
import { isReplyCode } from '../../knowledge/reply-codes';

/** Not a number that counts or measures, not HTTP's status phrase, not in an HTTP exchange. */
export function replyShaped(text: string, context: string): boolean {
  const lower = text.toLowerCase();
  return (
    !HTTP_CONTEXT.test(context) &&
    !COUNTED.some((c) => c.test(text)) &&
    !HTTP_REASON_PHRASES.some((h) => lower.startsWith(h.toLowerCase()) && !/\p{L}/u.test(text[h.length] ?? ''))
  );
}

/** The code and the words after it (codes taken off) read as a reply line alone; context: the paste around it. */
export function replyLineAlone(code: number, text: string, context: string): boolean {
  // a sentence: two words of letters at least
  return isReplyCode(code) && replyShaped(text, context) && (text.match(/\p{L}{2,}/gu)?.length ?? 0) >= 2 && REFUSAL_WORDS.test(text);
}
